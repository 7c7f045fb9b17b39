//! The build-time renderer (feature `ssr`): the app's own components rendered to HTML, for the
//! page's first DOM. The browser hydrates exactly this; nothing is rendered twice.

use crate::components::App;
use crate::data::Dataset;
use crate::state::AppState;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;

/// The app in its default view (all years, Vietnamese), as HTML, inside `<div id="app">` (the
/// element the wasm hydrates: its first child must be the app's own first element).
pub fn app_html(ds: Arc<Dataset>) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        let state = AppState::new(ds);
        let app = view! { <App state=state/> }.to_html();
        format!("<div id=\"app\">{app}</div>")
    })
}

/// A page published for a dataset: the dataset block and the app's first DOM rendered from it,
/// written into a page Trunk built (or one published before). Everything else, asset references
/// and integrity hashes included, stays as it was, so the CSP and SRI stay valid. The build
/// (`prerender`) and the editor's publish step (the `publisher` wasm) both call this.
pub fn publish(page: &str, json: &str, ds: Dataset) -> Result<String, String> {
    let ds = Arc::new(ds);
    let page = crate::data::page::write(page, json)
        .ok_or("the page has no <!-- dataset --> mark or dataset block")?;
    let page = inject(&page, &app_html(ds.clone()))
        .ok_or("the page has no <!-- prerender:start --><!-- prerender:end --> marks")?;
    let page = head_words(&page, &ds);
    defer_app_start(&page).map_err(str::to_string)
}

/// The page's `<title>` and description, made from the dataset like every other word of it
/// (Vietnamese, the page's default language): the title the app sets, and the summary sentence
/// of all years.
pub fn head_words(page: &str, ds: &Dataset) -> String {
    use crate::text::format::escape_html;
    use crate::text::lang::Lang;
    let (from, to) = ds.bounds();
    let range = crate::state::YearRange { from, to };
    let summary = crate::summary::sentence(&crate::summary::compute(ds, range), Lang::Vi);
    // A page without the tag keeps its head as it is.
    let title = escape_html(&crate::sources::page_title(ds, Lang::Vi));
    let page = between(page, "<title>", "</title>", &title).unwrap_or_else(|| page.to_string());
    let description = "<meta name=\"description\" content=\"";
    between(&page, description, "\"", &escape_html(&summary)).unwrap_or(page)
}

/// `page` with the text between the first `open` and the `close` after it replaced by `text`,
/// or `None` without them.
fn between(page: &str, open: &str, close: &str, text: &str) -> Option<String> {
    let a = page.find(open)? + open.len();
    let b = a + page[a..].find(close)?;
    Some(format!("{}{text}{}", &page[..a], &page[b..]))
}

/// Puts `fragment` between the `<!-- prerender:start -->` and `<!-- prerender:end -->` marks of
/// a page (replacing what an earlier run put there), or `None` without the marks. The marks stay
/// outside `#app`, so a published page can be rendered again (another dataset, the editor).
pub fn inject(index_html: &str, fragment: &str) -> Option<String> {
    between(
        index_html,
        "<!-- prerender:start -->",
        "<!-- prerender:end -->",
        fragment,
    )
}

/// Marks the loader this module writes, so that rendering a page again leaves it alone.
const LOADER_MARK: &str = "data-start=\"after-paint\"";

/// Rewrites Trunk's loader so that the app is fetched after the first paint, not during it.
///
/// Trunk puts `<link rel="modulepreload">` and `<link rel="preload" as="fetch">` for the JS glue
/// and the wasm in `<head>`, and an inline module that imports the glue at once. The page the
/// build rendered is complete without them, so on a phone they only compete with the HTML and
/// CSS for bandwidth; and Lighthouse's simulation charges their download to the largest paint
/// (measured: LCP 1.8 s simulated, with the text painted at 0.73 s). The new loader starts both
/// downloads, in parallel, in the task after the first frame. The wasm is fetched with the
/// integrity hash Trunk computed, which the browser enforces (it ignored it on the preload, and
/// warned). A failure rejects, and static/boot.js says so.
pub fn defer_app_start(html: &str) -> Result<String, &'static str> {
    if html.contains(LOADER_MARK) {
        return Ok(html.to_string()); // rendered again: the loader is already this one
    }
    const OPEN: &str = "<script type=\"module\">";
    let (start, end) = html
        .match_indices(OPEN)
        .find_map(|(a, _)| {
            let e = a + html[a..].find("</script>")? + "</script>".len();
            html[a..e]
                .contains("import init, * as bindings from '")
                .then_some((a, e))
        })
        .ok_or("Trunk's loader script (import init, * as bindings) not found")?;
    let script = &html[start..end];
    let quoted = |after: &str| -> Option<String> {
        let v = script.find(after)? + after.len();
        Some(script[v..v + script[v..].find('\'')?].to_string())
    };
    let js = quoted("from '").ok_or("no glue path in Trunk's loader")?;
    let wasm = quoted("module_or_path: '").ok_or("no wasm path in Trunk's loader")?;
    let mut page = html[..start].to_string();
    page.push_str(&format!(
        "<script type=\"module\" {LOADER_MARK}>\n\
         const start = async () => {{\n\
         \x20 const wasm = fetch('{wasm}'{integrity});\n\
         \x20 const glue = await import('{js}');\n\
         \x20 const instance = await glue.default({{ module_or_path: wasm }});\n\
         \x20 window.wasmBindings = glue;\n\
         \x20 dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm: instance }} }}));\n\
         }};\n\
         requestAnimationFrame(() => setTimeout(start, 0));\n\
         </script>",
        integrity = link_attr(html, &wasm, "integrity")
            .map(|i| format!(", {{ integrity: '{i}' }}"))
            .unwrap_or_default(),
    ));
    page.push_str(&html[end..]);
    // The preloads go: they are what started the downloads during the first paint.
    for href in [&js, &wasm] {
        if let Some((a, b)) = link_with_href(&page, href) {
            page.replace_range(a..b, "");
        }
    }
    Ok(page)
}

/// The `<link …>` tag whose `href` is `href`, as a byte range.
fn link_with_href(html: &str, href: &str) -> Option<(usize, usize)> {
    let key = format!("href=\"{href}\"");
    html.match_indices("<link ").find_map(|(a, _)| {
        let b = a + html[a..].find('>')? + 1;
        html[a..b].contains(&key).then_some((a, b))
    })
}

/// An attribute of the `<link>` whose `href` is `href`.
fn link_attr(html: &str, href: &str, name: &str) -> Option<String> {
    let (a, b) = link_with_href(html, href)?;
    let tag = &html[a..b];
    let key = format!(" {name}=\"");
    let v = tag.find(&key)? + key.len();
    Some(tag[v..v + tag[v..].find('"')?].to_string())
}
