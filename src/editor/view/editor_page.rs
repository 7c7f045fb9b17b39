//! The editor page: toolbar (language, undo/redo, open a file, discard the draft), messages,
//! the list of errors, the sections, the paste panel, the preview and the publish step.

use super::field::new_id;
use super::paste_panel::PastePanel;
use super::preview::Preview;
use super::publish::Publish;
use super::sections::Sections;
use super::yearly::Yearly;
use super::{ed, open, store, Ed, Msg};
use crate::data::block;
use crate::data::tree::Value;
use crate::editor::draft::Draft;
use crate::text::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the editor: the kept draft if there is one, else the page's own dataset. The published
/// page is always read too: the change summary compares with it.
pub fn start() {
    let kept =
        store::read().and_then(|(text, at)| open::parse(&text, "draft").ok().map(|v| (v, at)));
    let ed = Ed::new(kept.as_ref().map_or(Value::Null, |(v, _)| v.clone()));
    if let Some((_, at)) = &kept {
        let (vi, en) = (store::when(at, Lang::Vi), store::when(at, Lang::En));
        ed.msg.set(Some(Msg::info(
            format!("Đã mở lại bản nháp lưu trong trình duyệt ({vi}). Chưa xuất bản thì trang của người đọc chưa đổi."),
            format!("Your draft kept in this browser ({en}) is open again. Readers see no change until it is published."),
        )));
    }
    // Mounting starts Leptos' executor: effects and tasks come after it.
    leptos::mount::mount_to_body(move || {
        provide_context(ed);
        view! { <EditorPage/> }
    });
    load(ed);
}

/// Keeps the draft in storage, and reads the published page (the base of the change summary;
/// the draft too when none was kept).
fn load(ed: Ed) {
    // The draft, written on every change (skipped while nothing is open yet).
    Effect::new(move |_| {
        let json = ed
            .draft
            .with(|d| (d.value != Value::Null).then(|| d.value.to_json()));
        if let Some(json) = json {
            ed.saved.set(store::write(&json));
        }
    });
    leptos::task::spawn_local(async move {
        let published = open::published_page().await;
        let block = published
            .as_deref()
            .and_then(block::read)
            .map(str::to_string);
        match block.map(|b| open::parse(&b, "index.html")) {
            Some(Ok(v)) => {
                ed.base.set(Some(v.clone()));
                if ed.draft.with_untracked(|d| d.value == Value::Null) {
                    ed.draft.set(Draft::new(v));
                }
            }
            Some(Err(m)) => ed.msg.set(Some(m)),
            None if ed.draft.with_untracked(|d| d.value == Value::Null) => ed.msg.set(Some(Msg::alert(
                "Không đọc được dữ liệu của index.html bên cạnh trình biên tập. Hãy mở tệp dataset.json (nút “Mở tệp” hoặc kéo thả vào trang).",
                "Could not read the data of the index.html beside the editor. Open a dataset.json file (the “Open a file” button, or drop it on the page).",
            ))),
            None => {}
        }
    });
}

/// Opens a chosen or dropped file as the draft (one undo step), or says why not.
fn open_file(e: Ed, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let Some(text) = open::file_text(&file).await else {
            e.msg.set(Some(Msg::alert(
                format!("Không đọc được “{name}”."),
                format!("Could not read “{name}”."),
            )));
            return;
        };
        match open::parse(&text, &name) {
            Ok(v) => {
                e.draft.update(|d| d.replace(v));
                e.msg.set(Some(Msg::info(
                    format!("Đã mở “{name}” làm bản nháp (Hoàn tác để quay lại bản trước)."),
                    format!("Opened “{name}” as the draft (Undo to go back to the previous one)."),
                )));
            }
            Err(m) => e.msg.set(Some(m)),
        }
    });
}

