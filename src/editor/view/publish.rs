//! Publishing: what changes, figure by figure (old → new), the reason readers will read, and for a
//! changed figure its quote does not write, the choice between a new source and a correction of
//! the source. Then the files to upload, made in the browser: the new `index.html` (the dataset
//! block and the pre-rendered page from it, by the build's own renderer, in the `publisher` wasm
//! loaded only now), `dataset.json` with the new entry of its public history, the link-preview
//! picture and the two CSVs the page's metadata lists, packed into one archive with fresh `.gz`
//! and `.br` copies of the text files (src/archive.rs, in the publisher wasm). Nothing is sent
//! anywhere; extracting the archive over the site folder is the whole update.

use super::live_check::LiveCheck;
use super::store::{self, Published};
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
    /// static/editor-boot.js: the publisher's `pack` (src/archive.rs): names, their bytes
    /// (`Uint8Array`s), the date; the archive's bytes.
    #[wasm_bindgen(catch, js_namespace = window, js_name = tccsPack)]
    async fn tccs_pack(
        names: js_sys::Array,
        contents: js_sys::Array,
        date: &str,
    ) -> Result<JsValue, JsValue>;
}

/// The text files a publication changes, at their paths in the site folder, with their text:
/// the page, the data file and the CSVs the page's metadata lists. What the archive holds (with
/// the picture), and what "Check the live site" compares.
fn text_files(page: &str, json: &str, ds: &crate::data::Dataset) -> Vec<(String, String)> {
    let mut files = vec![
        ("index.html".to_string(), page.to_string()),
        ("dataset.json".to_string(), json.to_string()),
    ];
    files.extend(crate::share::csv_files(ds));
    files
}

/// The link-preview picture of the published data, drawn on a canvas.
fn preview_picture(ds: &crate::data::Dataset) -> Result<web_sys::HtmlCanvasElement, JsValue> {
    let vm = crate::share::preview_chart(ds);
    crate::web::download::picture_at(&vm, crate::text::lang::Lang::Vi, crate::share::PREVIEW_SIZE)
}

/// Every file a publication changes, at its path in the site folder: the text files and the
/// link-preview picture.
async fn publication_files(
    page: &str,
    json: &str,
    ds: &crate::data::Dataset,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let picture = preview_picture(ds).map_err(|_| "preview.png")?;
    let png = crate::web::download::canvas_png(picture)
        .await
        .map_err(|_| "preview.png")?;
    let mut files: Vec<(String, Vec<u8>)> = text_files(page, json, ds)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    files.push((crate::share::PREVIEW.to_string(), png));
    Ok(files)
}

/// The publication as one archive (src/archive.rs), made by the publisher wasm.
async fn archive_of(files: Vec<(String, Vec<u8>)>, date: &str) -> Result<Vec<u8>, String> {
    let (names, contents) = (js_sys::Array::new(), js_sys::Array::new());
    for (name, bytes) in &files {
        names.push(&JsValue::from_str(name));
        contents.push(&js_sys::Uint8Array::from(bytes.as_slice()));
    }
    let zip = tccs_pack(names, contents, date)
        .await
        .map_err(|_| "publisher.js (pack)".to_string())?;
    Ok(js_sys::Uint8Array::new(&zip).to_vec())
}

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Closed,
    Review,
    Working,
    Ready {
        page: String,
        json: String,
        /// The published data, for the picture and the CSVs.
        ds: std::sync::Arc<crate::data::Dataset>,
    },
    Failed(String),
}

