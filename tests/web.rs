//! Component tests in headless Chromium (wasm-bindgen-test): the real views, mounted in a page.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use tccs_dashboard::data;
use tccs_dashboard::text::lang::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::HtmlElement {
    // Each test starts from the default view: the app reads (and writes) the URL's query.
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", "800px").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    // The browser's path: JSON.parse, then the same decode and validate code as the build.
    let ds =
        std::sync::Arc::new(tccs_dashboard::web::block_reader::parse(data::EMBEDDED_JSON).unwrap());
    // Rendered fresh (no pre-rendered DOM here), then the URL and the browser hooks, as at start.
    tccs_dashboard::start::run(host.clone(), ds, false);
    host
}

async fn settle() {
    for _ in 0..5 {
        tick().await;
    }
    // Let ResizeObserver and requestAnimationFrame-driven work run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    tick().await;
}

fn text(host: &web_sys::HtmlElement, sel: &str) -> String {
    host.query_selector(sel)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn canvas_has_ink(c: &web_sys::HtmlCanvasElement) -> bool {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (c.width() as f64, c.height() as f64);
    if w == 0.0 || h == 0.0 {
        return false;
    }
    let data = ctx.get_image_data(0.0, 0.0, w, h).unwrap().data();
    let first = (data[0], data[1], data[2]);
    data.chunks(4).any(|p| (p[0], p[1], p[2]) != first)
}

#[wasm_bindgen_test]
async fn renders_every_chart_with_a_table_and_ink() {
    let host = mount();
    settle().await;
    let cards = host.query_selector_all("figure.card").unwrap();
    // Every chart the data has: the article's seven and what became of the unit.
    let ds = tccs_dashboard::web::block_reader::parse(data::EMBEDDED_JSON).unwrap();
    let charts = tccs_dashboard::state::ChartId::of(&ds).count();
    assert_eq!(cards.length() as usize, charts);
    assert!(host.query_selector("#chart-lineage").unwrap().is_some());
    let rows = host.query_selector_all("#table-quality tbody tr").unwrap();
    assert_eq!(rows.length(), 10);
    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("#chart-quality canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    canvas.scroll_into_view(); // charts paint when on screen
    settle().await;
    settle().await;
    assert!(canvas.width() > 0, "canvas sized from its CSS width");
    assert!(canvas_has_ink(&canvas), "the quality chart is painted");
    assert!(text(&host, ".summary").contains("2008–2017"));
    assert!(
        text(&host, "#chart-quality .notes").contains("64,94%"),
        "2008 disagreement flagged"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_range_inputs_filter_tables_and_summary() {
    let host = mount();
    settle().await;
    let from: web_sys::HtmlInputElement = host
        .query_selector("#year-from")
        .unwrap()
        .unwrap()
        .unchecked_into();
    from.set_value("2014");
    from.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(text(&host, ".range-value"), "2014–2017");
    assert_eq!(
        host.query_selector_all("#table-quality tbody tr")
            .unwrap()
            .length(),
        4
    );
    assert!(text(&host, ".summary").contains("2014–2017"));
    // Totals charts ignore the year filter.
    assert_eq!(
        host.query_selector_all("#table-changes tbody tr")
            .unwrap()
            .length(),
        5
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_language_button_switches_to_english() {
    let host = mount();
    settle().await;
    let btn: web_sys::HtmlElement = host
        .query_selector("button.lang")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(btn.text_content().unwrap(), "English");
    btn.click();
    settle().await;
    assert!(text(&host, "h1").contains("Grassroots Party organisations"));
    assert!(text(&host, "#table-members").contains("79.45%"));
    assert!(
        text(&host, "#table-members").contains("1,173")
            || text(&host, "#chart-members").contains("1,173")
    );
    host.remove();
}

#[wasm_bindgen_test]
fn a_broken_dataset_is_reported_by_path_in_the_browser_too() {
    use tccs_dashboard::web::block_reader::parse;
    let broken = data::EMBEDDED_JSON.replacen("\"total\": 78", "\"total\": \"78\"", 1);
    let e = parse(&broken).unwrap_err();
    assert_eq!(
        e[0].message(Lang::En),
        "dataset.yearly[2008].total: must be a whole number from 0 to 4294967295."
    );
    let e = parse("{\"article\": ").unwrap_err();
    assert!(matches!(e[0], data::DataError::Format(_)));
    let fixture = parse(include_str!("fixtures/fixture-2016-2020.json")).unwrap();
    let segments = fixture.segments(2016, 2020);
    let starts: Vec<u16> = segments.iter().map(|s| s.first_year()).collect();
    assert_eq!(starts, vec![2016, 2018], "one break, at 2018");
}
