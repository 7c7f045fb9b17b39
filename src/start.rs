//! The reader's start-up: reads the page's dataset block, hydrates the pre-rendered DOM with the
//! app, applies the URL and what the reader did before the app started, and connects the state
//! to the browser. The one place that knows both the views (`components`) and the browser glue
//! (`web`); nothing imports it but the binaries and the tests.

use crate::components::{self, App};
use crate::data;
use crate::state::{to_query, AppState};
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Starts the app on the page the build rendered: reads the dataset block, hydrates the
/// pre-rendered DOM (the same components made it, so nothing is rebuilt or repainted), then
/// applies the URL's view. A broken dataset leaves the pre-rendered page and adds an alert.
pub fn start() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    // `app-ready` tells boot.js the wasm ran (so it reports no load failure), in both cases;
    // `app-whole`, that every part of the page is the app's (the tests wait for it).
    let mark = |outcome: &str| {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_2("app-ready", outcome);
        }
    };
    // Tasks, not one: the wasm's instantiation (with its first lazy compiles), reading and
    // checking the dataset, then hydrating the page's frame and each part (components/later/queue.rs). Input
    // gets in between, and Lighthouse counts only each task's time over 50 ms as blocking.
    web::soon(move || match web::block_reader::read() {
        Ok((ds, pre_rendered)) => {
            let ds = Arc::new(ds);
            let root: web_sys::HtmlElement = root.unchecked_into();
            // A block edited by hand no longer matches the pre-rendered DOM: render it fresh
            // rather than hydrate a DOM of other figures.
            web::soon(move || {
                let steps = Marks {
                    ready: Box::new(move || mark("app-ready")),
                    whole: Box::new(move || mark("app-whole")),
                };
                run(root, ds, pre_rendered, steps);
            });
        }
        Err(errors) => {
            web::block_reader::show_errors(&errors);
            mark("data-error");
        }
    });
}

/// What `run` tells the page: the app takes input (`ready`), every part is hydrated (`whole`).
pub struct Marks {
    pub ready: Box<dyn FnOnce()>,
    pub whole: Box<dyn FnOnce()>,
}

/// Puts the app in `root` (hydrating what is there, or replacing it), then applies the URL and
/// connects it to the browser: colour scheme, embedding. Returns the state (the tests drive it).
pub fn run(
    root: web_sys::HtmlElement,
    ds: Arc<data::Dataset>,
    hydrate: bool,
    marks: Marks,
) -> AppState {
    let state = AppState::new(ds);
    // The view the build rendered: while the state is still it, a part hydrates as it is.
    let built = state.view.get_untracked();
    if hydrate {
        leptos::mount::hydrate_from(root, move || {
            provide_context(state);
            view! { <App/> }
        })
        .forget();
    } else {
        root.set_inner_html("");
        leptos::mount::mount_to(root, move || {
            provide_context(state);
            view! { <App/> }
        })
        .forget();
    }
    // Once the parts on screen are hydrated (the year filter, each card and the dataset's
    // downloads are parts, each hydrated in a task of its own; components/later/queue.rs): the URL's view, then
    // what the reader did before the app started, in order (static/boot.js recorded it and held
    // it back until now), after the URL, which was there first. A page built here has no parts
    // waiting: this runs at once.
    let ready = marks.ready;
    components::hydrate_in_turns(components::Steps {
        touched: Box::new(early_input_held),
        changed: Box::new(move || state.view.with_untracked(|v| *v != built)),
        ready: Box::new(move || {
            state.apply_query(&web::query());
            replay_early_input();
            connect(state);
            ready();
        }),
        whole: marks.whole,
    });
    state
}

/// Connects the state to the browser: the URL, the colour scheme, printing, and embedding (after
/// the URL's view, which says whether the page is embedded).
fn connect(state: AppState) {
    // The URL follows the view from here on, not from the first render: while the parts were
    // still hydrating, the default view would have replaced the URL's own (seen:
    // `?tab=sources` lost on a slow run, before the app had read it).
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

/// static/boot.js's record of what the reader did before the app started (none in the tests,
/// which load no boot script).
fn early() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&window(), &"tccsEarly".into())
        .ok()
        .filter(|e| e.is_object())
}

fn call(early: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    let f = js_sys::Reflect::get(early, &name.into()).ok()?;
    f.dyn_into::<js_sys::Function>().ok()?.call0(early).ok()
}

/// Whether the reader did something before the app started.
fn early_input_held() -> bool {
    early()
        .and_then(|e| call(&e, "pending"))
        .is_some_and(|p| p.is_truthy())
}

/// Replays what the reader did before the app started.
fn replay_early_input() {
    if let Some(e) = early() {
        call(&e, "replay");
    }
}
