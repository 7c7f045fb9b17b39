//! Downloads and clipboard: everything happens in the browser (there is no server). Files are Blobs
//! handed to a temporary `<a download>`; PNG is the chart re-drawn at 2× with its caption on an
//! off-screen canvas, SVG the same drawing through plotters' SVG backend. The clipboard gets the
//! table as TSV and as an HTML table with its citation, the picture as PNG, or the citation.

use crate::charts::{draw, to_svg, ChartVm, DrawOpts, Theme};
use crate::components::{tr, AppState};
use crate::export::{self, Dialect};
use crate::i18n::Lang;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn save_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_class_name("sr-only");
    document().body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: some browsers read the URL after click() returns.
    let u = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Saves text as a file.
pub fn save_text(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    save_blob(&blob, name)
}

/// The chart drawn at 2× with title, subtitle and source on an off-screen canvas: the picture
/// the PNG download saves and "copy picture" puts on the clipboard.
fn picture(vm: &ChartVm, lang: Lang) -> Result<web_sys::HtmlCanvasElement, JsValue> {
    let css_w = 720.0;
    let css_h = vm.export_height(css_w);
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    canvas.set_width((css_w * 2.0) as u32);
    canvas.set_height((css_h * 2.0) as u32);
    let backend = super::canvas::Canvas::new(&canvas).ok_or("no 2d context")?;
    draw(
        &backend.into_drawing_area(),
        vm,
        &Theme::new(2.0, false),
        lang,
        DrawOpts {
            highlight: None,
            caption: true,
        },
    )
    .map_err(|e| JsValue::from_str(&e))?;
    Ok(canvas)
}

/// Draws the chart at 2× with title, subtitle and source, and saves it as PNG.
pub fn save_png(vm: &ChartVm, lang: Lang, name: &str) -> Result<(), JsValue> {
    let canvas = picture(vm, lang)?;
    let name = name.to_string();
    let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(b) = blob {
            let _ = save_blob(&b, &name);
        }
    });
    canvas.to_blob(cb.unchecked_ref())
}

/// The asynchronous clipboard, where the browser has one (only secure contexts do).
fn clipboard() -> Option<web_sys::Clipboard> {
    let c = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")).ok()?;
    (!c.is_undefined() && !c.is_null()).then(|| c.unchecked_into())
}

/// Reports whether a clipboard write worked (the browser may refuse: no permission, page not
/// focused, no clipboard): a refusal is a message to the user, never an unhandled rejection.
fn report_write(promise: js_sys::Promise, done: impl FnOnce(bool) + 'static) {
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Writes text to the clipboard.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    match clipboard() {
        Some(c) => report_write(c.write_text(text), done),
        None => done(false),
    }
}

/// Writes one clipboard item in several forms at once (`text/plain` and `text/html`, or
/// `image/png`), each a Blob or a promise of one: the program pasted into takes the richest form
/// it reads.
fn copy_item(parts: &[(&str, JsValue)], done: impl FnOnce(bool) + 'static) {
    let Some(c) = clipboard() else {
        return done(false);
    };
    let record = js_sys::Object::new();
    for (mime, v) in parts {
        let _ = js_sys::Reflect::set(&record, &JsValue::from_str(mime), v);
    }
    // The constructor throws where ClipboardItem does not exist (older browsers): caught.
    match web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record) {
        Ok(item) => report_write(c.write(&js_sys::Array::of1(&item)), done),
        Err(_) => done(false),
    }
}

fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &opts)
}

