//! The reader's start-up, top to bottom, in the order it happens. Before it, in the page:
//! static/boot.js (fault messages; what the reader does before the app starts, held back) and
//! Trunk.toml's loader (the wasm's download and instantiation, two frames after the first
//! paint), which calls [`start`] (src/main.rs). Then:
//! 1. a task: the page's dataset block is read and checked (web/block_reader.rs); a broken one
//!    leaves the pre-rendered page and adds its messages;
//! 2. a task: the page the build rendered is hydrated by the same components that rendered it,
//!    in one pass (Leptos' own hydration: nothing rebuilt or repainted; the charts paint as
//!    their sizes are reported, in later tasks);
//! 3. in the same task: the URL's view, then what the reader did before the app started
//!    (early_input.rs), then the browser's hooks (URL, colour scheme, printing, embedding);
//! 4. `app-ready` on `<html>`: from here boot.js reports a fault as the app's, and the tests
//!    start.
//!
//! Why plain hydration and not hydration in steps: measured interleaved, it is as fast to the
//! first interactive chart, a tap during start-up is answered 2× sooner, and the wasm is smaller
//! (docs/performance.md, "Start-up: plain or staged hydration").
//!
//! The one place that knows both the views (`components`) and the browser glue (`web`); nothing
//! imports it but the binaries and the tests.

mod early_input;

use crate::components::App;
use crate::data;
use crate::state::{to_query, AppState};
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Starts the app on the page the build rendered (steps 1 to 4 above).
pub fn start() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    // Three tasks, not one (the wasm's instantiation, with its first lazy compiles; reading the
    // dataset; hydrating): input gets in between, and Lighthouse counts only each task's time
    // over 50 ms as blocking.
    web::soon(move || match web::block_reader::read() {
        Ok((ds, pre_rendered)) => web::soon(move || {
            run(root.unchecked_into(), Arc::new(ds), pre_rendered);
            mark(&["app-ready"]);
        }),
        Err(errors) => {
            web::block_reader::show_errors(&errors);
            // Ready all the same: boot.js then reports no load failure over the messages.
            mark(&["app-ready", "data-error"]);
        }
    });
}

/// Classes on `<html>` that tell boot.js and the tests how start-up ended.
fn mark(classes: &[&str]) {
    if let Some(html) = document().document_element() {
        for c in classes {
            let _ = html.class_list().add_1(c);
        }
    }
}

/// Steps 2 and 3: puts the app in `root` (hydrating the build's DOM, or replacing it when the
/// block no longer matches what was rendered: a block edited by hand, a test's page), applies
/// the URL and what the reader did before, and connects the browser. Returns the state (the
/// tests drive it).
pub fn run(root: web_sys::HtmlElement, ds: Arc<data::Dataset>, hydrate: bool) -> AppState {
    let state = AppState::new(ds);
    let app = move || {
        provide_context(state);
        view! { <App/> }
    };
    if hydrate {
        leptos::mount::hydrate_from(root, app).forget();
    } else {
        root.set_inner_html("");
        leptos::mount::mount_to(root, app).forget();
    }
    // The URL's view first (it was there first), then what the reader did, in order.
    state.apply_query(&web::query());
    early_input::replay();
    connect(state);
    state
}

/// Connects the state to the browser: the URL, the colour scheme, printing, and embedding (after
/// the URL's view, which says whether the page is embedded).
fn connect(state: AppState) {
    // The URL follows the view from here on, not from the first render: it would otherwise be
    // written with the default view before the URL's own was read.
    let bounds = state.data().bounds();
    Effect::new(move |_| web::replace_query_soon(to_query(&state.view.get(), bounds)));
    state
        .dark
        .set(web::media_matches("(prefers-color-scheme: dark)"));
    web::on_media_change("(prefers-color-scheme: dark)", move |d| state.dark.set(d));
    // Printing: Ctrl+P and "save as PDF" fire beforeprint; print emulation (and some browsers)
    // only switch the media query. Either paints every chart before the print layout.
    web::on_media_change("print", move |p| state.printing.set(p));
    web::on_window_event("beforeprint", move || state.printing.set(true));
    web::on_window_event("afterprint", move || state.printing.set(false));
    if state.view.with_untracked(|v| v.embed) || web::in_iframe() {
        web::embed::init(state);
    }
}
