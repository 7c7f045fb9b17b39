//! Compares every rate the article reports with the rate its own counts give, and notes what the
//! article leaves unexplained. The results are data the UI shows; none of them stops the build.

use super::fields::YearField;
use super::model::{date_as_written, parse_written, Dataset, Group, Localized, Place, Quote};
use super::roles;
use crate::text::lang::Lang;

/// How a reported percentage relates to the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateCheck {
    /// Equal to the computed value rounded to the reported decimals.
    Matches,
    /// Rounded correctly, but to fewer than two decimals ("53,3").
    FewerDecimals,
    /// Cut off instead of rounded ("63,52" for 63,529…).
    Truncated,
    /// Off by more than rounding or truncation explains, but within 0,1 point.
    Imprecise,
    /// Off by more than 0,1 point: the article disagrees with itself.
    Disagreement,
}

impl RateCheck {
    /// Rounding notes are shown quietly; disagreements are flagged.
    pub fn severity(self) -> Severity {
        match self {
            RateCheck::Matches => Severity::Ok,
            RateCheck::FewerDecimals | RateCheck::Truncated | RateCheck::Imprecise => {
                Severity::Note
            }
            RateCheck::Disagreement => Severity::Disagreement,
        }
    }

    /// What the check found, in words: the one wording of every table, tooltip, page and the
    /// editor.
    pub fn words(self, l: Lang) -> &'static str {
        match self {
            RateCheck::Matches => l.t("Khớp", "Matches"),
            RateCheck::FewerDecimals => l.t(
                "Ghi ít chữ số thập phân (làm tròn)",
                "Fewer decimals (rounded)",
            ),
            RateCheck::Truncated => l.t("Cắt bớt chữ số, không làm tròn", "Truncated, not rounded"),
            RateCheck::Imprecise => {
                l.t("Chênh lệch nhỏ (< 0,1 điểm)", "Slightly off (< 0.1 point)")
            }
            RateCheck::Disagreement => l.t(
                "Mâu thuẫn: khác số đếm hơn 0,1 điểm",
                "Disagreement: off by more than 0.1 point",
            ),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Ok,
    Note,
    Disagreement,
}

/// Which rate of the article an audit row is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateOf {
    Top(u16),
    Bottom(u16),
    /// A share reported for a figure (by id).
    Share(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RateAudit {
    pub of: RateOf,
    pub count: f64,
    pub total: f64,
    /// As written in the article ("64,94").
    pub reported: String,
    pub reported_value: f64,
    pub computed: f64,
    pub check: RateCheck,
}

/// The organisational changes do not explain the growth of the total. The article says nothing
/// more, so the app states both numbers and does not guess.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreconciled {
    pub first_year: u16,
    pub first_total: u32,
    pub last_year: u16,
    pub last_total: u32,
    pub established: u32,
    pub dissolved: u32,
    pub merged: u32,
    pub transferred: u32,
}

impl Unreconciled {
    pub fn growth(&self) -> i64 {
        i64::from(self.last_total) - i64::from(self.first_total)
    }
    /// Established minus dissolved: the most the listed changes can add.
    pub fn net_changes(&self) -> i64 {
        i64::from(self.established) - i64::from(self.dissolved)
    }
}

/// Classifies a reported percentage against the exact one.
pub fn classify(reported: f64, decimals: u8, computed: f64) -> RateCheck {
    let scale = 10f64.powi(i32::from(decimals));
    let same = |a: f64, b: f64| (a - b).abs() < 0.5e-9 * scale.max(1.0);
    let rounded = (computed * scale).round() / scale;
    let truncated = (computed * scale + 1e-9).trunc() / scale;
    if same(reported, rounded) {
        if decimals < 2 && !same(reported, computed) {
            RateCheck::FewerDecimals
        } else {
            RateCheck::Matches
        }
    } else if same(reported, truncated) {
        RateCheck::Truncated
    } else if (reported - computed).abs() > 0.1 {
        RateCheck::Disagreement
    } else {
        RateCheck::Imprecise
    }
}

fn rate_row(of: RateOf, count: f64, total: f64, written: &str) -> Option<RateAudit> {
    let w = parse_written(written)?;
    let computed = if total > 0.0 {
        count / total * 100.0
    } else {
        0.0
    };
    Some(RateAudit {
        of,
        count,
        total,
        reported: written.to_string(),
        reported_value: w.value,
        computed,
        check: classify(w.value, w.decimals, computed),
    })
}

/// Every reported rate, in article order: yearly rates, weak rates, then figure shares.
pub fn rates(ds: &Dataset) -> Vec<RateAudit> {
    let mut out = Vec::new();
    for r in &ds.yearly {
        out.extend(rate_row(
            RateOf::Top(r.year),
            f64::from(r.top),
            f64::from(r.total),
            &r.rate,
        ));
        if let (Some(weak), Some(rate)) = (r.bottom, r.bottom_rate.as_deref()) {
            out.extend(rate_row(
                RateOf::Bottom(r.year),
                f64::from(weak),
                f64::from(r.total),
                rate,
            ));
        }
    }
    for f in &ds.figures {
        if let (Some(of), Some(share)) = (f.of.as_deref(), f.reported_share.as_deref()) {
            if let Some(whole) = ds.figure(of) {
                out.extend(rate_row(
                    RateOf::Share(f.id.clone()),
                    f.value,
                    whole.value,
                    share,
                ));
            }
        }
    }
    out
}

/// The audit row for one year's clean-and-strong rate.
pub fn year_rate(ds: &Dataset, year: u16) -> Option<RateAudit> {
    let r = ds.year(year)?;
    rate_row(
        RateOf::Top(year),
        f64::from(r.top),
        f64::from(r.total),
        &r.rate,
    )
}

/// The changes-versus-growth note, when the data has both the series and the change figures.
pub fn unreconciled(ds: &Dataset) -> Option<Unreconciled> {
    // Counts of organisations; a figure that is not a whole number cannot take part in the check.
    let get = |id: &str| {
        ds.figure(id)
            .map(|f| f.value)
            .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v))
            .map(|v| v as u32)
    };
    let first = ds.yearly.first()?;
    let last = ds.yearly.last()?;
    let u = Unreconciled {
        first_year: first.year,
        first_total: first.total,
        last_year: last.year,
        last_total: last.total,
        established: get(roles::CHANGES_ESTABLISHED)?,
        dissolved: get(roles::CHANGES_DISSOLVED)?,
        merged: get(roles::CHANGES_MERGED).unwrap_or(0),
        transferred: get(roles::CHANGES_TRANSFERRED).unwrap_or(0),
    };
    (u.net_changes() != u.growth()).then_some(u)
}

