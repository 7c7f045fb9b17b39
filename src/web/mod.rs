//! Browser glue: start-up, the URL, the colour scheme, painting a canvas. Nothing here decides what
//! is shown; that is `state`, `charts` and `components`.

pub mod canvas;
pub mod download;
pub mod embed;
pub mod page;

#[cfg(feature = "hydrate")]
use crate::{
    components::{App, AppState},
    data,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(feature = "hydrate")]
/// Starts the app on the page the build rendered: reads the dataset block, hydrates the
/// pre-rendered DOM (the same components made it, so nothing is rebuilt or repainted), then
/// applies the URL's view. A broken dataset leaves the pre-rendered page and adds an alert.
pub fn start() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    // `app-ready` tells boot.js the wasm ran (so it reports no load failure), in both cases.
    let mark = |outcome: &str| {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_2("app-ready", outcome);
        }
    };
    match page::read() {
        Ok((ds, pre_rendered)) => {
            let ds: &'static data::Dataset = Box::leak(Box::new(ds));
            let root: web_sys::HtmlElement = root.unchecked_into();
            // Hydration in a task of its own: reading and checking the dataset and hydrating
            // the page are ~40 and ~70 ms at 4× CPU; one task of both blocks a reader's tap for
            // their sum (Lighthouse counts it in TBT), two tasks let input in between.
            set_timeout(
                move || {
                    // A block edited by hand no longer matches the pre-rendered DOM: render it
                    // fresh rather than hydrate a DOM of other figures.
                    run(root, ds, pre_rendered);
                    mark("app-ready");
                },
                std::time::Duration::ZERO,
            );
        }
        Err(errors) => {
            page::show_errors(&errors);
            mark("data-error");
        }
    }
}

#[cfg(feature = "hydrate")]
/// Puts the app in `root` (hydrating what is there, or replacing it), then applies the URL and
/// connects it to the browser: colour scheme, embedding. Returns the state (the tests drive it).
pub fn run(root: web_sys::HtmlElement, ds: &'static data::Dataset, hydrate: bool) -> AppState {
    let state = AppState::new(ds);
    if hydrate {
        leptos::mount::hydrate_from(root, move || view! { <App state=state/> }).forget();
    } else {
        root.set_inner_html("");
        leptos::mount::mount_to(root, move || view! { <App state=state/> }).forget();
    }
    state.apply_query(&query());
    // Then what the reader did before the app started, in order (static/boot.js recorded it):
    // after the URL, which was there first.
    replay_early_input();
    state
        .dark
        .set(media_matches("(prefers-color-scheme: dark)"));
    on_media_change("(prefers-color-scheme: dark)", move |d| state.dark.set(d));
    // Printing: Ctrl+P and "save as PDF" fire beforeprint; print emulation (and some browsers)
    // only switch the media query. Either paints every chart before the print layout.
    on_media_change("print", move |p| state.printing.set(p));
    on_window_event("beforeprint", move || state.printing.set(true));
    on_window_event("afterprint", move || state.printing.set(false));
    if state.view.with_untracked(|v| v.embed) || in_iframe() {
        embed::init(state);
    }
    state
}

/// Replays the input static/boot.js recorded before the app started (none in the tests, which
/// load no boot script).
#[cfg(feature = "hydrate")]
fn replay_early_input() {
    let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let Some(early) = get(&window(), "tccsEarly") else {
        return;
    };
    if let Some(f) = get(&early, "replay").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = f.call0(&early);
    }
}

/// The current `location.search`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

thread_local! {
    static PENDING_URL: std::cell::Cell<Option<TimeoutHandle>> = const { std::cell::Cell::new(None) };
}

/// Updates the URL a moment after the last change: `history.replaceState` costs ~10 ms at 4× CPU
/// (measured), so it must not sit between a key press and the repaint, nor run on every repeat
/// of a held arrow key.
pub fn replace_query_soon(q: String) {
    if let Some(h) = PENDING_URL.with(|p| p.take()) {
        h.clear();
    }
    let handle = set_timeout_with_handle(
        move || replace_query(&q),
        std::time::Duration::from_millis(200),
    )
    .ok();
    PENDING_URL.with(|p| p.set(handle));
}

/// Replaces the URL's query without a navigation (so Back leaves the page, not the filter).
pub fn replace_query(q: &str) {
    let loc = window().location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let search = if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    };
    if loc.search().unwrap_or_default() == search {
        return; // unchanged: replaceState costs a few ms and would do nothing
    }
    let url = format!("{path}{search}{hash}");
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full URL of a view's query (for "copy link"; the address bar lags by up to 200 ms).
pub fn url_for(query: &str) -> String {
    let loc = window().location();
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

pub fn device_pixel_ratio() -> f64 {
    let r = window().device_pixel_ratio();
    if r.is_finite() && r > 0.0 {
        r
    } else {
        1.0
    }
}

/// Whether a media query matches now (dark scheme, reduced motion).
pub fn media_matches(q: &str) -> bool {
    window()
        .match_media(q)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Calls `f` whenever the media query's result changes.
pub fn on_media_change(q: &str, f: impl Fn(bool) + 'static) {
    if let Ok(Some(m)) = window().match_media(q) {
        let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| f(e.matches()),
        );
        let _ = m.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget(); // lives as long as the page
                     // So does the MediaQueryList: unreferenced, the browser may collect it and its listener
                     // with it (seen: print emulation never reached the app).
        std::mem::forget(m);
    }
}

/// Calls `f` on every `name` event of the window, for as long as the page lives.
pub fn on_window_event(name: &str, f: impl Fn() + 'static) {
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = window().add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Today's date as readers write it: 29/11/2026, or 2026-11-29 in English.
pub fn today(lang: crate::i18n::Lang) -> String {
    date(&js_sys::Date::new_0(), lang)
}

/// A date (in the browser's time zone) as readers write it: 29/11/2026, or 2026-11-29.
pub fn date(d: &js_sys::Date, lang: crate::i18n::Lang) -> String {
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    lang.t(
        format!("{day:02}/{m:02}/{y}"),
        format!("{y}-{m:02}-{day:02}"),
    )
}

/// Whether the page runs inside a frame.
pub fn in_iframe() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| p != window())
}
