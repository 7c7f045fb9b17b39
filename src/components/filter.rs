//! The year filter: a two-handle range (two native range inputs, so mouse, touch, keyboard and
//! screen readers work as users expect: arrows, Page Up/Down, Home/End), a single-year choice,
//! presets for the congress terms, and a play button that steps through the years.

use super::tr;
use crate::text::format;
use crate::web;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn YearFilter() -> impl IntoView {
    let s = crate::state::app_state();
    let lang = s.lang;
    let (first, last) = s.data().bounds();
    let from = Memo::new(move |_| s.range.get().from);
    let to = Memo::new(move |_| s.range.get().to);
    let playing = RwSignal::new(None::<IntervalHandle>);
    let options_open = RwSignal::new(false);
    let stop = move || {
        if let Some(h) = playing.get_untracked() {
            h.clear();
            playing.set(None);
        }
    };
    on_cleanup(stop);
    let play = move |_| {
        if playing.get_untracked().is_some() {
            stop();
            return;
        }
        let year = std::cell::Cell::new(first);
        s.set_range(first, first);
        // Reduced motion: still steps (it is what the user asked for) but more slowly.
        let ms = if web::media_matches("(prefers-reduced-motion: reduce)") {
            2000
        } else {
            1100
        };
        let handle = set_interval_with_handle(
            move || match year.get().checked_add(1).filter(|y| *y <= last) {
                Some(y) => {
                    year.set(y);
                    s.set_range(y, y);
                }
                // Past the last year (never past 65535: checked, not wrapped).
                None => stop(),
            },
            Duration::from_millis(ms),
        );
        playing.set(handle.ok());
    };
    let parse = |v: String| v.parse::<u16>().ok();
    let preset = move |a: u16, b: u16, label: String| {
        view! {
            <button
                class="preset"
                aria-pressed=move || (from.get() == a && to.get() == b).to_string()
                on:click=move |_| {
                    stop();
                    s.set_range(a, b)
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <fieldset class="filter">
            <legend>{tr(lang, "Chọn năm", "Choose years")}</legend>
            <div class="range-row">
                <div class="range-head">
                    <output class="range-value" for="year-from year-to">
                        {move || format::years(from.get(), to.get())}
                    </output>
                    // Narrow screens: the presets, one-year choice and play fold behind this
                    // button, so the first chart fits the first screen (the stylesheet shows it
                    // only there; on wider screens they are always shown).
                    <button
                        class="options-toggle"
                        aria-expanded=move || options_open.get().to_string()
                        aria-controls="year-options"
                        on:click=move |_| options_open.update(|o| *o = !*o)
                    >
                        {tr(lang, "Tùy chọn năm", "Year options")}
                        <span class="caret" aria-hidden="true">{move || if options_open.get() { "▴" } else { "▾" }}</span>
                    </button>
                </div>
                <div class="range2">
                    {range_input("year-from", tr(lang, "Từ năm", "From year"), from, (first, last), move |y| {
                        stop();
                        s.set_range(y.min(to.get_untracked()), to.get_untracked());
                    })}
                    {range_input("year-to", tr(lang, "Đến năm", "To year"), to, (first, last), move |y| {
                        stop();
                        s.set_range(from.get_untracked(), y.max(from.get_untracked()));
                    })}
                </div>
                <div class="range-ends" aria-hidden="true">
                    <span>{first}</span>
                    <span>{last}</span>
                </div>
            </div>
            <div class="presets" id="year-options" class:open=move || options_open.get()>
                {move || {
                    let l = lang.get();
                    // All years, then the unit's congress terms (the dataset's `terms`), cut to
                    // the data's years: one list of one kind of button.
                    let all = (first, last, l.t("Tất cả các năm", "All years").to_string());
                    std::iter::once(all)
                        .chain(s.data().terms_in_data().into_iter().map(|(t, a, b)| (a, b, term_label(t, a, b, l))))
                        .map(|(a, b, label)| preset(a, b, label))
                        .collect_view()
                }}
                <label class="single">
                    <span>{tr(lang, "Một năm", "One year")}</span>
                    <select on:change=move |ev| {
                        stop();
                        if let Some(y) = parse(event_target_value(&ev)) {
                            s.set_range(y, y);
                        }
                    }>
                        <option value="" selected=move || from.get() != to.get()>
                            "—"
                        </option>
                        {(first..=last)
                            .map(|y| {
                                view! {
                                    <option value=y.to_string() selected=move || from.get() == y && to.get() == y>
                                        {y}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                // Playing is an animation: with prefers-reduced-motion the stylesheet hides this
                // button (a media query, so the pre-rendered page and the app agree).
                <button class="play" aria-pressed=move || playing.get().is_some().to_string() on:click=play>
                    <span aria-hidden="true">{move || if playing.get().is_some() { "■ " } else { "▶ " }}</span>
                    {move || {
                        let l = lang.get();
                        if playing.get().is_some() { l.t("Dừng", "Stop") } else { l.t("Chạy từng năm", "Play years") }
                    }}
                </button>
            </div>
        </fieldset>
    }
}

/// A term's label, saying where the data cuts it: "Nhiệm kỳ 2015–2020 (đến 2017)".
fn term_label(
    t: &crate::data::model::Term,
    from: u16,
    to: u16,
    l: crate::text::lang::Lang,
) -> String {
    let label = l.pick(&t.label);
    match (from > t.from, to < t.to) {
        (false, false) => label.to_string(),
        (false, true) => l.t(format!("{label} (đến {to})"), format!("{label} (to {to})")),
        (true, false) => l.t(
            format!("{label} (từ {from})"),
            format!("{label} (from {from})"),
        ),
        (true, true) => format!("{label} ({})", format::years(from, to)),
    }
}

/// One handle of the two-handle range: a native range input (keyboard, touch and screen-reader
/// semantics come with it).
fn range_input(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: Memo<u16>,
    (first, last): (u16, u16),
    on_year: impl Fn(u16) + 'static,
) -> impl IntoView {
    view! {
        <input
            id=id
            type="range"
            min=first
            max=last
            step="1"
            // The attribute for the pre-rendered page, the property for the live slider.
            value=value.get_untracked().to_string()
            prop:value=move || value.get().to_string()
            aria-label=label
            on:input=move |ev| {
                // The value as a number: no string round trip between JS and wasm on the
                // year-filter step's critical path.
                let y = event_target::<web_sys::HtmlInputElement>(&ev).value_as_number();
                if (0.0..=f64::from(u16::MAX)).contains(&y) {
                    on_year(y as u16);
                }
            }
        />
    }
}
