//! The Sources view: HTML built by [`crate::sources_html::sources_html`] for the language. The build's
//! render and the editor's preview make it themselves; the reader asks its on-demand `details`
//! wasm (the page is long, static text, needed only on this tab: out of the first load).

use super::tr;
use leptos::prelude::*;

#[component]
pub fn Sources() -> impl IntoView {
    let s = crate::state::app_state();
    #[cfg(any(feature = "ssr", feature = "editor"))]
    let html = move || crate::sources_html::sources_html(&s.data(), s.lang.get());
    #[cfg(not(any(feature = "ssr", feature = "editor")))]
    let html = {
        let text = RwSignal::new(None::<(crate::text::lang::Lang, String)>);
        Effect::new(move |_| {
            let lang = s.lang.get();
            crate::web::details(
                if lang == crate::text::lang::Lang::En {
                    "sources_en"
                } else {
                    "sources_vi"
                },
                "",
                move |html| {
                    let failed = lang.t(
                        "<p role=\"alert\">Không tải được trang nguồn; hãy tải lại trang.</p>",
                        "<p role=\"alert\">The sources page could not be loaded; reload the page.</p>",
                    );
                    text.set(Some((lang, html.unwrap_or_else(|| failed.into()))));
                },
            );
        });
        move || {
            text.with(|t| match t {
                Some((l, h)) if *l == s.lang.get() => h.clone(),
                _ => String::new(),
            })
        }
    };
    let loading = move || html().is_empty();
    view! {
        <p class="loading" hidden=move || !loading()>{tr(s.lang, "Đang tải trang nguồn…", "Loading the sources page…")}</p>
        <section class="sources" inner_html=html></section>
    }
}
