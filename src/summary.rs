//! The sentence under the filter that says what the selected years show, computed from the counts.

use crate::data::audit;
use crate::data::Dataset;
use crate::format;
use crate::i18n::Lang;
use crate::state::YearRange;

/// Figures behind the summary sentence (tested on their own, then worded).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub range: YearRange,
    pub clean_strong: u32,
    pub total: u32,
    /// Share of all organisation-years rated clean and strong, from the counts.
    pub pooled_rate: f64,
    /// (year, reported rate as written, reported value)
    pub best: (u16, String, f64),
    pub worst: (u16, String, f64),
    /// Reported rate, last year minus first year, in points.
    pub change: f64,
}

pub fn compute(ds: &Dataset, range: YearRange) -> Option<Summary> {
    let rows: Vec<_> = ds
        .yearly
        .iter()
        .filter(|r| range.contains(r.year))
        .filter_map(|r| audit::year_rate(ds, r.year).map(|a| (r, a)))
        .collect();
    let (first, last) = (rows.first()?, rows.last()?);
    let clean_strong = rows.iter().map(|(r, _)| r.clean_strong).sum::<u32>();
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
    Some(Summary {
        range,
        clean_strong,
        total,
        pooled_rate: if total > 0 {
            f64::from(clean_strong) / f64::from(total) * 100.0
        } else {
            0.0
        },
        best: pick(|a, b| a > b)?,
        worst: pick(|a, b| a < b)?,
        change: last.1.reported_value - first.1.reported_value,
    })
}

/// The summary in words.
pub fn sentence(s: &Summary, lang: Lang) -> String {
    let (from, to) = (s.range.from, s.range.to);
    let pct = |w: &str| format::written_percent(w, lang);
    if s.range.is_single() {
        return lang.t(
            format!(
                "Năm {from}: {}/{} tổ chức cơ sở đảng đạt trong sạch vững mạnh ({} theo bài báo).",
                format::int(s.clean_strong, lang),
                format::int(s.total, lang),
                pct(&s.best.1)
            ),
            format!(
                "{from}: {} of {} grassroots organisations were rated clean and strong ({} as reported).",
                format::int(s.clean_strong, lang),
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
            "Giai đoạn {years}: bình quân {pooled} lượt tổ chức cơ sở đảng đạt trong sạch vững mạnh ({}/{}, tính từ số đếm). Cao nhất năm {} ({}), thấp nhất năm {} ({}). Từ {from} đến {to}, tỷ lệ {} {change} điểm phần trăm.",
            format::int(s.clean_strong, lang),
            format::int(s.total, lang),
            s.best.0,
            pct(&s.best.1),
            s.worst.0,
            pct(&s.worst.1),
            dir("tăng", "giảm", "không đổi:"),
        ),
        format!(
            "{years}: on average {pooled} of grassroots organisations were rated clean and strong ({} of {}, from the counts). Highest in {} ({}), lowest in {} ({}). From {from} to {to} the rate {} {change} percentage points.",
            format::int(s.clean_strong, lang),
            format::int(s.total, lang),
            s.best.0,
            pct(&s.best.1),
            s.worst.0,
            pct(&s.worst.1),
            dir("rose", "fell", "changed by"),
        ),
    )
}
