//! Browser glue: start-up, the URL, the colour scheme, painting a canvas. Nothing here decides what
//! is shown; that is `state`, `charts` and `components`.

pub mod canvas;
pub mod download;
pub mod embed;
pub mod page;

use crate::components::App;
use crate::data;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app in place of the static view that index.html shows while the wasm loads, with
/// the dataset the page carries. A broken dataset leaves that view and adds an alert above it.
pub fn start() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    // `app-ready` tells boot.js the wasm ran (so it reports no load failure), in both cases.
    let state = match page::read() {
        Ok(ds) => {
            let ds: &'static data::Dataset = Box::leak(Box::new(ds));
            // The pre-rendered table and the loading message are replaced by the live app.
            root.set_inner_html("");
            let root: web_sys::HtmlElement = root.unchecked_into();
            leptos::mount::mount_to(root, move || view! { <App ds=ds/> }).forget();
            "app-ready"
        }
        Err(errors) => {
            page::show_errors(&errors);
            "data-error"
        }
    };
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_2("app-ready", state);
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
    }
}

/// Whether the page runs inside a frame.
pub fn in_iframe() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| p != window())
}
