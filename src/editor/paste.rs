//! Rows pasted from a spreadsheet: read, mapped to the yearly columns, checked, then applied.
//!
//! Excel and LibreOffice copy a block of cells as tab-separated text, quoting a cell that holds
//! a tab, a quote or a line break (csv-core reads that). Numbers come as Vietnamese readers
//! write them: `1.173`, `64,94`, `53/78`. Nothing is applied while a cell has a problem: the
//! message sits on that cell of the preview, and the draft stays as it was.

use crate::data::model::parse_written;
use crate::data::tree::{Path, Tree, Value};
use crate::data::DataError;
use crate::i18n::Lang;
use crate::path;

/// Where a pasted column goes in a yearly record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Year,
    Classification,
    Top,
    Total,
    Rate,
    Bottom,
    BottomRate,
    Document,
    Source,
    Quote,
    /// Not used.
    Skip,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Year,
        Column::Classification,
        Column::Top,
        Column::Total,
        Column::Rate,
        Column::Bottom,
        Column::BottomRate,
        Column::Document,
        Column::Source,
        Column::Quote,
        Column::Skip,
    ];

    /// Without a header row, columns are read in this order (the app's own table's order).
    const BY_POSITION: [Column; 6] = [
        Column::Year,
        Column::Top,
        Column::Total,
        Column::Rate,
        Column::Bottom,
        Column::BottomRate,
    ];

    /// The field of the yearly record (also the column's name in a header row).
    pub fn key(self) -> &'static str {
        match self {
            Column::Year => "year",
            Column::Classification => "classification",
            Column::Top => "top",
            Column::Total => "total",
            Column::Rate => "rate",
            Column::Bottom => "bottom",
            Column::BottomRate => "bottom_rate",
            Column::Document => "document",
            Column::Source => "source",
            Column::Quote => "quote",
            Column::Skip => "",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Column::Year => lang.t("Năm", "Year"),
            Column::Classification => lang.t("Cách xếp loại", "Classification"),
            Column::Top => lang.t("Số đạt loại cao nhất", "Top category"),
            Column::Total => lang.t("Tổng số", "Total"),
            Column::Rate => lang.t("Tỷ lệ (%)", "Rate (%)"),
            Column::Bottom => lang.t("Số loại thấp nhất", "Bottom category"),
            Column::BottomRate => lang.t("Tỷ lệ loại thấp nhất (%)", "Bottom rate (%)"),
            Column::Document => lang.t("Tài liệu", "Document"),
            Column::Source => lang.t("Mã câu nguồn", "Source sentence id"),
            Column::Quote => lang.t("Trích dẫn", "Quote"),
            Column::Skip => lang.t("(bỏ qua)", "(skip)"),
        }
    }

    /// The column a header cell names: the field name, or the words of the app's own tables
    /// and of a typical report ("Năm", "Tổng số", "Tỷ lệ", "Yếu kém"…).
    fn from_header(cell: &str) -> Option<Column> {
        let h = cell.trim().to_lowercase();
        let h = h.trim_end_matches(['%', ')', '(', ' ']).trim();
        if let Some(c) = Column::ALL.into_iter().find(|c| c.key() == h) {
            return (c != Column::Skip).then_some(c);
        }
        let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
        let bottom = has(&["yếu", "không hoàn thành", "weak", "not complet", "bottom"]);
        Some(if has(&["năm", "year"]) {
            Column::Year
        } else if has(&["tỷ lệ", "tỉ lệ", "rate", "share"]) {
            if bottom {
                Column::BottomRate
            } else {
                Column::Rate
            }
        } else if bottom {
            Column::Bottom
        } else if has(&["tổng", "total"]) {
            Column::Total
        } else if has(&["trong sạch", "xuất sắc", "đạt", "clean", "excellent", "top"]) {
            Column::Top
        } else if has(&["xếp loại", "classification"]) {
            Column::Classification
        } else if has(&["tài liệu", "document"]) {
            Column::Document
        } else if has(&["trích", "quote"]) {
            Column::Quote
        } else if has(&["nguồn", "source"]) {
            Column::Source
        } else {
            return None;
        })
    }
}

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
        let vi = lang == Lang::Vi;
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
            Issue::Data(e) => e.message_at_place(vi),
        }
    }
}

