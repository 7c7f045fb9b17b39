//! What several native test files share: the shipped data file as JSON to edit, and all its years.
#![allow(dead_code)]

use tccs_dashboard::data;
use tccs_dashboard::state::YearRange;

/// The shipped data file as a JSON value, to make a broken or corrected copy of.
pub fn json() -> serde_json::Value {
    serde_json::from_str(data::EMBEDDED_JSON).unwrap()
}

/// Every year of a dataset.
pub fn all(ds: &data::Dataset) -> YearRange {
    let (from, to) = ds.bounds();
    YearRange { from, to }
}

/// The editor's correction of 2014 as the data file holds it: the count 41 → 42 and its rate
/// 48,81 → 50,00 (consistent with each other); the quote still writes 41/84 … 48,81%.
pub fn corrected_2014() -> serde_json::Value {
    let mut v = json();
    let r = v["yearly"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["year"] == 2014)
        .unwrap();
    r["top"] = 42.into();
    r["rate"] = "50,00".into();
    v
}
