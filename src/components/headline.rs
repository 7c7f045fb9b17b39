//! Headline figures as HTML text (not canvas): readable by everyone, selectable, translatable.
//! Which figures, and every word of them, come from the dataset (`headline`).

use super::tr;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let s = crate::state::app_state();
    // Markup made from the figures (escaped), like the tables: a list of views would bring its
    // own hydration code into the wasm for a few tiles of text.
    let tiles = move || crate::sources_html::headline_html(&s.data(), s.lang.get());
    view! {
        <section class="headline" aria-label=tr(s.lang, "Số liệu chính", "Key figures")>
            <ul inner_html=tiles></ul>
        </section>
    }
}
