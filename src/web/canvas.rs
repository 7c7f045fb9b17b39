//! Painting a chart view-model on a canvas, crisp on high-density screens: the backing store is
//! the CSS size × devicePixelRatio and the theme scales every size by the same ratio
//! (plotters-canvas draws in backing pixels and does not scale by itself).

use crate::charts::{draw, ChartVm, DrawOpts, Hits, Theme};
use crate::i18n::Lang;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Sizes the backing store for `css_w × css_h` at the theme's scale and paints. Returns hit boxes in
/// backing pixels, or `None` if the canvas has no 2D context.
pub fn paint(
    canvas: &HtmlCanvasElement,
    vm: &ChartVm,
    lang: Lang,
    css_w: f64,
    css_h: f64,
    theme: Theme,
    opts: DrawOpts,
) -> Option<Hits> {
    let scale = theme.scale;
    let (w, h) = (
        (css_w * scale).round() as u32,
        (css_h * scale).round() as u32,
    );
    if w == 0 || h == 0 {
        return None;
    }
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    draw(&root, vm, &theme, lang, opts).ok()
}
