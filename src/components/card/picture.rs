//! The chart as SVG markup in the build's page (the build renders it; in the browser the canvas
//! is the chart, and this is empty).

use super::Card;
use crate::state::ChartId;
use leptos::prelude::*;

/// Phone-sized, because most readers are on phones; it scales with the page. The first row's
/// charts (the first screen on a desktop) show it while the wasm loads; the others keep it in
/// <noscript>, which a browser running scripts reads as plain text: no layout for pictures nobody
/// sees before their canvas is painted (laying out every picture is a long task on a phone).
pub(super) fn svg(c: Card) -> String {
    if !cfg!(feature = "ssr") {
        return String::new();
    }
    c.vm.with_untracked(|v| {
        const WIDTH: f64 = 400.0;
        let h = v.css_height(WIDTH) as u32;
        let svg = crate::charts::to_inline_svg(v, c.s.lang.get_untracked(), WIDTH as u32, h, "")
            .unwrap_or_default();
        if ChartId::ALL[..crate::components::FIRST_ROW].contains(&c.id) {
            svg
        } else {
            format!("<noscript>{svg}</noscript>")
        }
    })
}
