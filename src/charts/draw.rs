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

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

fn style(theme: &Theme, size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(
            FontFamily::Name(FONT),
            theme.font_size(size),
            FontStyle::Normal,
        ),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

fn bold(theme: &Theme, size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(
            FontFamily::Name(FONT),
            theme.font_size(size),
            FontStyle::Bold,
        ),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Rough text width (no font metrics on every backend); errs wide, so labels never overlap.
fn text_width(theme: &Theme, size: f64, text: &str) -> i32 {
    (text.chars().count() as f64 * size * 0.56 * theme.scale).ceil() as i32
}

/// `text` shortened with "…" to fit `width`.
fn fit(theme: &Theme, size: f64, text: &str, width: i32) -> String {
    if text_width(theme, size, text) <= width {
        return text.to_string();
    }
    let per = (size * 0.56 * theme.scale).max(1.0);
    let keep = ((f64::from(width) / per) as usize).saturating_sub(1);
    let mut s: String = text.chars().take(keep).collect();
    s.push('…');
    s
}

/// `text` in lines that fit `width`, broken between words: a citation keeps its date. (A single
/// word longer than a line, which no citation has, is shortened with "…".)
fn wrap(theme: &Theme, size: f64, text: &str, width: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(theme, size, &candidate) <= width {
            line = candidate;
        } else {
            lines.push(fit(theme, size, &line, width));
            line = word.to_string();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(fit(theme, size, &line, width));
    }
    lines
}

/// Line height of the citation under an exported chart, in CSS pixels.
const SOURCE_LINE: f64 = 14.0;

fn rect<DB: DrawingBackend>(
    root: &Area<DB>,
    a: (i32, i32),
    b: (i32, i32),
    st: ShapeStyle,
) -> Res<()> {
    root.draw(&Rectangle::new([a, b], st)).map_err(err)
}

fn axis_label(v: f64, vm: &ChartVm, lang: Lang) -> String {
    let decimals = if v.fract().abs() > 1e-9 { 1 } else { 0 };
    let n = format::number(v, decimals, lang);
    if vm.percent_axis {
        format!("{n}%")
    } else {
        n
    }
}

/// Legend entries in rows; returns the height used.
fn legend<DB: DrawingBackend>(
    root: &Area<DB>,
    vm: &ChartVm,
    theme: &Theme,
    x0: i32,
    y0: i32,
    x1: i32,
) -> Res<i32> {
    if vm.legend.is_empty() {
        return Ok(0);
    }
    let p = theme.palette();
    let (sw, gap, line) = (theme.px(12.0), theme.px(14.0), theme.px(18.0));
    let (mut x, mut y) = (x0, y0);
    for (mark, text) in &vm.legend {
        let w = sw + theme.px(5.0) + text_width(theme, 10.5, text);
        if x > x0 && x + w > x1 {
            x = x0;
            y += line;
        }
        let (a, b) = ((x, y + theme.px(2.0)), (x + sw, y + theme.px(2.0) + sw));
        let mid = (x + sw / 2, y + theme.px(2.0) + sw / 2);
        match *mark {
            Mark::Solid => rect(root, a, b, p.primary.filled())?,
            Mark::Solid2 => rect(root, a, b, p.alt.filled())?,
            Mark::Square => {
                let r = theme.px(4.0);
                rect(
                    root,
                    (mid.0 - r, mid.1 - r),
                    (mid.0 + r, mid.1 + r),
                    p.alt.filled(),
                )?
            }
            Mark::Outline => {
                rect(root, a, b, p.secondary.mix(0.18).filled())?;
                rect(
                    root,
                    a,
                    b,
                    p.secondary.stroke_width(theme.px(1.5).max(1) as u32),
                )?;
            }
            Mark::Dot => root
                .draw(&Circle::new(mid, theme.px(4.5), p.primary.filled()))
                .map_err(err)?,
            Mark::Cross => cross(root, mid, theme.px(5.0), p.accent, theme)?,
            Mark::Dash => root
                .draw_text(
                    "—",
                    &bold(theme, 12.0, p.muted, HPos::Center, VPos::Center),
                    mid,
                )
                .map_err(err)?,
        }
        root.draw_text(
            text,
            &style(theme, 10.5, p.fg, HPos::Left, VPos::Center),
            (x + sw + theme.px(5.0), mid.1),
        )
        .map_err(err)?;
        x += w + gap;
    }
    Ok(y - y0 + line + theme.px(4.0))
}

fn cross<DB: DrawingBackend>(
    root: &Area<DB>,
    c: (i32, i32),
    r: i32,
    color: RGBColor,
    theme: &Theme,
) -> Res<()> {
    let st = color.stroke_width(theme.px(2.0).max(1) as u32);
    root.draw(&PathElement::new(
        vec![(c.0 - r, c.1 - r), (c.0 + r, c.1 + r)],
        st,
    ))
    .map_err(err)?;
    root.draw(&PathElement::new(
        vec![(c.0 - r, c.1 + r), (c.0 + r, c.1 - r)],
        st,
    ))
    .map_err(err)
}

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
            &bold(theme, 15.0, p.fg, HPos::Left, VPos::Top),
            (pad, top),
        )
        .map_err(err)?;
        top += theme.px(21.0);
        root.draw_text(
            &vm.subtitle,
            &style(theme, 11.0, p.muted, HPos::Left, VPos::Top),
            (pad, top),
        )
        .map_err(err)?;
        top += theme.px(20.0);
        // The citation, wrapped: title, author, portal and date, whatever the width.
        let src_style = style(theme, 10.0, p.muted, HPos::Left, VPos::Bottom);
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
        Shape::HBars => horizontal(root, vm, theme, lang, (pad, top, w - pad, bottom), opts),
        _ => vertical(root, vm, theme, lang, (pad, top, w - pad, bottom), opts),
    }?;
    // The canvas backend gathers lines into one path; this strokes the last of them.
    root.present().map_err(err)?;
    Ok(hits)
}

