//! The typed model of `data/dataset.json`. Reading it from JSON is `decode.rs`'s job, the same
//! code in the build, the tests and the browser.

pub use super::lineage::{Event, EventKind, Flow, LineageUnit};
pub use super::quote::{parse_written, Quote, Written, MORE_THAN};
pub use crate::text::lang::Localized;
use crate::text::{format, lang::Lang};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// The years a record of this kind can carry: the Party was founded in 1930, and 2100 is far
/// beyond any report. A year outside them is a slip (`0`, `20017`), and refusing it here keeps
/// every later step (the filter's steps, the charts' axes) on years that mean something.
pub const PLAUSIBLE_YEARS: RangeInclusive<u16> = 1930..=2100;

/// Everything the article says, as figures with provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub article: Article,
    /// Source sentences, verbatim from the article or a later document, by id. Every figure
    /// points at one.
    pub sentences: BTreeMap<String, String>,
    /// Documents other than the article that years cite (a later year's report). Optional.
    pub documents: Vec<Document>,
    /// The rating schemes the yearly series uses, in order. A change of scheme (Quy định
    /// 132-QĐ/TW from 2018) is a break: the charts never join two of them.
    pub classifications: Vec<Classification>,
    /// One record per year, consecutive, sorted.
    pub yearly: Vec<YearRecord>,
    /// Every other figure of the article.
    pub figures: Vec<Figure>,
    /// Parts that must add up to a whole (28 + 62 = 90).
    pub sums: Vec<SumRule>,
    /// The unit's congress terms, offered as year presets. Optional.
    pub terms: Vec<Term>,
    /// The figures shown as headline tiles, in order (figure ids). Optional.
    pub headline: Vec<String>,
    /// A chart's title where the unit's own words say more than the chart's generic one
    /// ("… under Resolution 22"). Optional.
    pub chart_titles: Vec<ChartTitle>,
    /// The published page's public address (`https://…/`), for link previews and the dataset's
    /// metadata, which crawlers read only with absolute URLs. Optional: without it the page's
    /// tags use relative URLs.
    pub page_url: Option<String>,
    /// Where the figures are about ("Tỉnh Gia Lai, Việt Nam"): the dataset metadata's spatial
    /// coverage. Optional.
    pub place: Option<Localized>,
    /// Every publication of the data, oldest first: the public history of corrections.
    pub revisions: Vec<Revision>,
    /// What became of the unit (`lineage`): the dataset's own unit among `units` (required when
    /// there are events), the units, the events and the flows between them. All optional.
    pub lineage_unit: Option<String>,
    pub units: Vec<LineageUnit>,
    pub events: Vec<Event>,
    pub flows: Vec<Flow>,
}

/// One publication: when, why (the staff's one sentence), and what it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// ISO date (2026-12-02).
    pub date: String,
    pub reason: Localized,
    pub changes: Vec<Change>,
}

/// One value a publication changed, named as the editor names places (`yearly[2014].top`),
/// with its old and new values as the data file writes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub place: Place,
    /// `None`: the place is new.
    pub old: Option<String>,
    /// `None`: the place is gone.
    pub new: Option<String>,
    /// The new value corrects its source: the quote still writes the old one. Without it, a
    /// changed figure's quote writes the new value (it cites a new source).
    pub corrects_source: bool,
}

/// A place of the data file, read once from its name so that tables find their corrections
/// without building names on every year step.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// `yearly[2014].top`
    Year(u16, String),
    /// `figures[members.women].value`
    Figure(String, String),
    /// Anything else (`sentences.res22`, `article.title`).
    Other(String),
}

impl Place {
    pub fn parse(name: &str) -> Place {
        let item = |prefix: &str| {
            let rest = name.strip_prefix(prefix)?;
            let (key, field) = rest.split_once("].")?;
            Some((key.to_string(), field.to_string()))
        };
        if let Some((y, f)) = item("yearly[") {
            if let Ok(y) = y.parse() {
                return Place::Year(y, f);
            }
        }
        match item("figures[") {
            Some((id, f)) => Place::Figure(id, f),
            None => Place::Other(name.to_string()),
        }
    }

