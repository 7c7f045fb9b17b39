//! Downloads and clipboard: everything happens in the browser (there is no server). Files are Blobs
//! handed to a temporary `<a download>`; PNG is the chart re-drawn at 2× with its caption on an
//! off-screen canvas, SVG the same drawing through plotters' SVG backend.

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

/// Draws the chart at 2× with title, subtitle and source, and saves it as PNG.
pub fn save_png(vm: &ChartVm, lang: Lang, name: &str) -> Result<(), JsValue> {
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
    let name = name.to_string();
    let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(b) = blob {
            let _ = save_blob(&b, &name);
        }
    });
    canvas.to_blob(cb.unchecked_ref())
}

/// Writes to the clipboard and reports whether it worked (the browser may refuse: no permission,
/// page not focused); a refusal is a message to the user, never an unhandled rejection.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
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
    let copy_table = move |_| {
        let tsv = table().write(Dialect::Tsv {
            decimal_comma: lang.get_untracked() == Lang::Vi,
        });
        copy_text(&tsv, move |ok| {
            copied(
                ok,
                "Đã chép bảng (dán vào Excel/Word).",
                "Table copied (paste into Excel/Word).",
            )
        });
    };
    let copy_link = move |_| {
        copy_text(
            &super::url_for(&crate::state::to_query(
                &s.view.get_untracked(),
                s.ds.bounds(),
            )),
            move |ok| copied(ok, "Đã chép đường dẫn.", "Link copied."),
        );
    };
    fn button(
        lang: Memo<Lang>,
        cls: &'static str,
        vi: &'static str,
        en: &'static str,
        f: impl Fn(web_sys::MouseEvent) + 'static,
    ) -> impl IntoView {
        view! { <button class=cls on:click=f>{move || lang.get().t(vi, en)}</button> }
    }
    view! {
        <details class="downloads">
            <summary>{tr(lang, "Tải về / chép", "Download / copy")}</summary>
            <div class="download-buttons">
                {button(lang, "dl-csv", "CSV", "CSV", csv)}
                {button(lang, "dl-excel", "CSV cho Excel (;)", "Excel CSV (;)", excel)}
                {button(lang, "dl-json", "JSON", "JSON", json)}
                {button(lang, "dl-png", "Ảnh PNG", "PNG image", png)}
                {button(lang, "dl-svg", "Ảnh SVG", "SVG image", svg)}
                {button(lang, "copy-table", "Chép bảng", "Copy table", copy_table)}
                {button(lang, "copy-link", "Chép đường dẫn", "Copy link", copy_link)}
            </div>
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
