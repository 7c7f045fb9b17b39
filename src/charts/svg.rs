//! A plotters backend that writes SVG text: the SVG download and the chart pre-rendered into
//! index.html. Written here rather than plotters' `svg_backend` because that one prints every
//! coordinate and opacity with std's float formatting (kilobytes of wasm for a handful of
//! numbers), and ours prints the same markup with integers (see `format::plain`).
//! The markup follows plotters-svg (same elements, anchors and font-size convention), so the
//! drawing code and its tests do not care which one they get.

use super::theme::FONT;
use crate::text::format::plain;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::fmt::Write;

pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// Filled rectangles held back while they may be the dashes of one dashed line (the drawing
    /// code draws a dashed line as short rectangles, which the canvas needs): written as one
    /// `<line stroke-dasharray>` when three or more are, else as they came.
    dashes: Vec<(BackendCoord, BackendCoord)>,
    dash_color: BackendColor,
}

type Res = Result<(), DrawingErrorKind<super::BackendError>>;

/// A point's coordinate on one axis (0: x, 1: y).
fn on(p: BackendCoord, axis: usize) -> i32 {
    if axis == 0 {
        p.0
    } else {
        p.1
    }
}

impl<'a> Svg<'a> {
    /// Starts a standalone document of `w × h` pixels in `out` (the SVG download); the closing
    /// tag is written when the backend is dropped.
    pub fn new(out: &'a mut String, (w, h): (u32, u32)) -> Self {
        Self::start(out, (w, h), &format!("width=\"{w}\" height=\"{h}\""))
    }

    /// Starts an element that scales with its container (viewBox only, no fixed size), with
    /// `attrs` on the root (role, label): the chart pre-rendered into index.html.
    pub fn scalable(out: &'a mut String, size: (u32, u32), attrs: &str) -> Self {
        Self::start(out, size, attrs)
    }

    fn start(out: &'a mut String, (w, h): (u32, u32), attrs: &str) -> Self {
        out.clear();
        let _ = writeln!(
            out,
            "<svg {attrs} viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        Svg {
            out,
            size: (w, h),
            dashes: Vec::new(),
            dash_color: BackendColor {
                alpha: 0.0,
                rgb: (0, 0, 0),
            },
        }
    }

    /// Whether a filled rectangle continues the held dashes: the same colour, thin (at most
    /// 8 px across), in line with them, one dash length after a gap as long as a dash (a last
    /// dash may be shorter, and ends the line).
    fn continues(&self, a: BackendCoord, b: BackendCoord, c: BackendColor) -> bool {
        let (Some(&(fa, fb)), Some(&(la, lb))) = (self.dashes.first(), self.dashes.last()) else {
            return false;
        };
        if c.rgb != self.dash_color.rgb || c.alpha != self.dash_color.alpha {
            return false;
        }
        // Along one axis (0: x, 1: y): level with the first dash across it, thin, the last dash
        // whole, and this one a dash and a gap after it, no longer than a dash.
        let along = |i: usize| {
            let j = 1 - i;
            let (len, thick) = (on(fb, i) - on(fa, i), on(fb, j) - on(fa, j));
            on(a, j) == on(fa, j)
                && on(b, j) == on(fb, j)
                && thick <= 8
                && on(lb, i) - on(la, i) == len
                && on(a, i) == on(la, i) + 2 * len
                && on(b, i) > on(a, i)
                && on(b, i) - on(a, i) <= len
        };
        let (along_x, along_y) = (along(0), along(1));
        // Two held fix the direction.
        match self.dashes.get(1) {
            Some(&(sa, _)) if sa.1 == fa.1 && sa.0 != fa.0 => along_x,
            Some(_) => along_y,
            None => along_x || along_y,
        }
    }

    /// Writes the held rectangles: one dashed line for three or more, else each as a rectangle.
    fn flush(&mut self) {
        let dashes = std::mem::take(&mut self.dashes);
        let c = self.dash_color;
        match (dashes.first(), dashes.last()) {
            (Some(&(fa, fb)), Some(&(_, lb))) if dashes.len() >= 3 => {
                let (fw, fh) = (fb.0 - fa.0, fb.1 - fa.1);
                let horizontal = dashes[1].0 .1 == fa.1 && dashes[1].0 .0 != fa.0;
                let (x1, y1, x2, y2, width, dash) = if horizontal {
                    let y = f64::from(fa.1) + f64::from(fh) / 2.0;
                    (f64::from(fa.0), y, f64::from(lb.0), y, fh, fw)
                } else {
                    let x = f64::from(fa.0) + f64::from(fw) / 2.0;
                    (x, f64::from(fa.1), x, f64::from(lb.1), fw, fh)
                };
                let _ = write!(
                    self.out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\"",
                    plain(x1, 1),
                    plain(y1, 1),
                    plain(x2, 1),
                    plain(y2, 1)
                );
                self.paint("stroke", c);
                self.out.push_str("/>\n");
            }
            _ => {
                for (a, b) in dashes {
                    self.rect_start(a, b);
                    self.paint("fill", c);
                    self.out.push_str("/>\n");
                }
            }
        }
    }

