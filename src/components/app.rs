//! The page: header, notices, the dashboard or the sources view, footer. Owns the state and keeps
//! `<html lang>` and the document title in step with it (the URL follows it from start/, once
//! the app is ready).

use super::card::ChartCard;
use super::filter::YearFilter;
use super::headline::Headline;
use super::part::part;
use super::sources_view::Sources;
use super::tr;
use crate::state::{to_query, ChartId, Tab};
use crate::web;
// Either and Option rather than AnyView (`into_any`, `<Show>`): an AnyView's vtable holds every
// render path of everything inside it, async hydration included: tens of KB of wasm
// (docs/performance.md, "Figures behind the code").
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    // The state comes one way: the context its mount provides (start/, render.rs, the
    // editor's preview), as every component below reads it.
    let state = crate::state::app_state();
    let view = state.view;
    // Only when the language changes: setting <html lang> restyles the whole document (a long
    // task on a phone), so a year change must not touch it.
    let lang = state.lang;
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(html) = doc.document_element() {
            if html.get_attribute("lang").as_deref() != Some(l.code()) {
                let _ = html.set_attribute("lang", l.code());
            }
        }
        doc.set_title(&crate::sources_html::page_title(&state.data(), l));
    });
    let tab = Memo::new(move |_| view.with(|v| v.tab));
    let embed = Memo::new(move |_| view.with(|v| v.embed));
    view! {
        <div class="app" class:embed=move || embed.get()>
            {move || (!embed.get()).then(|| view! { <Header/> })}
            <Notices/>
            <main id="main">
                {move || match tab.get() {
                    Tab::Dashboard => Either::Left(view! { <Dashboard/> }),
                    Tab::Sources => Either::Right(view! { <Sources/> }),
                }}
            </main>
            <Footer/>
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let s = crate::state::app_state();
    let lang = s.lang;
    let tab = Memo::new(move |_| s.view.with(|v| v.tab));
    let tab_button = move |t: Tab, vi: &'static str, en: &'static str| {
        view! {
            <button
                class="tab"
                aria-current=move || (tab.get() == t).then_some("page")
                on:click=move |_| s.view.update(|v| v.tab = t)
            >
                {move || lang.get().t(vi, en)}
            </button>
        }
    };
    // The dataset's years as `&'static str`, so the heading reuses `tr`'s view code instead of a
    // view type of its own; `interned` keeps each distinct text once (`once`), never per mount.
    let (a, b) = s.data().bounds();
    let years = crate::text::format::years(a, b);
    let once = super::interned;
    let heading = tr(
        lang,
        once(format!("Tổ chức cơ sở đảng {years}")),
        once(format!("Grassroots Party organisations {years}")),
    );
    // "Cập nhật ngày 02/12/2026", a link to the history of updates on the Sources page. A real
    // link (it works before the app starts); the app turns it into a tab change.
    let updated = s.data().updated().map(|d| {
        let d = crate::data::model::date_as_written(d);
        let text = tr(
            lang,
            once(format!("Cập nhật ngày {d}")),
            once(format!("Updated {d}")),
        );
        // The history is the Sources page's second section, on its first screen.
        let go = move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            s.view.update(|v| v.tab = Tab::Sources);
        };
        view! { <p class="updated"><a href="?tab=sources#revisions" on:click=go>{text}</a></p> }
    });
    // What became of the unit, from the lineage's events: a link to its card (a plain anchor,
    // so it works before the app starts).
    let fate = s.data().has_lineage().then(|| {
        let data = s.data();
        let line = move || crate::charts::fate_line(&data, lang.get(), false).unwrap_or_default();
        // From the Sources page (or a chart shown alone) the card is not on the page yet: the
        // dashboard with every chart first, then the card.
        let go = move |ev: web_sys::MouseEvent| {
            if s.view
                .with_untracked(|v| v.tab != Tab::Dashboard || v.chart.is_some())
            {
                ev.prevent_default();
                s.view.update(|v| {
                    v.tab = Tab::Dashboard;
                    v.chart = None;
                });
                web::soon(|| {
                    if let Some(card) = document().get_element_by_id("chart-lineage") {
                        card.scroll_into_view();
                    }
                });
            }
        };
        view! { <p class="fate"><a href="#chart-lineage" on:click=go>{line}</a></p> }
    });
    view! {
        <header class="site-header">
            <div class="titles">
                <p class="kicker">{move || lang.get().pick(&s.data().article.unit).to_string()}</p>
                <h1>
                    {heading}
                </h1>
                {updated}
                {fate}
            </div>
            <nav class="tabs" aria-label=tr(lang, "Trang", "Pages")>
                {tab_button(Tab::Dashboard, "Biểu đồ", "Charts")}
                {tab_button(Tab::Sources, "Nguồn & đối chiếu", "Sources & checks")}
            </nav>
            <button
                class="lang"
                lang=move || lang.get().other().code()
                on:click=move |_| s.set_lang(lang.get_untracked().other())
            >
                {tr(lang, "English", "Tiếng Việt")}
            </button>
        </header>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let s = crate::state::app_state();
    view! {
        <div class="notices" role="status">
            {move || s.notices.with(|n| !n.is_empty()).then(|| view! {
                <div class="notice">
                    <ul>
                        {move || {
                            let lang = s.lang.get();
                            s.notices.get().iter().map(|n| view! { <li>{n.message(lang)}</li> }).collect_view()
                        }}
                    </ul>
                    <button class="dismiss" on:click=move |_| s.notices.set(Vec::new())>
                        {tr(s.lang, "Đã hiểu", "Dismiss")}
                    </button>
                </div>
            })}
        </div>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let s = crate::state::app_state();
    let alone = Memo::new(move |_| s.view.with(|v| v.chart));
    // The charts shown (one with `chart=`), in two grids: the first two (a desktop's first row;
    // a phone's first screen holds the first), then the headline figures, then the rest.
    let ds = s.data();
    let has_lineage = ds.has_lineage();
    let shown = move || {
        let only = alone.get();
        ChartId::ALL
            .into_iter()
            .filter(move |c| *c != ChartId::Lineage || has_lineage)
            .filter(move |c| only.is_none_or(|o| o == *c))
    };
    // The summary sentence describes the yearly series: it sits in the first yearly chart.
    // Each card is a part (part.rs): replaced whole when `chart=` changes the cards shown.
    let card = |(i, id): (usize, ChartId)| {
        let with_summary = i == 0 && id.is_yearly();
        part(view! { <ChartCard id=id with_summary=with_summary/> })
    };
    view! {
        // A chart of 2008–2017 totals shown alone has no use for the year filter.
        {move || alone.get().is_none_or(|c| c.is_yearly()).then(|| part(view! {
            <section class="controls" aria-label=tr(s.lang, "Bộ lọc năm", "Year filter")>
                <YearFilter/>
            </section>
        }))}
        <div class="charts">{move || shown().enumerate().take(super::FIRST_ROW).map(card).collect_view()}</div>
        {move || alone.get().is_none().then(|| view! { <Headline/> })}
        <div class="charts">{move || shown().enumerate().skip(super::FIRST_ROW).map(card).collect_view()}</div>
        {move || alone.get().is_none().then(|| part(super::actions::dataset_actions(s)))}
    }
}

#[component]
fn Footer() -> impl IntoView {
    let s = crate::state::app_state();
    let ds = s.data();
    let a = &ds.article;
    let publisher = a.publisher.clone();
    // What a printout ends with: where it was printed from (the view's own URL, with its years)
    // and when. Written when printing starts (it reads the browser), by an immediate effect and
    // straight into its paragraph: inside the `beforeprint` handler, since Firefox copies the
    // page for print before any queued effect runs (as the charts' paint, card/painter.rs).
    let meta = NodeRef::<leptos::html::P>::new();
    let write_meta = ImmediateEffect::new(move || {
        if !s.printing.get() {
            return;
        }
        let url = web::url_for(&to_query(&s.view.get_untracked(), s.data().bounds()));
        let lang = s.lang.get_untracked();
        let date = web::today(lang);
        let line = lang.t(
            format!("Bản in từ {url}, ngày {date}."),
            format!("Printed from {url} on {date}."),
        );
        if let Some(p) = meta.get_untracked() {
            p.set_text_content(Some(&line));
        }
    });
    on_cleanup(move || drop(write_meta));
    view! {
        <footer class="site-footer">
            <p>
                {tr(s.lang, "Nguồn: bài", "Source: article")} " “" <span lang="vi">{a.title.clone()}</span> "”, "
                <span lang="vi">{a.author.clone()}</span> ", "
                {move || s.lang.get().pick(&publisher).to_string()} ", " {a.date_as_written.clone()} ". "
                {tr(s.lang, "Số liệu đúng như bài báo ghi; chỗ bài báo tự mâu thuẫn được đánh dấu.", "Figures exactly as the article reports them; where it contradicts itself, this is flagged.")}
            </p>
            <p class="print-meta" node_ref=meta></p>
        </footer>
    }
}
