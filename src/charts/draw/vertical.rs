//! The yearly charts: bars of a count inside its total, columns, the rate line.

use super::*;

pub(super) fn vertical<DB: DrawingBackend>(
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
            &style(theme, (10.5, false), p.muted, HPos::Right, VPos::Center),
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
                &style(theme, (10.5, false), p.fg, HPos::Center, VPos::Bottom),
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
                &style(theme, (10.5, false), p.fg, HPos::Center, VPos::Top),
                (xc(i), py1 + theme.px(5.0)),
            )
            .map_err(err)?;
        }
    }
    for &c in &dashes {
        root.draw_text(
            "—",
            &style(theme, (13.0, true), p.muted, HPos::Center, VPos::Bottom),
            (c, py1 - theme.px(2.0)),
        )
        .map_err(err)?;
    }
    for (i, d) in vm.data.iter().enumerate() {
        if d.flag == Flag::Disagreement {
            root.draw_text(
                "!",
                &style(theme, (13.0, true), p.accent, HPos::Center, VPos::Bottom),
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
            &style(theme, (10.5, true), p.fg, HPos::Left, VPos::Top),
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
