//! The build-time renderer (feature `ssr`): the app's own components rendered to HTML, for the
//! page's first DOM. The browser hydrates exactly this; nothing is rendered twice.

use crate::components::{App, AppState};
use crate::data::Dataset;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;

/// The app in its default view (all years, Vietnamese), as HTML, inside `<div id="app">` (the
/// element the wasm hydrates: its first child must be the app's own first element).
pub fn app_html(ds: &'static Dataset) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        let state = AppState::new(ds);
        let app = view! { <App state=state/> }.to_html();
        format!("<div id=\"app\">{app}</div>")
    })
}

/// Puts `fragment` between the `<!-- prerender:start -->` and `<!-- prerender:end -->` marks of
/// a page (replacing what an earlier run put there), or `None` without the marks. The marks stay
/// outside `#app`, so a published page can be rendered again (another dataset, the editor).
pub fn inject(index_html: &str, fragment: &str) -> Option<String> {
    const START: &str = "<!-- prerender:start -->";
    const END: &str = "<!-- prerender:end -->";
    let a = index_html.find(START)? + START.len();
    let b = a + index_html[a..].find(END)?;
    Some(format!(
        "{}{}{}",
        &index_html[..a],
        fragment,
        &index_html[b..]
    ))
}

/// Removes `integrity` from Trunk's `<link rel="preload" … as="fetch">` of the wasm. Chrome
/// ignores it there and warns in the console on every load ("integrity attribute is currently
/// ignored for preload destinations…"); the script and stylesheet links keep theirs.
pub fn drop_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link ") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains("rel=\"preload\"") && tag.contains("as=\"fetch\"") {
            out.push_str(&without_attr(tag, "integrity"));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn without_attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    match tag.find(&key) {
        Some(a) => {
            let v = a + key.len();
            match tag[v..].find('"') {
                Some(e) => format!("{}{}", &tag[..a], &tag[v + e + 1..]),
                None => tag.to_string(),
            }
        }
        None => tag.to_string(),
    }
}
