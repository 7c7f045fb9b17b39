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
