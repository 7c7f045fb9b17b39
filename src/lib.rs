//! Grassroots Party organisations of the Provincial Agencies Bloc, Gia Lai, 2008–2017: the data,
//! the view state and the charts are plain Rust (tested natively); `components` and `web` are the
//! browser half (wasm32 only).

pub mod charts;
pub mod data;
pub mod export;
pub mod format;
pub mod i18n;
pub mod json;
pub mod prerender;
pub mod sources;
pub mod state;
pub mod summary;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;
