//! Painting a chart view-model on a canvas, crisp on high-density screens: the backing store is
//! the CSS size × devicePixelRatio and the theme scales every size by the same ratio
//! (the backend draws in backing pixels).

use crate::charts::{draw, ChartVm, DrawOpts, Hits, Theme};
use crate::text::lang::Lang;
use js_sys::JsString;
use plotters::prelude::DrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

// The same context methods as web-sys, taking JS strings made once instead of a `&str` that is
// decoded (TextDecoder) on every call.
#[wasm_bindgen]
extern "C" {
    /// The 2D context, seen through these three members only.
    type Ctx;
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &Ctx, text: &JsString, x: f64, y: f64);
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &Ctx, style: &JsString);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_style(this: &Ctx, style: &JsString);
}

thread_local! {
    /// Labels and colours as JS strings. A year step redraws mostly the same labels (years,
    /// axis ticks, counts), so nearly every lookup hits; a cache is emptied should it ever grow
    /// past a few hundred entries (a linear search: a map type costs more wasm than it saves).
    static JS_STRINGS: RefCell<Vec<(String, JsString)>> = const { RefCell::new(Vec::new()) };
    static COLOURS: RefCell<Vec<(Rgba, JsString)>> = const { RefCell::new(Vec::new()) };
}

/// The JS string cached under the entry `is` picks, or `make`'s new entry, added to `cache`.
fn cached<K>(
    cache: &'static std::thread::LocalKey<RefCell<Vec<(K, JsString)>>>,
    cap: usize,
    is: impl Fn(&K) -> bool,
    make: impl FnOnce() -> (K, JsString),
) -> JsString {
    cache.with_borrow_mut(|v| {
        if let Some((_, j)) = v.iter().find(|(k, _)| is(k)) {
            return j.clone();
        }
        if v.len() >= cap {
            v.clear();
        }
        let (k, j) = make();
        v.push((k, j.clone()));
        j
    })
}

fn js_string(s: &str) -> JsString {
    cached(
        &JS_STRINGS,
        256,
        |k| k == s,
        || (s.to_owned(), JsString::from(s)),
    )
}

fn js_colour(c: BackendColor) -> JsString {
    let key = (c.rgb, c.alpha);
    cached(
        &COLOURS,
        64,
        |k| *k == key,
        || (key, JsString::from(css_color(c))),
    )
}

/// A plotters backend on a 2D canvas context that sets a context property only when its value
/// changes. plotters-canvas formats an `rgba(…)` string and sets `font`, `textAlign` and
/// `textBaseline` for every primitive; re-parsing the font was the largest single cost of a
/// repaint (~40 % of canvas time) and colour formatting the next (std float formatting for the
/// alpha). Our charts draw a few colours and two fonts, so nearly every set is skipped.
/// Rotated text is not supported (no chart uses it).
pub struct Canvas {
    element: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    line_width: u32,
    /// (style, size bits, family pointer) of the font last set.
    font: Option<(u8, u64, usize)>,
    align: &'static str,
    baseline: &'static str,
    /// Style of the lines gathered into the current path, not yet stroked (see `strokes`).
    stroking: Option<(Rgba, u32)>,
}

/// A colour as compared for caching (plotters' BackendColor has no PartialEq).
type Rgba = ((u8, u8, u8), f64);

type Res = Result<(), DrawingErrorKind<crate::charts::BackendError>>;

impl Canvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            element: canvas.clone(),
            ctx,
            size: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            line_width: 0,
            font: None,
            align: "",
            baseline: "",
            stroking: None,
        })
    }

    fn js(&self) -> &Ctx {
        self.ctx.unchecked_ref()
    }

    fn set_fill(&mut self, c: BackendColor) {
        if self.fill != Some((c.rgb, c.alpha)) {
            self.js().set_fill_style(&js_colour(c));
            self.fill = Some((c.rgb, c.alpha));
        }
    }

    /// Consecutive lines of one style (grid lines, axis, the arms of a cross) go into one path
    /// that is stroked once, when something else is drawn or at the end: one `stroke()` for the
    /// grid instead of one per line. Where lines of one path overlap they are opaque, so the
    /// picture is the same as line by line.
    fn strokes<S: BackendStyle>(&mut self, s: &S) {
        let key = ((s.color().rgb, s.color().alpha), s.stroke_width());
        if self.stroking != Some(key) {
            self.flush();
            self.set_line(s);
            self.ctx.begin_path();
            self.stroking = Some(key);
        }
    }

    /// Strokes the gathered lines, if any.
    fn flush(&mut self) {
        if self.stroking.take().is_some() {
            self.ctx.stroke();
        }
    }

    fn set_line<S: BackendStyle>(&mut self, s: &S) {
        let c = s.color();
        if self.stroke != Some((c.rgb, c.alpha)) {
            self.js().set_stroke_style(&js_colour(c));
            self.stroke = Some((c.rgb, c.alpha));
        }
        if self.line_width != s.stroke_width() {
            self.line_width = s.stroke_width();
            self.ctx.set_line_width(f64::from(self.line_width));
        }
    }
}

