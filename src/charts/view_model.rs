//! What each chart shows, computed from the dataset, the selected years and the language. The same
//! view-model feeds the canvas, the SVG export, the data table and the tooltips, so the table always
//! holds exactly the numbers drawn.

use crate::data::audit::{self, RateCheck, Severity};
use crate::data::fields::YearField;
use crate::data::model::Localized;
use crate::data::model::Segment;
use crate::data::roles;
use crate::data::{Classification, Dataset, Figure};
use crate::state::{ChartId, YearRange};
use crate::text::format;
use crate::text::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Count inside its total, per year (solid bar inside an outlined one).
    CountOfTotal,
    /// Reported rate per year as a line, computed rate marked where it differs.
    Line,
    /// One bar per year; years without a figure are "not reported".
    Columns,
    /// One horizontal bar per category, labelled directly.
    HBars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    None,
    /// Rounding or truncation in the article: shown in tooltip and table.
    Note,
    /// The article's rate disagrees with its own counts.
    Disagreement,
    /// The article gives no figure for this year.
    NotReported,
    /// A change of classification (a footnote; the chart draws the boundary).
    Break,
}

/// The mark a legend entry shows: the same marks the chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A filled bar of the first classification.
    Solid,
    /// A filled bar of a second classification.
    Solid2,
    /// The outlined bar of a total.
    Outline,
    /// A rate's dot (first classification).
    Dot,
    /// A rate's square (a second classification).
    Square,
    /// A recomputed rate where it differs.
    Cross,
    /// "Not reported" (never zero).
    Dash,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    /// Year or category.
    pub label: String,
    /// `None` = not reported (never drawn as zero).
    pub value: Option<f64>,
    /// Total the value is part of (CountOfTotal).
    pub whole: Option<f64>,
    /// Computed rate where it differs from the reported one (Line).
    pub computed: Option<f64>,
    /// Drawn next to the mark.
    pub value_label: String,
    pub flag: Flag,
    /// Which classification of the chart's years this datum belongs to (0, 1, …): data of two
    /// series are never joined and are drawn in different marks.
    pub series: u8,
    /// Lines of the tooltip (first line is the label).
    pub tooltip: Vec<String>,
    /// Table cells, one per column after the first.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartVm {
    pub id: ChartId,
    pub shape: Shape,
    pub title: String,
    /// Unit and period, and whether the year filter applies.
    pub subtitle: String,
    pub percent_axis: bool,
    pub y_max: f64,
    /// Table header, first column included.
    pub columns: Vec<String>,
    pub data: Vec<Datum>,
    /// Where the classification changes: (index of the first datum under the new one, its name).
    pub breaks: Vec<(usize, String)>,
    /// Legend entries: (mark, text).
    pub legend: Vec<(Mark, String)>,
    /// Footnotes (disagreements, overlaps, what the article leaves unexplained).
    pub notes: Vec<(Flag, String)>,
    pub source: String,
}

fn source_line(ds: &Dataset, lang: Lang) -> String {
    let a = &ds.article;
    format!(
        "{}: “{}”, {}, {} ({})",
        lang.t("Nguồn", "Source"),
        a.title,
        a.author,
        lang.pick(&a.publisher),
        a.date_as_written
    )
}

/// The source line of a yearly chart: the article, and every other document its years cite.
fn yearly_source_line(ds: &Dataset, range: YearRange, lang: Lang) -> String {
    let mut line = source_line(ds, lang);
    let mut seen: Vec<&str> = Vec::new();
    for r in ds.yearly.iter().filter(|r| range.contains(r.year)) {
        if let Some(d) = r.document.as_deref().and_then(|d| ds.document(d)) {
            if !seen.contains(&d.id.as_str()) {
                seen.push(&d.id);
                line.push_str(&format!("; “{}” ({})", d.title, d.date));
            }
        }
    }
    line
}

/// What a yearly chart needs to know about the classifications in its years.
struct Schemes<'a> {
    segments: Vec<Segment<'a>>,
    /// The dataset uses more than one classification: tables name it on every row.
    several: bool,
}

