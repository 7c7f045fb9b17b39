//! The Sources view: the page is HTML built by [`crate::sources::sources_html`] for the language.

use leptos::prelude::*;

#[component]
pub fn Sources() -> impl IntoView {
    let s = crate::state::app_state();
    view! { <section class="sources" inner_html=move || crate::sources::sources_html(&s.data(), s.lang.get())></section> }
}
