//! One chart: title, canvas, tooltip (mouse, touch, keyboard), notes, the data table (always in the
//! accessibility tree, visible on demand) and the actions to take the numbers away.

use super::tr;
use crate::charts::{build, ChartVm, DrawOpts, Flag, Hits, Theme};
use crate::state::{ChartId, YearRange};
use crate::web;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;
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
        // Disconnect when the card goes away (tab switch, chart=… view).
        let obs = send_wrapper::SendWrapper::new(obs);
        on_cleanup(move || obs.disconnect());
    }
    cb.forget();
}

/// Watches whether an element is on screen. Charts off screen are not repainted on a filter
/// change; they paint when they come into view (until then a chart scrolled in shows its last
/// picture for a frame). On a phone that is all but the first chart. No margin: with 300 px the
/// second chart, just below a phone's first screen, was repainted on every year step (+2 ms at
/// 1× CPU, +12 ms at 4×); with 100 px it flipped in and out of the margin as the summary above
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
            let obs = send_wrapper::SendWrapper::new(obs);
            on_cleanup(move || obs.disconnect());
        }
        Err(_) => visible.set(true), // no observer: paint always
    }
    cb.forget();
}

/// A CSS length (no std float formatting in the wasm: see format.rs).
fn px(v: f64) -> String {
    format!("{}px", crate::text::format::plain(v, 1))
}

