//! Leptos views. Signals live in one small [`AppState`] provided by context.

mod actions;
mod app;
mod card;
mod embed_dialog;
mod filter;
mod headline;
mod later;
mod sources;

pub use app::App;
pub use later::{then as when_hydrated, Steps};

/// How many charts the dashboard's first grid holds (a desktop's first row, a phone's first
/// screen and the next chart): the headline figures follow them, and in the build's page they
/// are the charts whose picture shows while the wasm loads.
pub const FIRST_ROW: usize = 2;

use crate::text::lang::Lang;
use leptos::prelude::*;

/// A (Vietnamese, English) string that follows the language. Every call site shares this one
/// closure type, so tachys compiles one text renderer for all of them; a separate closure per
/// string costs about a kilobyte of wasm each.
pub fn tr(
    lang: Memo<Lang>,
    vi: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().t(vi, en)
}
