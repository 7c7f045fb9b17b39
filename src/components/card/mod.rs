//! One chart: title, canvas, tooltip (mouse, touch, keyboard), notes, the data table (always in the
//! accessibility tree, visible on demand) and the actions to take the numbers away. The card
//! builds its view-model and lays out its parts; each part is a file: the canvas painter, the
//! table, the tooltip and the build's picture.

mod painter;
mod picture;
mod table;
mod tooltip;

use super::tr;
use crate::charts::view_model::{build_in, Measure};
use crate::charts::{ChartVm, Flag, Hits};
use crate::state::{AppState, ChartId, YearRange};
use leptos::html;
use leptos::prelude::*;

/// What a card's parts share: the app, the chart, its view-model and the state of its canvas,
/// tooltip and table. Every field is a handle (`Copy`), so each part takes the card by value.
#[derive(Clone, Copy)]
struct Card {
    s: AppState,
    id: ChartId,
    /// Read by every part; written only by the card's `follow` effect.
    vm: ReadSignal<ChartVm>,
    /// How many times the view-model changed since the first render (after a change the
    /// pre-rendered rows are stale; a repaint of the same generation at the same width is skipped).
    generation: StoredValue<u32>,
    /// Whether this card is being hydrated from the build's DOM (its rows and picture are then
    /// there), rather than built in the browser (then nothing is there yet).
    from_build: bool,
    canvas: NodeRef<html::Canvas>,
    plot: NodeRef<html::Div>,
    /// The build's SVG picture, shown over the canvas until the canvas is painted.
    fallback: NodeRef<html::Div>,
    /// The canvas's CSS width, as laid out (its height comes from the stylesheet: size_rows).
    width: RwSignal<f64>,
    visible: RwSignal<bool>,
    painted: RwSignal<bool>,
    /// The datum the reader picked (pointer, finger or arrow keys): written by input alone.
    picked: RwSignal<Option<usize>>,
    /// The datum highlighted: the one picked, while the view-model has it (fewer years can leave
    /// a pick behind). Derived, never written: the painter and the tooltip read it.
    hover: Memo<Option<usize>>,
    /// Where each datum was drawn: written by the painter, read by input (which datum is under
    /// the pointer) and by the tooltip (where to stand when the keys picked).
    hits: RwSignal<Hits>,
    pointer: RwSignal<Option<(f64, f64)>>,
    table_open: RwSignal<bool>,
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
    // Both depend on plain signals only (`view`), with the last inputs kept by hand
    // (`built`) rather than in a `Memo`: on Leptos 0.7 an ImmediateEffect behind a memo missed
    // every other year step. On Cargo.lock's 0.8.23 the plain form (a `Memo` of the inputs and
    // `ImmediateEffect::new_scoped`) passes every test, but costs the reader's wasm 137 B gzip /
    // 199 B brotli more; so it stays this way (docs/performance.md, "Figures behind the code";
    // tests/e2e/app.test.mjs checks each step either way).
    //
    // The view-model's inputs. Charts of 2008–2017 totals ignore the filter: their inputs do
    // not change with the years, so they neither rebuild nor repaint.
    // The lineage's measure is the only other input (only the lineage reads it).
    let inputs = move || {
        s.view.with(|v| {
            let range = if id.is_yearly() { v.range } else { all };
            let measure = if v.members && id == ChartId::Lineage {
                Measure::Members
            } else {
                Measure::Organisations
            };
            (range, v.lang, measure)
        })
    };
    let first_inputs = untrack(inputs);
    let built = StoredValue::new(first_inputs);
    let generation = StoredValue::new(0u32);
    let (range, lang, measure) = first_inputs;
    let (vm, set_vm) = signal(build_in(&s.data(), id, range, lang, measure));
    let follow = ImmediateEffect::new(move || {
        let next = inputs();
        // `try_`: a no-op rather than a panic should it ever run while the card is disposed.
        if built.try_get_value().is_some_and(|prev| prev != next) {
            let _ = built.try_set_value(next);
            let _ = generation.try_update_value(|g| *g += 1);
            let (range, lang, measure) = next;
            let _ = set_vm.try_set(build_in(&s.data(), id, range, lang, measure));
        }
    });
    let picked = RwSignal::new(None);
    let c = Card {
        s,
        id,
        vm,
        generation,
        from_build: Owner::current_shared_context().is_some_and(|c| c.during_hydration()),
        canvas: NodeRef::new(),
        plot: NodeRef::new(),
        fallback: NodeRef::new(),
        width: RwSignal::new(0.0),
        visible: RwSignal::new(false),
        painted: RwSignal::new(false),
        picked,
        hover: Memo::new(move |_| picked.get().filter(|i| vm.with(|v| *i < v.data.len()))),
        hits: RwSignal::new(Hits::default()),
        pointer: RwSignal::new(None),
        table_open: RwSignal::new(false),
    };
    let paint = painter::start(c);
    on_cleanup(move || drop((follow, paint)));
    let (tbody, server_rows) = table::rows(c);
    let pick_at = tooltip::pick_at(c);
    let lang = s.lang;
    let fallback_svg = picture::svg(c);
    let (picked, pointer, painted, table_open) = (c.picked, c.pointer, c.painted, c.table_open);
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
                node_ref=c.plot
                tabindex="0"
                role="img"
                aria-labelledby=title_id
                aria-describedby=table_id.clone()
                aria-roledescription=tr(lang, "biểu đồ", "chart")
                on:keydown=tooltip::on_key(c)
                on:blur=move |_| {
                    if pointer.get_untracked().is_none() {
                        picked.set(None)
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| pick_at(ev.offset_x() as f64, ev.offset_y() as f64)
                on:pointerdown=move |ev: web_sys::PointerEvent| pick_at(ev.offset_x() as f64, ev.offset_y() as f64)
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" {
                        picked.set(None);
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
                <canvas node_ref=c.canvas aria-hidden="true"></canvas>
                // The chart as SVG in the pre-rendered page, over the canvas until the canvas is
                // painted: on screen as soon as the HTML arrives, and the chart without JavaScript.
                <div class="plot-fallback" node_ref=c.fallback aria-hidden="true" inner_html=fallback_svg></div>
                {tooltip::view(c)}
            </div>
            {(id == ChartId::Lineage).then(|| measure_switch(s))}
            {move || vm.with(|v| v.summary.clone()).map(|t| view! { <p class="card-summary">{t}</p> })}
            {with_summary.then(|| {
                let summary = move || {
                    crate::summary::sentence(&crate::summary::compute(&s.data(), s.range.get()), s.lang.get())
                };
                view! { <p class="summary" aria-live="polite">{summary}</p> }
            })}
            <p class="sr-only" aria-live="polite">{tooltip::spoken(c)}</p>
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
            {table::view(c, table_id, tbody, server_rows)}
        </figure>
    }
}

/// The lineage's two views: organisations or Party members (`measure=members` in the URL).
fn measure_switch(s: AppState) -> impl IntoView {
    let lang = s.lang;
    let members = Memo::new(move |_| s.view.with(|v| v.members));
    let choice = move |m: bool, vi: &'static str, en: &'static str| {
        view! {
            <button
                class="measure"
                aria-pressed=move || (members.get() == m).to_string()
                on:click=move |_| s.view.update(|v| v.members = m)
            >
                {tr(lang, vi, en)}
            </button>
        }
    };
    view! {
        <div class="measures" role="group" aria-label=tr(lang, "Độ rộng theo", "Widths show")>
            {choice(false, "Số tổ chức", "Organisations")}
            {choice(true, "Số đảng viên", "Party members")}
        </div>
    }
}

/// Download and copy actions of a chart (CSV, Excel CSV, JSON, PNG, SVG, copy table, copy link).
#[component]
pub fn Downloads(vm: ReadSignal<ChartVm>) -> impl IntoView {
    let s = crate::state::app_state();
    super::actions::actions(s, vm)
}
