//! What people take away: CSV (comma and dot decimals, or semicolon and decimal comma for a
//! Vietnamese-locale Excel), JSON with provenance, TSV for the clipboard, and file names that say
//! what they hold. Pure functions of the dataset and the selection, tested natively.

use crate::data::audit::{self, RateOf};
use crate::data::fields::YearField;
use crate::data::{Dataset, Figure};
use crate::state::{ChartId, YearRange};
use crate::text::json::Json;
use crate::text::lang::Lang;

/// A cell of an export table: text, or a number kept as a number until the format is chosen.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num(f64),
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// How numbers and fields are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between fields, `.` in numbers: for programs and most spreadsheets.
    Standard,
    /// `;` between fields, `,` in numbers: opens by double-click in a Vietnamese-locale Excel.
    ExcelVi,
    /// Tab between fields, for pasting into Word, Excel or Sheets; decimals as the reader writes
    /// them (comma in Vietnamese).
    Tsv { decimal_comma: bool },
}

fn num(v: f64) -> String {
    // Up to 4 decimals, no trailing zeros: 67.9487, 64.94, 85.
    crate::text::format::plain(v, 4)
}

/// RFC 4180 quoting: a field with the separator, a quote or a line break is quoted, quotes doubled.
fn field(s: &str, sep: char) -> String {
    if s.contains(sep) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Table {
    pub fn write(&self, dialect: Dialect) -> String {
        let (sep, bom) = match dialect {
            Dialect::Standard => (',', true),
            Dialect::ExcelVi => (';', true),
            Dialect::Tsv { .. } => ('\t', false),
        };
        let cell = |c: &Cell| match c {
            Cell::Text(t) if matches!(dialect, Dialect::Tsv { .. }) => {
                t.replace(['\t', '\n', '\r'], " ")
            }
            Cell::Text(t) => field(t, sep),
            Cell::Num(v)
                if matches!(
                    dialect,
                    Dialect::ExcelVi
                        | Dialect::Tsv {
                            decimal_comma: true
                        }
                ) =>
            {
                num(*v).replace('.', ",")
            }
            Cell::Num(v) => num(*v),
            Cell::Empty => String::new(),
        };
        let mut out = String::new();
        if bom {
            out.push('\u{FEFF}');
        }
        let header: Vec<String> = self
            .columns
            .iter()
            .map(|c| cell(&Cell::Text(c.clone())))
            .collect();
        out.push_str(&header.join(&sep.to_string()));
        out.push_str("\r\n");
        for r in &self.rows {
            let line: Vec<String> = r.iter().map(cell).collect();
            out.push_str(&line.join(&sep.to_string()));
            out.push_str("\r\n");
        }
        out
    }
}

fn check_name(c: audit::RateCheck) -> &'static str {
    use audit::RateCheck::*;
    match c {
        Matches => "matches",
        FewerDecimals => "fewer_decimals",
        Truncated => "truncated",
        Imprecise => "imprecise",
        Disagreement => "disagreement",
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The yearly series in the range: counts, reported and computed rates, the audit, the source.
fn yearly(ds: &Dataset, range: YearRange, lang: Lang) -> Table {
    let rates = audit::rates(ds);
    let find = |of: RateOf| rates.iter().find(|a| a.of == of);
    // The record's own fields by their one column name (src/data/fields.rs); between them, the
    // names of what the audit adds.
    let field = |f: YearField| {
        let (vi, en) = f.file_column();
        lang.t(vi, en)
    };
    let columns = [
        field(YearField::Year),
        field(YearField::Classification),
        lang.t("loai_cao_nhat", "top_category"),
        field(YearField::Top),
        field(YearField::Total),
        field(YearField::Rate),
        lang.t("ty_le_tinh_lai", "rate_computed"),
        lang.t("doi_chieu", "rate_check"),
        lang.t("loai_thap_nhat", "bottom_category"),
        field(YearField::Bottom),
        field(YearField::BottomRate),
        lang.t("ty_le_thap_nhat_tinh_lai", "bottom_rate_computed"),
        lang.t("doi_chieu_thap_nhat", "bottom_rate_check"),
        field(YearField::Document),
        field(YearField::Source),
    ];
    let rows = ds
        .yearly
        .iter()
        .filter(|r| range.contains(r.year))
        .map(|r| {
            let a = find(RateOf::Top(r.year));
            let w = find(RateOf::Bottom(r.year));
            let c = ds.classification_of(r);
            let document = match r.document.as_deref().and_then(|d| ds.document(d)) {
                Some(d) => format!(
                    "{} ({})",
                    d.title,
                    d.date
                        .as_deref()
                        .unwrap_or(lang.t("không ghi ngày", "undated"))
                ),
                None => format!("{} ({})", ds.article.title, ds.article.date),
            };
            vec![
                Cell::Num(f64::from(r.year)),
                text(r.classification.clone()),
                c.map_or(Cell::Empty, |c| text(lang.pick(&c.top))),
                Cell::Num(f64::from(r.top)),
                Cell::Num(f64::from(r.total)),
                a.map_or(Cell::Empty, |a| Cell::Num(a.reported_value)),
                a.map_or(Cell::Empty, |a| Cell::Num(a.computed)),
                a.map_or(Cell::Empty, |a| text(check_name(a.check))),
                c.map_or(Cell::Empty, |c| text(lang.pick(&c.bottom))),
                r.bottom.map_or(Cell::Empty, |v| Cell::Num(f64::from(v))),
                w.map_or(Cell::Empty, |a| Cell::Num(a.reported_value)),
                w.map_or(Cell::Empty, |a| Cell::Num(a.computed)),
                w.map_or(Cell::Empty, |a| text(check_name(a.check))),
                text(document),
                text(r.quote.as_str()),
            ]
        })
        .collect();
    Table {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

fn figures(ds: &Dataset, lang: Lang, keep: impl Fn(&Figure) -> bool) -> Table {
    let columns = [
        lang.t("ma", "id"),
        lang.t("hang_muc", "item"),
        lang.t("gia_tri", "value"),
        lang.t("don_vi", "unit"),
        lang.t("la_phan_cua", "of"),
        lang.t("ty_le_tinh_lai", "share_computed"),
        lang.t("ty_le_bao_cao", "share_reported"),
        lang.t("thoi_ky", "period"),
        lang.t("nguon", "source"),
    ];
    let rows = ds
        .figures
        .iter()
        .filter(|f| keep(f))
        .map(|f| {
            let whole = f.of.as_deref().and_then(|o| ds.figure(o));
            vec![
                text(f.id.clone()),
                text(lang.pick(&f.label)),
                Cell::Num(f.value),
                text(match f.unit {
                    crate::data::Unit::Count => lang.t("số lượng", "count"),
                    crate::data::Unit::Percent => "%",
                }),
                f.of.clone().map_or(Cell::Empty, Cell::Text),
                whole.map_or(Cell::Empty, |w| Cell::Num(f.value / w.value * 100.0)),
                f.reported_share
                    .as_deref()
                    .and_then(crate::data::model::parse_written)
                    .map_or(Cell::Empty, |w| Cell::Num(w.value)),
                text(f.period.clone()),
                text(f.quote.as_str()),
            ]
        })
        .collect();
    Table {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// The export table of one chart (yearly charts: the selected years).
pub fn chart_table(ds: &Dataset, id: ChartId, range: YearRange, lang: Lang) -> Table {
    match (id, id.group()) {
        (ChartId::Lineage, _) => lineage(ds, range, lang),
        (_, Some(g)) => figures(ds, lang, |f| f.group == g),
        (_, None) => yearly(ds, range, lang),
    }
}

/// The lineage's rows as the chart's table shows them, with its two measures as numbers (empty:
/// not published, never 0).
fn lineage(ds: &Dataset, range: YearRange, lang: Lang) -> Table {
    use crate::charts::view_model::{build_in, Measure};
    let organisations = build_in(ds, ChartId::Lineage, range, lang, Measure::Organisations);
    let members = build_in(ds, ChartId::Lineage, range, lang, Measure::Members);
    let columns = [
        lang.t("don_vi", "unit"),
        lang.t("ngay", "date"),
        lang.t("su_kien", "event"),
        lang.t("so_to_chuc", "organisations"),
        lang.t("so_dang_vien", "members"),
        lang.t("thoi_diem_so_lieu", "figures_as_of"),
        lang.t("tu", "from"),
        lang.t("ket_thuc", "ended"),
        lang.t("nguon", "source"),
    ];
    let num = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Num);
    let rows = organisations
        .data
        .iter()
        .zip(&members.data)
        .map(|(o, m)| {
            let cell = |i: usize| text(o.cells.get(i).cloned().unwrap_or_default());
            vec![
                text(o.label.clone()),
                cell(0),
                cell(1),
                num(o.value),
                num(m.value),
                cell(4),
                cell(5),
                cell(6),
                cell(7),
            ]
        })
        .collect();
    Table {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// The whole dataset as two tables: the yearly series in the range, and every other figure.
pub fn dataset_tables(ds: &Dataset, range: YearRange, lang: Lang) -> (Table, Table) {
    (yearly(ds, range, lang), figures(ds, lang, |_| true))
}

/// File name stem: `<slug>_quality_2010-2017` (the slug is the dataset's). Totals charts carry the
/// data's years.
pub fn file_stem(ds: &Dataset, chart: Option<ChartId>, range: YearRange) -> String {
    let (a, b) = match chart {
        Some(c) if !c.is_yearly() => ds.bounds(),
        _ => (range.from, range.to),
    };
    let years = if a == b {
        a.to_string()
    } else {
        format!("{a}-{b}")
    };
    let slug = &ds.article.slug;
    match chart {
        Some(c) => format!("{slug}_{}_{years}", c.id()),
        None => format!("{slug}_{years}"),
    }
}

/// File name of every figure other than the yearly series, for the data's years.
pub fn figures_file_name(ds: &Dataset) -> String {
    let (a, b) = ds.bounds();
    format!("{}_so-lieu-khac_{a}-{b}.csv", ds.article.slug)
}

fn localized(l: &crate::data::model::Localized) -> Json<'_> {
    Json::Obj(vec![("vi", Json::Str(&l.vi)), ("en", Json::Str(&l.en))])
}

fn opt_str(o: &Option<String>) -> Json<'_> {
    o.as_deref().map_or(Json::Null, Json::Str)
}

/// The article record, field for field as in data/dataset.json.
fn article_json(a: &crate::data::model::Article) -> Json<'_> {
    Json::Obj(vec![
        ("title", Json::Str(&a.title)),
        ("date", Json::Str(&a.date)),
        ("date_as_written", Json::Str(&a.date_as_written)),
        ("author", Json::Str(&a.author)),
        ("views", Json::Int(a.views as i64)),
        ("publisher", localized(&a.publisher)),
        ("unit", localized(&a.unit)),
        (
            "period",
            Json::Obj(vec![
                ("from", Json::Int(a.period.from.into())),
                ("to", Json::Int(a.period.to.into())),
            ]),
        ),
        ("source", Json::Str(&a.source)),
        ("quote", Json::Str(&a.quote)),
        ("slug", Json::Str(&a.slug)),
    ])
}

fn year_json(r: &crate::data::YearRecord) -> Json<'_> {
    let mut fields = vec![
        ("year", Json::Int(r.year.into())),
        ("classification", Json::Str(&r.classification)),
        ("top", Json::Int(r.top.into())),
        ("total", Json::Int(r.total.into())),
        ("rate", Json::Str(&r.rate)),
        (
            "bottom",
            r.bottom.map_or(Json::Null, |w| Json::Int(w.into())),
        ),
        ("bottom_rate", opt_str(&r.bottom_rate)),
    ];
    if r.document.is_some() {
        fields.push(("document", opt_str(&r.document)));
    }
    fields.push(("source", Json::Str(&r.source)));
    fields.push(("quote", Json::Str(&r.quote)));
    Json::Obj(fields)
}

fn classification_json(c: &crate::data::Classification) -> Json<'_> {
    Json::Obj(vec![
        ("id", Json::Str(&c.id)),
        ("name", localized(&c.name)),
        ("basis", c.basis.as_ref().map_or(Json::Null, localized)),
        ("top", localized(&c.top)),
        ("bottom", localized(&c.bottom)),
    ])
}

fn document_json(d: &crate::data::model::Document) -> Json<'_> {
    let mut fields = vec![("id", Json::Str(&d.id)), ("title", Json::Str(&d.title))];
    let optional = [
        ("date", &d.date),
        ("url", &d.url),
        ("accessed", &d.accessed),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            fields.push((key, Json::Str(v)));
        }
    }
    if let Some(p) = &d.publisher {
        fields.push(("publisher", localized(p)));
    }
    Json::Obj(fields)
}