impl<'a> Schemes<'a> {
    fn of(ds: &'a Dataset, range: YearRange) -> Self {
        Schemes {
            segments: ds.segments(range.from, range.to),
            several: ds.several_classifications(),
        }
    }

    /// The one classification of the range, if it has only one.
    fn single(&self) -> Option<&'a Classification> {
        match self.segments.as_slice() {
            [one] => one.classification,
            _ => None,
        }
    }

    /// The counted category's name (`pick`: the top or the bottom one) when the years have one
    /// classification, else `fallback`, a name that covers all of them.
    fn counted(
        &self,
        lang: Lang,
        pick: fn(&Classification) -> &Localized,
        fallback: (&'static str, &'static str),
    ) -> String {
        self.single().map_or_else(
            || lang.t(fallback.0, fallback.1).to_string(),
            |c| lang.pick(pick(c)).to_string(),
        )
    }

    fn top(&self, lang: Lang) -> String {
        self.counted(lang, |c| &c.top, ("loại cao nhất", "the top rating"))
    }

    fn bottom(&self, lang: Lang) -> String {
        self.counted(
            lang,
            |c| &c.bottom,
            (
                "yếu kém / không hoàn thành nhiệm vụ",
                "weak / not completing their tasks",
            ),
        )
    }

    /// (index of the first datum of each new classification, its name).
    fn breaks(&self, lang: Lang) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        for (k, seg) in self.segments.iter().enumerate() {
            if k > 0 {
                let name = seg.classification.map_or("?", |c| lang.pick(&c.name));
                out.push((i, name.to_string()));
            }
            i += seg.rows.len();
        }
        out
    }

    /// A footnote per break: from which year, under what, and that the series are not joined.
    fn notes(&self, lang: Lang) -> Vec<(Flag, String)> {
        let mut out = Vec::new();
        for pair in self.segments.windows(2) {
            let (Some(old), Some(new)) = (pair[0].classification, pair[1].classification) else {
                continue;
            };
            let year = pair[1].first_year();
            // The regulation in full where the data names it, else the scheme's short name.
            let basis = new.basis.as_ref().unwrap_or(&new.name);
            out.push((
                Flag::Break,
                lang.t(
                    format!(
                        "Từ {year}, chất lượng tổ chức đảng được xếp loại theo {}: “{}” thay cho “{}”. Đây là hai thước đo khác nhau; biểu đồ tách chúng ở mốc {year} và không nối liền.",
                        basis.vi, new.top.vi, old.top.vi
                    ),
                    format!(
                        "From {year} Party organisations are rated under {}: “{}” replaces “{}”. These are two different measures; the chart separates them at {year} and never joins them.",
                        basis.en, new.top.en, old.top.en
                    ),
                ),
            ));
        }
        out
    }

    /// Legend entries for the counted category (`pick`: the top or the bottom one): one per
    /// classification with its years, or just `single` when the years have one classification.
    fn legend(
        &self,
        lang: Lang,
        marks: [Mark; 2],
        pick: fn(&Classification) -> &Localized,
        single: &str,
    ) -> Vec<(Mark, String)> {
        if self.segments.len() < 2 {
            return vec![(marks[0], format::capitalise(single))];
        }
        self.segments
            .iter()
            .enumerate()
            .map(|(k, seg)| {
                let name = seg.classification.map_or("?", |c| lang.pick(pick(c)));
                (
                    marks[k % 2],
                    format!(
                        "{} ({})",
                        format::capitalise(name),
                        format::years(seg.first_year(), seg.last_year())
                    ),
                )
            })
            .collect()
    }
}

/// The tooltip line of a rate the audit flags: the recomputed value and what the check found.
fn recomputed_line(computed: &str, check: RateCheck, lang: Lang) -> String {
    format!(
        "{}: {computed} — {}",
        lang.t("Tính lại", "Recomputed"),
        check.words(lang)
    )
}

fn flag_of(check: RateCheck) -> Flag {
    match check.severity() {
        Severity::Ok => Flag::None,
        Severity::Note => Flag::Note,
        Severity::Disagreement => Flag::Disagreement,
    }
}

