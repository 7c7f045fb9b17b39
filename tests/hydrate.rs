//! The hydrating path in headless Chromium (wasm-bindgen-test): the page the build rendered
//! (dist/index.html, so scripts/build.sh first: scripts/test.sh runs this after it, with the
//! feature `built-page`) is hydrated by the reader's own start-up, and a tap on a part still
//! waiting for its turn takes effect: on the build's nodes when the view is still the build's,
//! on the part built afresh when it is not (src/components/later/).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use std::cell::Cell;
use std::rc::Rc;
use tccs_dashboard::start::{run, Marks};
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
    whole: Rc<Cell<bool>>,
    /// The build's own card, taken before the app started.
    built_card: web_sys::Element,
}

/// Puts the build's `#app` and its dataset block in the page, reads the block as the reader does,
/// and starts the app on them with `query` as the URL's. Returns as `run` does: with the page's
/// frame hydrated and every part still waiting for its turn (they come in later tasks).
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
    let whole = Rc::new(Cell::new(false));
    let marks = Marks {
        ready: Box::new(|| ()),
        whole: Box::new({
            let whole = whole.clone();
            move || whole.set(true)
        }),
    };
    let state = run(host.clone(), std::sync::Arc::new(ds), true, marks);
    Started {
        host,
        state,
        whole,
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

/// Lets the remaining parts take their turns (one task each), until the app says it is whole.
async fn until_whole(whole: &Cell<bool>) {
    for _ in 0..200 {
        if whole.get() {
            return;
        }
        sleep(10).await;
    }
    panic!("the parts never all had their turns");
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

#[wasm_bindgen_test]
async fn a_tap_on_a_waiting_part_hydrates_it_on_the_spot_keeping_the_builds_nodes() {
    // Both tests share one page: the other's app may still have its URL write pending (it
    // lands 200 ms after a change) and would rewrite the query this test starts from.
    sleep(400).await;
    let s = start_on_built_page("?");
    assert!(!s.whole.get(), "the parts wait for their turns");
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
    until_whole(&s.whole).await;
    // Hydrated, not only opened: the card follows the filter from here on.
    s.state.set_range(2012, 2017);
    settle().await;
    assert_eq!(table_shown(&s.host).2, "2012");
    assert!(s.built_card.is_connected());
    s.host.remove();
}

#[wasm_bindgen_test]
async fn after_a_year_change_a_tap_on_a_waiting_part_reaches_the_part_built_afresh() {
    // Both tests share one page: the other's app may still have its URL write pending (it
    // lands 200 ms after a change) and would rewrite the query this test starts from.
    sleep(400).await;
    let s = start_on_built_page("?time=2010..2017");
    assert!(!s.whole.get(), "the parts wait for their turns");
    // The reader's years before the card's turn: it can no longer be hydrated as built.
    s.state.set_range(2010, 2017);
    toggle(&s.built_card).click();
    settle().await;
    assert!(
        !s.built_card.is_connected(),
        "built afresh: the build's card is replaced"
    );
    let (expanded, visible, first_year) = table_shown(&s.host);
    assert_eq!(
        expanded.as_deref(),
        Some("true"),
        "the tap reached the new card"
    );
    assert!(visible, "the new card's table shows");
    assert_eq!(first_year, "2010", "with the reader's years");
    until_whole(&s.whole).await;
    // The URL's view, applied once the app was ready, is the same years: nothing else moved.
    assert_eq!(
        table_shown(&s.host),
        (Some("true".into()), true, "2010".into())
    );
    s.host.remove();
}
