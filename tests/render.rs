//! The build-time render (feature `ssr`): the app's own components as the page's first DOM.
//! `cargo test --features ssr --test render`. The browser side (hydration keeps these nodes) is
//! tests/e2e/resilience.test.mjs.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use tccs_dashboard::{data, render};

fn page() -> String {
    render::app_html(data::embedded().unwrap())
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
    // Every chart card, with its table rows and its SVG picture.
    for id in [
        "quality",
        "rate",
        "weak",
        "changes",
        "structure",
        "members",
        "cadres",
    ] {
        let card = html
            .split(&format!("id=\"chart-{id}\""))
            .nth(1)
            .unwrap_or_else(|| panic!("card {id}"));
        let card = card.split("</figure>").next().unwrap();
        assert!(card.contains("class=\"plot-fallback\"><svg"), "{id}");
        assert!(card.contains("<tbody><tr"), "{id}: rows rendered");
        assert!(
            card.contains("class=\"legend-") || card.contains("class=\"bars-"),
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

#[test]
fn the_wasm_preload_loses_only_its_ignored_integrity() {
    let html = r#"<link rel="stylesheet" href="/a.css" integrity="sha384-A"/><link rel="preload" href="/x.wasm" crossorigin="anonymous" integrity="sha384-B" as="fetch" type="application/wasm">"#;
    assert_eq!(
        render::drop_preload_integrity(html),
        r#"<link rel="stylesheet" href="/a.css" integrity="sha384-A"/><link rel="preload" href="/x.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#
    );
}