/// The pasted block, cell by cell, as text.
pub fn read(text: &str) -> Vec<Vec<String>> {
    use csv_core::{ReadRecordResult, ReaderBuilder};
    let mut reader = ReaderBuilder::new().delimiter(b'\t').build();
    let mut rest = text.as_bytes();
    // Unquoting only shortens, so the input's length always holds a record.
    let mut out = vec![0u8; rest.len() + 1];
    let mut ends = vec![0usize; 32];
    let (mut out_len, mut ends_len) = (0, 0);
    let mut rows = Vec::new();
    loop {
        let (res, n_in, n_out, n_ends) =
            reader.read_record(rest, &mut out[out_len..], &mut ends[ends_len..]);
        rest = &rest[n_in..];
        out_len += n_out;
        ends_len += n_ends;
        match res {
            ReadRecordResult::InputEmpty => {} // once more with no input: the end of the text
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let mut start = 0;
                let row: Vec<String> = ends[..ends_len]
                    .iter()
                    .map(|&e| {
                        let cell = String::from_utf8_lossy(&out[start..e]).trim().to_string();
                        start = e;
                        cell
                    })
                    .collect();
                if row.iter().any(|c| !c.is_empty()) {
                    rows.push(row);
                }
                (out_len, ends_len) = (0, 0);
            }
            ReadRecordResult::End => break,
        }
    }
    rows
}

/// The columns of a block: from its header row when the first row names them (then the header
/// is not data), otherwise by position.
pub fn guess(rows: &[Vec<String>]) -> (bool, Vec<Column>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if let Some(first) = rows.first() {
        let named: Vec<Option<Column>> = first.iter().map(|c| Column::from_header(c)).collect();
        if named.iter().flatten().count() * 2 >= first.len().max(1) && named[0].is_some() {
            let mut cols: Vec<Column> = named
                .into_iter()
                .map(|c| c.unwrap_or(Column::Skip))
                .collect();
            cols.resize(width, Column::Skip);
            return (true, cols);
        }
    }
    let mut cols: Vec<Column> = Column::BY_POSITION.into_iter().take(width).collect();
    cols.resize(width, Column::Skip);
    (false, cols)
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

fn year(raw: &str) -> Result<u16, Issue> {
    let s = raw.trim();
    match s.parse::<u16>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ if s.is_empty() => Err(Issue::Empty),
        _ => Err(Issue::NotAYear(s.into())),
    }
}

/// One pasted row, read through the columns: the fields it sets, and each cell's problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub year: Option<u16>,
    /// (field, value) in column order; a "53/78" cell sets two.
    pub fields: Vec<(&'static str, Value)>,
    /// Problems by cell index (`cells.len()` for the row as a whole).
    pub issues: Vec<(usize, Issue)>,
}

/// Reads the data rows (the header, if any, left out) through `columns`.
pub fn rows(block: &[Vec<String>], header: bool, columns: &[Column]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for cells in block.iter().skip(usize::from(header)) {
        let mut row = Row {
            year: None,
            fields: Vec::new(),
            issues: Vec::new(),
        };
        if cells.len() > columns.len() {
            row.issues
                .push((cells.len(), Issue::ExtraCells(cells.len())));
        }
        for (i, col) in columns.iter().enumerate() {
            let raw = cells.get(i).map_or("", String::as_str);
            let mut issue = |e| row.issues.push((i, e));
            let num = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Num(n.into()));
            match col {
                Column::Skip => {}
                Column::Year => match year(raw) {
                    Ok(y) => {
                        row.year = Some(y);
                        row.fields.push(("year", Value::Num(y.into())));
                    }
                    Err(e) => issue(e),
                },
                Column::Top if raw.contains('/') => {
                    let (a, b) = raw.split_once('/').unwrap_or_default();
                    match (count(a), count(b)) {
                        (Ok(Some(a)), Ok(Some(b))) => {
                            row.fields.push(("top", num(Some(a))));
                            row.fields.push(("total", num(Some(b))));
                        }
                        (Err(e), _) | (_, Err(e)) => issue(e),
                        _ => issue(Issue::Empty),
                    }
                }
                Column::Top | Column::Total | Column::Bottom if raw.contains('/') => {
                    issue(Issue::FractionHere)
                }
                Column::Top | Column::Total | Column::Bottom => match count(raw) {
                    Ok(None) if *col != Column::Bottom => issue(Issue::Empty),
                    Ok(n) => row.fields.push((col.key(), num(n))),
                    Err(e) => issue(e),
                },
                Column::Rate | Column::BottomRate => match rate(raw) {
                    Ok(None) if *col == Column::Rate => issue(Issue::Empty),
                    Ok(r) => row
                        .fields
                        .push((col.key(), r.map_or(Value::Null, Value::Str))),
                    Err(e) => issue(e),
                },
                // An empty text cell changes nothing: a new year then keeps the previous
                // year's classification and cites the article.
                Column::Classification | Column::Document | Column::Source | Column::Quote => {
                    if !raw.trim().is_empty() {
                        row.fields.push((col.key(), Value::Str(raw.trim().into())));
                    }
                }
            }
        }
        if let Some(y) = row.year {
            if out.iter().any(|r| r.year == Some(y)) {
                let at = columns.iter().position(|c| *c == Column::Year).unwrap_or(0);
                row.issues.push((at, Issue::YearTwice(y)));
            }
        }
        if row.year.is_none() && !columns.contains(&Column::Year) {
            row.issues.push((cells.len(), Issue::Empty));
        }
        out.push(row);
    }
    out
}

