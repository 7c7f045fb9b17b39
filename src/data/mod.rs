//! The dataset: typed model, validation, audit of reported rates. Pure Rust, tested natively.

pub mod audit;
pub mod model;
pub mod validate;

pub use model::{Dataset, Figure, Group, Unit, YearRecord};
pub use validate::{parse, DataError};

use std::sync::OnceLock;

/// The dataset file, compiled into the binary. build.rs has validated it already, so at run time
/// an error here means a build bypassed build.rs; the app still shows the message rather than panic.
pub const EMBEDDED_JSON: &str = include_str!("../../data/dataset.json");

/// The embedded dataset, parsed once.
pub fn embedded() -> Result<&'static Dataset, &'static [DataError]> {
    static CELL: OnceLock<Result<Dataset, Vec<DataError>>> = OnceLock::new();
    match CELL.get_or_init(|| parse(EMBEDDED_JSON)) {
        Ok(ds) => Ok(ds),
        Err(e) => Err(e.as_slice()),
    }
}
