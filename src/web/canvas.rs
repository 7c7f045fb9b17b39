//! Painting a chart view-model on a canvas, crisp on high-density screens: the backing store is
//! the CSS size × devicePixelRatio and the theme scales every size by the same ratio
//! (plotters-canvas draws in backing pixels and does not scale by itself).

use crate::charts::{draw, ChartVm, DrawOpts, Hits, Theme};
use crate::i18n::Lang;
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

type CanvasErr = <CanvasBackend as DrawingBackend>::ErrorType;

/// plotters-canvas, except for text: it sets `font`, `textAlign` and `textBaseline` before every
/// label, and re-parsing the font string was the largest single cost of a repaint (measured with
/// the benchmark's draw-call timer: ~40 % of canvas time). Here text sets only what changed;
/// shapes go to plotters-canvas unchanged (they never touch these three properties).
pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

impl Canvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            ctx,
            font: String::new(),
            align: "",
            baseline: "",
        })
    }
}

fn rgba(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasErr;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_path(path, s)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.fill_polygon(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_circle(c, r, s, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            return self.inner.draw_text(text, style, pos); // rotated text: not used by our charts
        }
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if align != self.align {
            self.ctx.set_text_align(align);
            self.align = align;
        }
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if baseline != self.baseline {
            self.ctx.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        self.ctx.set_fill_style_str(&rgba(color));
        let _ = self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }
}

/// Sizes the backing store for `css_w × css_h` at the theme's scale and paints. Returns hit boxes
/// in backing pixels, or `None` if the canvas has no 2D context. (Drawing into a detached buffer
/// canvas and copying was tried to avoid the style recalculation the first `font` set can force:
/// the copy cost more than it saved with software canvases, ~13 ms per chart at 4× CPU.)
pub fn paint(
    canvas: &HtmlCanvasElement,
    vm: &ChartVm,
    lang: Lang,
    css_w: f64,
    css_h: f64,
    theme: Theme,
    opts: DrawOpts,
) -> Option<Hits> {
    let (w, h) = (
        (css_w * theme.scale).round() as u32,
        (css_h * theme.scale).round() as u32,
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
    draw(
        &Canvas::new(canvas)?.into_drawing_area(),
        vm,
        &theme,
        lang,
        opts,
    )
    .ok()
}
