//! The fields of a yearly record, listed once with their names: the key in the data file, the
//! label staff and readers see (Vietnamese, English) and the column name in downloaded files.
//! The decoder, the editor's table, the paste columns, the export and the charts' tables all read
//! this list, so a field is called the same everywhere.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearField {
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
}

impl YearField {
    /// In the data file's order.
    pub const ALL: [YearField; 10] = [
        YearField::Year,
        YearField::Classification,
        YearField::Top,
        YearField::Total,
        YearField::Rate,
        YearField::Bottom,
        YearField::BottomRate,
        YearField::Document,
        YearField::Source,
        YearField::Quote,
    ];

    /// The key in data/dataset.json.
    pub fn key(self) -> &'static str {
        match self {
            YearField::Year => "year",
            YearField::Classification => "classification",
            YearField::Top => "top",
            YearField::Total => "total",
            YearField::Rate => "rate",
            YearField::Bottom => "bottom",
            YearField::BottomRate => "bottom_rate",
            YearField::Document => "document",
            YearField::Source => "source",
            YearField::Quote => "quote",
        }
    }

    /// What people call it: (Vietnamese, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            YearField::Year => ("Năm", "Year"),
            YearField::Classification => ("Cách xếp loại", "Classification"),
            YearField::Top => ("Số đạt loại cao nhất", "Top category"),
            YearField::Total => ("Tổng số", "Total"),
            YearField::Rate => ("Tỷ lệ (nguồn ghi)", "Rate (as reported)"),
            YearField::Bottom => ("Số loại thấp nhất", "Bottom category"),
            YearField::BottomRate => (
                "Tỷ lệ loại thấp nhất (nguồn ghi)",
                "Bottom rate (as reported)",
            ),
            YearField::Document => ("Tài liệu", "Document"),
            YearField::Source => ("Câu nguồn", "Source sentence"),
            YearField::Quote => ("Trích dẫn", "Quote"),
        }
    }

    /// The column name in downloaded CSV files: (Vietnamese, English), ASCII without spaces.
    pub fn file_column(self) -> (&'static str, &'static str) {
        match self {
            YearField::Year => ("nam", "year"),
            YearField::Classification => ("cach_xep_loai", "classification"),
            YearField::Top => ("so_loai_cao_nhat", "top"),
            YearField::Total => ("tong_so", "total"),
            YearField::Rate => ("ty_le_bao_cao", "rate_reported"),
            YearField::Bottom => ("so_loai_thap_nhat", "bottom"),
            YearField::BottomRate => ("ty_le_thap_nhat_bao_cao", "bottom_rate_reported"),
            YearField::Document => ("tai_lieu", "document"),
            YearField::Source => ("nguon", "source"),
            YearField::Quote => ("trich_dan", "quote"),
        }
    }

    pub fn by_key(key: &str) -> Option<YearField> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}
