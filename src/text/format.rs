//! Numbers for readers, per language (CLDR): Vietnamese `1.173`, `64,94%`, `2010–2017`;
//! English `1,173`, `64.94%`.

use crate::text::lang::Lang;

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// A number with `decimals` places (at most 9), grouped (Vietnamese groups 4-digit numbers too:
/// `1.173`). Written digit by digit into one string: it runs for every label of every chart on
/// each year step, and the version built from `to_string` and a grouping pass allocated four.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, dec) = separators(lang);
    let (scaled, scale) = rounded(value, decimals);
    let mut out = String::with_capacity(24);
    if value < 0.0 && scaled > 0 {
        out.push('−');
    }
    let mut digits = [0u8; 20];
    let (mut n, mut int) = (0, scaled / scale);
    loop {
        digits[n] = b'0' + (int % 10) as u8;
        n += 1;
        int /= 10;
        if int == 0 {
            break;
        }
    }
    for i in (0..n).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(group);
        }
    }
    if scale > 1 {
        out.push(dec);
        let (mut unit, mut frac) = (scale / 10, scaled % scale);
        while unit > 0 {
            out.push(char::from(b'0' + (frac / unit) as u8));
            frac %= unit;
            unit /= 10;
        }
    }
    out
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
    // "0" and "0,45" keep the one zero before them; an empty text stays empty (checked: never a
    // wrapped index).
    let s = if s.is_empty() || s.starts_with(',') {
        written
            .len()
            .checked_sub(s.len() + 1)
            .map_or(written, |i| &written[i..])
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

/// `s` with its first letter upper-case, for a label that starts a legend entry. Covers ASCII and
/// every Vietnamese letter by rule (std's `to_uppercase` brings Unicode's case tables into the
/// wasm, for one letter); any other first letter is left as it is.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let c = u32::from(first);
    let upper = match c {
        0x61..=0x7a | 0xe0..=0xfe if c != 0xf7 => c - 0x20,
        // ư → Ư is the one pair of these blocks where the capital is not the even neighbour.
        0x1b0 => 0x1af,
        0x100..=0x17f | 0x1a0..=0x1a1 | 0x1ea0..=0x1ef9 if c % 2 == 1 => c - 1,
        _ => c,
    };
    let mut out = String::with_capacity(s.len());
    out.push(char::from_u32(upper).unwrap_or(first));
    out.push_str(chars.as_str());
    out
}

/// `|value|` rounded to `decimals` places (at most 9), as an integer count of units of the last
/// place, with that unit's scale: 67.9487… at 2 places is (6795, 100). The one rounding rule of
/// every number the app prints, for readers (`format::number`) and for files (`plain`).
pub fn rounded(value: f64, decimals: usize) -> (u64, u64) {
    let scale = 10u64.pow(decimals.min(9) as u32);
    ((value.abs() * scale as f64).round() as u64, scale)
}

/// `value` rounded to `decimals` places as (integer part, fraction digits), with integer
/// arithmetic: the app never needs std's float formatting (kilobytes of wasm).
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