    pub fn name(&self) -> String {
        match self {
            Place::Year(y, f) => format!("yearly[{y}].{f}"),
            Place::Figure(id, f) => format!("figures[{id}].{f}"),
            Place::Other(s) => s.clone(),
        }
    }
}

/// `2026-12-02` as Vietnamese writes it, `02/12/2026` (English readers get the same, with the
/// month named nowhere: the format the article itself uses). Anything else is returned as is.
pub fn date_as_written(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if is_iso_date(iso) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// `YYYY-MM-DD`, a day that exists: month 01–12, its day within the month (no 30 February).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u8>().ok());
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.bytes()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && match (
            s.get(..4).and_then(|y| y.parse::<u16>().ok()),
            num(5..7),
            num(8..10),
        ) {
            (Some(y), Some(m @ 1..=12), Some(d)) => d >= 1 && d <= days_in_month(y, m),
            _ => false,
        }
}

/// The days of month `m` (1–12) of year `y`, leap years counted (the Gregorian rule).
fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A congress term (nhiệm kỳ): a preset of the year filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub label: Localized,
    pub from: u16,
    pub to: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartTitle {
    /// A chart id (`changes`).
    pub chart: String,
    pub title: Localized,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub title: String,
    /// ISO date (2018-05-28).
    pub date: String,
    pub date_as_written: String,
    pub author: String,
    pub views: u64,
    pub publisher: Localized,
    pub unit: Localized,
    pub period: Period,
    pub source: String,
    pub quote: String,
    /// The start of every download's file name (`to-chuc-co-so-dang-khoi-cac-co-quan-gia-lai`):
    /// lower-case ASCII letters, digits and hyphens.
    pub slug: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

/// Consecutive years rated under one classification.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment<'a> {
    /// `None` only in data that failed validation.
    pub classification: Option<&'a Classification>,
    pub rows: &'a [YearRecord],
}

impl Segment<'_> {
    pub fn first_year(&self) -> u16 {
        self.rows.first().map_or(0, |r| r.year)
    }
    pub fn last_year(&self) -> u16 {
        self.rows.last().map_or(0, |r| r.year)
    }
}

/// A source other than the article: a later year's report or resolution, a page of another
/// unit, a newspaper's report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Its publication date (ISO). `None`: the source is undated, and says so.
    pub date: Option<String>,
    /// Who published it ("Báo Gia Lai"), its address (`https://…`) and when it was read (ISO):
    /// for sources on the web. Optional.
    pub publisher: Option<Localized>,
    pub url: Option<String>,
    pub accessed: Option<String>,
}

impl Document {
    /// "“Title” (02/12/2019)", or "(không ghi ngày / undated)": how a source line cites it.
    pub fn cited(&self, lang: Lang) -> String {
        let date = self.date.as_deref().map_or_else(
            || lang.t("không ghi ngày", "undated").to_string(),
            date_as_written,
        );
        format!("“{}” ({date})", self.title)
    }
}

/// A rating scheme: what its top and bottom categories are called and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub id: String,
    /// Short name, shown at the break in the charts ("Quy định 132-QĐ/TW").
    pub name: Localized,
    /// The regulation and guidance it follows, when the source names them.
    pub basis: Option<Localized>,
    /// The category `top` counts ("trong sạch vững mạnh", "hoàn thành xuất sắc nhiệm vụ").
    pub top: Localized,
    /// The category `bottom` counts ("yếu kém", "không hoàn thành nhiệm vụ").
    pub bottom: Localized,
}

