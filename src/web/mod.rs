//! Browser glue: start-up, the URL, the colour scheme, painting a canvas. Nothing here decides what
//! is shown; that is `state`, `charts` and `components`.

pub mod block_reader;
pub mod canvas;
pub mod download;
pub mod embed;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `f` in a task of its own, after what is queued (input, a frame): how start-up and the
/// tables split their work so that no one task blocks the page for long.
///
/// A timeout, although browsers clamp a timeout set from a timeout more than five deep to 4 ms
/// (start-up chains two; a chain deeper than five would wait 4 ms a link): one `MessageChannel`
/// instead was measured,
/// and its queue and bindings cost the reader's wasm more bytes than the milliseconds were worth
/// (docs/performance.md, "Figures behind the code").
pub fn soon(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

/// The current `location.search`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

thread_local! {
    static PENDING_URL: std::cell::Cell<Option<TimeoutHandle>> = const { std::cell::Cell::new(None) };
}

/// Updates the URL a moment after the last change: `history.replaceState` is slow on a phone,
/// so it must not sit between a key press and the repaint, nor run on every repeat
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
pub fn today(lang: crate::text::lang::Lang) -> String {
    date(&js_sys::Date::new_0(), lang)
}

/// A date (in the browser's time zone) as readers write it: 29/11/2026, or 2026-11-29.
pub fn date(d: &js_sys::Date, lang: crate::text::lang::Lang) -> String {
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

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// static/boot.js's `loadDetailsOnDemand`: calls `name(block, query)` of the reader's
    /// on-demand `details` wasm, loading it on the first call. Throws where no boot script ran
    /// (the tests' pages): then nothing is loaded.
    #[wasm_bindgen(js_name = tccsDetails, catch)]
    fn details_call(name: &str, block: &str, query: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Calls `name` of the reader's on-demand `details` wasm with the page's dataset block (as text:
/// the details wasm checks it again) and the view's `query`, and hands `done` its text, or
/// `None` when it could not load.
pub fn details(name: &str, query: &str, done: impl FnOnce(Option<String>) + 'static) {
    let block = document()
        .get_element_by_id(crate::data::block::ID)
        .and_then(|el| el.text_content())
        .unwrap_or_default();
    let Ok(promise) = details_call(name, &block, query) else {
        return done(None);
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string());
        done(text);
    });
}