/// The lineage's records as the data file writes them.
fn lineage_json(ds: &Dataset) -> Vec<(&'static str, Json<'_>)> {
    fn strs(v: &[String]) -> Json<'_> {
        Json::Arr(v.iter().map(|s| Json::Str(s)).collect())
    }
    fn opt<'a>(key: &'static str, v: &'a Option<String>, out: &mut Vec<(&'static str, Json<'a>)>) {
        if let Some(v) = v {
            out.push((key, Json::Str(v)));
        }
    }
    let units = ds
        .units
        .iter()
        .map(|u| {
            let mut f = vec![("id", Json::Str(&u.id)), ("name", localized(&u.name))];
            if let Some(s) = &u.short {
                f.push(("short", localized(s)));
            }
            Json::Obj(f)
        })
        .collect();
    let events = ds
        .events
        .iter()
        .map(|e| {
            let mut f = vec![
                ("id", Json::Str(&e.id)),
                ("kind", Json::Str(e.kind.id())),
                ("date", Json::Str(&e.date)),
            ];
            opt("decision", &e.decision, &mut f);
            opt("decision_date", &e.decision_date, &mut f);
            if let Some(by) = &e.decided_by {
                f.push(("decided_by", localized(by)));
            }
            f.push(("units", strs(&e.units)));
            f.push(("into", strs(&e.into)));
            opt("organisations", &e.organisations, &mut f);
            opt("members", &e.members, &mut f);
            f.push(("document", Json::Str(&e.document)));
            f.push(("source", Json::Str(&e.source)));
            f.push(("quote", Json::Str(&e.quote)));
            Json::Obj(f)
        })
        .collect();
    let flows = ds
        .flows
        .iter()
        .map(|fl| {
            let mut f = vec![("event", Json::Str(&fl.event)), ("to", strs(&fl.to))];
            opt("organisations", &fl.organisations, &mut f);
            opt("members", &fl.members, &mut f);
            Json::Obj(f)
        })
        .collect();
    vec![
        (
            "lineage_unit",
            ds.lineage_unit.as_deref().map_or(Json::Null, Json::Str),
        ),
        ("units", Json::Arr(units)),
        ("events", Json::Arr(events)),
        ("flows", Json::Arr(flows)),
    ]
}

