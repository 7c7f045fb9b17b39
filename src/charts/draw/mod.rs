//! One drawing routine for every chart, generic over plotters' `DrawingBackend`: the same code
//! paints the canvas, writes the SVG export and is tested natively on SVG strings.
//! Layout is done in backend pixels by hand (no mesh builder): exact hit boxes for tooltips,
//! direct labels, and less generic code in the wasm.

use super::axis::nice_step;
use super::svg::Svg;
use super::theme::{Theme, FONT};
use super::view_model::{ChartVm, Flag, Mark, Shape};
use crate::text::format;
use crate::text::lang::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

mod horizontal;
mod lineage;
mod marks;
mod text;
mod vertical;

use marks::*;
use text::*;
pub(crate) use text::{wrap, SOURCE_LINE};

/// Where the data marks are, to map a pointer position back to a datum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hits {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub n: usize,
    /// Rows (horizontal bars) rather than columns.
    pub horizontal: bool,
}

impl Hits {
    /// The datum under a backend-pixel position. Columns take the whole height, so a tap
    /// anywhere above a year selects it; rows take the whole width.
    pub fn index_at(&self, x: i32, y: i32) -> Option<usize> {
        if self.n == 0 {
            return None;
        }
        let (pos, lo, hi) = if self.horizontal {
            (y, self.y0, self.y1)
        } else {
            (x, self.x0, self.x1)
        };
        if pos < lo || pos >= hi || hi <= lo {
            return None;
        }
        Some(((pos - lo) as i64 * self.n as i64 / (hi - lo) as i64) as usize)
    }

    /// Centre of datum `i`'s band, for placing a tooltip opened from the keyboard.
    pub fn anchor(&self, i: usize) -> (i32, i32) {
        let n = self.n.max(1) as i32;
        let i = i as i32;
        if self.horizontal {
            let h = (self.y1 - self.y0) / n;
            ((self.x0 + self.x1) / 2, self.y0 + h * i + h / 2)
        } else {
            let w = (self.x1 - self.x0) / n;
            (self.x0 + w * i + w / 2, self.y0)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DrawOpts {
    /// Datum to highlight (hover, keyboard focus).
    pub highlight: Option<usize>,
    /// Draw title, subtitle and source line into the image (exports).
    pub caption: bool,
}

type Area<DB> = DrawingArea<DB, Shift>;
type Res<T> = Result<T, String>;

/// Draws a chart on `root` and returns its hit boxes.
pub fn draw<DB: DrawingBackend>(
    root: &Area<DB>,
    vm: &ChartVm,
    theme: &Theme,
    lang: Lang,
    opts: DrawOpts,
) -> Res<Hits> {
    let p = theme.palette();
    root.fill(&p.bg).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = theme.px(8.0);
    let (mut top, mut bottom) = (pad, h - pad);
    if opts.caption {
        root.draw_text(
            &vm.title,
            &style(theme, (15.0, true), p.fg, HPos::Left, VPos::Top),
            (pad, top),
        )
        .map_err(err)?;
        top += theme.px(21.0);
        root.draw_text(
            &vm.subtitle,
            &style(theme, (11.0, false), p.muted, HPos::Left, VPos::Top),
            (pad, top),
        )
        .map_err(err)?;
        top += theme.px(20.0);
        // The citation, wrapped: title, author, portal and date, whatever the width.
        let src_style = style(theme, (10.0, false), p.muted, HPos::Left, VPos::Bottom);
        let lines = wrap(theme, 10.0, &vm.source, w - 2 * pad);
        bottom -= theme.px(SOURCE_LINE) * (lines.len() as i32 - 1);
        for (i, line) in lines.iter().enumerate() {
            let y = bottom + theme.px(SOURCE_LINE) * i as i32;
            root.draw_text(line, &src_style, (pad, y)).map_err(err)?;
        }
        bottom -= theme.px(SOURCE_LINE) + theme.px(4.0);
    }
    top += legend(root, vm, theme, pad, top, w - pad)?;
    let hits = match vm.shape {
        Shape::HBars => {
            horizontal::horizontal(root, vm, theme, lang, (pad, top, w - pad, bottom), opts)
        }
        Shape::Lineage => {
            lineage::lineage(root, vm, theme, lang, (pad, top, w - pad, bottom), opts)
        }
        _ => vertical::vertical(root, vm, theme, lang, (pad, top, w - pad, bottom), opts),
    }?;
    // The canvas backend gathers lines into one path; this strokes the last of them.
    root.present().map_err(err)?;
    Ok(hits)
}

/// The chart as an SVG document (export, and native tests).
pub fn to_svg(vm: &ChartVm, lang: Lang, width: u32, height: u32, dark: bool) -> Res<String> {
    let mut out = String::new();
    let svg = Svg::new(&mut out, (width, height));
    draw_svg(svg, vm, lang, &Theme::for_svg(dark), true)?;
    Ok(out)
}

/// The link-preview picture as SVG, `width × height` pixels: the chart with its title, subtitle
/// and source laid out at half that size and drawn at 2× (as the editor's canvas draws it), so
/// the text stays legible in a preview a phone shows at 400 px wide.
pub fn to_preview_svg(vm: &ChartVm, lang: Lang, (width, height): (u32, u32)) -> Res<String> {
    let mut out = String::new();
    let svg = Svg::new(&mut out, (width, height));
    draw_svg(svg, vm, lang, &Theme::for_svg_at(2.0, false), true)?;
    Ok(out)
}

/// The chart as an SVG element for the page itself (the pre-rendered first chart in index.html):
/// no caption (the page has its own), the canvas's text size, a viewBox instead of a fixed size
/// so it scales with its container, and `attrs` on the root element (role, label).
pub fn to_inline_svg(
    vm: &ChartVm,
    lang: Lang,
    width: u32,
    height: u32,
    attrs: &str,
) -> Res<String> {
    let mut out = String::new();
    let svg = Svg::scalable(&mut out, (width, height), attrs);
    draw_svg(svg, vm, lang, &Theme::for_svg(false), false)?;
    Ok(out)
}

/// Draws on the SVG backend; the document is complete when the backend is dropped, at the end.
fn draw_svg(svg: Svg, vm: &ChartVm, lang: Lang, theme: &Theme, caption: bool) -> Res<()> {
    let root = svg.into_drawing_area();
    let opts = DrawOpts {
        highlight: None,
        caption,
    };
    draw(&root, vm, theme, lang, opts).map(|_| ())
}