/// Smallest "nice" axis maximum (1, 2, 2.5, 5 × 10ⁿ steps) at or above `v`.
pub fn nice_max(v: f64) -> f64 {
    if v.is_nan() || v <= 0.0 {
        return 1.0;
    }
    let step = nice_step(v / 4.0);
    (v / step).ceil() * step
}

/// A round tick step near `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    // 10^floor(log10(raw)) by steps: `powf` and `log10` would bring libm's pow into the wasm.
    let mut mag = 1.0;
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    while mag > raw {
        mag /= 10.0;
    }
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// "Rate (as reported)": the yearly field's own label, in tooltips as in tables.
fn rate_label(lang: Lang) -> &'static str {
    let (vi, en) = YearField::Rate.label();
    lang.t(vi, en)
}

fn years_subtitle(range: YearRange, what: &str) -> String {
    format!("{what} · {}", format::years(range.from, range.to))
}

fn quality(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    quality_with_audits(ds, range, lang).0
}

/// The quality chart, the audit of each row's reported rate, and the classifications of the
/// years: the rate chart is the same rows drawn as the reported percentage.
type QualityParts<'a> = (
    ChartVm,
    Vec<Option<audit::RateAudit>>,
    Vec<YearCells>,
    Schemes<'a>,
);

/// A column of a yearly chart's table after the year. Tables are made of named columns, so a
/// chart that shows fewer of them (the rate chart) picks them by name, never by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// The counted category (top or bottom).
    Counted,
    Total,
    Reported,
    Recomputed,
    Check,
}

const COUNT_COLUMNS: [Col; 5] = [
    Col::Counted,
    Col::Total,
    Col::Reported,
    Col::Recomputed,
    Col::Check,
];
const RATE_COLUMNS: [Col; 3] = [Col::Reported, Col::Recomputed, Col::Check];

/// One year's table cells by column (the classification's name is added when the dataset has
/// more than one).
#[derive(Debug, Clone, Default)]
struct YearCells {
    counted: String,
    total: String,
    reported: String,
    recomputed: String,
    check: String,
    scheme: Option<String>,
}

impl YearCells {
    fn pick(&self, columns: &[Col]) -> Vec<String> {
        let mut out: Vec<String> = columns
            .iter()
            .map(|c| match c {
                Col::Counted => &self.counted,
                Col::Total => &self.total,
                Col::Reported => &self.reported,
                Col::Recomputed => &self.recomputed,
                Col::Check => &self.check,
            })
            .cloned()
            .collect();
        out.extend(self.scheme.clone());
        out
    }
}

/// The classification's name for the table, when the dataset has more than one.
fn scheme_name(schemes: &Schemes<'_>, c: Option<&Classification>, lang: Lang) -> Option<String> {
    schemes
        .several
        .then(|| c.map_or_else(String::new, |c| lang.pick(&c.name).to_string()))
}

/// The table header of a yearly chart: the year, the named columns, and the classification when
/// the dataset has more than one.
fn yearly_columns(schemes: &Schemes<'_>, lang: Lang, counted: &str, cols: &[Col]) -> Vec<String> {
    let field = |f: YearField| {
        let (vi, en) = f.label();
        lang.t(vi, en).to_string()
    };
    let mut columns = vec![field(YearField::Year)];
    columns.extend(cols.iter().map(|c| match c {
        Col::Counted => format::capitalise(counted),
        Col::Total => field(YearField::Total),
        Col::Reported => field(YearField::Rate),
        Col::Recomputed => lang.t("Tỷ lệ tính lại", "Rate (recomputed)").into(),
        Col::Check => lang.t("Đối chiếu", "Check").into(),
    }));
    if schemes.several {
        columns.push(field(YearField::Classification));
    }
    columns
}

