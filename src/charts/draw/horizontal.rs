//! Horizontal bars of a group's figures, labelled directly.

use super::*;

pub(super) fn horizontal<DB: DrawingBackend>(
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
            &style(theme, (12.0, false), p.fg, HPos::Left, VPos::Top),
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
            &style(theme, (12.0, true), p.fg, HPos::Left, VPos::Center),
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
