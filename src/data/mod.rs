//! The dataset: typed model, decoding from parsed JSON, validation, audit of reported rates, and
//! the page block that carries it. Pure Rust, tested natively.

pub mod audit;
pub mod block;
pub mod decode;
pub mod error;
pub mod fields;
#[cfg(feature = "js")]
pub mod js_values;
pub mod lineage;
pub mod model;
pub mod quote;
pub mod read;
pub mod roles;
pub mod tree;
pub mod validate;

pub use error::DataError;
pub use model::{Classification, Dataset, Figure, Group, Unit, YearRecord};

/// Decodes and validates parsed JSON: the one path every dataset takes, in the build, the tests
/// and the browser.
pub fn checked<N: decode::Node>(root: &N) -> Result<Dataset, Vec<DataError>> {
    let ds = decode::dataset(root)?;
    let mut errors = validate::validate(&ds);
    // The lineage's own checks, beside the rest (they use validate's address rule).
    lineage::check::check(&ds, &mut errors);
    if errors.is_empty() {
        Ok(ds)
    } else {
        Err(errors)
    }
}

/// Parses (serde_json, native only: the browser parses with `JSON.parse`), decodes and validates.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(json: &str) -> Result<Dataset, Vec<DataError>> {
    let root: serde_json::Value =
        serde_json::from_str(json).map_err(|e| vec![DataError::Format(e.to_string())])?;
    checked(&root)
}

/// The shipped data file as text. The build writes it into the page (`page::write`); the wasm
/// reads it from there, so this constant only reaches the wasm in its tests.
pub const EMBEDDED_JSON: &str = include_str!("../../data/dataset.json");

/// The shipped dataset, parsed once (native: the build-time renderer and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded() -> Result<&'static Dataset, &'static [DataError]> {
    use std::sync::OnceLock;
    static CELL: OnceLock<Result<Dataset, Vec<DataError>>> = OnceLock::new();
    match CELL.get_or_init(|| parse(EMBEDDED_JSON)) {
        Ok(ds) => Ok(ds),
        Err(e) => Err(e.as_slice()),
    }
}