fn vertical<DB: DrawingBackend>(
    root: &Area<DB>,
    vm: &ChartVm,
    theme: &Theme,
    lang: Lang,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    opts: DrawOpts,
) -> Res<Hits> {
    let p = theme.palette();
    let colour = |series: u8| if series % 2 == 1 { p.alt } else { p.primary };
    let (px0, py0, px1, py1) = (
        x0 + theme.px(36.0),
        y0 + theme.px(18.0),
        x1,
        y1 - theme.px(22.0),
    );
    let n = vm.data.len().max(1) as i32;
    let band = ((px1 - px0) / n).max(1);
    let y_max = if vm.y_max > 0.0 { vm.y_max } else { 1.0 };
    let ypix = |v: f64| py1 - ((v / y_max) * f64::from(py1 - py0)).round() as i32;
    let xc = |i: usize| px0 + band * i as i32 + band / 2;

    // Every kind of mark is drawn for all data before the next kind (grid lines, then their
    // labels; totals, then counts; then each kind of text, the bold marks last): the canvas
    // backend then changes colour, font and text baseline a few times per paint instead of
    // several times per datum, and each change is a call into the browser on the year-filter
    // step's critical path (a font change costs as much as several labels). Marks of different
    // data do not overlap, so the picture is the same as datum by datum.
    let step = nice_step(y_max / 4.0);
    let mut ticks = vec![0.0];
    while let Some(t) = ticks
        .last()
        .map(|t| t + step)
        .filter(|t| *t <= y_max + 1e-9)
    {
        ticks.push(t);
    }
    for &t in &ticks {
        let y = ypix(t);
        root.draw(&PathElement::new(
            vec![(px0, y), (px1, y)],
            p.grid.stroke_width(theme.px(1.0).max(1) as u32),
        ))
        .map_err(err)?;
    }
    for &t in &ticks {
        root.draw_text(
            &axis_label(t, vm, lang),
            &style(theme, 10.5, p.muted, HPos::Right, VPos::Center),
            (px0 - theme.px(5.0), ypix(t)),
        )
        .map_err(err)?;
    }
    if let Some(i) = opts.highlight.filter(|&i| i < vm.data.len()) {
        let a = px0 + band * i as i32;
        rect(
            root,
            (a, py0 - theme.px(16.0)),
            (a + band, py1),
            p.highlight.filled(),
        )?;
    }
    let show_values = band >= theme.px(26.0);
    let every = if band >= theme.px(32.0) { 1 } else { 2 };
    let last = vm.data.len().saturating_sub(1);
    let bar_w = (f64::from(band) * 0.62) as i32;
    let bar = |i: usize| {
        let c = xc(i);
        (c, c - bar_w / 2, c + bar_w / 2)
    };
    if vm.shape == Shape::CountOfTotal {
        let fill = p.secondary.mix(0.18).filled();
        let outline = p.secondary.stroke_width(theme.px(1.5).max(1) as u32);
        for look in [fill, outline] {
            for (i, d) in vm.data.iter().enumerate() {
                if let Some(total) = d.whole {
                    let (_, bx0, bx1) = bar(i);
                    rect(root, (bx0, ypix(total)), (bx1, py1), look)?;
                }
            }
        }
    }
    // Where the text above each datum starts; columns not reported get a dash instead.
    let mut label_y = Vec::with_capacity(vm.data.len());
    let mut dashes = Vec::new();
    let mut line = Vec::new();
    for (i, d) in vm.data.iter().enumerate() {
        let (c, bx0, bx1) = bar(i);
        let mut y = py1;
        match vm.shape {
            Shape::CountOfTotal => {
                if let Some(total) = d.whole {
                    y = ypix(total);
                }
                if let Some(v) = d.value {
                    let inset = theme.px(3.0).min(bar_w / 4);
                    rect(
                        root,
                        (bx0 + inset, ypix(v)),
                        (bx1 - inset, py1),
                        colour(d.series).filled(),
                    )?;
                    y = y.min(ypix(v));
                }
            }
            Shape::Columns => match d.value {
                Some(v) => {
                    rect(root, (bx0, ypix(v)), (bx1, py1), colour(d.series).filled())?;
                    y = ypix(v);
                }
                None => {
                    dashes.push(c);
                    y = py1 - theme.px(16.0);
                }
            },
            _ => {
                if let Some(v) = d.value {
                    line.push((d.series, c, ypix(v)));
                    y = ypix(v) - theme.px(4.0);
                    if let Some(cv) = d.computed {
                        let cy = ypix(cv);
                        root.draw(&PathElement::new(
                            vec![(c, ypix(v)), (c, cy)],
                            p.accent.stroke_width(theme.px(1.0).max(1) as u32),
                        ))
                        .map_err(err)?;
                        cross(root, (c, cy), theme.px(4.5), p.accent, theme)?;
                        y = y.min(cy - theme.px(4.0));
                    }
                }
            }
        }
        label_y.push(y);
    }
    let values = show_values && vm.shape != Shape::Line;
    for (i, d) in vm.data.iter().enumerate() {
        if values && d.value.is_some() {
            root.draw_text(
                &d.value_label,
                &style(theme, 10.5, p.fg, HPos::Center, VPos::Bottom),
                (xc(i), label_y[i] - theme.px(2.0)),
            )
            .map_err(err)?;
            label_y[i] -= theme.px(13.0);
        }
    }
    for (i, d) in vm.data.iter().enumerate() {
        if i % every == last % every {
            root.draw_text(
                &d.label,
                &style(theme, 10.5, p.fg, HPos::Center, VPos::Top),
                (xc(i), py1 + theme.px(5.0)),
            )
            .map_err(err)?;
        }
    }
    for &c in &dashes {
        root.draw_text(
            "—",
            &bold(theme, 13.0, p.muted, HPos::Center, VPos::Bottom),
            (c, py1 - theme.px(2.0)),
        )
        .map_err(err)?;
    }
    for (i, d) in vm.data.iter().enumerate() {
        if d.flag == Flag::Disagreement {
            root.draw_text(
                "!",
                &bold(theme, 13.0, p.accent, HPos::Center, VPos::Bottom),
                (xc(i), label_y[i] - theme.px(2.0)),
            )
            .map_err(err)?;
        }
    }
    // One path per classification: a line never crosses a break.
    let mut start = 0;
    while start < line.len() {
        let series = line[start].0;
        let end = line[start..]
            .iter()
            .position(|l| l.0 != series)
            .map_or(line.len(), |k| start + k);
        let points: Vec<(i32, i32)> = line[start..end].iter().map(|l| (l.1, l.2)).collect();
        root.draw(&PathElement::new(
            points,
            colour(series).stroke_width(theme.px(2.0).max(1) as u32),
        ))
        .map_err(err)?;
        start = end;
    }
    for (i, &(series, x, y)) in line.iter().enumerate() {
        let r = if opts.highlight == Some(i) {
            theme.px(6.0)
        } else {
            theme.px(4.0)
        };
        // The second classification's points are squares: the break reads without colour.
        if series % 2 == 1 {
            rect(
                root,
                (x - r, y - r),
                (x + r, y + r),
                colour(series).filled(),
            )?;
        } else {
            root.draw(&Circle::new((x, y), r, colour(series).filled()))
                .map_err(err)?;
        }
    }
    // Each change of classification: a dashed rule between the two years, named at its top.
    for (i, name) in &vm.breaks {
        let x = px0 + band * *i as i32;
        let (top, dash) = (py0 - theme.px(14.0), theme.px(4.0).max(1));
        let mut y = top;
        let st = p.fg.stroke_width(theme.px(1.5).max(1) as u32);
        while y < py1 {
            root.draw(&PathElement::new(
                vec![(x, y), (x, (y + dash).min(py1))],
                st,
            ))
            .map_err(err)?;
            y += 2 * dash;
        }
        let label = fit(theme, 10.5, &format!("{name} →"), px1 - x - theme.px(4.0));
        root.draw_text(
            &label,
            &bold(theme, 10.5, p.fg, HPos::Left, VPos::Top),
            (x + theme.px(3.0), top - theme.px(2.0)),
        )
        .map_err(err)?;
    }
    root.draw(&PathElement::new(
        vec![(px0, py1), (px1, py1)],
        p.muted.stroke_width(theme.px(1.0).max(1) as u32),
    ))
    .map_err(err)?;
    Ok(Hits {
        x0: px0,
        y0: py0,
        x1: px0 + band * n,
        y1: py1,
        n: vm.data.len(),
        horizontal: false,
    })
}

