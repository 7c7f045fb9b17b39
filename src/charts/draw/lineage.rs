//! The lineage: a row a unit at a moment (its date and name, then a bar as long as its
//! organisations or members), indented one step for each link it came by; the links run down
//! the left, as wide as what went along them, dashed where the source does not say.

use super::*;
use crate::charts::view_model::Link;

/// A dashed line from `a` to `b`, vertical or horizontal: what a source does not publish.
fn dashed<DB: DrawingBackend>(
    root: &Area<DB>,
    a: (i32, i32),
    b: (i32, i32),
    theme: &Theme,
    color: RGBColor,
) -> Res<()> {
    let (dash, width) = (theme.px(4.0).max(2), theme.px(1.5).max(1));
    let len = (b.0 - a.0).abs().max((b.1 - a.1).abs());
    let (dx, dy) = ((b.0 - a.0).signum(), (b.1 - a.1).signum());
    let mut t = 0;
    while t < len {
        let end = (t + dash).min(len);
        let (p, q) = (
            (a.0 + dx * t, a.1 + dy * t),
            (a.0 + dx * end, a.1 + dy * end),
        );
        // A dash `width` thick across the line's direction.
        let (p, q) = if dx == 0 {
            ((p.0, p.1), (q.0 + width, q.1))
        } else {
            ((p.0, p.1), (q.0, q.1 + width))
        };
        rect(root, p, q, color.filled())?;
        t += 2 * dash;
    }
    Ok(())
}

pub(super) fn lineage<DB: DrawingBackend>(
    root: &Area<DB>,
    vm: &ChartVm,
    theme: &Theme,
    _lang: Lang,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    opts: DrawOpts,
) -> Res<Hits> {
    let Some(l) = &vm.lineage else {
        return Ok(Hits::default());
    };
    let p = theme.palette();
    let n = vm.data.len().max(1) as i32;
    let row = ((y1 - y0) / n).max(1);
    let indent = theme.px(16.0);
    let depth = |i: usize| i32::from(l.rows.get(i).map_or(0, |r| r.depth));
    let deepest = (0..vm.data.len()).map(depth).max().unwrap_or(0);
    // Each row: its name, its bar, and under the bar its figures (the row's free lower part),
    // so the bars take the whole width and no figure is cut at 320 px.
    let open_end = if l.rows.iter().any(|r| r.more_than) {
        theme.px(8.0)
    } else {
        0
    };
    let bar_max = (x1 - x0 - deepest * indent - indent - open_end).max(theme.px(24.0));
    let y_max = if vm.y_max > 0.0 { vm.y_max } else { 1.0 };
    let max_link = f64::from(indent - theme.px(4.0));
    let bar_top = |i: usize| y0 + row * i as i32 + theme.px(20.0);
    let bar_h = theme.px(12.0);
    let bar_x = |i: usize| x0 + indent + depth(i) * indent;
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
        let (date, short) = l
            .rows
            .get(i)
            .map_or(("", ""), |r| (r.date.as_str(), r.short.as_str()));
        // The full name where it fits, else the short one.
        let head = |name: &str| match date {
            "" => name.to_string(),
            _ => format!("{date} · {name}"),
        };
        let room = x1 - bar_x(i);
        let full = head(&d.label);
        let head = if text_width(theme, 11.5, &full) <= room || short.is_empty() {
            full
        } else {
            head(short)
        };
        root.draw_text(
            &fit(theme, 11.5, &head, room),
            &style(theme, (11.5, false), p.fg, HPos::Left, VPos::Top),
            (bar_x(i), top + theme.px(3.0)),
        )
        .map_err(err)?;
        let (bx, by) = (bar_x(i), bar_top(i));
        match d.value {
            Some(v) => {
                let len = ((v / y_max) * f64::from(bar_max)).round() as i32;
                let end = bx + len.max(theme.px(2.0));
                rect(root, (bx, by), (end, by + bar_h), p.primary.filled())?;
                if l.rows.get(i).is_some_and(|r| r.more_than) {
                    // A lower bound: the bar stops at it and opens on a "›", more beyond.
                    let (tip, x, mid) = (theme.px(5.0), end + theme.px(3.0), by + bar_h / 2);
                    root.draw(&PathElement::new(
                        vec![(x, by), (x + tip, mid), (x, by + bar_h)],
                        p.primary.stroke_width(theme.px(2.0).max(1) as u32),
                    ))
                    .map_err(err)?;
                }
            }
            None => {
                // Not published: an open dashed box, never a bar of 0.
                let w = theme.px(28.0);
                dashed(root, (bx, by), (bx + w, by), theme, p.muted)?;
                dashed(root, (bx, by + bar_h), (bx + w, by + bar_h), theme, p.muted)?;
            }
        }
        // Under its bar; moved left, as far as the plot allows, when the room right of the bar
        // is too short (a deep row on a phone). Bold text is an eighth wider than `text_width`
        // says (measured in the browser: tests/e2e/layout.test.mjs).
        let wide = text_width(theme, 11.0, &d.value_label) * 9 / 8;
        let lx = bx.min(x1 - wide).max(x0);
        let label = if x1 - lx >= wide {
            d.value_label.clone()
        } else {
            fit(theme, 11.0, &d.value_label, (x1 - lx) * 8 / 9)
        };
        root.draw_text(
            &label,
            &style(theme, (11.0, true), p.fg, HPos::Left, VPos::Top),
            (lx, by + bar_h + theme.px(3.0)),
        )
        .map_err(err)?;
    }
    // Links from each row, side by side: the one to the farthest row leftmost, so that a link
    // turning towards a nearer row crosses none still going down.
    // (A row's links are made in the order of the rows they lead to: taken backwards.)
    let mut used = vec![0i32; vm.data.len()];
    // Links into one row (what each giver handed over) arrive one below the other.
    let mut arrived = vec![0i32; vm.data.len()];
    for link in l.links.iter().rev() {
        let Link {
            from,
            to,
            value,
            same_unit,
        } = *link;
        if from >= vm.data.len() || to >= vm.data.len() {
            continue;
        }
        let sx = bar_x(from) - indent + theme.px(4.0) + used[from];
        let sy = bar_top(from) + bar_h;
        let ty = bar_top(to) + bar_h / 2;
        let tx = bar_x(to);
        match (value, same_unit) {
            (_, true) => {
                let w = theme.px(1.0).max(1);
                rect(root, (sx, sy), (sx + w, ty), p.muted.filled())?;
                rect(root, (sx, ty), (tx, ty + w), p.muted.filled())?;
            }
            (Some(v), false) => {
                let w = ((v / y_max) * max_link)
                    .round()
                    .max(f64::from(theme.px(1.5))) as i32;
                let ty = ty + arrived[to];
                arrived[to] += w + theme.px(1.0);
                rect(
                    root,
                    (sx, sy),
                    (sx + w, ty + w / 2),
                    p.primary.mix(0.55).filled(),
                )?;
                rect(
                    root,
                    (sx, ty - w / 2),
                    (tx, ty + w / 2 + w % 2),
                    p.primary.mix(0.55).filled(),
                )?;
                used[from] += w + theme.px(1.0);
            }
            (None, false) => {
                dashed(root, (sx, sy), (sx, ty), theme, p.muted)?;
                dashed(root, (sx, ty), (tx, ty), theme, p.muted)?;
                root.draw_text(
                    "?",
                    &style(theme, (10.0, true), p.muted, HPos::Center, VPos::Bottom),
                    ((sx + tx) / 2, ty - theme.px(1.0)),
                )
                .map_err(err)?;
                used[from] += theme.px(3.0);
            }
        }
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
