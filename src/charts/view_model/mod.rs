//! What each chart shows, computed from the dataset, the selected years and the language. The same
//! view-model feeds the canvas, the SVG export, the data table and the tooltips, so the table always
//! holds exactly the numbers drawn.

use super::axis::nice_max;
use crate::data::audit::{self, RateCheck, Severity};
use crate::data::fields::YearField;
use crate::data::model::Localized;
use crate::data::model::{date_as_written, Change, Place, Revision, Segment};
use crate::data::roles;
use crate::data::{Classification, Dataset, Figure};
use crate::state::{ChartId, YearRange};
use crate::text::format;
use crate::text::lang::Lang;

mod columns;
mod fate;
mod lineage;
mod totals;
mod yearly;

pub use fate::fate_line;
pub use lineage::{LineRow, Lineage, Link, Measure};
pub use totals::period_label;

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
    /// Units in time order, joined by links as wide as what went from one to the other.
    Lineage,
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
    /// A dashed line: what went this way is not published.
    Unpublished,
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
    /// A sentence the card shows under its title (the lineage's; the yearly charts' summary is
    /// the page's own).
    pub summary: Option<String>,
    /// The lineage chart's rows and links.
    pub lineage: Option<Lineage>,
}

/// Every chart's source line, and so every export, print and citation of it: the article and,
/// when the data records publications, the date of the latest (a reader citing it names the
/// version read).
pub(super) fn source_line(ds: &Dataset, lang: Lang) -> String {
    let mut line = article_line(ds, lang);
    if let Some(d) = ds.updated() {
        line.push_str(&updated_words(d, lang));
    }
    line
}

/// The article as a source: title, author, publisher, date.
pub(super) fn article_line(ds: &Dataset, lang: Lang) -> String {
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

/// "; số liệu cập nhật ngày 02/12/2026".
pub fn updated_words(iso: &str, lang: Lang) -> String {
    let d = date_as_written(iso);
    lang.t(
        format!("; số liệu cập nhật ngày {d}"),
        format!("; data updated {d}"),
    )
}

/// The figures of a chart whose own quote does not write them, as disagreement notes: a figure
/// corrected after its sentence was quoted is never shown silently (`audit::quote_diffs`).
pub(super) fn quote_notes(
    ds: &Dataset,
    lang: Lang,
    keep: impl Fn(&audit::QuoteOf) -> bool,
) -> Vec<(Flag, String)> {
    audit::quote_diffs(ds)
        .iter()
        .filter(|d| keep(&d.of))
        .map(|d| {
            // A marked correction is a note; an unexplained difference, a disagreement.
            let flag = if d.correction.is_some() {
                Flag::Note
            } else {
                Flag::Disagreement
            };
            (flag, d.words(ds, lang))
        })
        .collect()
}

/// A figure a publication corrected: its table cell says so in words (never by colour alone) and
/// its tooltip gains the line "Đính chính ngày 02/12/2026: 41 → 42".
pub(super) fn mark_correction(
    ds: &Dataset,
    at: &Place,
    cell: &mut String,
    tooltip: &mut Vec<String>,
    lang: Lang,
) {
    if let Some((r, c)) = ds.correction(at) {
        cell.push_str(lang.t(" (đã đính chính)", " (corrected)"));
        tooltip.push(correction_line(r, c, lang));
    }
}

/// One correction in a sentence: its date and its old and new values as the data writes them.
pub fn correction_line(r: &Revision, c: &Change, lang: Lang) -> String {
    let date = date_as_written(&r.date);
    let (old, new) = (
        c.old.as_deref().unwrap_or("—"),
        c.new.as_deref().unwrap_or("—"),
    );
    lang.t(
        format!("Đính chính ngày {date}: {old} → {new}"),
        format!("Corrected on {date}: {old} → {new}"),
    )
}

/// The view-model of one chart (the lineage in organisations).
pub fn build(ds: &Dataset, id: ChartId, range: YearRange, lang: Lang) -> ChartVm {
    build_in(ds, id, range, lang, Measure::Organisations)
}

/// The view-model of one chart, the lineage drawn in `measure`.
pub fn build_in(
    ds: &Dataset,
    id: ChartId,
    range: YearRange,
    lang: Lang,
    measure: Measure,
) -> ChartVm {
    match id {
        ChartId::Quality => yearly::quality(ds, range, lang),
        ChartId::Rate => yearly::rate(ds, range, lang),
        ChartId::Weak => yearly::weak(ds, range, lang),
        ChartId::Lineage => lineage::lineage(ds, lang, measure),
        _ => totals::hbars(ds, id, lang),
    }
}
