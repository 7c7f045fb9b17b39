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

const TRUNK_HEAD: &str = r#"<link rel="stylesheet" href="/a.css" integrity="sha384-A"/>
<script type="module">
import init, * as bindings from '/app-1.js';
const wasm = await init({ module_or_path: '/app-1_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="/app-1.js" crossorigin="anonymous" integrity="sha384-J"><link rel="preload" href="/app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-W" as="fetch" type="application/wasm"></head>"#;

#[test]
fn the_app_starts_after_the_first_paint_with_the_wasm_checked() {
    let page = render::defer_app_start(TRUNK_HEAD).unwrap();
    // No download starts during the first paint any more.
    assert!(
        !page.contains("modulepreload") && !page.contains("rel=\"preload\""),
        "{page}"
    );
    assert!(!page.contains("import init"));
    assert!(page.contains("requestAnimationFrame(() => setTimeout(start, 0))"));
    // Both downloads start together; the wasm with Trunk's integrity hash.
    assert!(
        page.contains("fetch('/app-1_bg.wasm', { integrity: 'sha384-W' })"),
        "{page}"
    );
    assert!(page.contains("import('/app-1.js')"));
    assert!(page.contains("TrunkApplicationStarted"));
    // Other links keep their integrity; running again changes nothing.
    assert!(page.contains(r#"href="/a.css" integrity="sha384-A""#));
    assert_eq!(render::defer_app_start(&page).unwrap(), page);
    // A page without Trunk's loader is an error, not a silent no-op.
    assert!(render::defer_app_start("<head></head>").is_err());
}
