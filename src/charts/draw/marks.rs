//! The marks every chart shares: rectangles, axis labels, the legend, the "not reported" cross.

use super::*;

pub(super) fn rect<DB: DrawingBackend>(
    root: &Area<DB>,
    a: (i32, i32),
    b: (i32, i32),
    st: ShapeStyle,
) -> Res<()> {
    root.draw(&Rectangle::new([a, b], st)).map_err(err)
}

pub(super) fn axis_label(v: f64, vm: &ChartVm, lang: Lang) -> String {
    let decimals = if v.fract().abs() > 1e-9 { 1 } else { 0 };
    let n = format::number(v, decimals, lang);
    if vm.percent_axis {
        format!("{n}%")
    } else {
        n
    }
}

/// Legend entries in rows; returns the height used.
pub(super) fn legend<DB: DrawingBackend>(
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
            Mark::Unpublished => {
                let y = mid.1 - theme.px(0.75);
                let (mut x, dash) = (a.0, theme.px(3.0).max(2));
                while x < b.0 {
                    rect(
                        root,
                        (x, y),
                        ((x + dash).min(b.0), y + theme.px(1.5).max(1)),
                        p.muted.filled(),
                    )?;
                    x += 2 * dash;
                }
            }
            Mark::Dash => root
                .draw_text(
                    "—",
                    &style(theme, (12.0, true), p.muted, HPos::Center, VPos::Center),
                    mid,
                )
                .map_err(err)?,
        }
        root.draw_text(
            text,
            &style(theme, (10.5, false), p.fg, HPos::Left, VPos::Center),
            (x + sw + theme.px(5.0), mid.1),
        )
        .map_err(err)?;
        x += w + gap;
    }
    Ok(y - y0 + line + theme.px(4.0))
}

pub(super) fn cross<DB: DrawingBackend>(
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
