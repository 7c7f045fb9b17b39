//! Headline figures as HTML text (not canvas): readable by everyone, selectable, translatable.
//! Which figures, and every word of them, come from the dataset (`headline`).

use super::tr;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let s = super::app_state();
    let count = s.ds.headline.len();
    let tile = move |i: usize| {
        let tiles = move || crate::sources::headline_tiles(s.ds, s.lang.get());
        let part = move |pick: fn(&crate::sources::Tile) -> String| {
            move || tiles().get(i).map(pick).unwrap_or_default()
        };
        let quote = crate::sources::headline_tiles(s.ds, s.lang.get_untracked())
            .get(i)
            .map(|t| t.quote.to_string())
            .unwrap_or_default();
        view! {
            <li title=quote>
                <strong>{part(|t| t.value.clone())}</strong>
                <span>{part(|t| t.label.clone())}</span>
            </li>
        }
    };
    view! {
        <section class="headline" aria-label=tr(s.lang, "Số liệu chính", "Key figures")>
            <ul>{(0..count).map(tile).collect_view()}</ul>
        </section>
    }
}