/// Whether the browser says it can put `mime` on the clipboard (`ClipboardItem.supports`; a
/// browser without the question is asked by trying).
fn clipboard_supports(mime: &str) -> bool {
    let Ok(class) = js_sys::Reflect::get(&window(), &JsValue::from_str("ClipboardItem")) else {
        return false;
    };
    if class.is_undefined() {
        return false;
    }
    match js_sys::Reflect::get(&class, &JsValue::from_str("supports"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        Some(f) => f
            .call1(&class, &JsValue::from_str(mime))
            .is_ok_and(|v| v.is_truthy()),
        None => true,
    }
}

/// Puts the chart's picture (the PNG download's) on the clipboard. The clipboard is given the
/// promise of the PNG at once, so the browser still counts the click as the reason to write.
fn copy_picture(vm: &ChartVm, lang: Lang, done: impl FnOnce(bool) + 'static) {
    if !clipboard_supports("image/png") {
        return done(false);
    }
    let Ok(canvas) = picture(vm, lang) else {
        return done(false);
    };
    let png = js_sys::Promise::new(&mut |resolve, reject| {
        let fail = reject.clone();
        let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let _ = match blob {
                Some(b) => resolve.call1(&JsValue::NULL, &b),
                None => fail.call0(&JsValue::NULL),
            };
        });
        if canvas.to_blob(cb.unchecked_ref()).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    copy_item(&[("image/png", png.into())], done);
}

/// The action bar of a chart card.
pub fn actions(s: AppState, vm: RwSignal<ChartVm>) -> impl IntoView {
    let lang = s.lang;
    let status = RwSignal::new(String::new());
    let id = vm.with_untracked(|v| v.id);
    let stem = move || export::file_stem(s.ds, Some(id), s.range.get_untracked());
    let table =
        move || export::chart_table(s.ds, id, s.range.get_untracked(), lang.get_untracked());
    let done = move |r: Result<(), JsValue>, ok_vi: &'static str, ok_en: &'static str| {
        let l = lang.get_untracked();
        status.set(match r {
            Ok(()) => l.t(ok_vi, ok_en).to_string(),
            Err(_) => l
                .t("Không tải được tệp.", "The file could not be saved.")
                .to_string(),
        });
    };
    // CSV and Excel CSV differ only in dialect and name.
    let table_file = move |dialect: Dialect, suffix: &str, vi: &'static str, en: &'static str| {
        let name = format!("{}{suffix}.csv", stem());
        done(
            save_text(&table().write(dialect), &name, "text/csv;charset=utf-8"),
            vi,
            en,
        )
    };
    let csv = move |_| table_file(Dialect::Standard, "", "Đã tải CSV.", "CSV saved.");
    let excel = move |_| {
        table_file(
            Dialect::ExcelVi,
            "_excel",
            "Đã tải CSV cho Excel.",
            "Excel CSV saved.",
        )
    };
    let json = move |_| {
        done(
            save_text(
                &export::json(s.ds, Some(id), s.range.get_untracked()),
                &format!("{}.json", stem()),
                "application/json",
            ),
            "Đã tải JSON.",
            "JSON saved.",
        )
    };
    let png = move |_| {
        done(
            vm.with_untracked(|v| save_png(v, lang.get_untracked(), &format!("{}.png", stem()))),
            "Đang tạo PNG…",
            "Saving PNG…",
        )
    };
    let svg = move |_| {
        let r = vm.with_untracked(|v| {
            to_svg(
                v,
                lang.get_untracked(),
                720,
                v.export_height(720.0) as u32,
                false,
            )
        });
        done(
            r.map_err(|e| JsValue::from_str(&e))
                .and_then(|t| save_text(&t, &format!("{}.svg", stem()), "image/svg+xml")),
            "Đã tải SVG.",
            "SVG saved.",
        )
    };
    let copied = move |ok: bool, vi: &'static str, en: &'static str| {
        let l = lang.get_untracked();
        let refused = l.t(
            "Trình duyệt không cho chép; hãy dùng bảng số liệu.",
            "The browser refused to copy; use the data table.",
        );
        status.set(if ok { l.t(vi, en) } else { refused }.to_string());
    };
    let view_url = move || {
        super::url_for(&crate::state::to_query(
            &s.view.get_untracked(),
            s.ds.bounds(),
        ))
    };
    let cite =
        move || vm.with_untracked(|v| export::citation(s.ds, v, lang.get_untracked(), &view_url()));
    // Both forms: cells for Excel (text/plain, TSV) and a real table with its citation for Word,
    // LibreOffice and Google Docs (text/html).
    let copy_table = move |_| {
        let l = lang.get_untracked();
        let tsv = table().write(Dialect::Tsv {
            decimal_comma: l == Lang::Vi,
        });
        let (html, rows) =
            vm.with_untracked(|v| (export::clipboard_html(v, &cite()), v.data.len()));
        let parts =
            text_blob(&tsv, "text/plain").and_then(|p| Ok((p, text_blob(&html, "text/html")?)));
        let done = move |ok: bool| {
            status.set(if ok {
                l.t(
                    format!("Đã chép bảng {rows} dòng, kèm nguồn (dán vào Word, Excel, Zalo)."),
                    format!("Copied the table, {rows} rows with the source (paste into Word, Excel, Zalo)."),
                )
            } else {
                l.t(
                    "Trình duyệt không cho chép bảng; hãy dùng bảng số liệu hoặc tải CSV.",
                    "The browser refused to copy the table; use the data table or the CSV.",
                )
                .to_string()
            })
        };
        match parts {
            Ok((plain, rich)) => copy_item(
                &[("text/plain", plain.into()), ("text/html", rich.into())],
                done,
            ),
            Err(_) => done(false),
        }
    };
    let copy_picture = move |_| {
        let l = lang.get_untracked();
        vm.with_untracked(|v| {
            copy_picture(v, l, move |ok| {
                status.set(
                    if ok {
                        l.t("Đã chép hình, kèm nguồn.", "Picture copied, with its source.")
                    } else {
                        l.t(
                            "Trình duyệt này không chép được hình; hãy dùng nút “Ảnh PNG” để tải về.",
                            "This browser cannot copy pictures; use “PNG image” to download it.",
                        )
                    }
                    .to_string(),
                )
            })
        });
    };
    let copy_citation = move |_| {
        copy_text(&cite(), move |ok| {
            copied(ok, "Đã chép trích dẫn.", "Citation copied.")
        })
    };
    let copy_link = move |_| {
        copy_text(&view_url(), move |ok| {
            copied(ok, "Đã chép đường dẫn.", "Link copied.")
        });
    };
    // One list of one kind of button (each handler boxed): a tuple of nine buttons with nine
    // closure types made nine copies of the button's render and hydrate code (~3 KB gzip).
    type Handler = Box<dyn Fn(web_sys::MouseEvent)>;
    let buttons: [(&str, &str, &str, Handler); 9] = [
        ("dl-csv", "CSV", "CSV", Box::new(csv)),
        (
            "dl-excel",
            "CSV cho Excel (;)",
            "Excel CSV (;)",
            Box::new(excel),
        ),
        ("dl-json", "JSON", "JSON", Box::new(json)),
        ("dl-png", "Ảnh PNG", "PNG image", Box::new(png)),
        ("dl-svg", "Ảnh SVG", "SVG image", Box::new(svg)),
        (
            "copy-table",
            "Chép bảng",
            "Copy table",
            Box::new(copy_table),
        ),
        (
            "copy-picture",
            "Sao chép hình",
            "Copy picture",
            Box::new(copy_picture),
        ),
        (
            "copy-citation",
            "Chép trích dẫn",
            "Copy citation",
            Box::new(copy_citation),
        ),
        (
            "copy-link",
            "Chép đường dẫn",
            "Copy link",
            Box::new(copy_link),
        ),
    ];
    let buttons = buttons
        .into_iter()
        .map(|(cls, vi, en, f)| {
            view! { <button class=cls on:click=f>{move || lang.get().t(vi, en)}</button> }
        })
        .collect_view();
    view! {
        <details class="downloads">
            <summary>{tr(lang, "Tải về / chép", "Download / copy")}</summary>
            <div class="download-buttons">{buttons}</div>
            <p class="status" role="status">{move || status.get()}</p>
        </details>
    }
}

/// Downloads of the whole dataset: the yearly series for the selected years (CSV, Excel CSV),
/// every other figure (CSV), and everything as JSON with sentences and audit.
pub fn dataset_actions(s: AppState) -> impl IntoView {
    let lang = s.lang;
    let status = RwSignal::new(String::new());
    let range = move || s.range.get_untracked();
    let report = move |r: Result<(), JsValue>| {
        let l = lang.get_untracked();
        status.set(
            if r.is_ok() {
                l.t("Đã tải.", "Saved.")
            } else {
                l.t("Không tải được tệp.", "The file could not be saved.")
            }
            .to_string(),
        );
    };
    let csv = "text/csv;charset=utf-8";
    let yearly = move |dialect: Dialect, suffix: &str| {
        let (t, _) = export::dataset_tables(s.ds, range(), lang.get_untracked());
        report(save_text(
            &t.write(dialect),
            &format!("{}{suffix}.csv", export::file_stem(s.ds, None, range())),
            csv,
        ));
    };
    let figures = move |_| {
        let (_, t) = export::dataset_tables(s.ds, range(), lang.get_untracked());
        report(save_text(
            &t.write(Dialect::Standard),
            &export::figures_file_name(s.ds),
            csv,
        ));
    };
    let json = move |_| {
        report(save_text(
            &export::json(s.ds, None, range()),
            &format!("{}.json", export::file_stem(s.ds, None, range())),
            "application/json",
        ))
    };
    view! {
        <section class="all-data" aria-labelledby="all-data-title">
            <h2 id="all-data-title">{tr(lang, "Toàn bộ dữ liệu", "All the data")}</h2>
            <div class="download-buttons">
                <button class="all-csv" on:click=move |_| yearly(Dialect::Standard, "")>
                    {tr(lang, "CSV: số liệu theo năm đã chọn", "CSV: yearly series, selected years")}
                </button>
                <button class="all-excel" on:click=move |_| yearly(Dialect::ExcelVi, "_excel")>
                    {tr(lang, "CSV cho Excel (;): theo năm", "Excel CSV (;): yearly series")}
                </button>
                <button class="all-figures" on:click=figures>
                    {tr(lang, "CSV: các số liệu khác", "CSV: all other figures")}
                </button>
                <button class="all-json" on:click=json>
                    {tr(lang, "JSON: toàn bộ, kèm nguồn", "JSON: everything, with sources")}
                </button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}
