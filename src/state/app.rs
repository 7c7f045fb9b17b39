//! The app's state in the browser (and in the build's render): the view state as signals, the
//! dataset it shows, and what the page around it reports (colour scheme, printing). Provided by
//! context; views, start-up and embedding read it, so it sits below all of them.

use super::{parse_query, Notice, ViewState, YearRange};
use crate::data::Dataset;
use crate::text::lang::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Everything the views share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The dataset shown, owned with the app: dropped when the app is (the editor's preview
    /// shows one version after another). Read it with [`Self::data`].
    ds: StoredValue<Arc<Dataset>>,
    pub view: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub dark: RwSignal<bool>,
    /// The page is being printed (or saved as PDF): every chart paints, the footer says what
    /// was printed from where and when.
    pub printing: RwSignal<bool>,
    /// Derived, so that views reading only the language do not re-run when the years change.
    pub lang: Memo<Lang>,
    pub range: Memo<YearRange>,
}

impl AppState {
    /// The default view (all years, Vietnamese, the dashboard): what the build renders and what
    /// hydration starts from. The URL's view is applied after hydration ([`Self::apply_query`]),
    /// so the pre-rendered DOM and the first hydrated render always agree.
    pub fn new(ds: Arc<Dataset>) -> Self {
        let view = RwSignal::new(ViewState::new(ds.bounds()));
        AppState {
            ds: StoredValue::new(ds),
            view,
            notices: RwSignal::new(Vec::new()),
            dark: RwSignal::new(false),
            printing: RwSignal::new(false),
            lang: Memo::new(move |_| view.with(|v| v.lang)),
            range: Memo::new(move |_| view.with(|v| v.range)),
        }
    }

    /// The dataset (a shared handle: cheap to take, and it keeps the data alive while held).
    pub fn data(&self) -> Arc<Dataset> {
        self.ds.get_value()
    }

    /// The view a URL asks for, and a notice for each part of it that could not be used.
    pub fn apply_query(&self, query: &str) {
        let (wanted, notices) = parse_query(query, self.data().bounds());
        if self.view.with_untracked(|v| *v != wanted) {
            self.view.set(wanted);
        }
        if !notices.is_empty() {
            self.notices.set(notices);
        }
    }

    pub fn set_range(&self, from: u16, to: u16) {
        let r = YearRange { from, to }.clamp(self.data().bounds());
        self.view.update(|v| v.range = r);
    }

    pub fn set_lang(&self, lang: Lang) {
        self.view.update(|v| v.lang = lang);
    }
}

/// The shared state. Leptos' `expect_context` formats the missing type's name with `Debug` in
/// its panic message, which brings std's string escaping into the wasm; a plain `expect` does not.
pub fn app_state() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App")
}