fn quality_with_audits(ds: &Dataset, range: YearRange, lang: Lang) -> QualityParts<'_> {
    let schemes = Schemes::of(ds, range);
    let mut data = Vec::new();
    let mut notes = Vec::new();
    let mut audits = Vec::new();
    let mut all_cells = Vec::new();
    for (series, seg) in schemes.segments.iter().enumerate() {
        let top_label = seg
            .classification
            .map_or_else(String::new, |c| format::capitalise(lang.pick(&c.top)));
        for r in seg.rows {
            let audit = audit::year_rate(ds, r.year);
            let (flag, computed, check) = match &audit {
                Some(a) => (flag_of(a.check), a.computed, a.check),
                None => (Flag::None, 0.0, RateCheck::Matches),
            };
            let reported = format::written_percent(&r.rate, lang);
            let computed_s = format::percent(computed, 2, lang);
            let mut tooltip = vec![
                r.year.to_string(),
                format!(
                    "{}: {} / {}",
                    top_label,
                    format::int(r.top, lang),
                    format::int(r.total, lang)
                ),
                format!("{}: {reported}", rate_label(lang)),
            ];
            if flag != Flag::None {
                tooltip.push(recomputed_line(&computed_s, check, lang));
            }
            if flag == Flag::Disagreement {
                notes.push((
                    Flag::Disagreement,
                    lang.t(
                        format!(
                            "{}: bài báo ghi {} nhưng {}/{} = {}.",
                            r.year, reported, r.top, r.total, computed_s
                        ),
                        format!(
                            "{}: the article says {} but {}/{} = {}.",
                            r.year, reported, r.top, r.total, computed_s
                        ),
                    ),
                ));
            }
            let year_cells = YearCells {
                counted: format::int(r.top, lang),
                total: format::int(r.total, lang),
                reported,
                recomputed: computed_s,
                check: check.words(lang).to_string(),
                scheme: scheme_name(&schemes, seg.classification, lang),
            };
            data.push(Datum {
                label: r.year.to_string(),
                value: Some(f64::from(r.top)),
                whole: Some(f64::from(r.total)),
                computed: None,
                value_label: format::int(r.top, lang),
                flag,
                series: series as u8,
                tooltip,
                cells: year_cells.pick(&COUNT_COLUMNS),
            });
            audits.push(audit);
            all_cells.push(year_cells);
        }
    }
    notes.extend(schemes.notes(lang));
    let max = data.iter().filter_map(|d| d.whole).fold(0.0, f64::max);
    let top = schemes.top(lang);
    let columns = yearly_columns(&schemes, lang, &top, &COUNT_COLUMNS);
    let mut legend = schemes.legend(lang, [Mark::Solid, Mark::Solid2], |c| &c.top, &top);
    legend.push((
        Mark::Outline,
        lang.t("Tổng số tổ chức", "All organisations").into(),
    ));
    let vm = ChartVm {
        id: ChartId::Quality,
        shape: Shape::CountOfTotal,
        title: lang.t(
            format!("Tổ chức cơ sở đảng đạt {top}"),
            format!("Grassroots Party organisations rated {top}"),
        ),
        subtitle: years_subtitle(range, lang.t("Số tổ chức", "Organisations")),
        percent_axis: false,
        y_max: nice_max(max),
        columns,
        breaks: schemes.breaks(lang),
        data,
        legend,
        notes,
        source: yearly_source_line(ds, range, lang),
    };
    (vm, audits, all_cells, schemes)
}

fn rate(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    let (mut vm, audits, cells, schemes) = quality_with_audits(ds, range, lang);
    let mut any_diff = false;
    let years = ds.yearly.iter().filter(|r| range.contains(r.year));
    for (((d, a), r), c) in vm.data.iter_mut().zip(audits).zip(years).zip(&cells) {
        if let Some(a) = a {
            d.value = Some(a.reported_value);
            d.whole = None;
            d.value_label = format::written_percent(&r.rate, lang);
            if d.flag == Flag::Disagreement {
                d.computed = Some(a.computed);
                any_diff = true;
            }
        }
        d.cells = c.pick(&RATE_COLUMNS);
    }
    vm.id = ChartId::Rate;
    vm.shape = Shape::Line;
    let top = schemes.top(lang);
    vm.columns = yearly_columns(&schemes, lang, &top, &RATE_COLUMNS);
    vm.title = lang.t(format!("Tỷ lệ đạt {top}"), format!("Share rated {top}"));
    vm.subtitle = years_subtitle(
        range,
        lang.t(
            "% tổng số tổ chức cơ sở đảng",
            "% of all grassroots organisations",
        ),
    );
    vm.percent_axis = true;
    vm.y_max = 100.0;
    vm.legend = if schemes.segments.len() < 2 {
        vec![(
            Mark::Dot,
            lang.t("Tỷ lệ bài báo ghi", "Rate as reported").into(),
        )]
    } else {
        schemes.legend(lang, [Mark::Dot, Mark::Square], |c| &c.top, "")
    };
    if any_diff {
        vm.legend.push((
            Mark::Cross,
            lang.t(
                "Tính lại từ số đếm (khi khác)",
                "Recomputed from counts (where different)",
            )
            .into(),
        ));
    }
    vm
}