#[component]
pub fn ChartCard(
    id: ChartId,
    /// Whether the summary sentence of the selected years goes under this chart.
    #[prop(optional)]
    with_summary: bool,
) -> impl IntoView {
    let s = crate::state::app_state();
    let (first, last) = s.data().bounds();
    let all = YearRange {
        from: first,
        to: last,
    };
    // The view-model and the paint are ImmediateEffects: they run inside the signal update
    // that triggers them, before the queued effects that rewrite text, notes and tables, so a
    // year-filter step paints the chart first (the budget is key press → last draw call).
    // Both depend on plain signals only (`view`, not the memos derived from it): an
    // ImmediateEffect behind a chain of memos can miss an update (seen: every other step of
    // the year slider left the chart unpainted; tests/e2e/app.test.mjs checks each step).
    //
    // The view-model's inputs. Charts of 2008–2017 totals ignore the filter: their inputs do
    // not change with the years, so they neither rebuild nor repaint.
    let inputs = move || {
        s.view.with(|v| {
            let range = if id.is_yearly() { v.range } else { all };
            (range, v.lang)
        })
    };
    let (range, lang) = untrack(inputs);
    let built = StoredValue::new((range, lang));
    // How many times the view-model changed since the first render (after a change the
    // pre-rendered rows are stale; a repaint of the same generation at the same width is skipped).
    let generation = StoredValue::new(0u32);
    let vm = RwSignal::new(build(&s.data(), id, range, lang));
    let follow = ImmediateEffect::new(move || {
        let next = inputs();
        // `try_`: a no-op rather than a panic should it ever run while the card is disposed.
        if built.try_get_value().is_some_and(|prev| prev != next) {
            let _ = built.try_set_value(next);
            let _ = generation.try_update_value(|g| *g += 1);
            let _ = vm.try_set(build(&s.data(), id, next.0, next.1));
        }
    });
    let canvas = NodeRef::<html::Canvas>::new();
    // The build's SVG picture has done its job once the canvas is painted, and is in the wrong
    // language once the language changes: then it goes (it is a few hundred DOM nodes).
    let fallback = NodeRef::<html::Div>::new();
    let drop_fallback = move || {
        if let Some(f) = fallback.get_untracked() {
            if f.has_child_nodes() {
                f.set_inner_html("");
            }
        }
    };
    // Whether this card is being hydrated from the build's DOM (its rows and picture are then
    // there), rather than built in the browser (a view switch may even reuse another card's
    // elements, so nothing inside can be trusted).
    let from_build = Owner::current_shared_context().is_some_and(|sc| sc.during_hydration());
    let rendered_in = untrack(|| s.lang.get()); // the default view's: what the build drew
    Effect::new(move |_| {
        if !from_build || s.lang.get() != rendered_in {
            drop_fallback();
        }
    });
    let backend = StoredValue::new_local(None);
    let plot = NodeRef::<html::Div>::new();
    // The canvas's CSS width, as laid out (its height comes from the stylesheet: size_rows).
    let width = RwSignal::new(0.0f64);
    let visible = RwSignal::new(false);
    let painted = RwSignal::new(false);
    let hover = RwSignal::new(None::<usize>);
    let hits = RwSignal::new(Hits::default());
    let pointer = RwSignal::new(None::<(f64, f64)>);
    let table_open = RwSignal::new(false);

    Effect::new(move |_| {
        if let (Some(p), Some(c)) = (plot.get(), canvas.get()) {
            observe_width(&c, width);
            observe_visible(&p, visible);
        }
    });
    // Printing paints every chart, seen or not, at its laid-out width (read here: a chart never
    // scrolled into view may never have had a size report).
    Effect::new(move |_| {
        if s.printing.get() {
            if let Some(c) = canvas.get_untracked() {
                let w = f64::from(c.client_width());
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
        // again (measured: 9 ms a step at 1× CPU).
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
    on_cleanup(move || drop((follow, paint)));
    // The table body follows the view-model. An open table is written at once; a closed one
    // (the screen-reader text alternative) after the next frame, so a filter step paints the
    // charts without waiting for tables nobody is looking at. Writes are coalesced.
    let tbody = NodeRef::<html::Tbody>::new();
    // The rows as HTML: in the pre-rendered page (the build writes them: the table is readable
    // before and without the wasm); in the browser the effect below writes them.
    let server_rows = if cfg!(feature = "ssr") {
        vm.with_untracked(crate::charts::table_rows_html)
    } else {
        String::new()
    };
    let written = StoredValue::new(String::new());
    let pending = StoredValue::new(false);
    // Also runs deferred, possibly after the card is gone (filter → embed of another chart):
    // every access is a `try_`, so a late call is a no-op instead of a panic.
    let write_rows = move || {
        let _ = pending.try_set_value(false);
        let Some(rows) = vm.try_with_untracked(crate::charts::table_rows_html) else {
            return;
        };
        let Some(tb) = tbody.try_get_untracked().flatten() else {
            return;
        };
        if written.try_with_value(|w| *w != rows) == Some(true) {
            tb.set_inner_html(&rows);
            let _ = written.try_set_value(rows);
        }
    };
    Effect::new(move |_| {
        vm.track();
        let open = table_open.get();
        if written.with_value(String::is_empty) {
            // First run. Hydrated, and still the default view: the build wrote these very rows;
            // keep them (a marker that equals no rows, so the next change writes). Mounted
            // fresh, or the URL asked for another view meanwhile: write now.
            if from_build && generation.get_value() == 0 {
                written.set_value("\u{0}".into());
            } else {
                write_rows();
            }
        } else if open {
            write_rows();
        } else if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || set_timeout(write_rows, Duration::ZERO));
        }
    });
    // Keep the highlighted datum valid when the number of years shrinks.
    Effect::new(move |_| {
        let n = vm.with(|v| v.data.len());
        if hover.get_untracked().is_some_and(|i| i >= n) {
            hover.set(None);
        }
    });

    let pick_at = move |x: f64, y: f64| {
        let dpr = web::device_pixel_ratio();
        let i = hits
            .get_untracked()
            .index_at((x * dpr) as i32, (y * dpr) as i32);
        hover.set(i);
        pointer.set(i.map(|_| (x, y)));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
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
                hover.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        pointer.set(None);
        hover.set(next);
    };
    // Tooltip position: the pointer, or the datum's anchor when driven by the keyboard.
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
    let tip_lines = move || {
        hover
            .get()
            .and_then(|i| vm.with(|v| v.data.get(i).map(|d| d.tooltip.clone())))
    };
    // Made by the build only (in the browser the canvas is the chart). Phone-sized, because most
    // readers are on phones; it scales with the page. The first row's charts (the first screen
    // on a desktop) show it while the wasm loads; the others keep it in <noscript>, which a browser
    // running scripts reads as plain text: no layout for pictures nobody sees before their
    // canvas is painted (seven pictures cost ~100 ms of layout at 4× CPU, measured).
    let lang = s.lang;
    let fallback_svg = if cfg!(feature = "ssr") {
        vm.with_untracked(|v| {
            const WIDTH: f64 = 400.0;
            let h = v.css_height(WIDTH) as u32;
            let svg = crate::charts::to_inline_svg(v, lang.get_untracked(), WIDTH as u32, h, "")
                .unwrap_or_default();
            if ChartId::ALL[..super::FIRST_ROW].contains(&id) {
                svg
            } else {
                format!("<noscript>{svg}</noscript>")
            }
        })
    } else {
        String::new()
    };
    let dom_id = id.id();
    let table_id = format!("table-{dom_id}");
    let title_id = format!("title-{dom_id}");

    view! {
        <figure class="card" id=format!("chart-{dom_id}") data-chart=dom_id>
            <figcaption>
                <h2 id=title_id.clone()>{move || vm.with(|v| v.title.clone())}</h2>
                <p class="subtitle">{move || vm.with(|v| v.subtitle.clone())}</p>
            </figcaption>
            <div
                class="plot"
                class:painted=move || painted.get()
                node_ref=plot
                tabindex="0"
                role="img"
                aria-labelledby=title_id
                aria-describedby=table_id.clone()
                aria-roledescription=tr(lang, "biểu đồ", "chart")
                on:keydown=on_key
                on:blur=move |_| {
                    if pointer.get_untracked().is_none() {
                        hover.set(None)
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| pick_at(ev.offset_x() as f64, ev.offset_y() as f64)
                on:pointerdown=move |ev: web_sys::PointerEvent| pick_at(ev.offset_x() as f64, ev.offset_y() as f64)
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" {
                        hover.set(None);
                        pointer.set(None);
                    }
                }
            >
                // The box's height: one empty row per bar or legend entry (ChartVm::size_rows).
                // Written as markup (like the table rows): a list of views here would bring its
                // own hydration code into the wasm for a few empty elements.
                <div
                    class=move || vm.with(|v| format!("plot-size {}", v.size_rows().0))
                    aria-hidden="true"
                    inner_html=move || "<i></i>".repeat(vm.with(|v| v.size_rows().1))
                ></div>
                <canvas node_ref=canvas aria-hidden="true"></canvas>
                // The chart as SVG in the pre-rendered page, over the canvas until the canvas is
                // painted: on screen as soon as the HTML arrives, and the chart without JavaScript.
                <div class="plot-fallback" node_ref=fallback aria-hidden="true" inner_html=fallback_svg></div>
                {move || tip_shown.get().then(|| view! {
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
                })}
            </div>
            {with_summary.then(|| {
                let summary = move || {
                    crate::summary::sentence(&crate::summary::compute(&s.data(), s.range.get()), s.lang.get())
                };
                view! { <p class="summary" aria-live="polite">{summary}</p> }
            })}
            <p class="sr-only" aria-live="polite">{move || tip_lines().map(|l| l.join(". ")).unwrap_or_default()}</p>
            <ul class="notes">
                {move || {
                    vm.with(|v| {
                        v.notes
                            .iter()
                            .map(|(flag, text)| {
                                let (cls, mark) = match flag {
                                    Flag::Disagreement => ("note disagreement", "! "),
                                    Flag::Break => ("note break", "┆ "),
                                    _ => ("note", ""),
                                };
                                view! {
                                    <li class=cls>
                                        <span aria-hidden="true">{mark}</span>
                                        {text.clone()}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            <div class="actions">
                <button
                    class="toggle-table"
                    aria-expanded=move || table_open.get().to_string()
                    aria-controls=table_id.clone()
                    on:click=move |_| table_open.update(|o| *o = !*o)
                >
                    {move || {
                        let l = lang.get();
                        if table_open.get() { l.t("Ẩn bảng số liệu", "Hide data table") } else { l.t("Xem bảng số liệu", "Show data table") }
                    }}
                </button>
                <Downloads vm=vm/>
                <super::embed_dialog::EmbedButton id=id title=Memo::new(move |_| vm.with(|v| v.title.clone()))/>
            </div>
            <div
                class="table-wrap"
                class:sr-only=move || !table_open.get()
                tabindex=move || if table_open.get() { "0" } else { "-1" }
                role="region"
                aria-labelledby=format!("caption-{dom_id}")
            >
                <table id=table_id>
                    <caption id=format!("caption-{dom_id}")>{move || vm.with(|v| format!("{} — {}", v.title, v.subtitle))}</caption>
                    <thead>
                        <tr>{move || vm.with(|v| v.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())}</tr>
                    </thead>
                    <tbody node_ref=tbody inner_html=server_rows></tbody>
                </table>
                <p class="source">{move || vm.with(|v| v.source.clone())}</p>
            </div>
        </figure>
    }
}

/// Download and copy actions of a chart (CSV, Excel CSV, JSON, PNG, SVG, copy table, copy link).
#[component]
pub fn Downloads(vm: RwSignal<ChartVm>) -> impl IntoView {
    let s = crate::state::app_state();
    super::actions::actions(s, vm)
}
