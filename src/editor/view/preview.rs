//! The live preview: the reader's own app, rendered from the draft, in frames at a phone's and a
//! desktop's width. Each frame is this page (`#preview`) reading the draft from `localStorage`,
//! and it follows every change through the `storage` event (fired in the other documents of
//! the origin when the editor writes the draft).

use super::{ed, store};
use crate::components::App;
use crate::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The app on screen and the data it shows (kept: a new draft replaces it).
    static SHOWN: RefCell<Option<(leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>, String)>> = const { RefCell::new(None) };
}

/// Renders the draft, if it is valid and not already shown. An invalid draft leaves the last
/// valid one on screen with a note (the editor says what is wrong, next to each cell).
fn show(root: &web_sys::HtmlElement, note: &web_sys::Element) {
    let Some((text, _)) = store::read() else {
        note.set_text_content(Some("Chưa có bản nháp. / No draft yet."));
        return;
    };
    if SHOWN.with(|s| s.borrow().as_ref().is_some_and(|(_, t)| *t == text)) {
        return;
    }
    match crate::web::block_reader::parse(&text) {
        Ok(ds) => {
            note.set_text_content(None);
            // Unmounting the previous version disposes its owner, and with it the state made
            // inside it: its signals and its dataset. One version is held at a time, so the
            // frame's memory stays flat over an afternoon of edits.
            SHOWN.with(|s| s.borrow_mut().take());
            root.set_inner_html("");
            let ds = Arc::new(ds);
            let handle = leptos::mount::mount_to(root.clone(), move || {
                provide_context(AppState::new(ds));
                view! { <App/> }.into_any()
            });
            SHOWN.with(|s| *s.borrow_mut() = Some((handle, text)));
        }
        Err(errors) => {
            note.set_text_content(Some(&format!(
                "Bản nháp có {n} lỗi; đang xem bản hợp lệ gần nhất. / The draft has {n} error(s); showing the last valid version.",
                n = errors.len()
            )));
        }
    }
}

/// The preview frame's entry point.
pub fn start_frame() {
    use wasm_bindgen::JsCast;
    let doc = document();
    let Some(body) = doc.body() else { return };
    let _ = body.class_list().add_1("preview-frame");
    let note = doc.create_element("p").expect("p");
    note.set_class_name("preview-note");
    let _ = note.set_attribute("role", "status");
    let root: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    let _ = body.append_child(&note);
    let _ = body.append_child(&root);
    show(&root, &note);
    let pending = std::rc::Rc::new(std::cell::Cell::new(None::<TimeoutHandle>));
    let on_storage = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
        move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() != Some(store::DRAFT) {
                return;
            }
            // Typing writes the draft on every key: render once it pauses.
            if let Some(h) = pending.take() {
                h.clear();
            }
            let (root, note) = (root.clone(), note.clone());
            pending.set(
                set_timeout_with_handle(
                    move || show(&root, &note),
                    std::time::Duration::from_millis(250),
                )
                .ok(),
            );
        },
    );
    let _ =
        window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget(); // for the frame's life
}

/// The preview panel of the editor.
#[component]
pub fn Preview() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    let desktop = RwSignal::new(false);
    let src = format!(
        "{}#preview",
        window().location().pathname().unwrap_or_default()
    );
    view! {
        <section class="panel preview" aria-labelledby="h-preview">
            <h2 id="h-preview">{t("Xem trước (như người đọc thấy)", "Preview (as readers see it)")}</h2>
            <div class="segmented" role="group" aria-label=t("Độ rộng", "Width")>
                <button aria-pressed=move || (!desktop.get()).to_string() on:click=move |_| desktop.set(false)>
                    {t("Điện thoại (390 px)", "Phone (390 px)")}
                </button>
                <button aria-pressed=move || desktop.get().to_string() on:click=move |_| desktop.set(true)>
                    {t("Máy tính (1280 px)", "Desktop (1280 px)")}
                </button>
            </div>
            <div class="frame-scroll">
                <iframe
                    class="preview-frame"
                    class:desktop=move || desktop.get()
                    src=src
                    title=t("Xem trước trang với bản nháp", "Preview of the page with the draft")
                ></iframe>
            </div>
        </section>
    }
}