fn weak(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    let schemes = Schemes::of(ds, range);
    let not_reported = lang.t("không báo cáo", "not reported");
    let rates = audit::rates(ds); // once, not once per year
    let mut data = Vec::new();
    for (series, seg) in schemes.segments.iter().enumerate() {
        let bottom_label = seg
            .classification
            .map_or_else(String::new, |c| format::capitalise(lang.pick(&c.bottom)));
        for r in seg.rows {
            let audit = rates
                .iter()
                .find(|a| a.of == audit::RateOf::Bottom(r.year))
                .cloned();
            let d = match r.bottom {
                Some(w) => {
                    let rate = r
                        .bottom_rate
                        .as_deref()
                        .map(|s| format::written_percent(s, lang))
                        .unwrap_or_default();
                    let (flag, computed, check) =
                        audit.map_or((Flag::None, String::new(), RateCheck::Matches), |a| {
                            (
                                flag_of(a.check),
                                format::percent(a.computed, 2, lang),
                                a.check,
                            )
                        });
                    let mut tooltip = vec![
                        r.year.to_string(),
                        format!(
                            "{}: {} / {}",
                            bottom_label,
                            format::int(w, lang),
                            format::int(r.total, lang)
                        ),
                        format!("{}: {rate}", rate_label(lang)),
                    ];
                    if flag != Flag::None {
                        tooltip.push(recomputed_line(&computed, check, lang));
                    }
                    Datum {
                        label: r.year.to_string(),
                        value: Some(f64::from(w)),
                        whole: Some(f64::from(r.total)),
                        computed: None,
                        value_label: format::int(w, lang),
                        flag,
                        series: series as u8,
                        tooltip,
                        cells: YearCells {
                            counted: format::int(w, lang),
                            total: format::int(r.total, lang),
                            reported: rate,
                            recomputed: computed,
                            check: check.words(lang).into(),
                            scheme: scheme_name(&schemes, seg.classification, lang),
                        }
                        .pick(&COUNT_COLUMNS),
                    }
                }
                None => Datum {
                    label: r.year.to_string(),
                    value: None,
                    whole: Some(f64::from(r.total)),
                    computed: None,
                    value_label: "—".into(),
                    flag: Flag::NotReported,
                    series: series as u8,
                    tooltip: vec![r.year.to_string(), {
                        let b = seg.classification.map_or("", |c| lang.pick(&c.bottom));
                        match r.document {
                            None => lang.t(
                                format!("Bài báo không nêu số tổ chức {b} năm này"),
                                format!("The article gives no {b} count for this year"),
                            ),
                            Some(_) => lang.t(
                                format!("Nguồn không nêu số tổ chức {b} năm này"),
                                format!("The source gives no {b} count for this year"),
                            ),
                        }
                    }],
                    cells: YearCells {
                        counted: not_reported.into(),
                        total: format::int(r.total, lang),
                        reported: "—".into(),
                        recomputed: "—".into(),
                        check: "—".into(),
                        scheme: scheme_name(&schemes, seg.classification, lang),
                    }
                    .pick(&COUNT_COLUMNS),
                },
            };
            data.push(d);
        }
    }
    let max = data.iter().filter_map(|d| d.value).fold(0.0, f64::max);
    let bottom = schemes.bottom(lang);
    let reported: Vec<String> = data
        .iter()
        .filter(|d| d.value.is_some())
        .map(|d| d.label.clone())
        .collect();
    let reported = match reported.as_slice() {
        [] => lang
            .t("không năm nào có số liệu", "reported for no year")
            .to_string(),
        [..] if reported.len() == data.len() => lang
            .t("có số liệu mọi năm", "reported every year")
            .to_string(),
        [one] => lang.t(
            format!("chỉ {one} có số liệu"),
            format!("reported for {one} only"),
        ),
        [init @ .., last] => lang.t(
            format!("chỉ {}, {last} có số liệu", init.join(", ")),
            format!("reported for {} and {last} only", init.join(", ")),
        ),
    };
    let columns = yearly_columns(&schemes, lang, &bottom, &COUNT_COLUMNS);
    let mut legend = schemes.legend(lang, [Mark::Solid, Mark::Solid2], |c| &c.bottom, &bottom);
    legend.push((
        Mark::Dash,
        lang.t(
            "— không báo cáo (không phải 0)",
            "— not reported (not zero)",
        )
        .into(),
    ));
    ChartVm {
        id: ChartId::Weak,
        shape: Shape::Columns,
        title: lang.t(
            format!("Tổ chức cơ sở đảng {bottom}"),
            format!("Grassroots Party organisations rated {bottom}"),
        ),
        subtitle: years_subtitle(
            range,
            &lang.t(
                format!("Số tổ chức; {reported}"),
                format!("Organisations; {reported}"),
            ),
        ),
        percent_axis: false,
        y_max: nice_max(max.max(4.0)),
        columns,
        breaks: schemes.breaks(lang),
        data,
        legend,
        notes: schemes.notes(lang),
        source: yearly_source_line(ds, range, lang),
    }
}

