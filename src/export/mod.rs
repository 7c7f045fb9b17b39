//! What people take away: CSV (comma and dot decimals, or semicolon and decimal comma for a
//! Vietnamese-locale Excel), JSON with provenance, TSV for the clipboard, and file names that say
//! what they hold. Pure functions of the dataset and the selection, tested natively.

use crate::data::audit::{self, RateOf};
use crate::data::fields::YearField;
use crate::data::{Dataset, Figure};
use crate::state::{ChartId, YearRange};
use crate::text::lang::Lang;

mod json_download;
pub use json_download::json;

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
    // A lower bound stays words ("over 1,800"), never a number a spreadsheet would add up.
    let num = |vm: &crate::charts::ChartVm, i: usize, column: usize| {
        let bound = vm
            .lineage
            .as_ref()
            .and_then(|l| l.rows.get(i))
            .is_some_and(|r| r.more_than);
        match vm.data[i].value {
            Some(_) if bound => text(vm.data[i].cells[column].clone()),
            v => v.map_or(Cell::Empty, Cell::Num),
        }
    };
    let rows = organisations
        .data
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let cell = |i: usize| text(o.cells.get(i).cloned().unwrap_or_default());
            vec![
                text(o.label.clone()),
                cell(0),
                cell(1),
                num(&organisations, i, 2),
                num(&members, i, 3),
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
