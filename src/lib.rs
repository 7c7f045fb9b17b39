//! Grassroots Party organisations of the Provincial Agencies Bloc, Gia Lai, 2008–2017: the data,
//! the view state and the charts are plain Rust (tested natively); `components` and `web` are the
//! view layer (feature `ui`: rendered to HTML at build time with `ssr`, hydrated in the browser
//! with `hydrate`).

// Deep view types: the build-time render (`ssr`) resolves them in async blocks.
#![recursion_limit = "256"]

pub mod charts;
pub mod data;
pub mod editor;
pub mod export;
pub mod sources;
pub mod state;
pub mod summary;
pub mod text;

#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "hydrate")]
pub mod start;
#[cfg(feature = "ui")]
pub mod web;
