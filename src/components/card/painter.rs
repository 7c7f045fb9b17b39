//! The card's canvas: watched for its width and for being on screen, painted when its
//! view-model, width, theme or highlight changes (and only then), and the build's picture taken
//! away once the canvas shows the chart.

use super::Card;
use crate::charts::{DrawOpts, Theme};
use crate::web;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Watches an element's width (rotation, window resize, a narrower iframe). The observer reports
/// the width once on its own as soon as it observes, after layout: reading it there forces no
/// layout of its own, where reading `clientWidth` while the cards are built forces one per card.
/// (The height is the stylesheet's, from the width and the view-model: `ChartVm::css_height`.)
fn observe_width(el: &web_sys::Element, width: RwSignal<f64>) {
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(e) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let w = e.content_rect().width();
            if (w - width.get_untracked()).abs() >= 0.5 {
                width.set(w);
            }
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(el);
        // Disconnect when the card goes away (tab switch, chart=… view, the editor's preview
        // showing a new version), and free the callback with it.
        let held = send_wrapper::SendWrapper::new((obs, cb));
        on_cleanup(move || held.0.disconnect());
    }
}

/// Watches whether an element is on screen. Charts off screen are not repainted on a filter
/// change; they paint when they come into view (until then a chart scrolled in shows its last
/// picture for a frame). On a phone that is all but the first chart. No margin: with 300 px the
/// second chart, just below a phone's first screen, was repainted on every year step; with
/// 100 px it flipped in and out of the margin as the summary above
/// it changed length, and painted a frame late.
fn observe_visible(el: &web_sys::Element, visible: RwSignal<bool>) {
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(e) = entries
            .get(entries.length().saturating_sub(1))
            .dyn_into::<web_sys::IntersectionObserverEntry>()
        {
            if e.is_intersecting() != visible.get_untracked() {
                visible.set(e.is_intersecting());
            }
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("0px");
    match web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts) {
        Ok(obs) => {
            obs.observe(el);
            let held = send_wrapper::SendWrapper::new((obs, cb));
            on_cleanup(move || held.0.disconnect());
        }
        Err(_) => visible.set(true), // no observer: paint always
    }
}

/// Starts watching and painting the card's canvas. Returns the two immediate effects (the one
/// that prepares a print, the paint), which the card keeps until it goes away.
pub(super) fn start(c: Card) -> [ImmediateEffect; 2] {
    let Card {
        s,
        vm,
        generation,
        from_build,
        canvas,
        plot,
        fallback,
        width,
        visible,
        painted,
        hover,
        hits,
        ..
    } = c;
    // The build's SVG picture has done its job once the canvas is painted, and is in the wrong
    // language once the language changes: then it goes (it is a few hundred DOM nodes).
    let drop_fallback = move || {
        if let Some(f) = fallback.get_untracked() {
            if f.has_child_nodes() {
                f.set_inner_html("");
            }
        }
    };
    let rendered_in = untrack(|| s.lang.get()); // the default view's: what the build drew
    Effect::new(move |_| {
        if !from_build || s.lang.get() != rendered_in {
            drop_fallback();
        }
    });
    let backend = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let (Some(p), Some(_)) = (plot.get(), canvas.get()) {
            // The plot's width, not the canvas's: in print the canvas takes its own size (scaled
            // to fit 9 cm of height), and a width read from it shrank a tall chart on every
            // paint until it was gone (the lineage at 15 rows: 556 → 232 → … → 1 px).
            observe_width(&p, width);
            observe_visible(&p, visible);
        }
    });
    // Printing paints every chart, seen or not, at its laid-out width (read here: a chart never
    // scrolled into view may never have had a size report). Immediate, like the paint it sets
    // off: both run inside the `beforeprint` handler that sets `printing`, before the browser
    // lays out the printout. Firefox runs no task and no microtask between that event and its
    // copy of the page for print, so a queued effect painted after the printout was made
    // (tests/e2e/layout.test.mjs and tests/engines: every card drawn in the PDF).
    let for_print = ImmediateEffect::new(move || {
        if s.printing.get() {
            if let Some(p) = plot.get_untracked() {
                let w = f64::from(p.client_width());
                if w >= 1.0 {
                    width.set(w);
                }
            }
            visible.set(true);
        }
    });
    // Paint whenever the view-model, width, theme or highlight changes.
    let last_paint = StoredValue::new(None);
    let paint = ImmediateEffect::new(move || {
        let Some(c) = canvas.get() else { return };
        if !visible.get() {
            return; // painted when it scrolls into view (this effect re-runs then)
        }
        let w = width.get();
        if w < 1.0 {
            return; // not laid out yet: the width observer reports, and this runs again
        }
        // The height the stylesheet gives this view-model, computed rather than observed: when
        // the legend gains or loses a row with the years, the height class changes only after
        // this paint, and observing it would paint twice (the stylesheet and `css_height` are
        // the same formula).
        let h = vm.with(|v| v.css_height(w));
        let dark = s.dark.get();
        let opts = DrawOpts {
            highlight: hover.get(),
            caption: false,
        };
        let dpr = web::device_pixel_ratio();
        // What the canvas shows (the height follows from the generation and the width). A chart
        // at the edge of the screen can flip out of and back into view when a text above it
        // changes length (the summary, on each year step): that must not paint the same picture
        // again (a whole repaint per step, for nothing).
        let key = (
            generation.get_value(),
            w.to_bits(),
            dark,
            opts.highlight,
            dpr.to_bits(),
        );
        if last_paint.get_value() == Some(key) {
            return;
        }
        let lang = s.view.with_untracked(|v| v.lang); // the view-model changes with it
        let theme = Theme::new(dpr, dark);
        let found = vm.with(|v| {
            backend
                .try_update_value(|b| web::canvas::paint(b, &c, v, lang, w, h, theme, opts))
                .flatten()
        });
        if let Some(found) = found {
            last_paint.set_value(Some(key));
            hits.set(found);
            if !painted.get_untracked() {
                painted.set(true);
                drop_fallback();
            }
        }
    });
    [for_print, paint]
}
