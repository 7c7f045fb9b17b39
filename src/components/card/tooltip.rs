//! The card's tooltip: the datum under the pointer or finger, or chosen with the arrow keys,
//! highlighted on the canvas, shown beside it and read out to screen readers.

use super::Card;
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// A CSS length (no std float formatting in the wasm: see format.rs).
fn px(v: f64) -> String {
    format!("{}px", crate::text::format::plain(v, 1))
}

/// Highlights the datum at a pointer position (CSS pixels in the canvas), or none.
pub(super) fn pick_at(c: Card) -> impl Fn(f64, f64) + Copy {
    let Card {
        hits,
        picked,
        pointer,
        ..
    } = c;
    move |x: f64, y: f64| {
        let dpr = web::device_pixel_ratio();
        let i = hits
            .get_untracked()
            .index_at((x * dpr) as i32, (y * dpr) as i32);
        picked.set(i);
        pointer.set(i.map(|_| (x, y)));
    }
}

/// Arrows, Home and End move the highlight from datum to datum; Escape clears it.
pub(super) fn on_key(c: Card) -> impl Fn(web_sys::KeyboardEvent) {
    let Card {
        vm,
        hover,
        picked,
        pointer,
        ..
    } = c;
    move |ev: web_sys::KeyboardEvent| {
        let n = vm.with_untracked(|v| v.data.len());
        if n == 0 {
            return;
        }
        let cur = hover.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(cur.map_or(0, |i| (i + 1).min(n - 1))),
            "ArrowLeft" | "ArrowUp" => Some(cur.map_or(n - 1, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Escape" => {
                picked.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        pointer.set(None);
        picked.set(next);
    }
}

/// The highlighted datum's lines.
fn lines(c: Card) -> impl Fn() -> Option<Vec<String>> + Copy {
    let Card { vm, hover, .. } = c;
    move || {
        hover
            .get()
            .and_then(|i| vm.with(|v| v.data.get(i).map(|d| d.tooltip.clone())))
    }
}

/// What a screen reader says when the highlight moves.
pub(super) fn spoken(c: Card) -> impl Fn() -> String {
    let lines = lines(c);
    move || lines().map(|l| l.join(". ")).unwrap_or_default()
}

/// The tooltip box, made when it appears.
pub(super) fn view(c: Card) -> impl IntoView {
    let Card {
        hover,
        hits,
        pointer,
        width,
        ..
    } = c;
    // Position: the pointer, or the datum's anchor when driven by the keyboard.
    let tip_pos = move || {
        let i = hover.get()?;
        Some(pointer.get().unwrap_or_else(|| {
            let dpr = web::device_pixel_ratio();
            let (x, y) = hits.get().anchor(i);
            (f64::from(x) / dpr, f64::from(y) / dpr)
        }))
    };
    // Memoised: the tooltip is built when it appears, not on every pointer move.
    let tip_shown = Memo::new(move |_| tip_pos().is_some());
    let tip_lines = lines(c);
    move || {
        tip_shown.get().then(|| {
            view! {
                <div
                    class="tooltip"
                    aria-hidden="true"
                    class:left=move || tip_pos().is_some_and(|(x, _)| x > width.get() * 0.6)
                    style:left=move || px(tip_pos().map_or(0.0, |p| p.0))
                    style:top=move || px(tip_pos().map_or(0.0, |p| p.1))
                >
                    {move || {
                        tip_lines()
                            .unwrap_or_default()
                            .into_iter()
                            .enumerate()
                            .map(|(i, l)| if i == 0 { Either::Left(view! { <strong>{l}</strong> }) } else { Either::Right(view! { <span>{l}</span> }) })
                            .collect_view()
                    }}
                </div>
            }
        })
    }
}
