//! Publishing: what changes, figure by figure (old → new), then the two files to upload, made in
//! the browser: the new `index.html` (the dataset block and the pre-rendered page from it, by the
//! build's own renderer, in the `publisher` wasm loaded only now) and `dataset.json`. Nothing is
//! sent anywhere; uploading the files is the whole update.

use super::{ed, open};
use crate::editor::changes::{self, Change};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// static/editor-boot.js: imports publisher.js on first use and calls its `publish`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = tccsPublish)]
    async fn tccs_publish(page: &str, json: &str) -> Result<JsValue, JsValue>;
}

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Closed,
    Review,
    Working,
    Ready { page: String, json: String },
    Failed(String),
}

async fn make_files(json: String) -> Result<(String, String), String> {
    let page = open::published_page().await.ok_or_else(|| {
        "Không đọc được index.html bên cạnh trình biên tập. / Could not read the index.html beside the editor.".to_string()
    })?;
    let page = tccs_publish(&page, &json).await.map_err(|e| {
        // The publisher's own message (bilingual), or why it could not be loaded.
        e.as_string().unwrap_or_else(|| {
            let why = e.dyn_ref::<js_sys::Error>().map_or_else(String::new, |e| String::from(e.message()));
            format!("Không tải được bộ xuất bản (publisher.js). / Could not load the publisher (publisher.js). {why}")
        })
    })?;
    let page = page.as_string().ok_or("publisher.js returned no page")?;
    Ok((page, json))
}

#[component]
pub fn Publish() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    let stage = RwSignal::new(Stage::Closed);
    // Any edit after the files were made makes them stale.
    Effect::new(move |_| {
        e.draft.track();
        stage.update(|s| {
            if matches!(s, Stage::Ready { .. } | Stage::Failed(_)) {
                *s = Stage::Review;
            }
        });
    });
    let summary = Memo::new(move |_| {
        e.base.with(|b| {
            e.draft
                .with(|d| b.as_ref().map(|b| changes::between(b, &d.value)))
        })
    });
    let errors = Memo::new(move |_| e.checked.with(|c| c.as_ref().err().map_or(0, Vec::len)));
    let make = move |_| {
        if errors.get_untracked() > 0 {
            return;
        }
        stage.set(Stage::Working);
        let json = e.draft.with_untracked(|d| d.value.to_json());
        leptos::task::spawn_local(async move {
            stage.set(match make_files(json).await {
                Ok((page, json)) => Stage::Ready { page, json },
                Err(m) => Stage::Failed(m),
            });
        });
    };
    let save = |text: String, name: &'static str, mime: &'static str| {
        move |_| {
            let _ = crate::web::download::save_text(&text, name, mime);
        }
    };
    let row = |c: Change| {
        let dash = || "—".to_string();
        view! {
            <tr>
                <th scope="row"><code>{c.place}</code></th>
                <td>{c.old.unwrap_or_else(dash)}</td>
                <td>{c.new.unwrap_or_else(dash)}</td>
            </tr>
        }
    };
    let review = move || {
        let lang = e.lang.get();
        let list = summary.get();
        view! {
            {match list {
                None => view! { <p>{lang.t("Chưa đọc được trang đã xuất bản để so sánh.", "The published page could not be read to compare with.")}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{lang.t("Không có thay đổi so với trang đã xuất bản.", "Nothing differs from the published page.")}</p> }.into_any(),
                Some(list) => {
                    let n = list.len();
                    view! {
                        <div class="table-scroll">
                            <table class="grid changes">
                                <caption>{lang.t(format!("{n} thay đổi so với trang đã xuất bản"), format!("{n} change(s) from the published page"))}</caption>
                                <thead><tr>
                                    <th scope="col">{lang.t("Chỗ", "Place")}</th>
                                    <th scope="col">{lang.t("Cũ", "Old")}</th>
                                    <th scope="col">{lang.t("Mới", "New")}</th>
                                </tr></thead>
                                <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
            {move || (errors.get() > 0).then(|| view! {
                <p class="cell-error" role="alert">{move || {
                    let n = errors.get();
                    e.lang.get().t(format!("Còn {n} lỗi: sửa hết rồi mới xuất bản được."), format!("{n} error(s) left: fix them all to publish."))
                }}</p>
            })}
            <button class="action primary" on:click=make disabled=move || { errors.get() > 0 || stage.get() == Stage::Working }>
                {t("Tạo tệp để tải lên", "Make the files to upload")}
            </button>
        }
    };
    let result = move || {
        match stage.get() {
        Stage::Working => Some(view! { <p role="status">{t("Đang tạo trang…", "Making the page…")}</p> }.into_any()),
        Stage::Failed(m) => Some(view! { <p class="cell-error" role="alert">{m}</p> }.into_any()),
        Stage::Ready { page, json } => Some(view! {
            <div class="ready" role="status">
                <p>{t("Đã tạo xong. Tải hai tệp này và tải lên máy chủ, thay cho tệp cũ cùng tên:", "Done. Download these two files and upload them to the host, replacing the files of the same name:")}</p>
                <div class="row-actions">
                    <button class="action primary" on:click=save(page, "index.html", "text/html;charset=utf-8")>{t("Tải index.html", "Download index.html")}</button>
                    <button class="action primary" on:click=save(json, "dataset.json", "application/json;charset=utf-8")>{t("Tải dataset.json", "Download dataset.json")}</button>
                </div>
                <p class="hint">{t(
                    "Nếu máy chủ có index.html.gz hoặc index.html.br, hãy xóa hai tệp đó (chúng là bản nén của trang cũ). Không cần dựng lại gì khác.",
                    "If the host has index.html.gz or index.html.br, delete them (they are compressed copies of the old page). Nothing else needs rebuilding.",
                )}</p>
            </div>
        }.into_any()),
        _ => None,
    }
    };
    view! {
        <section class="panel" aria-labelledby="h-publish">
            <h2 id="h-publish">{t("Xuất bản", "Publish")}</h2>
            {move || match stage.get() {
                Stage::Closed => view! {
                    <button class="action primary" on:click=move |_| stage.set(Stage::Review)>
                        {t("Xem thay đổi và xuất bản…", "Review the changes and publish…")}
                    </button>
                }.into_any(),
                _ => view! { <div>{review}{result}</div> }.into_any(),
            }}
        </section>
    }
}
