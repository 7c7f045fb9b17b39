//! The dataset: typed model, decoding from parsed JSON, validation, audit of reported rates, and
//! the page block that carries it. Pure Rust, tested natively.

pub mod audit;
pub mod decode;
pub mod fields;
pub mod model;
pub mod page;
pub mod roles;
pub mod tree;
pub mod validate;

pub use model::{Classification, Dataset, Figure, Group, Unit, YearRecord};
pub use validate::{checked, DataError};

#[cfg(not(target_arch = "wasm32"))]
pub use validate::parse;

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
