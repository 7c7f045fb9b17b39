//! The build-time render (feature `ssr`): the app's own components as the page's first DOM.
//! `cargo test --features ssr --test render`. The browser side (hydration keeps these nodes) is
//! tests/e2e/resilience.test.mjs.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use tccs_dashboard::{data, render};

fn page() -> String {
    render::app_html(std::sync::Arc::new(data::embedded().unwrap().clone()))
}

#[test]
fn the_page_is_the_app_in_its_default_view() {
    let html = page();
    assert!(
        html.starts_with("<div id=\"app\"><div class=\"app\">"),
        "{}",
        &html[..80]
    );
    assert!(html.ends_with("</div></div>"));
    assert!(html.contains("<h1>Tổ chức cơ sở đảng 2008–2017</h1>"));
    assert!(html.contains("class=\"summary\""));
    // Every chart card, with its table rows and its SVG picture: shown for the first two (the
    // first screen), in <noscript> for the others (no layout while scripts run).
    for (i, id) in [
        "quality",
        "rate",
        "weak",
        "changes",
        "structure",
        "members",
        "cadres",
    ]
    .into_iter()
    .enumerate()
    {
        let card = html
            .split(&format!("id=\"chart-{id}\""))
            .nth(1)
            .unwrap_or_else(|| panic!("card {id}"));
        let card = card.split("</figure>").next().unwrap();
        let picture = if i < 2 { "><svg" } else { "><noscript><svg" };
        assert!(
            card.contains(&format!("class=\"plot-fallback\"{picture}")),
            "{id}"
        );
        assert!(card.contains("<tbody><tr"), "{id}: rows rendered");
        assert!(
            card.contains("class=\"plot-size legend\"")
                || card.contains("class=\"plot-size bars\""),
            "{id}"
        );
    }
}

#[test]
fn the_article_figures_are_in_the_page_as_written() {
    let html = page();
    // 2008: the article's rate and the recomputed one, flagged.
    assert!(html.contains(
        "<tr class=\"disagreement\"><th scope=\"row\">2008</th><td>53</td><td>78</td><td>64,94%</td><td>67,95%</td>"
    ));
    assert!(html.contains("<strong>1.173</strong>"));
    assert!(html.contains("53,3%"));
}

#[test]
fn the_page_has_no_style_attribute_for_the_csp_to_block() {
    let html = page();
    assert!(!html.contains(" style="), "style attribute in the render");
}

#[test]
fn inject_replaces_between_the_marks_and_can_run_again() {
    let once =
        render::inject("<a><!-- prerender:start --><!-- prerender:end --></a>", "X").unwrap();
    assert_eq!(
        once,
        "<a><!-- prerender:start -->X<!-- prerender:end --></a>"
    );
    let twice = render::inject(&once, "Y").unwrap();
    assert_eq!(
        twice,
        "<a><!-- prerender:start -->Y<!-- prerender:end --></a>"
    );
    assert!(render::inject("no marks", "X").is_none());
}

// What the loader does is tested where it runs, built: tests/e2e/early.test.mjs (the download
// after the first paint on a fast network, during the parse on a phone's; the app started in
// the task after the second frame) and tests/e2e/hosting.test.mjs (the two fetches of the wasm
// carry its integrity), not by reading Trunk.toml's text here.

/// `page` without the parts publishing writes: the title, the description, the link-preview
/// tags, the dataset block and the app's first DOM.
fn outside_the_marks(page: &str) -> String {
    let mut out = page.to_string();
    for (open, close) in [
        ("<title>", "</title>"),
        ("<meta name=\"description\" content=\"", "\""),
        ("<!-- share:start -->", "<!-- share:end -->"),
        ("<!-- dataset -->", "</script>"),
        ("<!-- prerender:start -->", "<!-- prerender:end -->"),
    ] {
        let a = out.find(open).unwrap() + open.len();
        let b = a + out[a..].find(close).unwrap();
        out.replace_range(a..b, "");
    }
    out
}

#[test]
fn publishing_leaves_the_loader_and_the_assets_as_they_were() {
    // A page as the build leaves it, with whatever scripts, integrity hashes and assets it has:
    // publishing writes its own parts and not one byte elsewhere, so the CSP's hashes and the
    // integrity of every file stay valid. (The real page, published in the editor and served
    // under the shipped CSP, is tests/e2e/editor.test.mjs.)
    let page = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>x</title>\
        <meta name=\"description\" content=\"\"><link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"sha384-C\">\
        <script type=\"module\">const w = fetch('/app-1_bg.wasm', { integrity: 'sha384-W' }); import('/app-1.js');</script>\
        <!-- share:start --><!-- share:end --><!-- dataset --><script type=\"application/json\" id=\"dataset\">{}</script></head>\
        <body><script src=\"/boot-1.js\" integrity=\"sha384-B\"></script>\
        <!-- prerender:start --><div id=\"app\"></div><!-- prerender:end --><footer>ok</footer></body></html>";
    let ds = data::embedded().unwrap().clone();
    let published = render::publish(page, data::EMBEDDED_JSON, ds).unwrap();
    assert_eq!(outside_the_marks(&published), outside_the_marks(page));
    assert!(
        published.contains("<figure"),
        "the app's first DOM is written"
    );
    // Publishing twice gives the same page: the marks stay where they were.
    let again = render::publish(
        &published,
        data::EMBEDDED_JSON,
        data::embedded().unwrap().clone(),
    )
    .unwrap();
    assert_eq!(again, published);
}
