//! Leptos views. Signals live in one small [`AppState`] provided by context.

mod app;
mod chart_card;
mod filter;
mod headline;
mod sources;

pub use app::{App, AppState, DataErrorView};
