//! One pasted cell read as the number or year it should be, or the problem with it, worded for
//! the cell in both languages.

use crate::data::model::parse_written;
use crate::data::DataError;
use crate::text::lang::Lang;

/// A problem with one pasted cell, or with the block.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    Empty,
    NotANumber(String),
    /// "1,173" in a count: a comma is the Vietnamese decimal mark.
    CommaThousands(String),
    /// "64.94" in a rate: a dot groups thousands in Vietnamese.
    DecimalPoint(String),
    NotAYear(String),
    /// "53/78" where only a count fits.
    FractionHere,
    YearTwice(u16),
    /// The row has more cells than there are columns.
    ExtraCells(usize),
    /// What the build's own validation says of the record this row makes.
    Data(DataError),
}

impl Issue {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Issue::Empty => lang.t("Ô trống.", "Empty cell.").into(),
            Issue::NotANumber(s) => lang.t(
                format!("“{s}” không phải là số."),
                format!("“{s}” is not a number."),
            ),
            Issue::CommaThousands(s) => lang.t(
                format!("“{s}”: số đếm là số nguyên; hàng nghìn viết bằng dấu chấm (1.173)."),
                format!(
                    "“{s}”: a count is a whole number; thousands are grouped with a dot (1.173)."
                ),
            ),
            Issue::DecimalPoint(s) => lang.t(
                format!("“{s}”: phần thập phân viết sau dấu phẩy (64,94)."),
                format!("“{s}”: decimals follow a comma (64,94)."),
            ),
            Issue::NotAYear(s) => lang.t(
                format!("“{s}” không phải là năm (vd. 2018)."),
                format!("“{s}” is not a year (e.g. 2018)."),
            ),
            Issue::FractionHere => lang
                .t(
                    "Dạng “53/78” chỉ dùng ở cột số đạt (điền cả tổng số).",
                    "The form “53/78” belongs in the top-category column (it fills the total too).",
                )
                .into(),
            Issue::YearTwice(y) => lang.t(
                format!("Năm {y} có hai dòng trong phần dán."),
                format!("Year {y} is in two pasted rows."),
            ),
            Issue::ExtraCells(n) => lang.t(
                format!("Dòng có {n} ô, nhiều hơn số cột."),
                format!("The row has {n} cells, more than there are columns."),
            ),
            Issue::Data(e) => e.message_at_place(lang),
        }
    }
}

/// A count as written: "1.173", "02". `None` for an empty cell.
pub fn count(raw: &str) -> Result<Option<u32>, Issue> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match parse_written(s) {
        Some(w) if w.decimals == 0 && w.value <= f64::from(u32::MAX) => Ok(Some(w.value as u32)),
        Some(w) if w.decimals == 3 => Err(Issue::CommaThousands(s.into())),
        _ => Err(Issue::NotANumber(s.into())),
    }
}

/// A rate as written, without its `%`: "64,94". `None` for an empty cell.
pub fn rate(raw: &str) -> Result<Option<String>, Issue> {
    let s = raw.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return Ok(None);
    }
    if parse_written(s).is_some() {
        return Ok(Some(s.to_string()));
    }
    // "64.94": a dot followed by other than three digits is an English decimal point.
    let english = s.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && !b.is_empty()
            && b.bytes().all(|c| c.is_ascii_digit())
    });
    Err(if english {
        Issue::DecimalPoint(s.into())
    } else {
        Issue::NotANumber(s.into())
    })
}

pub fn year(raw: &str) -> Result<u16, Issue> {
    let s = raw.trim();
    match s.parse::<u16>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ if s.is_empty() => Err(Issue::Empty),
        _ => Err(Issue::NotAYear(s.into())),
    }
}