/// `#rrggbb`, or `rgba(r,g,b,a)` when translucent (alpha with integer formatting, see format.rs).
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!(
            "rgba({r},{g},{b},{})",
            crate::text::format::plain(c.alpha, 3)
        )
    }
}

/// A 1-pixel horizontal or vertical line on a pixel centre, so it is crisp, not two half pixels.
fn crisp(a: BackendCoord, b: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(a.0), f64::from(a.1)),
        (f64::from(b.0), f64::from(b.1)),
    );
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Canvas {
    type ErrorType = crate::charts::BackendError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }
    fn present(&mut self) -> Res {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Res {
        if c.alpha > 0.0 {
            self.flush();
            self.set_fill(c);
            self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Res {
        if s.color().alpha > 0.0 {
            let (a, b) = crisp(a, b);
            self.strokes(s);
            self.ctx.move_to(a.0, a.1);
            self.ctx.line_to(b.0, b.1);
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Res {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let (x, y) = (f64::from(a.0), f64::from(a.1));
        let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        if fill {
            self.set_fill(s.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_line(s);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        if s.color().alpha > 0.0 {
            self.strokes(s);
            self.trace(path, false);
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        if s.color().alpha > 0.0 {
            self.flush();
            self.set_fill(s.color());
            self.ctx.begin_path();
            self.trace(path, true);
            self.ctx.fill();
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Res {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.ctx.begin_path();
        let (x, y, r) = (f64::from(c.0), f64::from(c.1), f64::from(r));
        let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        if fill {
            self.set_fill(s.color());
            self.ctx.fill();
        } else {
            self.set_line(s);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        // The font string is built only when style, size or family differ from the last label's
        // (formatting it for every label was a third of the text cost); sizes are printed
        // without std's float formatting.
        let (weight, size, family) = (style.style(), style.size(), style.family());
        let key = (
            weight as u8,
            size.to_bits(),
            family.as_str().as_ptr() as usize,
        );
        if self.font != Some(key) {
            let font = format!(
                "{} {}px {}",
                weight.as_str(),
                crate::text::format::plain(size, 2),
                family.as_str()
            );
            self.ctx.set_font(&font);
            self.font = Some(key);
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
        self.set_fill(color);
        self.js()
            .fill_text(&js_string(text), f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }
}

impl Canvas {
    /// Adds a polyline to the current path.
    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>, close: bool) {
        let mut points = path.into_iter();
        if let Some(p) = points.next() {
            self.ctx.move_to(f64::from(p.0), f64::from(p.1));
            for p in points {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            if close {
                self.ctx.close_path();
            }
        }
    }
}

/// Sizes the backing store for `css_w × css_h` at the theme's scale and paints. Returns hit boxes
/// in backing pixels, or `None` if the canvas has no 2D context.
///
/// `backend` is kept by the caller from one paint to the next, so the context is looked up once
/// and a property set by the last paint (font, colours, alignment) is not set again. Resizing
/// the canvas resets the context's properties, so the backend then starts afresh.
/// (Drawing into a detached buffer canvas and copying was tried to avoid the style recalculation
/// the first `font` set can force: the copy cost more than it saved with software canvases.)
#[allow(clippy::too_many_arguments)]
pub fn paint(
    backend: &mut Option<Rc<RefCell<Canvas>>>,
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
    let resized = canvas.width() != w || canvas.height() != h;
    if resized {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let stale = backend
        .as_ref()
        .is_none_or(|b| resized || b.borrow().element != *canvas);
    if stale {
        *backend = Some(Rc::new(RefCell::new(Canvas::new(canvas)?)));
    }
    draw(
        &DrawingArea::from(backend.as_ref()?),
        vm,
        &theme,
        lang,
        opts,
    )
    .ok()
}
