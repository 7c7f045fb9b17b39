//! The editor page (feature `editor`): one state ([`Ed`]) shared by context, the sections that
//! edit the draft, the paste panel, the preview and the publish step.
//!
//! Where things are kept: the draft lives in `localStorage` (it survives a reload, a crash or a
//! closed tab), and the preview is this same page in an `<iframe>` (`edit.html#preview`) that
//! reads the draft from there, so it renders the reader's own components at a phone's and a
//! desktop's real width.

// The size rules of clippy.toml are the reader's: the editor is its own wasm, for staff, and
// AnyView keeps its many kinds of field readable.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod choices;
mod editor_page;
mod field;
mod lists;
mod live_check;
mod open;
mod paste_panel;
mod places;
mod preview;
mod publish;
mod sections;
mod store;
mod yearly;

use super::draft::Draft;
use crate::data::tree::Value;
use crate::data::{self, DataError, Dataset};
use crate::text::lang::Lang;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A message at the top of the editor: what happened to a file, a paste, a publish.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub alert: bool,
    pub vi: String,
    pub en: String,
    /// Details (a refused file's errors), in both languages.
    pub details: Vec<(String, String)>,
}

impl Msg {
    pub fn info(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            alert: false,
            vi: vi.into(),
            en: en.into(),
            details: Vec::new(),
        }
    }
    pub fn alert(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            alert: true,
            ..Msg::info(vi, en)
        }
    }
}

/// Everything the editor's views share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct Ed {
    pub draft: RwSignal<Draft>,
    /// The dataset of the page beside the editor, as published: what the change summary
    /// compares with. `None` until it is read (or when it cannot be).
    pub base: RwSignal<Option<Value>>,
    pub lang: RwSignal<Lang>,
    /// The draft through the build's decode and validate.
    pub checked: Memo<Result<Dataset, Vec<DataError>>>,
    /// The errors by the place they name (`dataset.yearly[2018].total`): each cell looks up its
    /// own, instead of every cell going through every error.
    pub by_place: Memo<BTreeMap<String, Vec<DataError>>>,
    pub msg: RwSignal<Option<Msg>>,
    /// The draft is in the browser's storage (false: storage refused it, say so).
    pub saved: RwSignal<bool>,
}

impl Ed {
    fn new(value: Value) -> Self {
        let draft = RwSignal::new(Draft::new(value));
        let checked = Memo::new(move |_| draft.with(|d| data::checked(&d.value)));
        Ed {
            draft,
            base: RwSignal::new(None),
            lang: RwSignal::new(Lang::Vi),
            checked,
            by_place: Memo::new(move |_| {
                let mut map: BTreeMap<String, Vec<DataError>> = BTreeMap::new();
                checked.with(|c| {
                    for e in c.as_ref().err().into_iter().flatten() {
                        if let Some(p) = e.place() {
                            map.entry(p).or_default().push(e.clone());
                        }
                    }
                });
                map
            }),
            msg: RwSignal::new(None),
            saved: RwSignal::new(true),
        }
    }

    pub fn errors(&self) -> Vec<DataError> {
        self.checked
            .with(|c| c.as_ref().err().cloned().unwrap_or_default())
    }

    /// Applies `f` to a copy of the draft and makes it one undo step (a row added or removed).
    pub fn change(&self, f: impl FnOnce(&mut Value)) {
        let mut v = self.draft.with_untracked(|d| d.value.clone());
        f(&mut v);
        self.draft.update(|d| d.replace(v));
    }

    /// (Vietnamese, English) text that follows the editor's language.
    pub fn t(
        &self,
        vi: &'static str,
        en: &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || lang.get().t(vi, en)
    }
}

pub fn ed() -> Ed {
    use_context::<Ed>().expect("Ed is provided by the editor page")
}

/// Starts the editor, or, in the preview frame (`#preview`), the reader's app on the draft.
pub fn start() {
    // The wasm runs: the loading line goes, and editor-boot.js reports no load failure.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("editor-ready");
    }
    let hash = window().location().hash().unwrap_or_default();
    if hash.starts_with("#preview") {
        preview::start_frame();
    } else {
        editor_page::start();
    }
}