fn horizontal<DB: DrawingBackend>(
    root: &Area<DB>,
    vm: &ChartVm,
    theme: &Theme,
    _lang: Lang,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    opts: DrawOpts,
) -> Res<Hits> {
    let p = theme.palette();
    let n = vm.data.len().max(1) as i32;
    let row = ((y1 - y0) / n).max(1);
    let value_space = vm
        .data
        .iter()
        .map(|d| text_width(theme, 12.0, &d.value_label))
        .max()
        .unwrap_or(0)
        + theme.px(8.0);
    let bar_max = (x1 - x0 - value_space).max(theme.px(20.0));
    let y_max = if vm.y_max > 0.0 { vm.y_max } else { 1.0 };
    for (i, d) in vm.data.iter().enumerate() {
        let top = y0 + row * i as i32;
        if opts.highlight == Some(i) {
            rect(
                root,
                (x0 - theme.px(4.0), top),
                (x1, top + row),
                p.highlight.filled(),
            )?;
        }
        let label = fit(theme, 12.0, &d.label, x1 - x0);
        root.draw_text(
            &label,
            &style(theme, 12.0, p.fg, HPos::Left, VPos::Top),
            (x0, top + theme.px(3.0)),
        )
        .map_err(err)?;
        let bar_top = top + theme.px(20.0);
        let bar_h = (row - theme.px(26.0)).clamp(theme.px(6.0), theme.px(16.0));
        let v = d.value.unwrap_or(0.0);
        let len = ((v / y_max) * f64::from(bar_max)).round() as i32;
        if vm.percent_axis {
            // The whole (100 %) as an outline, so each share reads as a part of all new members.
            rect(
                root,
                (x0, bar_top),
                (x0 + bar_max, bar_top + bar_h),
                p.grid.filled(),
            )?;
        }
        rect(
            root,
            (x0, bar_top),
            (x0 + len.max(theme.px(2.0)), bar_top + bar_h),
            p.primary.filled(),
        )?;
        let vx = if vm.percent_axis {
            x0 + bar_max
        } else {
            x0 + len
        };
        root.draw_text(
            &d.value_label,
            &bold(theme, 12.0, p.fg, HPos::Left, VPos::Center),
            (vx + theme.px(6.0), bar_top + bar_h / 2),
        )
        .map_err(err)?;
    }
    Ok(Hits {
        x0,
        y0,
        x1,
        y1: y0 + row * n,
        n: vm.data.len(),
        horizontal: true,
    })
}

