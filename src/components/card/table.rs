//! The card's data table: the chart's text alternative, always in the accessibility tree and
//! shown on demand. Its rows are written as HTML (`charts::table_rows_html`).

use super::Card;
use crate::web;
use leptos::html;
use leptos::prelude::*;

/// Keeps the table body in step with the view-model. An open table is written at once; a closed
/// one (the screen-reader text alternative) after the next frame, so a filter step paints the
/// charts without waiting for tables nobody is looking at. Writes are coalesced. Returns the
/// body's node and, in the build's render, its rows (the table is readable before and without
/// the wasm); in the browser the effect writes them.
pub(super) fn rows(c: Card) -> (NodeRef<html::Tbody>, String) {
    let Card {
        vm,
        generation,
        from_build,
        table_open,
        ..
    } = c;
    let tbody = NodeRef::<html::Tbody>::new();
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
            request_animation_frame(move || web::soon(write_rows));
        }
    });
    (tbody, server_rows)
}

/// The table, its caption and its source line.
pub(super) fn view(
    c: Card,
    table_id: String,
    tbody: NodeRef<html::Tbody>,
    server_rows: String,
) -> impl IntoView {
    let Card {
        id, vm, table_open, ..
    } = c;
    let dom_id = id.id();
    view! {
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
    }
}