/// A figure's period in words: "2008–2017", or "at publication (2018)" for "now", the year
/// being the article's own.
pub fn period_label(ds: &Dataset, period: &str, lang: Lang) -> String {
    match period.split_once("..") {
        Some((a, b)) => format!("{a}–{b}"),
        None => {
            let y = ds.publication_year();
            lang.t(
                format!("tại thời điểm công bố ({y})"),
                format!("at publication ({y})"),
            )
        }
    }
}

/// What a totals chart draws: the figures of its group that share its period (the new-member
/// groups: the shares of `members.new`), the whole they are shares of, and the rest of the group
/// (another period, or not a share), which become notes.
struct Totals<'a> {
    bars: Vec<&'a Figure>,
    whole: Option<&'a Figure>,
    rest: Vec<&'a Figure>,
    period: String,
}

impl<'a> Totals<'a> {
    fn of(ds: &'a Dataset, id: ChartId) -> Self {
        let group: Vec<&Figure> = id.group().map_or_else(Vec::new, |g| ds.group(g).collect());
        let whole = (id == ChartId::Members)
            .then(|| ds.figure(roles::MEMBERS_NEW))
            .flatten();
        // The chart's period: its role figure's (the first of its group's otherwise).
        let lead = match id {
            ChartId::Members => whole,
            ChartId::Cadres => ds.figure(roles::CADRES_ADDED),
            _ => None,
        }
        .or(group.first().copied());
        let period = lead.map_or_else(String::new, |f| f.period.clone());
        let (bars, rest): (Vec<&Figure>, Vec<&Figure>) =
            group.into_iter().partition(|f| match whole {
                Some(w) => f.of.as_deref() == Some(w.id.as_str()),
                None => f.period == period,
            });
        let rest = rest
            .into_iter()
            .filter(|f| whole.is_none_or(|w| w.id != f.id))
            .collect();
        Totals {
            bars,
            whole,
            rest,
            period,
        }
    }
}