/// One year of the quality rating: `top` of `total` organisations were rated in the top category
/// of the year's classification; `rate` is the percentage exactly as the source writes it ("64,94").
#[derive(Debug, Clone, PartialEq)]
pub struct YearRecord {
    pub year: u16,
    /// Id of a `Classification`.
    pub classification: String,
    pub top: u32,
    pub total: u32,
    pub rate: String,
    /// In the bottom category (weak / not completed): only some years report it. `None` means
    /// "not reported", never zero.
    pub bottom: Option<u32>,
    pub bottom_rate: Option<String>,
    /// Id of a `Document`; `None` is the article.
    pub document: Option<String>,
    pub source: String,
    pub quote: Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Changes,
    Structure,
    Cadres,
    Members,
    Management,
    /// The lineage's figures (`lineage::Event`, `lineage::Flow`).
    Lineage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
}

/// A single figure with its label, the way the article writes it, and where it says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub group: Group,
    pub value: f64,
    /// Exactly as in the article ("1.173", "02", "0,45"): must parse to `value`.
    pub as_written: String,
    pub unit: Unit,
    pub label: Localized,
    /// "2008..2017", "2010..2020" or "now" (at publication).
    pub period: String,
    pub source: String,
    pub quote: Quote,
    /// The figure this one is a part or share of.
    pub of: Option<String>,
    /// A share of `of` as the article reports it ("79,45").
    pub reported_share: Option<String>,
    /// Id of a `Document`: the figure's sentence is from that source, not the article.
    pub document: Option<String>,
}

impl Figure {
    /// Its value as the reader writes it: its count as written (`1.173`), its percentage, or a
    /// lower bound as one ("trên 1.800" / "over 1,800").
    pub fn value_text(&self, l: Lang) -> String {
        let (mut out, number) = match MORE_THAN
            .iter()
            .find_map(|w| self.as_written.strip_prefix(w))
        {
            Some(n) => (l.t("trên ", "over ").to_string(), n),
            None => (String::new(), self.as_written.as_str()),
        };
        out.push_str(&match self.unit {
            Unit::Percent => format::written_percent(number, l),
            Unit::Count => format::as_written(number, l),
        });
        out
    }

    /// Whether its source gives it as a lower bound ("trên 1.800"): at least this, never exact.
    pub fn more_than(&self) -> bool {
        parse_written(&self.as_written).is_some_and(|w| w.more_than)
    }
}

/// Whether parts add up to a whole: exactly when every figure is exact; when a part is a lower
/// bound (`parts_bound`) the parts are at least their `sum`, so it may not pass the whole; when
/// the whole is one, the exact parts must reach it; two bounds prove nothing.
pub fn sum_holds(whole: f64, whole_bound: bool, sum: f64, parts_bound: bool) -> bool {
    match (whole_bound, parts_bound) {
        (false, false) => (sum - whole).abs() <= 1e-9,
        (false, true) => sum <= whole + 1e-9,
        (true, false) => sum + 1e-9 >= whole,
        (true, true) => true,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SumRule {
    pub whole: String,
    pub parts: Vec<String>,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Changes,
        Group::Structure,
        Group::Cadres,
        Group::Members,
        Group::Management,
        Group::Lineage,
    ];

    /// The name used in data/dataset.json.
    pub fn id(self) -> &'static str {
        match self {
            Group::Changes => "changes",
            Group::Structure => "structure",
            Group::Cadres => "cadres",
            Group::Members => "members",
            Group::Management => "management",
            Group::Lineage => "lineage",
        }
    }
}

impl Unit {
    pub const ALL: [Unit; 2] = [Unit::Count, Unit::Percent];

    /// The name used in data/dataset.json.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
        }
    }
}

impl Dataset {
    /// The date of the latest publication (ISO), when the data records one.
    pub fn updated(&self) -> Option<&str> {
        self.revisions.last().map(|r| r.date.as_str())
    }

