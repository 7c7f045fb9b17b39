//! The typed model of `data/dataset.json`. Self-contained (only serde and `super::`), because
//! `build.rs` includes this file too and validates the data before the app is compiled.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Everything the article says, as figures with provenance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub article: Article,
    /// Source sentences, verbatim from the article, by id. Every figure points at one.
    pub sentences: BTreeMap<String, String>,
    /// One record per year, consecutive, sorted.
    pub yearly: Vec<YearRecord>,
    /// Every other figure of the article.
    pub figures: Vec<Figure>,
    /// Parts that must add up to a whole (28 + 62 = 90).
    #[serde(default)]
    pub sums: Vec<SumRule>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

/// One year of the quality rating: `clean_strong` of `total` organisations were rated
/// "trong sạch vững mạnh"; `rate` is the percentage exactly as the article writes it ("64,94").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRecord {
    pub year: u16,
    pub clean_strong: u32,
    pub total: u32,
    pub rate: String,
    /// Weak organisations: only some years report them. `None` means "not reported", never zero.
    #[serde(default)]
    pub weak: Option<u32>,
    #[serde(default)]
    pub weak_rate: Option<String>,
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Changes,
    Structure,
    Cadres,
    Members,
    Management,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Count,
    Percent,
}

/// A single figure with its label, the way the article writes it, and where it says so.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
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
    pub quote: String,
    /// The figure this one is a part or share of.
    #[serde(default)]
    pub of: Option<String>,
    /// A share of `of` as the article reports it ("79,45").
    #[serde(default)]
    pub reported_share: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SumRule {
    pub whole: String,
    pub parts: Vec<String>,
}

/// A number as Vietnamese writes it: `.` groups thousands, `,` marks decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub value: f64,
    pub decimals: u8,
}

/// Parses "1.173", "02", "64,94", "0,45". Rejects anything else (letters, "1,2,3", empty).
pub fn parse_written(s: &str) -> Option<Written> {
    let (int_part, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut groups = int_part.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 && int_part.contains('.') {
        return None;
    }
    let mut digits = String::from(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        digits.push_str(g);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let decimals = match frac {
        Some(f) if !f.is_empty() && f.len() <= 6 && f.bytes().all(|b| b.is_ascii_digit()) => {
            digits.push_str(f);
            f.len() as u8
        }
        Some(_) => return None,
        None => 0,
    };
    // An integer divided by a power of ten: both exact in f64 and the division correctly
    // rounded, so the same value as parsing the decimal, without std's float parser in the wasm.
    let scaled: u64 = digits.parse().ok()?;
    Some(Written {
        value: scaled as f64 / 10u64.pow(decimals.into()) as f64,
        decimals,
    })
}

/// `|value|` rounded to `decimals` places (at most 9), as an integer count of units of the last
/// place, with that unit's scale: 67.9487… at 2 places is (6795, 100). The one rounding rule of
/// every number the app prints, for readers (`format::number`) and for files (`plain`).
pub fn rounded(value: f64, decimals: usize) -> (u64, u64) {
    let scale = 10u64.pow(decimals.min(9) as u32);
    ((value.abs() * scale as f64).round() as u64, scale)
}

/// `value` rounded to `decimals` places as (integer part, fraction digits), with integer
/// arithmetic: the app never needs std's float formatting (~6 KB gzip of wasm).
pub fn fixed(value: f64, decimals: usize) -> (u64, String) {
    let decimals = decimals.min(9);
    let (scaled, scale) = rounded(value, decimals);
    let mut digits = String::new();
    if decimals > 0 {
        let s = (scaled % scale).to_string();
        digits.extend(std::iter::repeat_n('0', decimals - s.len()));
        digits.push_str(&s);
    }
    (scaled / scale, digits)
}

/// A plain machine-readable decimal (files, messages, CSS, SVG): `.` separator, no grouping, at
/// most `max_decimals` places, no trailing zeros: 67.9487, 64.94, 85, -1.5.
pub fn plain(value: f64, max_decimals: usize) -> String {
    let (int, frac) = fixed(value, max_decimals);
    let frac = frac.trim_end_matches('0');
    let sign = if value < 0.0 && (int > 0 || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

impl Group {
    /// The name used in data/dataset.json.
    pub fn id(self) -> &'static str {
        match self {
            Group::Changes => "changes",
            Group::Structure => "structure",
            Group::Cadres => "cadres",
            Group::Members => "members",
            Group::Management => "management",
        }
    }
}

impl Unit {
    /// The name used in data/dataset.json.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
        }
    }
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn group(&self, group: Group) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.group == group)
    }

    pub fn year(&self, year: u16) -> Option<&YearRecord> {
        self.yearly.iter().find(|r| r.year == year)
    }

    /// First and last year of the series (validation guarantees it is not empty).
    pub fn bounds(&self) -> (u16, u16) {
        let first = self.yearly.first().map_or(0, |r| r.year);
        let last = self.yearly.last().map_or(first, |r| r.year);
        (first, last)
    }
}
