//! Rows pasted from a spreadsheet: read, mapped to the yearly columns, checked, then applied.
//!
//! Excel and LibreOffice copy a block of cells as tab-separated text, quoting a cell that holds
//! a tab, a quote or a line break (csv-core reads that). Numbers come as Vietnamese readers
//! write them: `1.173`, `64,94`, `53/78`. Nothing is applied while a cell has a problem: the
//! message sits on that cell of the preview, and the draft stays as it was.

mod cell;
mod column;

pub use cell::{count, rate, Issue};
pub use column::{guess, Column};

use crate::data::decode::Node;
use crate::data::tree::{Path, Tree, Value};
use crate::data::DataError;
use crate::path;
use cell::year;

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

/// A record's year: the number in its `year` field.
fn year_of(record: &Value) -> Option<f64> {
    record.field("year").and_then(Node::number)
}

/// Where the draft's record of `year` is in its yearly list.
pub fn index_of_year(draft: &Value, year: u16) -> Option<usize> {
    draft
        .list(&path!["yearly"])
        .iter()
        .position(|r| year_of(r) == Some(year.into()))
}

/// A record for a year the draft does not have: the previous year's classification, the
/// article as document, no source yet (the editor then asks for one at its cell).
pub fn new_record(draft: &Value, year: u16) -> Value {
    let yearly = draft.list(&path!["yearly"]);
    let before = yearly
        .iter()
        .rfind(|r| year_of(r).is_some_and(|y| y < year.into()))
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
        let index = match index_of_year(&next, year) {
            Some(i) => i,
            None => {
                let yearly = next.list(&path!["yearly"]);
                let i = yearly
                    .iter()
                    .position(|r| year_of(r).is_some_and(|y| y > year.into()))
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
    // Nothing pasted: nothing to check (the draft itself is checked once, by the editor). The
    // cells' own problems come first.
    if rows.is_empty() || rows.iter().any(|r| !r.issues.is_empty()) {
        return out;
    }
    let next = apply(draft, rows);
    let Err(errors) = crate::data::checked(&next) else {
        return out;
    };
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
            let Some(index) = index_of_year(&next, year) else {
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
