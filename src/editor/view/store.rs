//! The draft in the browser's `localStorage`: written on every change, read at start and by the
//! preview frame. Nothing leaves the browser.

use leptos::prelude::*;

/// The draft file's text.
pub const DRAFT: &str = "tccs-editor-draft";
/// When it was last written (ISO time), for "draft kept from …".
pub const SAVED_AT: &str = "tccs-editor-saved-at";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn read() -> Option<(String, String)> {
    let s = storage()?;
    let text = s.get_item(DRAFT).ok().flatten()?;
    let at = s.get_item(SAVED_AT).ok().flatten().unwrap_or_default();
    Some((text, at))
}

/// Writes the draft; false when the browser refuses (private mode, storage full).
pub fn write(text: &str) -> bool {
    let Some(s) = storage() else { return false };
    let at = String::from(js_sys::Date::new_0().to_iso_string());
    s.set_item(DRAFT, text).is_ok() && s.set_item(SAVED_AT, &at).is_ok()
}

pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT);
        let _ = s.remove_item(SAVED_AT);
    }
}

/// "29/11/2026 12:30" (or "2026-11-29 12:30") from an ISO time, in the browser's time zone.
pub fn when(iso: &str, lang: crate::text::lang::Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    let (h, min) = (d.get_hours(), d.get_minutes());
    format!("{} {h:02}:{min:02}", crate::web::date(&d, lang))
}

/// The last publication made in this browser: its date, then a line a file it changed, with the
/// fingerprint of what the editor made (`data::block::fingerprint`), tab-separated. Read by "Check
/// the live site" (live_check.rs), also after a reload: staff upload, then come back.
pub const PUBLISHED: &str = "tccs-editor-published";

/// A publication as [`PUBLISHED`] keeps it: the date, and each file with its fingerprint.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub date: String,
    pub files: Vec<(String, String)>,
}

pub fn write_published(p: &Published) {
    let mut text = p.date.clone();
    for (name, fingerprint) in &p.files {
        text.push_str(&format!("\n{name}\t{fingerprint}"));
    }
    if let Some(s) = storage() {
        let _ = s.set_item(PUBLISHED, &text);
    }
}

pub fn read_published() -> Option<Published> {
    let text = storage()?.get_item(PUBLISHED).ok().flatten()?;
    let mut lines = text.lines();
    let date = lines.next()?.to_string();
    let files = lines
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, f)| (n.to_string(), f.to_string()))
        .collect();
    Some(Published { date, files })
}
