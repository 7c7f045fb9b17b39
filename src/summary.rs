//! The sentence under the filter that says what the selected years show, computed from the counts.
//! One summary per classification: figures of two rating schemes are never pooled or compared.

use crate::data::model::Segment;
use crate::data::{audit, Classification, Dataset};
use crate::state::YearRange;
use crate::text::format;
use crate::text::lang::Lang;

/// Figures behind the summary of one classification's years (tested on their own, then worded).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    pub range: YearRange,
    /// Its top category is what `top_count` counts; its name heads the part of a sentence that
    /// covers more than one classification.
    pub classification: &'a Classification,
    pub top_count: u32,
    pub total: u32,
    /// Share of all organisation-years in the top category, from the counts.
    pub pooled_rate: f64,
    /// (year, reported rate as written, reported value)
    pub best: (u16, String, f64),
    pub worst: (u16, String, f64),
    /// Reported rate, last year minus first year, in points.
    pub change: f64,
}

fn of_segment<'a>(ds: &Dataset, seg: &Segment<'a>) -> Option<Summary<'a>> {
    let rows: Vec<_> = seg
        .rows
        .iter()
        .filter_map(|r| audit::year_rate(ds, r.year).map(|a| (r, a)))
        .collect();
    let (first, last) = (rows.first()?, rows.last()?);
    let top_count = rows.iter().map(|(r, _)| r.top).sum::<u32>();
    let total = rows.iter().map(|(r, _)| r.total).sum::<u32>();
    let pick = |better: fn(f64, f64) -> bool| {
        let mut it = rows.iter();
        let mut best = it
            .next()
            .map(|(r, a)| (r.year, r.rate.clone(), a.reported_value))?;
        for (r, a) in it {
            if better(a.reported_value, best.2) {
                best = (r.year, r.rate.clone(), a.reported_value);
            }
        }
        Some(best)
    };
    let c = seg.classification?;
    Some(Summary {
        range: YearRange {
            from: first.0.year,
            to: last.0.year,
        },
        classification: c,
        top_count,
        total,
        pooled_rate: if total > 0 {
            f64::from(top_count) / f64::from(total) * 100.0
        } else {
            0.0
        },
        best: pick(|a, b| a > b)?,
        worst: pick(|a, b| a < b)?,
        change: last.1.reported_value - first.1.reported_value,
    })
}

/// One summary per classification in the range, in order.
pub fn compute(ds: &Dataset, range: YearRange) -> Vec<Summary<'_>> {
    ds.segments(range.from, range.to)
        .iter()
        .filter_map(|seg| of_segment(ds, seg))
        .collect()
}

/// The summaries in words. Across a change of classification the sentence says so and words each
/// part on its own, with no average, total or change that spans the break.
pub fn sentence(all: &[Summary<'_>], lang: Lang) -> String {
    match all {
        [] => String::new(),
        [one] => one_sentence(one, lang),
        [first, .., last] => {
            let years = format::years(first.range.from, last.range.to);
            let mut out = lang.t(
                format!("Giai đoạn {years} có {} cách xếp loại khác nhau, nên số liệu không được cộng gộp hay so sánh qua mốc thay đổi.", all.len()),
                format!("{years} spans {} different rating schemes, so the figures are not pooled or compared across the change.", all.len()),
            );
            for s in all {
                out.push(' ');
                out.push_str(&format!("[{}] ", lang.pick(&s.classification.name)));
                out.push_str(&one_sentence(s, lang));
            }
            out
        }
    }
}

/// One scheme's sentence. A single year's rate is "recorded", not "as the article says": it may
/// come from a later document or from a published correction.
fn one_sentence(s: &Summary<'_>, lang: Lang) -> String {
    let (from, to) = (s.range.from, s.range.to);
    let pct = |w: &str| format::written_percent(w, lang);
    let (top_vi, top_en) = (&s.classification.top.vi, &s.classification.top.en);
    if s.range.is_single() {
        return lang.t(
            format!(
                "Năm {from}: {}/{} tổ chức cơ sở đảng đạt {top_vi} (tỷ lệ ghi nhận {}).",
                format::int(s.top_count, lang),
                format::int(s.total, lang),
                pct(&s.best.1)
            ),
            format!(
                "{from}: {} of {} grassroots organisations were rated {top_en} ({} as recorded).",
                format::int(s.top_count, lang),
                format::int(s.total, lang),
                pct(&s.best.1)
            ),
        );
    }
    let years = format::years(from, to);
    let pooled = format::percent(s.pooled_rate, 2, lang);
    let change = format::number(s.change.abs(), 2, lang);
    let dir = |up: &'static str, down: &'static str, same: &'static str| {
        if s.change > 0.005 {
            up
        } else if s.change < -0.005 {
            down
        } else {
            same
        }
    };
    lang.t(
        format!(
            "Giai đoạn {years}: bình quân {pooled} lượt tổ chức cơ sở đảng đạt {top_vi} ({}/{}, tính từ số đếm). Cao nhất năm {} ({}), thấp nhất năm {} ({}). Từ {from} đến {to}, tỷ lệ {} {change} điểm phần trăm.",
            format::int(s.top_count, lang),
            format::int(s.total, lang),
            s.best.0,
            pct(&s.best.1),
            s.worst.0,
            pct(&s.worst.1),
            dir("tăng", "giảm", "không đổi:"),
        ),
        format!(
            "{years}: on average {pooled} of grassroots organisations were rated {top_en} ({} of {}, from the counts). Highest in {} ({}), lowest in {} ({}). From {from} to {to} the rate {} {change} percentage points.",
            format::int(s.top_count, lang),
            format::int(s.total, lang),
            s.best.0,
            pct(&s.best.1),
            s.worst.0,
            pct(&s.worst.1),
            dir("rose", "fell", "changed by"),
        ),
    )
}