/// A record for a year the draft does not have: the previous year's classification, the
/// article as document, no source yet (the editor then asks for one at its cell).
pub fn new_record(draft: &Value, year: u16) -> Value {
    let yearly = draft.list(&path!["yearly"]);
    let before = yearly
        .iter()
        .rfind(|r| {
            r.field("year")
                .and_then(Value::number_of)
                .is_some_and(|y| y < year.into())
        })
        .or(yearly.last());
    let class = before
        .and_then(|r| r.field("classification"))
        .cloned()
        .unwrap_or(Value::Str(String::new()));
    Value::Obj(vec![
        ("year".into(), Value::Num(year.into())),
        ("classification".into(), class),
        ("top".into(), Value::Null),
        ("total".into(), Value::Null),
        ("rate".into(), Value::Str(String::new())),
        ("bottom".into(), Value::Null),
        ("bottom_rate".into(), Value::Null),
        ("source".into(), Value::Str(String::new())),
        ("quote".into(), Value::Str(String::new())),
    ])
}

/// The draft with the rows applied: a row updates the record of its year, or adds one in year
/// order. A row with a quote and no source gets a source sentence of its own, `y<year>`, that
/// holds the quote (a figure from a new report cites that report's words).
pub fn apply(draft: &Value, rows: &[Row]) -> Value {
    let mut next = draft.clone();
    for row in rows {
        let Some(year) = row.year else { continue };
        let yearly = next.list(&path!["yearly"]);
        let at = yearly
            .iter()
            .position(|r| r.field("year").and_then(Value::number_of) == Some(year.into()));
        let index = match at {
            Some(i) => i,
            None => {
                let i = yearly
                    .iter()
                    .position(|r| {
                        r.field("year")
                            .and_then(Value::number_of)
                            .is_some_and(|y| y > year.into())
                    })
                    .unwrap_or(yearly.len());
                let record = new_record(&next, year);
                if let Some(list) = next.list_mut(&path!["yearly"]) {
                    list.insert(i, record);
                }
                i
            }
        };
        for (field, value) in &row.fields {
            next.set(&path!["yearly", index, *field], value.clone());
        }
        let has = |k: &str| row.fields.iter().any(|(f, _)| *f == k);
        let quote = next
            .at(&path!["yearly", index, "quote"])
            .and_then(Value::str)
            .unwrap_or("")
            .to_string();
        let source_empty = next
            .at(&path!["yearly", index, "source"])
            .and_then(Value::str)
            .is_none_or(str::is_empty);
        if has("quote") && !has("source") && source_empty && !quote.is_empty() {
            let id = format!("y{year}");
            next.set(&path!["sentences", id.as_str()], Value::Str(quote));
            next.set(&path!["yearly", index, "source"], Value::Str(id));
        }
    }
    next
}

/// What the build's validation says about the pasted years once applied, as issues on the
/// cells they came from. Missing sources are left to the table (numbers first is a fine order).
pub fn check(draft: &Value, rows: &[Row], columns: &[Column]) -> Vec<Vec<(usize, Issue)>> {
    let mut out: Vec<Vec<(usize, Issue)>> = rows.iter().map(|_| Vec::new()).collect();
    if rows.iter().any(|r| !r.issues.is_empty()) {
        return out; // the cells first
    }
    let next = apply(draft, rows);
    let Err(errors) = crate::data::checked(&next) else {
        return out;
    };
    let yearly = next.list(&path!["yearly"]);
    for e in errors {
        if matches!(
            e,
            DataError::UnknownSentence { .. } | DataError::QuoteNotInSentence { .. }
        ) {
            continue;
        }
        let Some(place) = e.place() else { continue };
        for (ri, row) in rows.iter().enumerate() {
            let Some(year) = row.year else { continue };
            let Some(index) = yearly
                .iter()
                .position(|r| r.field("year").and_then(Value::number_of) == Some(year.into()))
            else {
                continue;
            };
            let record: Path = path!["yearly", index];
            let prefix = next.name(&record);
            let Some(field) = place
                .strip_prefix(&prefix)
                .and_then(|f| f.strip_prefix('.'))
            else {
                continue;
            };
            // The cell that set the field (a "53/78" cell sets top and total).
            let key = match field {
                "total" if !columns.contains(&Column::Total) => "top",
                f => f,
            };
            let cell = columns
                .iter()
                .position(|c| c.key() == key)
                .unwrap_or(columns.len());
            out[ri].push((cell, Issue::Data(e.clone())));
        }
    }
    out
}