/// Moves focus to the cell a message is about (opening its section if it is folded).
fn focus_place(place: String) {
    let list = place
        .trim_start_matches("dataset.")
        .split(['.', '['])
        .next()
        .unwrap_or("")
        .to_string();
    let find = move || -> Option<web_sys::HtmlElement> {
        let all = document().query_selector_all("[data-place]").ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|el| el.get_attribute("data-place").as_deref() == Some(place.as_str()))
    };
    if let Some(el) = find() {
        let _ = el.focus();
        return;
    }
    if let Some(d) = document()
        .get_element_by_id(&format!("h-{list}"))
        .and_then(|h| h.closest("details").ok().flatten())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    {
        d.set_open(true);
        set_timeout(
            move || {
                if let Some(el) = find() {
                    let _ = el.focus();
                }
            },
            std::time::Duration::from_millis(60),
        );
    }
}

#[component]
fn Toolbar() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    let can_undo = Memo::new(move |_| e.draft.with(Draft::can_undo));
    let can_redo = Memo::new(move |_| e.draft.with(Draft::can_redo));
    let confirm = RwSignal::new(false);
    let file_id = new_id("file");
    let discard = move |_| {
        store::clear();
        let base = e.base.get_untracked();
        match base {
            Some(b) => e.draft.set(Draft::new(b)),
            None => e.draft.set(Draft::new(Value::Null)),
        }
        confirm.set(false);
        e.msg.set(Some(Msg::info(
            "Đã bỏ bản nháp; đang xem số liệu của trang đã xuất bản.",
            "The draft is discarded; these are the published page's figures.",
        )));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            open_file(e, f);
        }
        input.set_value("");
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=t("Công cụ", "Tools")>
            <button class="action" on:click=move |_| e.draft.update(|d| { d.undo(); }) disabled=move || !can_undo.get()
                aria-keyshortcuts="Control+Z">{t("Hoàn tác", "Undo")}</button>
            <button class="action" on:click=move |_| e.draft.update(|d| { d.redo(); }) disabled=move || !can_redo.get()
                aria-keyshortcuts="Control+Y">{t("Làm lại", "Redo")}</button>
            // The input itself takes the focus (keyboard: Tab, then Enter); the label beside it
            // is what is seen, and shows the focus ring.
            <input id=file_id.clone() class="sr-only file-input" type="file" accept=".json,application/json,.html,text/html" on:change=on_file/>
            <label class="action file" for=file_id>{t("Mở tệp…", "Open a file…")}</label>
            {move || if confirm.get() {
                view! {
                    <span class="confirm" role="group" aria-label=t("Bỏ bản nháp?", "Discard the draft?")>
                        <span>{t("Bỏ mọi thay đổi chưa xuất bản?", "Discard every unpublished change?")}</span>
                        <button class="action danger" on:click=discard>{t("Bỏ bản nháp", "Discard")}</button>
                        <button class="action" on:click=move |_| confirm.set(false)>{t("Giữ lại", "Keep it")}</button>
                    </span>
                }.into_any()
            } else {
                view! { <button class="action" on:click=move |_| confirm.set(true)>{t("Bỏ bản nháp…", "Discard the draft…")}</button> }.into_any()
            }}
            <button class="action lang" lang=move || e.lang.get().other().code()
                on:click=move |_| e.lang.update(|l| *l = l.other())>
                {move || e.lang.get().t("English", "Tiếng Việt")}
            </button>
        </div>
    }
}

#[component]
fn Messages() -> impl IntoView {
    let e = ed();
    view! {
        <div class="messages" aria-live="polite">
            {move || e.msg.get().map(|m| {
                let lang = e.lang.get();
                let text = if lang == Lang::Vi { m.vi.clone() } else { m.en.clone() };
                let details = m.details.iter().map(|(vi, en)| view! { <li>{if lang == Lang::Vi { vi.clone() } else { en.clone() }}</li> }).collect_view();
                view! {
                    <div class="msg" class:alert=m.alert role=if m.alert { "alert" } else { "status" }>
                        <p>{text}</p>
                        <ul>{details}</ul>
                        <button class="small" on:click=move |_| e.msg.set(None)>{e.t("Đã hiểu", "Dismiss")}</button>
                    </div>
                }
            })}
            {move || (!e.saved.get()).then(|| view! {
                <div class="msg alert" role="alert"><p>{e.t(
                    "Trình duyệt không cho lưu bản nháp (chế độ riêng tư hoặc hết chỗ): đừng đóng trang trước khi xuất bản.",
                    "The browser does not let the draft be kept (private mode, or storage full): do not close the page before publishing.",
                )}</p></div>
            })}
        </div>
    }
}

