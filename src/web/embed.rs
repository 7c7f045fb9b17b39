//! Inside an iframe: tell the parent our height whenever it changes (ResizeObserver, no polling) in
//! the two formats hosts understand (Datawrapper's and AMP's), and accept year/language commands
//! from the parent, only from allowed origins.

use crate::state::parse_time;
use crate::state::AppState;
use crate::text::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Origins allowed to send commands besides our own: set `TCCS_EMBED_ORIGINS` (comma-separated,
/// e.g. `https://tinhuygialai.vn,https://www.tinhuygialai.vn`) when building. This is the one place.
pub const EXTRA_ORIGINS: Option<&str> = option_env!("TCCS_EMBED_ORIGINS");

pub fn origin_allowed(origin: &str, own: &str) -> bool {
    origin == own
        || EXTRA_ORIGINS.is_some_and(|list| {
            list.split(',')
                .any(|o| o.trim() == origin && !origin.is_empty())
        })
}

fn embed_id() -> String {
    let (state_id, _) = crate::state::parse_query(&super::query(), (0, 0));
    state_id
        .chart
        .map_or("tccs-dashboard".to_string(), |c| format!("tccs-{}", c.id()))
}

fn post_height(h: f64) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let h = h.ceil();
    let id = embed_id();
    let dw = js_sys::Object::new();
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &JsValue::from_str(&id), &JsValue::from_f64(h));
    let _ = js_sys::Reflect::set(&dw, &JsValue::from_str("datawrapper-height"), &inner);
    let _ = parent.post_message(&dw, "*");
    let amp = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
    let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
    let _ = js_sys::Reflect::set(&amp, &"height".into(), &JsValue::from_f64(h));
    let _ = parent.post_message(&amp, "*");
}

fn str_field(data: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// Applies a host command `{type: "tccs:set", time?: "2010..2015", lang?: "en"}`; anything else is
/// ignored. Data is data: only these two strings are read, and both go through the URL parsers.
fn apply_command(s: AppState, data: &JsValue) {
    if str_field(data, "type").as_deref() != Some("tccs:set") {
        return;
    }
    if let Some(t) = str_field(data, "time") {
        if let Ok(r) = parse_time(&t, s.data().bounds()) {
            s.set_range(r.from, r.to);
        }
    }
    if let Some(l) = str_field(data, "lang").as_deref().and_then(Lang::parse) {
        s.set_lang(l);
    }
}

pub fn init(s: AppState) {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("embedded");
    }
    // Height: observe the document element; report on every change.
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(el) = document().document_element() {
            post_height(el.get_bounding_client_rect().height());
        }
    });
    if let (Ok(obs), Some(el)) = (
        web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        obs.observe(&el);
    }
    cb.forget();
    // Commands from the parent window only, from allowed origins only.
    let own = window().location().origin().unwrap_or_default();
    let handler = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let from_parent = match (ev.source(), window().parent()) {
            (Some(src), Ok(Some(parent))) => {
                AsRef::<JsValue>::as_ref(&src) == AsRef::<JsValue>::as_ref(&parent)
            }
            _ => false,
        };
        if from_parent && origin_allowed(&ev.origin(), &own) {
            apply_command(s, &ev.data());
        }
    });
    std::mem::forget(handler);
}
