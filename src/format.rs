//! Numbers for readers, per language (CLDR): Vietnamese `1.173`, `64,94%`, `2010–2017`;
//! English `1,173`, `64.94%`.

use crate::i18n::Lang;

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

fn group_digits(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `value` rounded to `decimals` places as (integer part, fraction digits), with integer
/// arithmetic: the app never needs std's float formatting (~6 KB gzip of wasm).
fn fixed(value: f64, decimals: usize) -> (u64, String) {
    let scale = 10u64.pow(decimals.min(9) as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let frac = scaled % scale;
    let mut digits = String::new();
    if decimals > 0 {
        let s = frac.to_string();
        digits.extend(std::iter::repeat_n('0', decimals.min(9) - s.len()));
        digits.push_str(&s);
    }
    (scaled / scale, digits)
}

/// A number with `decimals` places, grouped (Vietnamese groups 4-digit numbers too: `1.173`).
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, dec) = separators(lang);
    let (int, frac) = fixed(value, decimals);
    let mut out = String::new();
    if value < 0.0 && (int > 0 || frac.bytes().any(|b| b != b'0')) {
        out.push('−');
    }
    out.push_str(&group_digits(&int.to_string(), group));
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(&frac);
    }
    out
}

/// A plain machine-readable decimal for files (CSV, JSON): `.` separator, no grouping, at most
/// `max_decimals` places and no trailing zeros: 67.9487, 64.94, 85, -1.5.
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

pub fn int(value: impl Into<f64>, lang: Lang) -> String {
    number(value.into(), 0, lang)
}

pub fn percent(value: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", number(value, decimals, lang))
}

/// A number exactly as the article writes it ("64,94", "1.173"), in the reader's convention
/// without changing its digits: English swaps the separators ("64.94", "1,173").
pub fn as_written(written: &str, lang: Lang) -> String {
    let s = written.trim_start_matches('0');
    let s = if s.is_empty() || s.starts_with(',') {
        &written[written.len() - s.len() - 1..]
    } else {
        s
    };
    match lang {
        Lang::Vi => s.to_string(),
        Lang::En => s
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// A percentage as written: "64,94" → "64,94%" / "64.94%".
pub fn written_percent(written: &str, lang: Lang) -> String {
    format!("{}%", as_written(written, lang))
}

/// A year range with an en dash; a single year alone.
pub fn years(from: u16, to: u16) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}
