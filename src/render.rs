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
        provide_context(state);
        let app = view! { <App/> }.to_html();
        format!("<div id=\"app\">{}</div>", valid_marks(&app))
    })
}

/// Leptos marks the places hydration looks for with `<!>`, which HTML parsers read as an empty
/// comment but the HTML standard calls a parse error ("bogus comment": the W3C checker reports
/// each one). `<!---->` is the same empty comment node, written validly: hydration finds a
/// comment node either way (tachys' cursor checks the node's type, not its text). Every `<`
/// that the renderer writes inside text or an attribute is escaped (`&lt;`), and the charts'
/// pictures are escaped SVG, so each `<!>` in the output is a mark.
pub fn valid_marks(html: &str) -> String {
    html.replace("<!>", "<!---->")
}

/// A page published for a dataset: the dataset block and the app's first DOM rendered from it,
/// written into a page Trunk built (or one published before). Everything else, the app's loader,
/// asset references and integrity hashes included, stays as it was, so the CSP and SRI stay valid. The build
/// (`prerender`) and the editor's publish step (the `publisher` wasm) both call this.
pub fn publish(page: &str, json: &str, ds: Dataset) -> Result<String, String> {
    publish_at(page, json, ds, None)
}

/// [`publish`], with the page's public address the build was given (`TCCS_PAGE_URL`) for when
/// the data names none: link previews and the dataset's metadata need absolute URLs.
pub fn publish_at(
    page: &str,
    json: &str,
    ds: Dataset,
    build_url: Option<&str>,
) -> Result<String, String> {
    let ds = Arc::new(ds);
    let base = crate::share::page_url(&ds, build_url);
    let head = crate::share::head_html(&ds, base.as_deref());
    // A page published before it had the marks gets them at the end of its head.
    let marked = if page.contains("<!-- share:start -->") {
        page.to_string()
    } else {
        page.replacen(
            "</head>",
            "<!-- share:start --><!-- share:end --></head>",
            1,
        )
    };
    let page = between(&marked, "<!-- share:start -->", "<!-- share:end -->", &head)
        .ok_or("the page has no </head>")?;
    let page = crate::data::block::write(&page, json)
        .ok_or("the page has no <!-- dataset --> mark or dataset block")?;
    let page = inject(&page, &app_html(ds.clone()))
        .ok_or("the page has no <!-- prerender:start --><!-- prerender:end --> marks")?;
    Ok(head_words(&page, &ds))
}

/// The page's `<title>` and description, made from the dataset like every other word of it
/// (Vietnamese, the page's default language): the title the app sets, and the summary sentence
/// of all years.
pub fn head_words(page: &str, ds: &Dataset) -> String {
    use crate::text::html::escape_html;
    use crate::text::lang::Lang;
    let summary = crate::share::description(ds);
    // A page without the tag keeps its head as it is.
    let title = escape_html(&crate::sources_html::page_title(ds, Lang::Vi));
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
