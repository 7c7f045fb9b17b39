//! The actions that take the numbers away: a chart card's downloads and copies (CSV, Excel CSV,
//! JSON, PNG, SVG; table, picture, citation, link) and the whole dataset's downloads. What each
//! button makes is `export`'s; saving and the clipboard are `web::download`'s.

use super::tr;
use crate::charts::ChartVm;
use crate::export::{self, Dialect};
use crate::state::AppState;
use crate::text::lang::Lang;
use crate::web::{self, download};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The action bar of a chart card.
pub fn actions(s: AppState, vm: ReadSignal<ChartVm>) -> impl IntoView {
    let lang = s.lang;
    let status = RwSignal::new(String::new());
    let id = vm.with_untracked(|v| v.id);
    let stem = move || export::file_stem(&s.data(), Some(id), s.range.get_untracked());
    let table =
        move || export::chart_table(&s.data(), id, s.range.get_untracked(), lang.get_untracked());
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
            download::save_text(&table().write(dialect), &name, "text/csv;charset=utf-8"),
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
    // The view as the on-demand files read it (`chart=` names the chart).
    let query = move || {
        let mut v = s.view.get_untracked();
        v.chart = Some(id);
        crate::state::to_query(&v, s.data().bounds())
    };
    let json = move |_| {
        let name = format!("{}.json", stem());
        made_file(s, "chart_json", query(), move |r| {
            done(
                r.and_then(|t| download::save_text(&t, &name, "application/json")),
                "Đã tải JSON.",
                "JSON saved.",
            )
        });
    };
    let png = move |_| {
        done(
            vm.with_untracked(|v| {
                download::save_png(v, lang.get_untracked(), &format!("{}.png", stem()))
            }),
            "Đang tạo PNG…",
            "Saving PNG…",
        )
    };
    let svg = move |_| {
        let name = format!("{}.svg", stem());
        made_file(s, "chart_svg", query(), move |r| {
            done(
                r.and_then(|t| download::save_text(&t, &name, "image/svg+xml")),
                "Đã tải SVG.",
                "SVG saved.",
            )
        });
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
        web::url_for(&crate::state::to_query(
            &s.view.get_untracked(),
            s.data().bounds(),
        ))
    };
    let cite = move || {
        vm.with_untracked(|v| export::citation(&s.data(), v, lang.get_untracked(), &view_url()))
    };
    // Both forms: cells for Excel (text/plain, TSV) and a real table with its citation for Word,
    // LibreOffice and Google Docs (text/html).
    let copy_table = move |_| {
        let l = lang.get_untracked();
        let tsv = table().write(Dialect::Tsv {
            decimal_comma: l == Lang::Vi,
        });
        let (html, rows) =
            vm.with_untracked(|v| (export::clipboard_html(v, &cite()), v.data.len()));
        let parts = download::text_blob(&tsv, "text/plain")
            .and_then(|p| Ok((p, download::text_blob(&html, "text/html")?)));
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
            Ok((plain, rich)) => download::copy_item(
                &[("text/plain", plain.into()), ("text/html", rich.into())],
                done,
            ),
            Err(_) => done(false),
        }
    };
    let copy_picture = move |_| {
        let l = lang.get_untracked();
        vm.with_untracked(|v| {
            download::copy_picture(v, l, move |ok| {
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
        download::copy_text(&cite(), move |ok| {
            copied(ok, "Đã chép trích dẫn.", "Citation copied.")
        })
    };
    let copy_link = move |_| {
        download::copy_text(&view_url(), move |ok| {
            copied(ok, "Đã chép đường dẫn.", "Link copied.")
        });
    };
    // One list of one kind of button (each handler boxed): a tuple of nine buttons with nine
    // closure types made nine copies of the button's render and hydrate code.
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

/// A file only a download needs (the JSON, the SVG picture), made for the view `query`
/// (`chart=` names the chart; none: the whole dataset): by the reader's on-demand `details`
/// wasm (out of the first load), or by the editor's own code in its preview.
fn made_file(
    s: AppState,
    kind: &'static str,
    query: String,
    done: impl FnOnce(Result<String, JsValue>) + 'static,
) {
    #[cfg(feature = "editor")]
    done(crate::download_files::made(&s.data(), kind, &query).map_err(|e| JsValue::from_str(&e)));
    #[cfg(not(feature = "editor"))]
    {
        let _ = s;
        web::details(kind, &query, move |t| {
            done(t.ok_or_else(|| JsValue::from_str("details")))
        });
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
        let (t, _) = export::dataset_tables(&s.data(), range(), lang.get_untracked());
        report(download::save_text(
            &t.write(dialect),
            &format!(
                "{}{suffix}.csv",
                export::file_stem(&s.data(), None, range())
            ),
            csv,
        ));
    };
    let figures = move |_| {
        let (_, t) = export::dataset_tables(&s.data(), range(), lang.get_untracked());
        report(download::save_text(
            &t.write(Dialect::Standard),
            &export::figures_file_name(&s.data()),
            csv,
        ));
    };
    let json = move |_| {
        let name = format!("{}.json", export::file_stem(&s.data(), None, range()));
        let query = crate::state::to_query(&s.view.get_untracked(), s.data().bounds());
        made_file(s, "chart_json", query, move |r| {
            report(r.and_then(|t| download::save_text(&t, &name, "application/json")))
        });
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
