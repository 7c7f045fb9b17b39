//! Numbers as the sources write them (`1.173`, `64,94`, `trên 1.800`) and a source's quote,
//! verbatim, with the numbers it writes.

/// A number as Vietnamese writes it: `.` groups thousands, `,` marks decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub value: f64,
    pub decimals: u8,
    /// Written "trên 1.800" (over 1,800): a lower bound, never the count itself.
    pub more_than: bool,
}

/// The words a source puts before a number it gives as a lower bound ("trên 1.800 đảng viên").
pub const MORE_THAN: [&str; 1] = ["trên "];

/// Parses "1.173", "02", "64,94", "0,45", and a lower bound "trên 1.800". Rejects anything else
/// (letters, "1,2,3", empty).
pub fn parse_written(s: &str) -> Option<Written> {
    if let Some(n) = MORE_THAN.iter().find_map(|w| s.strip_prefix(w)) {
        return parse_written(n).filter(|w| !w.more_than).map(|w| Written {
            more_than: true,
            ..w
        });
    }
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
        more_than: false,
    })
}

/// A figure's quote, verbatim, with the numbers it writes read once when the data is decoded
/// ("41/84 … 48,81%" → 41, 84, 48.81): the quote audit runs on every year step and must not
/// parse sentences there.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quote {
    text: String,
    numbers: Vec<f64>,
}

impl Quote {
    pub fn new(text: String) -> Self {
        // Numbers written the way the data writes them (`1.173`, `64,94`); a sentence's own
        // full stop or comma after a number is punctuation, not a decimal mark.
        let numbers = text
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .filter(|t| !t.is_empty())
            .filter_map(|t| parse_written(t.trim_end_matches(['.', ','])))
            .map(|w| w.value)
            .collect();
        Quote { text, numbers }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the quote writes this number.
    pub fn writes(&self, value: f64) -> bool {
        self.numbers.iter().any(|n| (n - value).abs() < 1e-9)
    }
}

impl std::ops::Deref for Quote {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Quote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