#[component]
fn Errors() -> impl IntoView {
    let e = ed();
    let errors = Memo::new(move |_| e.errors());
    view! {
        <section class="panel errors" aria-labelledby="h-errors">
            <h2 id="h-errors">{move || {
                let n = errors.with(Vec::len);
                if n == 0 {
                    e.lang.get().t("Không có lỗi: có thể xuất bản".to_string(), "No errors: ready to publish".to_string())
                } else {
                    e.lang.get().t(format!("{n} lỗi cần sửa"), format!("{n} error(s) to fix"))
                }
            }}</h2>
            <ul>
                {move || {
                    let lang = e.lang.get();
                    errors.get().into_iter().take(30).map(|err| {
                        let msg = err.message(lang);
                        match err.place() {
                            Some(p) => view! { <li><button class="link" on:click=move |_| focus_place(p.clone())>{msg}</button></li> }.into_any(),
                            None => view! { <li>{msg}</li> }.into_any(),
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn EditorPage() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    // The document follows the editor's language.
    Effect::new(move |_| {
        let l = e.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
        document().set_title(l.t(
            "Biên tập số liệu – Tổ chức cơ sở đảng",
            "Edit the figures – Grassroots Party organisations",
        ));
    });
    // Undo and redo from the keyboard, outside text fields (there the browser's own undo works).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_text {
            return;
        }
        let key = ev.key().to_lowercase();
        if key == "z" && !ev.shift_key() {
            ev.prevent_default();
            e.draft.update(|d| {
                d.undo();
            });
        } else if key == "y" || (key == "z" && ev.shift_key()) {
            ev.prevent_default();
            e.draft.update(|d| {
                d.redo();
            });
        }
    });
    // A file dropped anywhere on the page opens (the browser would otherwise navigate to it).
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            open_file(e, f);
        }
    });
    // Another tab or window of the editor wrote the draft: this one is stale, and its next
    // change would overwrite that work. Say so (reloading shows the other tab's draft).
    let other = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(store::DRAFT) {
            e.msg.set(Some(Msg::alert(
                "Bản nháp vừa được sửa ở một thẻ hoặc cửa sổ khác. Tải lại trang này để xem bản đó; sửa tiếp ở đây sẽ ghi đè lên nó.",
                "The draft was just changed in another tab or window. Reload this page to see it; editing on here would overwrite it.",
            )));
        }
    });
    on_cleanup(move || {
        other.remove();
        keys.remove();
        over.remove();
        drop.remove();
    });
    let loaded = Memo::new(move |_| e.draft.with(|d| d.value != Value::Null));
    view! {
        <div class="editor">
            <header class="editor-head" aria-label=t("Trình biên tập", "Editor")>
                <div>
                    <p class="kicker">{t("Dành cho cán bộ quản lý số liệu", "For the staff who own the figures")}</p>
                    <h1>{t("Biên tập số liệu", "Edit the figures")}</h1>
                </div>
                <Toolbar/>
            </header>
            <Messages/>
            <main class="editor-main" aria-label=t("Số liệu", "Figures")>
                {move || if loaded.get() {
                    view! {
                        <div class="editor-cols">
                            <div class="editor-work">
                                <Errors/>
                                <Yearly/>
                                <PastePanel/>
                                <Sections/>
                                <Publish/>
                            </div>
                            <div class="editor-side">
                                <Preview/>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! { <p class="loading" role="status">{t("Đang mở dữ liệu…", "Opening the data…")}</p> }.into_any()
                }}
            </main>
        </div>
    }
}