fn figure_json(f: &Figure) -> Json<'_> {
    let mut fields = vec![
        ("id", Json::Str(&f.id)),
        ("group", Json::Str(f.group.id())),
        ("value", Json::Num(f.value)),
        ("as_written", Json::Str(&f.as_written)),
        ("unit", Json::Str(f.unit.id())),
        ("label", localized(&f.label)),
        ("period", Json::Str(&f.period)),
        ("source", Json::Str(&f.source)),
        ("quote", Json::Str(&f.quote)),
    ];
    if f.of.is_some() {
        fields.push(("of", opt_str(&f.of)));
    }
    if f.reported_share.is_some() {
        fields.push(("reported_share", opt_str(&f.reported_share)));
    }
    if f.document.is_some() {
        fields.push(("document", opt_str(&f.document)));
    }
    Json::Obj(fields)
}

/// The selection as JSON in the data file's own model, with the sentences it cites and the audit.
pub fn json(ds: &Dataset, chart: Option<ChartId>, range: YearRange) -> String {
    let yearly_chart = chart.is_none_or(|c| c.is_yearly());
    let group = chart.and_then(ChartId::group);
    let yearly: Vec<_> = if yearly_chart {
        ds.yearly
            .iter()
            .filter(|r| range.contains(r.year))
            .collect()
    } else {
        vec![]
    };
    // The lineage: with the whole file, and with its own chart.
    let lineage = chart.is_none_or(|c| c == ChartId::Lineage) && ds.has_lineage();
    let figures: Vec<_> = ds
        .figures
        .iter()
        .filter(|f| match chart {
            None => true,
            Some(ChartId::Lineage) => f.group == crate::data::Group::Lineage,
            Some(_) => group == Some(f.group),
        })
        .collect();
    let events: Vec<_> = if lineage {
        ds.events.iter().collect()
    } else {
        vec![]
    };
    let mut sentences = std::collections::BTreeMap::new();
    for src in yearly
        .iter()
        .map(|r| &r.source)
        .chain(figures.iter().map(|f| &f.source))
        .chain(events.iter().map(|e| &e.source))
    {
        if let Some(s) = ds.sentences.get(src) {
            sentences.insert(src.as_str(), Json::Str(s));
        }
    }
    let audit = audit::rates(ds)
        .into_iter()
        .filter(|a| match &a.of {
            RateOf::Top(y) | RateOf::Bottom(y) => yearly_chart && range.contains(*y),
            RateOf::Share(id) => figures.iter().any(|f| &f.id == id),
        })
        .map(|a| {
            Json::Obj(vec![
                (
                    "of",
                    Json::String(match &a.of {
                        RateOf::Top(y) => format!("yearly.{y}.rate"),
                        RateOf::Bottom(y) => format!("yearly.{y}.bottom_rate"),
                        RateOf::Share(id) => format!("{id}.reported_share"),
                    }),
                ),
                ("reported", Json::String(a.reported)),
                // Four places are enough to compare with a rate written with two.
                ("computed", Json::Num((a.computed * 1e4).round() / 1e4)),
                ("check", Json::Str(check_name(a.check))),
            ])
        })
        .collect();
    let mut fields = vec![
        ("title", Json::Str(&ds.article.title)),
        ("article", article_json(&ds.article)),
        // The latest publication's date: a citation of this file names the version it read.
        ("updated", ds.updated().map_or(Json::Null, Json::Str)),
        ("chart", chart.map_or(Json::Null, |c| Json::Str(c.id()))),
        (
            "years",
            Json::Arr(vec![
                Json::Int(range.from.into()),
                Json::Int(range.to.into()),
            ]),
        ),
        (
            "classifications",
            Json::Arr(
                ds.classifications
                    .iter()
                    .filter(|c| yearly.iter().any(|r| r.classification == c.id))
                    .map(classification_json)
                    .collect(),
            ),
        ),
        (
            "documents",
            Json::Arr(
                ds.documents
                    .iter()
                    .filter(|d| {
                        let id = Some(d.id.as_str());
                        yearly.iter().any(|r| r.document.as_deref() == id)
                            || figures.iter().any(|f| f.document.as_deref() == id)
                            || events.iter().any(|e| e.document == d.id)
                    })
                    .map(document_json)
                    .collect(),
            ),
        ),
        (
            "yearly",
            Json::Arr(yearly.iter().map(|r| year_json(r)).collect()),
        ),
        (
            "figures",
            Json::Arr(figures.into_iter().map(figure_json).collect()),
        ),
        ("sentences", Json::Obj(sentences.into_iter().collect())),
        ("audit", Json::Arr(audit)),
    ];
    if lineage {
        fields.extend(lineage_json(ds));
    }
    Json::Obj(fields).pretty()
}