/// Horizontal bars of a group's figures (in data-file order), values as counts or shares of a
/// whole.
fn hbars(ds: &Dataset, id: ChartId, lang: Lang) -> ChartVm {
    let t = Totals::of(ds, id);
    let whole = t.whole;
    let data: Vec<Datum> = t
        .bars
        .iter()
        .map(|f| {
            let label = lang.pick(&f.label).to_string();
            let count = format::as_written(&f.as_written, lang);
            match whole {
                Some(w) => {
                    let share = f.value / w.value * 100.0;
                    let reported = f
                        .reported_share
                        .as_deref()
                        .map(|s| format::written_percent(s, lang));
                    let shown = reported
                        .clone()
                        .unwrap_or_else(|| format::percent(share, 2, lang));
                    Datum {
                        label: label.clone(),
                        value: Some(share),
                        whole: Some(100.0),
                        computed: None,
                        value_label: format!("{shown} ({count})"),
                        flag: Flag::None,
                        series: 0,
                        tooltip: vec![
                            label,
                            format!(
                                "{count} / {} ({})",
                                format::as_written(&w.as_written, lang),
                                lang.pick(&w.label)
                            ),
                            format!(
                                "{}: {}",
                                lang.t("Tỷ lệ tính", "Share (computed)"),
                                format::percent(share, 2, lang)
                            ),
                        ]
                        .into_iter()
                        .chain(
                            reported
                                .clone()
                                .map(|r| format!("{}: {r}", lang.t("Nguồn ghi", "Source says"))),
                        )
                        .collect(),
                        cells: vec![
                            count,
                            format::percent(share, 2, lang),
                            reported.unwrap_or_else(|| "—".into()),
                        ],
                    }
                }
                None => {
                    let period = period_label(ds, &f.period, lang);
                    Datum {
                        label: label.clone(),
                        value: Some(f.value),
                        whole: None,
                        computed: None,
                        value_label: count.clone(),
                        flag: Flag::None,
                        series: 0,
                        tooltip: vec![label, count.clone(), period.clone()],
                        cells: vec![count, period],
                    }
                }
            }
        })
        .collect();
    let max = data.iter().filter_map(|d| d.value).fold(0.0, f64::max);
    let period = period_label(ds, &t.period, lang);
    let unfiltered = lang.t("không theo bộ lọc năm", "not filtered by year");
    let organisations = || {
        lang.t(
            format!("Số tổ chức · {period} · {unfiltered}"),
            format!("Organisations · {period} · {unfiltered}"),
        )
    };
    let (title, subtitle): (&str, String) = match id {
        ChartId::Changes => (
            lang.t("Thay đổi tổ chức cơ sở đảng", "Organisational changes"),
            organisations(),
        ),
        ChartId::Structure => (lang.t("Cơ cấu tổ chức", "Structure"), organisations()),
        ChartId::Members => {
            let of = whole.map_or_else(String::new, |w| {
                format!(
                    "{} ({})",
                    lang.pick(&w.label),
                    format::as_written(&w.as_written, lang)
                )
            });
            (
                lang.t(
                    "Đảng viên mới kết nạp: tỷ lệ theo nhóm",
                    "New Party members: share by group",
                ),
                lang.t(
                    format!("% của {of} · {period} · các nhóm chồng lấn, không cộng thành 100%"),
                    format!("% of {of} · {period} · groups overlap and do not add up to 100%"),
                ),
            )
        }
        _ => (
            lang.t("Cấp ủy viên được bổ sung", "Committee members added"),
            lang.t(
                format!("Số người · {period} · {unfiltered}"),
                format!("People · {period} · {unfiltered}"),
            ),
        ),
    };
    // The unit's own words for the chart, where the data gives them.
    let title = ds
        .chart_title(id.id())
        .map_or_else(|| title.to_string(), |l| lang.pick(l).to_string());
    let mut columns = vec![
        lang.t("Hạng mục", "Item").to_string(),
        lang.t("Số lượng", "Number").into(),
    ];
    if whole.is_some() {
        columns.push(lang.t("Tỷ lệ tính", "Share (computed)").into());
        columns.push(lang.t("Tỷ lệ nguồn ghi", "Share (as reported)").into());
    } else {
        columns.push(lang.t("Thời kỳ", "Period").into());
    }
    let mut notes = hbar_notes(ds, id, lang);
    // The rest of the group, each in a sentence of its own with its period.
    notes.extend(t.rest.iter().map(|f| {
        (
            Flag::None,
            format!(
                "{} ({}): {}.",
                lang.pick(&f.label),
                period_label(ds, &f.period, lang),
                f.value_text(lang)
            ),
        )
    }));
    ChartVm {
        id,
        shape: Shape::HBars,
        title,
        subtitle,
        percent_axis: whole.is_some(),
        y_max: if whole.is_some() {
            100.0
        } else {
            nice_max(max)
        },
        columns,
        data,
        breaks: vec![],
        legend: vec![],
        notes,
        source: source_line(ds, lang),
    }
}

