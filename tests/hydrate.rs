//! The hydrating path in headless Chromium (wasm-bindgen-test): the page the build rendered
//! (dist/index.html, so scripts/build.sh first: scripts/test.sh runs this after it, with the
//! feature `built-page`) is hydrated by the reader's own start-up (src/start/), in one pass: the
//! build's nodes stay and follow the state, the URL's view is applied to them in place, and a
//! chart shown alone replaces the cards whole (src/components/part.rs) and back.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use tccs_dashboard::data::roles::ChartId;
use tccs_dashboard::start::run;
use tccs_dashboard::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BUILT_PAGE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/index.html"));

/// The card tapped: yearly (its table follows the years) and below the first screen.
const TAPPED: &str = "weak";

struct Started {
    host: web_sys::HtmlElement,
    state: AppState,
    /// The build's own card, taken before the app started.
    built_card: web_sys::Element,
}

/// Puts the build's `#app` and its dataset block in the page, reads the block as the reader does,
/// and starts the app on them with `query` as the URL's. Returns as `run` does: hydrated, with
/// the URL's view applied.
fn start_on_built_page(query: &str) -> Started {
    let doc = document();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
    let built = web_sys::DomParser::new()
        .unwrap()
        .parse_from_string(BUILT_PAGE, web_sys::SupportedType::TextHtml)
        .unwrap();
    let app = built
        .get_element_by_id("app")
        .expect("the built page has #app");
    // One dataset block per page, as the reader's page has.
    if doc.get_element_by_id("dataset").is_none() {
        let block = built
            .get_element_by_id("dataset")
            .expect("the built page has its dataset block");
        doc.body().unwrap().append_child(&block).unwrap();
    }
    let (ds, pre_rendered) = tccs_dashboard::web::block_reader::read().expect("the block reads");
    assert!(
        pre_rendered,
        "the block is the data the page was rendered from"
    );
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_inner_html(&app.inner_html());
    host.style().set_property("width", "800px").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let built_card = host
        .query_selector(&format!("#chart-{TAPPED}"))
        .unwrap()
        .expect("the build rendered the tapped card");
    let state = run(host.clone(), std::sync::Arc::new(ds), true);
    Started {
        host,
        state,
        built_card,
    }
}

fn toggle(card: &web_sys::Element) -> web_sys::HtmlElement {
    card.query_selector(".toggle-table")
        .unwrap()
        .expect("a card has its table's toggle")
        .unchecked_into()
}

/// Lets what a change set off run: reactive updates, then the table's rows (written in an
/// animation frame and a task after it).
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    sleep(60).await;
    tick().await;
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The card's table as shown: open, and its first year.
fn table_shown(host: &web_sys::HtmlElement) -> (Option<String>, bool, String) {
    let card = host
        .query_selector(&format!("#chart-{TAPPED}"))
        .unwrap()
        .unwrap();
    let table = host
        .query_selector(&format!("#table-{TAPPED}"))
        .unwrap()
        .expect("the card has its table");
    // Closed, the table stays in the accessibility tree only (`sr-only`).
    let hidden = table.closest(".sr-only").unwrap().is_some();
    let first_year = host
        .query_selector(&format!(
            "#table-{TAPPED} tbody tr th, #table-{TAPPED} tbody tr td"
        ))
        .unwrap()
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    (
        toggle(&card).get_attribute("aria-expanded"),
        !hidden,
        first_year,
    )
}

fn cards(host: &web_sys::HtmlElement) -> Vec<String> {
    let list = host.query_selector_all("figure.card").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-chart"))
        .collect()
}

#[wasm_bindgen_test]
async fn hydrated_in_one_pass_the_builds_nodes_stay_take_a_tap_and_follow_the_filter() {
    // The tests share one page: another's app may still have its URL write pending (it lands
    // 200 ms after a change) and would rewrite the query this test starts from.
    sleep(400).await;
    let s = start_on_built_page("?");
    assert_eq!(
        toggle(&s.built_card)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false"),
        "the build's table is closed"
    );
    toggle(&s.built_card).click();
    settle().await;
    let (expanded, visible, first_year) = table_shown(&s.host);
    assert_eq!(
        expanded.as_deref(),
        Some("true"),
        "the tap opened the table"
    );
    assert!(visible, "the table shows");
    assert_eq!(first_year, "2008");
    assert!(
        s.built_card.is_connected(),
        "hydrated: the build's card stays"
    );
    // Hydrated, not only opened: the card follows the filter.
    s.state.set_range(2012, 2017);
    settle().await;
    assert_eq!(table_shown(&s.host).2, "2012");
    assert!(s.built_card.is_connected());
    s.host.remove();
}

#[wasm_bindgen_test]
async fn the_urls_years_are_applied_to_the_hydrated_page_in_place() {
    sleep(400).await;
    let s = start_on_built_page("?time=2010..2017");
    settle().await;
    assert_eq!(table_shown(&s.host).2, "2010", "with the URL's years");
    assert!(
        s.built_card.is_connected(),
        "the build's card was hydrated and updated, not replaced"
    );
    toggle(&s.built_card).click();
    settle().await;
    assert_eq!(
        table_shown(&s.host),
        (Some("true".into()), true, "2010".into())
    );
    s.host.remove();
}

#[wasm_bindgen_test]
async fn a_chart_shown_alone_replaces_the_cards_whole_and_back() {
    sleep(400).await;
    let s = start_on_built_page("?");
    let all = cards(&s.host);
    assert!(all.len() >= 7, "every chart's card: {all:?}");
    let first = s.host.query_selector("figure.card").unwrap().unwrap();
    s.state.view.update(|v| v.chart = Some(ChartId::Weak));
    settle().await;
    assert_eq!(cards(&s.host), vec![TAPPED.to_string()]);
    // Patched in place, the first card's nodes would now show the chart asked for.
    assert!(
        !first.is_connected() && !s.built_card.is_connected(),
        "a part is replaced whole, never patched into another card's nodes"
    );
    s.state.view.update(|v| v.chart = None);
    settle().await;
    assert_eq!(cards(&s.host), all, "every card again, in page order");
    // The new cards are the app's: they follow the filter and take a tap.
    s.state.set_range(2011, 2017);
    let card = s
        .host
        .query_selector(&format!("#chart-{TAPPED}"))
        .unwrap()
        .unwrap();
    toggle(&card).click();
    settle().await;
    assert_eq!(
        table_shown(&s.host),
        (Some("true".into()), true, "2011".into())
    );
    s.host.remove();
}