/// The short citation of a chart in the reader's language: what it shows, the unit, the source
/// (the article and any later document its years cite) and the view's address.
pub fn citation(ds: &Dataset, vm: &crate::charts::ChartVm, lang: Lang, url: &str) -> String {
    format!(
        "{} — {}. {}. {url}",
        vm.title,
        lang.pick(&ds.article.unit),
        vm.source
    )
}

/// A chart's table as HTML for the clipboard, so that Word, LibreOffice Writer and Google Docs
/// paste a real table: the caption (title and subtitle), the header row, the numbers as the
/// reader sees them (`64,94%` in Vietnamese), the classification column when there are several,
/// and a last row with the citation. Everything is escaped; the borders are attributes because
/// word processors read them and ignore the page's stylesheet.
pub fn clipboard_html(vm: &crate::charts::ChartVm, citation: &str) -> String {
    use crate::html;
    let mut h = crate::text::html::Html::new();
    h.markup("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">");
    html!(
        h,
        "<caption>{} — {}</caption><thead><tr>",
        vm.title,
        vm.subtitle
    );
    for c in &vm.columns {
        html!(h, "<th>{}</th>", c);
    }
    h.markup("</tr></thead><tbody>");
    for d in &vm.data {
        html!(h, "<tr><th>{}</th>", d.label);
        for c in &d.cells {
            html!(h, "<td>{}</td>", c);
        }
        h.markup("</tr>");
    }
    html!(
        h,
        "</tbody><tfoot><tr><td colspan=\"{}\">{}</td></tr></tfoot></table>",
        vm.columns.len().max(1),
        citation
    );
    h.into_string()
}