/// Today in the browser's time zone, as the data file writes dates (2026-12-02).
fn today_iso() -> String {
    crate::web::today(crate::text::lang::Lang::En)
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
    // The last publication made in this browser, for "Check the live site" (also after a reload).
    let published = RwSignal::new(store::read_published());
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
                .with(|d| b.as_ref().map(|b| changes::published(b, &d.value)))
        })
    });
    let errors = Memo::new(move |_| e.checked.with(|c| c.as_ref().err().map_or(0, Vec::len)));
    let (reason_vi, reason_en) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // Places staff marked as corrections of their source.
    let corrections = RwSignal::new(Vec::<String>::new());
    // The changed figures whose quote does not write them: (place, what readers would read).
    let unexplained = Memo::new(move |_| {
        let changed: Vec<String> =
            summary.with(|s| s.iter().flatten().map(|c| c.place.clone()).collect());
        e.checked.with(|c| match c {
            Ok(ds) => crate::data::audit::quote_diffs(ds)
                .into_iter()
                .filter(|d| d.correction.is_none())
                .map(|d| (d.of.place().name(), d.words(ds, e.lang.get())))
                .filter(|(p, _)| changed.contains(p))
                .collect(),
            Err(_) => Vec::new(),
        })
    });
    let make = move |_| {
        if errors.get_untracked() > 0 {
            return;
        }
        let Some(base) = e.base.get_untracked() else {
            return;
        };
        let places: Vec<String> =
            unexplained.with_untracked(|u| u.iter().map(|(p, _)| p.clone()).collect());
        let next = e.draft.with_untracked(|d| {
            changes::with_revision(
                &base,
                &d.value,
                &today_iso(),
                (&reason_vi.get_untracked(), &reason_en.get_untracked()),
                &corrections.get_untracked(),
                &places,
            )
        });
        let next = match next {
            Ok(v) => v,
            Err(mut refusal) => {
                let l = e.lang.get_untracked();
                // The places in the staff's words, as the list of changes names them.
                if let changes::Refusal::Unexplained(places) = &mut refusal {
                    e.checked.with_untracked(|d| {
                        for p in places.iter_mut() {
                            *p = super::places::place_words(p, d.as_ref().ok(), l);
                        }
                    });
                }
                stage.set(Stage::Failed(refusal.words(l)));
                return;
            }
        };
        let ds = match crate::data::checked(&next) {
            Ok(ds) => std::sync::Arc::new(ds),
            Err(errs) => {
                let l = e.lang.get_untracked();
                let m: Vec<String> = errs.iter().map(|x| x.message(l)).collect();
                stage.set(Stage::Failed(m.join(" ")));
                return;
            }
        };
        stage.set(Stage::Working);
        let json = next.to_json();
        leptos::task::spawn_local(async move {
            stage.set(match make_files(json).await {
                Ok((page, json)) => {
                    // What the live site must show once the files are up: each text file's
                    // fingerprint (the picture is not compared: browsers encode it each their way).
                    let files = text_files(&page, &json, &ds)
                        .into_iter()
                        .map(|(name, text)| (name, crate::data::block::fingerprint(&text)))
                        .collect();
                    let p = Published {
                        date: today_iso(),
                        files,
                    };
                    store::write_published(&p);
                    published.set(Some(p));
                    Stage::Ready { page, json, ds }
                }
                Err(m) => Stage::Failed(m),
            });
        });
    };
    let save = |text: String, name: &str, mime: &'static str| {
        let name = name.to_string();
        move |_| {
            let _ = crate::web::download::save_text(&text, &name, mime);
        }
    };
    // Each place in the staff's words (year, column, figure label), its id beside it.
    let row = move |c: Change| {
        let dash = || "—".to_string();
        let words = e
            .checked
            .with(|d| super::places::place_words(&c.place, d.as_ref().ok(), e.lang.get()));
        view! {
            <tr>
                <th scope="row">{words}<br/><code class="place-id">{c.place}</code></th>
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
            <div class="fields">
                <label for="reason-vi">{move || e.lang.get().t("Lý do cập nhật (một câu, bắt buộc; người đọc sẽ thấy)", "Why the data changes (one sentence, required; readers see it)")}</label>
                <input id="reason-vi" type="text" lang="vi" prop:value=move || reason_vi.get() on:input=move |ev| reason_vi.set(event_target_value(&ev))/>
                <label for="reason-en">{move || e.lang.get().t("Lý do bằng tiếng Anh (không bắt buộc)", "The reason in English (optional)")}</label>
                <input id="reason-en" type="text" lang="en" prop:value=move || reason_en.get() on:input=move |ev| reason_en.set(event_target_value(&ev))/>
            </div>
            {move || {
                let list = unexplained.get();
                (!list.is_empty()).then(|| view! {
                    <div class="unexplained" role="group" aria-labelledby="h-unexplained">
                        <h3 id="h-unexplained">{e.lang.get().t("Số mới khác câu trích dẫn", "New values their quote does not write")}</h3>
                        <p class="hint">{e.lang.get().t(
                            "Với mỗi số dưới đây: hoặc đổi nguồn (trong bảng số liệu, chọn tài liệu mới và chép câu ghi số mới), hoặc đánh dấu là đính chính nguồn. Người đọc sẽ thấy đó là loại nào.",
                            "For each value below: either give it a new source (in the table, choose the new document and copy the sentence that writes it), or mark it as a correction of the source. Readers see which of the two it is.",
                        )}</p>
                        <ul>
                            {list.into_iter().map(|(place, words)| {
                                let p = place.clone();
                                let toggle = move |ev: leptos::ev::Event| {
                                    let on = event_target_checked(&ev);
                                    corrections.update(|c| {
                                        c.retain(|x| *x != p);
                                        if on {
                                            c.push(p.clone());
                                        }
                                    });
                                };
                                let checked = corrections.with_untracked(|c| c.contains(&place));
                                view! {
                                    <li>
                                        <p>{words}</p>
                                        <label>
                                            <input type="checkbox" data-place=place prop:checked=checked on:change=toggle/>
                                            {e.lang.get().t(" Đánh dấu là đính chính nguồn (câu trích dẫn giữ nguyên)", " Mark as a correction of the source (the quote stays as it is)")}
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
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
        Stage::Ready { page, json, ds } => Some(view! {
            <div class="ready" role="status">
                {
                    let date = today_iso();
                    let name = crate::archive::file_name(&ds.article.slug, &date);
                    let (page, json, ds) = (page.clone(), json.clone(), ds.clone());
                    let packed = RwSignal::new(None::<Result<String, String>>);
                    let label = name.clone();
                    let pack = move |_| {
                        let (page, json, ds, date, name) = (page.clone(), json.clone(), ds.clone(), date.clone(), name.clone());
                        packed.set(None);
                        leptos::task::spawn_local(async move {
                            let made = match publication_files(&page, &json, &ds).await {
                                Ok(files) => archive_of(files, &date).await,
                                Err(what) => Err(what.to_string()),
                            };
                            packed.set(Some(made.and_then(|zip| {
                                crate::web::download::save_bytes(&zip, &name, "application/zip")
                                    .map(|()| name.clone())
                                    .map_err(|_| name.clone())
                            })));
                        });
                    };
                    view! {
                        <p>{t(
                            "Đã tạo xong. Tải một tệp nén này về, rồi giải nén vào thư mục của trang trên máy chủ, ghi đè các tệp cũ cùng tên. Chỉ vậy là xong.",
                            "Done. Download this one archive, then extract it into the site's folder on the host, replacing the files of the same name. That is the whole update.",
                        )}</p>
                        <button class="action primary download-archive" on:click=pack>
                            {move || format!("{} {label}", e.lang.get().t("Tải", "Download"))}
                        </button>
                        <p class="status" role="status">{move || packed.get().map(|r| match r {
                            Ok(n) => e.lang.get().t(format!("Đã tải {n}."), format!("Downloaded {n}.")),
                            Err(what) => e.lang.get().t(format!("Không tạo được tệp nén ({what})."), format!("The archive could not be made ({what})."))
                        })}</p>
                    }
                }
                <details class="single-files">
                    <summary>{t("Từng tệp riêng (cho máy chủ chỉ nhận từng tệp một)", "The files one by one (for a host that takes single files only)")}</summary>
                    <div class="row-actions">
                        <button class="action" on:click=save(page, "index.html", "text/html;charset=utf-8")>{t("Tải index.html", "Download index.html")}</button>
                        <button class="action" on:click=save(json, "dataset.json", "application/json;charset=utf-8")>{t("Tải dataset.json", "Download dataset.json")}</button>
                        <button class="action" on:click={
                            let ds = ds.clone();
                            move |_| {
                                let _ = preview_picture(&ds).and_then(|c| crate::web::download::save_canvas(c, crate::share::PREVIEW));
                            }
                        }>{t("Tải preview.png (ảnh xem trước khi chia sẻ)", "Download preview.png (the link-preview picture)")}</button>
                        {crate::share::csv_files(&ds).into_iter().map(|(name, text)| {
                            let label = format!("{} {name}", e.lang.get_untracked().t("Tải", "Download"));
                            view! { <button class="action" on:click=save(text, &name, "text/csv;charset=utf-8")>{label}</button> }
                        }).collect_view()}
                    </div>
                    <p class="hint">{t(
                        "Tải lên từng tệp, thay tệp cũ cùng tên; rồi xóa trên máy chủ mọi tệp .gz và .br của chúng (vd. index.html.gz, index.html.br, dataset.json.gz…): đó là bản nén của bản cũ, máy chủ sẽ gửi chúng thay cho tệp mới.",
                        "Upload each file over the old one of the same name; then delete from the host every .gz and .br copy of them (e.g. index.html.gz, index.html.br, dataset.json.gz…): they are compressed copies of the old version, and the host would send them instead of the new files.",
                    )}</p>
                </details>
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
            <LiveCheck published=published/>
        </section>
    }
}
