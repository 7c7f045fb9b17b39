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

/// Trunk.toml's `pattern_script` with `{base}`, `{js}` and `{wasm}` filled in the way Trunk
/// documents (and does: a plain replacement of each `{key}`).
fn trunk_loader(base: &str, js: &str, wasm: &str) -> String {
    let toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Trunk.toml")).unwrap();
    let start = toml
        .find("pattern_script = '''")
        .expect("Trunk.toml has a pattern_script")
        + 20;
    let end = start + toml[start..].find("'''").expect("the pattern ends");
    toml[start..end]
        .replace("{base}", base)
        .replace("{js}", js)
        .replace("{wasm}", wasm)
}

// What the loader does is tested where it runs, built: tests/e2e/early.test.mjs (the download
// after the first paint on a fast network, during the parse on a phone's; the app started in
// the task after the second frame) and tests/e2e/hosting.test.mjs (the two fetches of the wasm
// carry its integrity), not by reading Trunk.toml's text here.

#[test]
fn publishing_leaves_the_loader_and_the_assets_as_they_were() {
    let head = format!(
        "<html><head><title>x</title><meta name=\"description\" content=\"\">{}<!-- dataset --></head><body><!-- prerender:start --><div id=\"app\"></div><!-- prerender:end --></body></html>",
        trunk_loader("/", "app-1.js", "app-1_bg.wasm")
            .replace("fetch('/app-1_bg.wasm')", "fetch('/app-1_bg.wasm', { integrity: 'sha384-W' })")
            .replace(
                "fetch('/app-1_bg.wasm', { priority",
                "fetch('/app-1_bg.wasm', { integrity: 'sha384-W', priority"
            )
    );
    let ds = data::embedded().unwrap().clone();
    let page = render::publish(&head, data::EMBEDDED_JSON, ds).unwrap();
    assert!(
        page.contains("fetch('/app-1_bg.wasm', { integrity: 'sha384-W' })"),
        "{page}"
    );
    assert!(page.contains("fetch('/app-1_bg.wasm', { integrity: 'sha384-W', priority: 'low' })"));
    // The loader's two scripts (the download, the app), once each.
    assert_eq!(page.matches("<script type=\"module\"").count(), 2);
    assert!(page.contains("<figure"));
}