/// The chart as an SVG document (export, and native tests).
pub fn to_svg(vm: &ChartVm, lang: Lang, width: u32, height: u32, dark: bool) -> Res<String> {
    let mut out = String::new();
    let svg = Svg::new(&mut out, (width, height));
    draw_svg(svg, vm, lang, &Theme::for_svg(dark), true)?;
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

impl ChartVm {
    /// What sizes the chart's box in the page: the stylesheet lays out one empty row per bar
    /// (`bars`, 50 px each) or per legend entry (`legend`: one a row under 420 px, two above, on
    /// top of the plot's own height), and the canvas fills the box. So the pre-rendered page
    /// reserves exactly the space the chart takes, for any number of bars or entries, without a
    /// style attribute (the CSP forbids them) and with the formula of [`Self::css_height`].
    pub fn size_rows(&self) -> (&'static str, usize) {
        match self.shape {
            Shape::HBars => ("bars", self.data.len()),
            _ => ("legend", self.legend.len()),
        }
    }

    /// Height in CSS pixels of an exported picture (PNG, SVG) at a given width: the chart, and
    /// above and below it the title, subtitle and the citation's wrapped lines.
    pub fn export_height(&self, width: f64) -> f64 {
        let lines = wrap(
            &Theme::new(1.0, false),
            10.0,
            &self.source,
            (width - 16.0) as i32,
        );
        self.css_height(width) + 66.0 + SOURCE_LINE * lines.len() as f64
    }

    /// Height in CSS pixels that suits this chart at a given width (what the stylesheet's
    /// height classes compute in the page; used here for exports and the pre-rendered SVG).
    pub fn css_height(&self, width: f64) -> f64 {
        // Legend rows: one entry a row on a phone, two on a wider screen (a break adds one
        // entry per classification, with its years).
        let n = self.legend.len() as f64;
        let legend = if width < 420.0 {
            n * 20.0
        } else {
            (n / 2.0).ceil() * 22.0
        };
        match self.shape {
            Shape::HBars => 16.0 + 50.0 * self.data.len() as f64,
            _ => legend + (width * 0.55).clamp(220.0, 320.0),
        }
    }
}