    /// ` opacity="…" fill="#RRGGBB"` (or `stroke`), as plotters-svg writes it; no opacity when
    /// opaque (the default: the page's pictures are a few hundred elements).
    fn paint(&mut self, attr: &str, c: BackendColor) {
        let (r, g, b) = c.rgb;
        if c.alpha < 1.0 {
            let _ = write!(self.out, " opacity=\"{}\"", plain(c.alpha, 3));
        }
        let _ = write!(self.out, " {attr}=\"#{r:02X}{g:02X}{b:02X}\"");
    }

    fn stroke<S: BackendStyle>(&mut self, s: &S) {
        self.paint("stroke", s.color());
        let _ = write!(self.out, " stroke-width=\"{}\"", s.stroke_width());
    }

    /// Closes a shape element: filled, or outlined with the style's stroke.
    fn fill_or_outline<S: BackendStyle>(&mut self, s: &S, fill: bool) {
        if fill {
            self.paint("fill", s.color());
            // No stroke: SVG's default, and nothing around the picture sets one.
            self.out.push_str("/>\n");
        } else {
            self.out.push_str(" fill=\"none\"");
            self.stroke(s);
            self.out.push_str("/>\n");
        }
    }

    /// `<rect x y width height` of the box from `a` to `b` (the paint and the end follow).
    fn rect_start(&mut self, a: BackendCoord, b: BackendCoord) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            a.0,
            a.1,
            b.0 - a.0,
            b.1 - a.1
        );
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (i, (x, y)) in path.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
        self.out.push('"');
    }
}

impl Drop for Svg<'_> {
    fn drop(&mut self) {
        self.flush();
        self.out.push_str("</svg>\n");
    }
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = super::BackendError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }
    fn present(&mut self) -> Res {
        Ok(())
    }
    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> Res {
        self.flush();
        if c.alpha > 0.0 {
            let _ = write!(
                self.out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\""
            );
            self.paint("fill", c);
            self.out.push_str("/>\n");
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Res {
        self.flush();
        if s.color().alpha > 0.0 {
            let _ = write!(
                self.out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
                a.0, a.1, b.0, b.1
            );
            self.stroke(s);
            self.out.push_str("/>\n");
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
        if fill {
            let c = s.color();
            if !self.continues(a, b, c) {
                self.flush();
                self.dash_color = c;
            }
            self.dashes.push((a, b));
            return Ok(());
        }
        self.flush();
        self.rect_start(a, b);
        self.fill_or_outline(s, fill);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        self.flush();
        if s.color().alpha > 0.0 {
            self.out.push_str("<polyline fill=\"none\"");
            self.stroke(s);
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        self.flush();
        if s.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.paint("fill", s.color());
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Res {
        self.flush();
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.out, "<circle cx=\"{}\" cy=\"{}\" r=\"{r}\"", c.0, c.1);
        self.fill_or_outline(s, fill);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        self.flush();
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        // `start` is SVG's default: written only when it is not that.
        let text_anchor = match anchor.h_pos {
            HPos::Left => "",
            HPos::Right => " text-anchor=\"end\"",
            HPos::Center => " text-anchor=\"middle\"",
        };
        let dy = match anchor.v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        // plotters-svg's convention: font sizes are divided by 1.24 (Theme::for_svg scales up).
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" dy=\"{dy}\"{text_anchor} font-size=\"{}\"",
            pos.0,
            pos.1,
            plain(style.size() / 1.24, 2)
        );
        // The chart's font is the root's (inherited); another one is written on its text.
        if style.family().as_str() != FONT {
            let _ = write!(self.out, " font-family=\"{}\"", style.family().as_str());
        }
        self.paint("fill", color);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            other => {
                let _ = write!(self.out, " font-style=\"{}\"", other.as_str());
            }
        }
        self.out.push_str(">\n");
        self.out.push_str(&crate::text::html::escape_html(text));
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}
