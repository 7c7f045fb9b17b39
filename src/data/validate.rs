//! Errors that make the data unusable. They stop the build (build.rs) and are tested on broken
//! copies. Each message names the figure or year and says what to fix, in Vietnamese and English.

use super::model::{parse_written, plain, Dataset, Unit};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The file is not valid JSON or does not match the model (wrong type, unknown field).
    Format(String),
    EmptySeries,
    DuplicateYear(u16),
    /// Years must be consecutive and ascending: `next` follows `after`.
    MissingYear {
        after: u16,
        next: u16,
    },
    CountAboveTotal {
        year: u16,
        field: &'static str,
        count: u32,
        total: u32,
    },
    BadRate {
        year: u16,
        field: &'static str,
        written: String,
    },
    RateAbove100 {
        year: u16,
        field: &'static str,
        written: String,
    },
    WeakRateWithoutCount {
        year: u16,
    },
    UnknownSentence {
        figure: String,
        source: String,
    },
    QuoteNotInSentence {
        figure: String,
        quote: String,
    },
    DuplicateFigure(String),
    WrittenMismatch {
        figure: String,
        written: String,
        value: f64,
    },
    UnknownFigure {
        figure: String,
        refers_to: String,
    },
    PartAboveWhole {
        figure: String,
        value: f64,
        whole: f64,
    },
    PercentAbove100 {
        figure: String,
        value: f64,
    },
    SumMismatch {
        whole: String,
        expected: f64,
        parts_sum: f64,
    },
}

impl DataError {
    /// The message in Vietnamese (`vi = true`) or English.
    pub fn message(&self, vi: bool) -> String {
        use DataError::*;
        let (v, e) = match self {
            Format(m) => (format!("Tệp dữ liệu sai định dạng: {m}"), format!("The data file is malformed: {m}")),
            EmptySeries => ("Chuỗi số liệu theo năm trống.".into(), "The yearly series is empty.".into()),
            DuplicateYear(y) => (format!("Năm {y} xuất hiện hai lần."), format!("Year {y} appears twice.")),
            MissingYear { after, next } => (
                format!("Thiếu năm hoặc sai thứ tự: sau {after} là {next}."),
                format!("A year is missing or out of order: {next} follows {after}."),
            ),
            CountAboveTotal { year, field, count, total } => (
                format!("Năm {year}: {field} = {count} lớn hơn tổng số {total}."),
                format!("Year {year}: {field} = {count} is greater than the total {total}."),
            ),
            BadRate { year, field, written } => (
                format!("Năm {year}: tỷ lệ {field} \"{written}\" không phải số viết kiểu Việt Nam (vd. 64,94)."),
                format!("Year {year}: rate {field} \"{written}\" is not a number written the Vietnamese way (e.g. 64,94)."),
            ),
            RateAbove100 { year, field, written } => (
                format!("Năm {year}: tỷ lệ {field} {written}% vượt quá 100%."),
                format!("Year {year}: rate {field} {written}% is above 100%."),
            ),
            WeakRateWithoutCount { year } => (
                format!("Năm {year}: có tỷ lệ yếu kém nhưng không có số lượng."),
                format!("Year {year}: a weak rate is given without a weak count."),
            ),
            UnknownSentence { figure, source } => (
                format!("{figure}: câu nguồn \"{source}\" không có trong mục sentences."),
                format!("{figure}: source sentence \"{source}\" is not in sentences."),
            ),
            QuoteNotInSentence { figure, quote } => (
                format!("{figure}: trích dẫn \"{quote}\" không nằm trong câu nguồn."),
                format!("{figure}: quote \"{quote}\" is not in its source sentence."),
            ),
            DuplicateFigure(id) => (format!("Mã số liệu {id} bị trùng."), format!("Figure id {id} is used twice.")),
            WrittenMismatch { figure, written, value } => {
                let value = plain(*value, 6);
                (
                format!("{figure}: giá trị {value} không khớp với cách viết \"{written}\"."),
                format!("{figure}: value {value} does not match \"{written}\" as written."),
            )
            }
            UnknownFigure { figure, refers_to } => (
                format!("{figure}: tham chiếu tới số liệu không tồn tại \"{refers_to}\"."),
                format!("{figure}: refers to a figure that does not exist, \"{refers_to}\"."),
            ),
            PartAboveWhole { figure, value, whole } => {
                let (value, whole) = (plain(*value, 6), plain(*whole, 6));
                (
                format!("{figure}: {value} lớn hơn tổng {whole}."),
                format!("{figure}: {value} is greater than its whole {whole}."),
            )
            }
            PercentAbove100 { figure, value } => {
                let value = plain(*value, 6);
                (
                format!("{figure}: tỷ lệ {value}% vượt quá 100%."),
                format!("{figure}: share {value}% is above 100%."),
            )
            }
            SumMismatch { whole, expected, parts_sum } => {
                let (expected, parts_sum) = (plain(*expected, 6), plain(*parts_sum, 6));
                (
                format!("{whole}: các thành phần cộng lại {parts_sum}, nhưng tổng là {expected}."),
                format!("{whole}: the parts add up to {parts_sum}, but the whole is {expected}."),
            )
            }
        };
        if vi {
            v
        } else {
            e
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message(false), self.message(true))
    }
}

