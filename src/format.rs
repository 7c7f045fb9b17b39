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

use crate::data::model::fixed;
pub use crate::data::model::plain;

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
