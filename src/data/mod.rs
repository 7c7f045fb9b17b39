//! The dataset: typed model, validation, audit of reported rates. Pure Rust, tested natively.

pub mod audit;
pub mod model;
pub mod validate;

pub use model::{Dataset, Figure, Group, Unit, YearRecord};
pub use validate::{parse, DataError};

use std::sync::OnceLock;

/// The dataset file as text (for the JSON round-trip tests and native parsing).
pub const EMBEDDED_JSON: &str = include_str!("../../data/dataset.json");

/// The same data as Rust, written by build.rs after it validated the file.
pub mod generated {
    #![allow(clippy::all)]
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

/// The embedded dataset, built once. In the browser it comes from the generated Rust (no JSON
/// parser in the wasm); natively it is parsed from the file, and `tests/data.rs` checks both agree.
/// An error here means a build bypassed build.rs; the app shows it rather than panic.
pub fn embedded() -> Result<&'static Dataset, &'static [DataError]> {
    static CELL: OnceLock<Result<Dataset, Vec<DataError>>> = OnceLock::new();
    let loaded = CELL.get_or_init(|| {
        if cfg!(target_arch = "wasm32") {
            let ds = generated::dataset();
            let errors = validate::validate(&ds);
            if errors.is_empty() {
                Ok(ds)
            } else {
                Err(errors)
            }
        } else {
            parse(EMBEDDED_JSON)
        }
    });
    match loaded {
        Ok(ds) => Ok(ds),
        Err(e) => Err(e.as_slice()),
    }
}