fn check_rate(errors: &mut Vec<DataError>, year: u16, field: &'static str, written: &str) {
    match parse_written(written) {
        None => errors.push(DataError::BadRate {
            year,
            field,
            written: written.into(),
        }),
        Some(w) if w.value > 100.0 => errors.push(DataError::RateAbove100 {
            year,
            field,
            written: written.into(),
        }),
        Some(_) => {}
    }
}

fn check_source(
    errors: &mut Vec<DataError>,
    ds: &Dataset,
    figure: &str,
    source: &str,
    quote: &str,
) {
    match ds.sentences.get(source) {
        None => errors.push(DataError::UnknownSentence {
            figure: figure.into(),
            source: source.into(),
        }),
        Some(s) if !s.contains(quote) => errors.push(DataError::QuoteNotInSentence {
            figure: figure.into(),
            quote: quote.into(),
        }),
        Some(_) => {}
    }
}

/// All errors of a parsed dataset; empty means usable.
pub fn validate(ds: &Dataset) -> Vec<DataError> {
    let mut errors = Vec::new();
    check_source(
        &mut errors,
        ds,
        "article",
        &ds.article.source,
        &ds.article.quote,
    );
    if ds.yearly.is_empty() {
        errors.push(DataError::EmptySeries);
    }
    let mut seen = BTreeSet::new();
    for pair in ds.yearly.windows(2) {
        let (a, b) = (pair[0].year, pair[1].year);
        if a != b && b != a.wrapping_add(1) {
            errors.push(DataError::MissingYear { after: a, next: b });
        }
    }
    for r in &ds.yearly {
        let y = r.year;
        if !seen.insert(y) {
            errors.push(DataError::DuplicateYear(y));
        }
        if r.clean_strong > r.total {
            errors.push(DataError::CountAboveTotal {
                year: y,
                field: "clean_strong",
                count: r.clean_strong,
                total: r.total,
            });
        }
        check_rate(&mut errors, y, "rate", &r.rate);
        match (r.weak, &r.weak_rate) {
            (Some(w), _) if w.saturating_add(r.clean_strong) > r.total => {
                errors.push(DataError::CountAboveTotal {
                    year: y,
                    field: "weak + clean_strong",
                    count: w + r.clean_strong,
                    total: r.total,
                })
            }
            (None, Some(_)) => errors.push(DataError::WeakRateWithoutCount { year: y }),
            _ => {}
        }
        if let Some(wr) = &r.weak_rate {
            check_rate(&mut errors, y, "weak_rate", wr);
        }
        check_source(&mut errors, ds, &format!("yearly {y}"), &r.source, &r.quote);
    }

    let mut ids = BTreeSet::new();
    for f in &ds.figures {
        if !ids.insert(f.id.as_str()) {
            errors.push(DataError::DuplicateFigure(f.id.clone()));
        }
        check_source(&mut errors, ds, &f.id, &f.source, &f.quote);
        if parse_written(&f.as_written).is_none_or(|w| (w.value - f.value).abs() > 1e-9) {
            errors.push(DataError::WrittenMismatch {
                figure: f.id.clone(),
                written: f.as_written.clone(),
                value: f.value,
            });
        }
        if f.unit == Unit::Percent && !(0.0..=100.0).contains(&f.value) {
            errors.push(DataError::PercentAbove100 {
                figure: f.id.clone(),
                value: f.value,
            });
        }
        if let Some(of) = &f.of {
            match ds.figure(of) {
                None => errors.push(DataError::UnknownFigure {
                    figure: f.id.clone(),
                    refers_to: of.clone(),
                }),
                Some(whole) if f.value > whole.value => errors.push(DataError::PartAboveWhole {
                    figure: f.id.clone(),
                    value: f.value,
                    whole: whole.value,
                }),
                Some(_) => {}
            }
        }
        if let Some(share) = &f.reported_share {
            if parse_written(share).is_none_or(|w| w.value > 100.0) {
                errors.push(DataError::PercentAbove100 {
                    figure: f.id.clone(),
                    value: f64::NAN,
                });
            }
        }
    }
    for rule in &ds.sums {
        let mut parts_sum = 0.0;
        let mut complete = true;
        for id in std::iter::once(&rule.whole).chain(&rule.parts) {
            if ds.figure(id).is_none() {
                errors.push(DataError::UnknownFigure {
                    figure: format!("sums[{}]", rule.whole),
                    refers_to: id.clone(),
                });
                complete = false;
            }
        }
        if !complete {
            continue;
        }
        for id in &rule.parts {
            parts_sum += ds.figure(id).map_or(0.0, |f| f.value);
        }
        let expected = ds.figure(&rule.whole).map_or(0.0, |f| f.value);
        if (parts_sum - expected).abs() > 1e-9 {
            errors.push(DataError::SumMismatch {
                whole: rule.whole.clone(),
                expected,
                parts_sum,
            });
        }
    }
    errors
}

/// Parses and validates the JSON text of a dataset.
pub fn parse(json: &str) -> Result<Dataset, Vec<DataError>> {
    let ds: Dataset =
        serde_json::from_str(json).map_err(|e| vec![DataError::Format(e.to_string())])?;
    let errors = validate(&ds);
    if errors.is_empty() {
        Ok(ds)
    } else {
        Err(errors)
    }
}
