//! The fields of a yearly record a pasted column can go to, with their names in both languages
//! and the words of a header row that name them.

use crate::data::fields::YearField;
use crate::text::lang::Lang;

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

    /// The yearly field the column goes to (`None`: skipped).
    pub fn field(self) -> Option<YearField> {
        Some(match self {
            Column::Year => YearField::Year,
            Column::Classification => YearField::Classification,
            Column::Top => YearField::Top,
            Column::Total => YearField::Total,
            Column::Rate => YearField::Rate,
            Column::Bottom => YearField::Bottom,
            Column::BottomRate => YearField::BottomRate,
            Column::Document => YearField::Document,
            Column::Source => YearField::Source,
            Column::Quote => YearField::Quote,
            Column::Skip => return None,
        })
    }

    /// The field of the yearly record (also the column's name in a header row).
    pub fn key(self) -> &'static str {
        self.field().map_or("", YearField::key)
    }

    /// The field's one label (src/data/fields.rs).
    pub fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = self
            .field()
            .map_or(("(bỏ qua)", "(skip)"), YearField::label);
        lang.t(vi, en)
    }

    /// The column a header cell names: the field name, or the words of the app's own tables
    /// and of a typical report ("Năm", "Tổng số", "Tỷ lệ", "Yếu kém"…).
    fn from_header(cell: &str) -> Option<Column> {
        let norm = |s: &str| {
            s.trim()
                .to_lowercase()
                .trim_end_matches(['%', ')', '(', ' '])
                .trim()
                .to_string()
        };
        let h = norm(cell);
        let h = h.as_str();
        // The field's key or its one label (src/data/fields.rs), in either language.
        let names = |c: &Column| {
            c.field().is_some_and(|f| {
                let (vi, en) = f.label();
                f.key() == h || norm(vi) == h || norm(en) == h
            })
        };
        if let Some(c) = Column::ALL.into_iter().find(names) {
            return Some(c);
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