    /// The latest change of a place that still holds its new value, and the publication that
    /// made it: what a table cell and a tooltip mark as corrected.
    pub fn correction(&self, place: &Place) -> Option<(&Revision, &Change)> {
        self.revisions.iter().rev().find_map(|r| {
            r.changes
                .iter()
                .rev()
                .find(|c| c.old.is_some() && c.new.is_some() && c.place == *place)
                .map(|c| (r, c))
        })
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn group(&self, group: Group) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.group == group)
    }

    /// The figures that are parts or shares of the figure `whole` (their `of`).
    pub fn parts_of<'a>(&'a self, whole: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures
            .iter()
            .filter(move |f| f.of.as_deref() == Some(whole))
    }

    pub fn year(&self, year: u16) -> Option<&YearRecord> {
        self.yearly.iter().find(|r| r.year == year)
    }

    pub fn classification(&self, id: &str) -> Option<&Classification> {
        self.classifications.iter().find(|c| c.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The classification of a year's record (validation guarantees it exists).
    pub fn classification_of(&self, r: &YearRecord) -> Option<&Classification> {
        self.classification(&r.classification)
    }

    /// The records of `from..=to`, cut where the classification changes: each segment is one
    /// measure, and nothing (a line, a sum, an average) may cross from one segment to the next.
    pub fn segments(&self, from: u16, to: u16) -> Vec<Segment<'_>> {
        let mut out: Vec<Segment<'_>> = Vec::new();
        for (i, r) in self.yearly.iter().enumerate() {
            if r.year < from || r.year > to {
                continue;
            }
            match out.last_mut() {
                Some(s) if s.rows.last().map(|l| &l.classification) == Some(&r.classification) => {
                    let start = i - s.rows.len();
                    s.rows = &self.yearly[start..=i];
                }
                _ => out.push(Segment {
                    classification: self.classification(&r.classification),
                    rows: &self.yearly[i..=i],
                }),
            }
        }
        out
    }

    /// Whether the data has more than one classification: then tables name it on every row
    /// (the app's tables and the pre-rendered one follow this one rule).
    pub fn several_classifications(&self) -> bool {
        self.classifications.len() > 1
    }

    /// The title the data gives a chart, if any.
    pub fn chart_title(&self, chart: &str) -> Option<&Localized> {
        self.chart_titles
            .iter()
            .find(|t| t.chart == chart)
            .map(|t| &t.title)
    }

    /// The year the article was published (its ISO date's first four digits): what figures of
    /// the period "now" describe.
    pub fn publication_year(&self) -> &str {
        self.article.date.get(..4).unwrap_or(&self.article.date)
    }

    /// The terms that overlap the data's years, each cut to them: (term, first year shown,
    /// last year shown). A term entirely outside the data is not offered.
    pub fn terms_in_data(&self) -> Vec<(&Term, u16, u16)> {
        let (first, last) = self.bounds();
        self.terms
            .iter()
            .filter(|t| t.from <= last && t.to >= first && t.from <= t.to)
            .map(|t| (t, t.from.max(first), t.to.min(last)))
            .collect()
    }

    /// First and last year of the series (validation guarantees it is not empty).
    pub fn bounds(&self) -> (u16, u16) {
        let first = self.yearly.first().map_or(0, |r| r.year);
        let last = self.yearly.last().map_or(first, |r| r.year);
        (first, last)
    }
}

/// The lineage's lookups.
impl Dataset {
    pub fn lineage_unit(&self, id: &str) -> Option<&LineageUnit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The flows of an event, in data-file order.
    pub fn flows_of<'a>(&'a self, event: &'a str) -> impl Iterator<Item = &'a Flow> + 'a {
        self.flows.iter().filter(move |f| f.event == event)
    }

    /// Whether the data has a lineage to show (the page then has its card and its line).
    pub fn has_lineage(&self) -> bool {
        !self.events.is_empty()
    }

    /// A figure's value by id, for the lineage's optional figure references.
    pub fn value_of(&self, id: Option<&str>) -> Option<f64> {
        id.and_then(|id| self.figure(id)).map(|f| f.value)
    }
}
