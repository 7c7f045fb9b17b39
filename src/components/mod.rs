//! Leptos views. Signals live in one small [`AppState`] provided by context.

mod actions;
mod app;
mod card;
mod embed_dialog;
mod filter;
mod headline;
mod part;
mod sources_view;

pub use app::App;

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

/// A text made from the data (the years in the heading, the date of the last update) as
/// `&'static str`, so that it goes through `tr` and its one text renderer rather than a view type
/// of its own. Each distinct text is kept once, whatever the number of mounts: the staff editor's
/// preview mounts the header again for every draft, with the same texts.
pub fn interned(text: String) -> &'static str {
    use std::cell::RefCell;
    thread_local! {
        static TEXTS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    TEXTS.with_borrow_mut(|texts| {
        if let Some(t) = texts.iter().find(|t| **t == text) {
            return *t;
        }
        #[expect(
            clippy::disallowed_methods,
            reason = "once per distinct text, not per mount: the list above finds it again"
        )]
        let t: &'static str = Box::leak(text.into_boxed_str());
        texts.push(t);
        t
    })
}