/// "Whole: 90 = part 28 + part 62": each sum rule of the chart's group, from the figures.
fn sum_notes(ds: &Dataset, id: ChartId, lang: Lang) -> Vec<(Flag, String)> {
    let group = id.group();
    let value = |f: &Figure| f.value_text(lang);
    ds.sums
        .iter()
        .filter_map(|rule| {
            let whole = ds.figure(&rule.whole).filter(|w| Some(w.group) == group)?;
            let parts: Option<Vec<String>> = rule
                .parts
                .iter()
                .map(|p| {
                    ds.figure(p)
                        .map(|f| format!("{} {}", lang.pick(&f.label), value(f)))
                })
                .collect();
            Some((
                Flag::None,
                format!(
                    "{}: {} = {}.",
                    lang.pick(&whole.label),
                    value(whole),
                    parts?.join(" + ")
                ),
            ))
        })
        .collect()
}

fn hbar_notes(ds: &Dataset, id: ChartId, lang: Lang) -> Vec<(Flag, String)> {
    let mut notes = sum_notes(ds, id, lang);
    match id {
        ChartId::Changes => {
            if let Some(u) = audit::unreconciled(ds) {
                notes.push((
                    Flag::Note,
                    lang.t(
                        format!(
                            "Các thay đổi không khớp với mức tăng tổng số: thành lập {} − giải thể {} = {:+}, nhưng tổng số tăng từ {} ({}) lên {} ({}), tức {:+}. Nguồn không giải thích.",
                            u.established, u.dissolved, u.net_changes(), u.first_total, u.first_year, u.last_total, u.last_year, u.growth()
                        ),
                        format!(
                            "The changes do not match the growth of the total: established {} − dissolved {} = {:+}, yet the total grew from {} ({}) to {} ({}), i.e. {:+}. The source does not explain this.",
                            u.established, u.dissolved, u.net_changes(), u.first_total, u.first_year, u.last_total, u.last_year, u.growth()
                        ),
                    ),
                ));
            }
        }
        ChartId::Members => {
            if let Some((sum, whole)) = audit::member_overlap(ds) {
                notes.push((
                    Flag::Note,
                    lang.t(
                        format!("Các nhóm chồng lấn (tổng {} > {}): một đảng viên có thể thuộc nhiều nhóm.", format::int(sum, lang), format::int(whole, lang)),
                        format!("The groups overlap (they sum to {} > {}): one member can be in several groups.", format::int(sum, lang), format::int(whole, lang)),
                    ),
                ));
            }
        }
        _ => {}
    }
    notes
}

/// The view-model of one chart.
pub fn build(ds: &Dataset, id: ChartId, range: YearRange, lang: Lang) -> ChartVm {
    match id {
        ChartId::Quality => quality(ds, range, lang),
        ChartId::Rate => rate(ds, range, lang),
        ChartId::Weak => weak(ds, range, lang),
        _ => hbars(ds, id, lang),
    }
}

/// The table body of a chart as HTML (escaped). Built as one string and set as `innerHTML`: a
/// filter change then costs one DOM operation per table instead of one per cell, and the wasm
/// carries no view type per row.
pub fn table_rows_html(vm: &ChartVm) -> String {
    use crate::text::format::escape_html as escape;
    let mut out = String::new();
    for d in &vm.data {
        out.push_str(if d.flag == Flag::Disagreement {
            "<tr class=\"disagreement\">"
        } else {
            "<tr>"
        });
        out.push_str("<th scope=\"row\">");
        out.push_str(&escape(&d.label));
        out.push_str("</th>");
        for c in &d.cells {
            out.push_str("<td>");
            out.push_str(&escape(c));
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out
}