/// Sum of categories that overlap (women, ethnic minority, youth, higher education) and the whole
/// they are shares of: when the sum exceeds the whole, they cannot be parts of it.
pub fn member_overlap(ds: &Dataset) -> Option<(f64, f64)> {
    let whole = ds.figure(roles::MEMBERS_NEW)?.value;
    let sum: f64 = ds
        .parts_of(roles::MEMBERS_NEW)
        .filter(|f| f.group == Group::Members)
        .map(|f| f.value)
        .sum();
    (sum > whole).then_some((sum, whole))
}

/// Which figure a quote check is about: a field of a year's record, or a figure by id.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteOf {
    Year(u16, YearField),
    Figure(String),
}

impl QuoteOf {
    /// The place of the data file it names (`yearly[2014].top`, `figures[x].value`).
    pub fn place(&self) -> Place {
        match self {
            QuoteOf::Year(y, f) => Place::Year(*y, f.key().to_string()),
            QuoteOf::Figure(id) => Place::Figure(id.clone(), "value".into()),
        }
    }
}

/// A figure its own quote does not write: corrected after the quote was taken (the 2014 count
/// made 42, its sentence still "41/84"), or a slip. Named, never hidden: readers see both.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteDiff {
    pub of: QuoteOf,
    /// The figure as the data holds it.
    pub value: f64,
    /// The quote, verbatim.
    pub quote: String,
    /// The publication that marked the figure as a correction of its source (date, the value
    /// it replaced, the reason), when one did. Without it the difference is unexplained.
    pub correction: Option<(String, String, Localized)>,
}

impl QuoteDiff {
    /// The note readers see: the figure, and what its quote writes instead.
    pub fn words(&self, ds: &Dataset, l: Lang) -> String {
        let name = match &self.of {
            QuoteOf::Year(y, f) => format!("{y} — {}", {
                let (vi, en) = f.label();
                l.t(vi, en)
            }),
            QuoteOf::Figure(id) => ds
                .figure(id)
                .map_or_else(|| id.clone(), |f| l.pick(&f.label).to_string()),
        };
        // As few decimals as the value has (42, 50, 48,81).
        let (mut decimals, mut scaled) = (0, self.value);
        while decimals < 4 && (scaled - scaled.round()).abs() > 1e-6 {
            decimals += 1;
            scaled *= 10.0;
        }
        let value = crate::text::format::number(self.value, decimals, l);
        if let Some((date, old, reason)) = &self.correction {
            let date = date_as_written(date);
            let reason = l.pick(reason);
            return l.t(
                format!("{name}: {value} là số đính chính ngày {date} (trước là {old}; lý do: {reason}). Câu trích dẫn của nguồn vẫn ghi “{}”.", self.quote),
                format!("{name}: {value} is a correction of {date} (it was {old}; reason: {reason}). The source's quote still says “{}”.", self.quote),
            );
        }
        l.t(
            format!(
                "{name}: số liệu là {value}, nhưng câu trích dẫn ghi “{}”.",
                self.quote
            ),
            format!(
                "{name}: the figure is {value}, but its quote says “{}”.",
                self.quote
            ),
        )
    }
}

/// Every figure whose quote does not write it, in data-file order.
pub fn quote_diffs(ds: &Dataset) -> Vec<QuoteDiff> {
    let mut out = Vec::new();
    let mut check = |of: QuoteOf, value: Option<f64>, quote: &Quote| {
        if let Some(value) = value {
            if !quote.writes(value) {
                let correction = ds
                    .correction(&of.place())
                    .filter(|(_, c)| c.corrects_source)
                    .map(|(r, c)| {
                        (
                            r.date.clone(),
                            c.old.clone().unwrap_or_default(),
                            r.reason.clone(),
                        )
                    });
                out.push(QuoteDiff {
                    of,
                    value,
                    quote: quote.to_string(),
                    correction,
                });
            }
        }
    };
    let written = |s: Option<&str>| s.and_then(parse_written).map(|w| w.value);
    for r in &ds.yearly {
        let q = &r.quote;
        check(
            QuoteOf::Year(r.year, YearField::Top),
            Some(f64::from(r.top)),
            q,
        );
        check(
            QuoteOf::Year(r.year, YearField::Total),
            Some(f64::from(r.total)),
            q,
        );
        check(
            QuoteOf::Year(r.year, YearField::Rate),
            written(Some(&r.rate)),
            q,
        );
        check(
            QuoteOf::Year(r.year, YearField::Bottom),
            r.bottom.map(f64::from),
            q,
        );
        check(
            QuoteOf::Year(r.year, YearField::BottomRate),
            written(r.bottom_rate.as_deref()),
            q,
        );
    }
    for f in &ds.figures {
        check(QuoteOf::Figure(f.id.clone()), Some(f.value), &f.quote);
    }
    out
}
