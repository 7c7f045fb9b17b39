//! "Kiểm tra trang đã đăng / Check the live site": the fetches behind each published file's state
//! (what the states mean, and why three fetches: src/editor/live.rs), and the list staff read.
//! The editor sits beside the page on the same site, so it fetches the page and the files
//! beside it; nothing is sent anywhere else.

use super::ed;
use super::store::Published;
use crate::editor::live::{judge, Seen, State};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One GET of `url`: `fresh` past every cache (`no-store`), `range` for the file as it is
/// (a `Range` request, which browsers send with `Accept-Encoding: identity`).
async fn fetch(url: &str, fresh: bool, range: bool) -> Seen {
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    if fresh {
        init.set_cache(web_sys::RequestCache::NoStore);
    }
    if range {
        if let Ok(h) = web_sys::Headers::new() {
            let _ = h.set("Range", "bytes=0-");
            init.set_headers(&h);
        }
    }
    let promise = JsFuture::from(window().fetch_with_str_and_init(url, &init));
    let Ok(response) = promise.await.map(web_sys::Response::unchecked_from_js) else {
        return Seen::default();
    };
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let mut seen = Seen {
        status: Some(response.status()),
        fingerprint: None,
        cache_control: header("cache-control"),
        age: header("age"),
    };
    if response.ok() {
        // The bytes as sent (`text()` would drop a CSV's byte-order mark), read as the file's
        // text was written: UTF-8.
        if let Ok(buffer) = response.array_buffer().map(JsFuture::from) {
            if let Ok(buffer) = buffer.await {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                seen.fingerprint = Some(crate::data::block::fingerprint(&String::from_utf8_lossy(
                    &bytes,
                )));
            }
        }
    }
    seen
}

/// Where a published file is on the site: the page is what readers open, the folder itself.
fn address(file: &str, query: Option<&str>) -> String {
    let path = if file == "index.html" { "./" } else { file };
    let q = query.map_or_else(String::new, |q| format!("?kiem-tra={q}"));
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(&format!("{path}{q}"), &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| format!("{path}{q}"))
}

/// The state of each file of `p` on the live site.
async fn check(p: &Published) -> Vec<(String, State)> {
    let now = js_sys::Date::now().to_string();
    let mut out = Vec::new();
    for (i, (file, fingerprint)) in p.files.iter().enumerate() {
        let reader = fetch(&address(file, None), false, false).await;
        let fresh = fetch(&address(file, Some(&format!("{now}-{i}"))), true, false).await;
        let plain = fetch(&address(file, Some(&format!("{now}-{i}-r"))), true, true).await;
        out.push((file.clone(), judge(fingerprint, &reader, &fresh, &plain)));
    }
    out
}

/// The check's button and its findings, for the last publication made in this browser.
#[component]
pub fn LiveCheck(published: RwSignal<Option<Published>>) -> impl IntoView {
    let e = ed();
    let result = RwSignal::new(None::<Vec<(String, State)>>);
    let busy = RwSignal::new(false);
    // A new publication: the last check was of another.
    Effect::new(move |_| {
        published.track();
        result.set(None);
    });
    let run = move |_| {
        let Some(p) = published.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            result.set(Some(check(&p).await));
            busy.set(false);
        });
    };
    move || {
        published.get().map(|p| {
            let lang = e.lang.get();
            let date = crate::data::model::date_as_written(&p.date); // 07/12/2026, as the page writes dates
            view! {
                <section class="live-check" aria-labelledby="h-live">
                    <h3 id="h-live">{lang.t("Kiểm tra trang đã đăng", "Check the live site")}</h3>
                    <p class="hint">{lang.t(
                        format!("Sau khi giải nén tệp xuất bản ngày {date} lên máy chủ: xem người đọc có nhận bản mới không, từng tệp một."),
                        format!("Once the publication of {date} is extracted on the host: whether readers get the new version, file by file."),
                    )}</p>
                    <button class="action check-live" on:click=run disabled=move || busy.get()>
                        {lang.t("Kiểm tra trang đã đăng", "Check the live site")}
                    </button>
                    <div role="status">
                        {move || busy.get().then(|| e.lang.get().t("Đang kiểm tra…", "Checking…"))}
                        {move || result.get().map(|r| {
                            let lang = e.lang.get();
                            let all = r.iter().all(|(_, s)| s.is_new());
                            view! {
                                <p class=if all { "live-summary ok" } else { "live-summary" }>{
                                    if all {
                                        lang.t("Trang đã đăng đúng bản mới: người đọc nhận tất cả các tệp mới.", "The live site shows the new version: readers get every new file.")
                                    } else {
                                        lang.t("Người đọc chưa nhận đủ bản mới: xem từng tệp dưới đây.", "Readers do not get all of the new version yet: see each file below.")
                                    }
                                }</p>
                                <ul class="live-files">
                                    {r.into_iter().map(|(file, state)| view! {
                                        <li data-file=file.clone() data-state=state.key()>
                                            <strong>{file.clone()}</strong>": " {state.words(&file, lang)}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                        })}
                    </div>
                </section>
            }
        })
    }
}
