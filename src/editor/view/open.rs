//! Where a draft comes from: the dataset block of the page beside the editor (`index.html`), or
//! a file the user chooses or drops (a `dataset.json`, or a published `index.html`). A file that
//! is not a dataset of this format is refused with the reasons, and the draft stays as it was.
//! A dataset whose figures have errors opens: fixing them is what the editor is for.

use super::Msg;
use crate::data::decode;
use crate::data::tree::Value;
use crate::data::{block, DataError};
use crate::text::lang::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The dataset text in a file: the file itself, or the block of a page.
fn dataset_text(text: &str) -> &str {
    let t = text.trim_start();
    if t.starts_with('<') {
        block::read(text).unwrap_or("")
    } else {
        text
    }
}

/// Reads a dataset file's text into a draft, or says why it cannot be one.
pub fn parse(text: &str, name: &str) -> Result<Value, Msg> {
    let text = dataset_text(text);
    if text.trim().is_empty() {
        return Err(Msg::alert(
            format!("“{name}” không chứa dữ liệu (cần tệp dataset.json hoặc trang index.html đã xuất bản)."),
            format!("“{name}” holds no data (a dataset.json file or a published index.html is needed)."),
        ));
    }
    let root = js_sys::JSON::parse(text).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(String::new, |e| String::from(e.message()));
        Msg::alert(
            format!("“{name}” không phải tệp JSON hợp lệ: {why}"),
            format!("“{name}” is not valid JSON: {why}"),
        )
    })?;
    let value = Value::from_node(&root);
    // The format's structure must hold (fields, types): otherwise it is another kind of file,
    // or one from a newer version of the format, and opening it would lose what it holds.
    if let Err(errors) = decode::dataset(&value) {
        // Something else altogether lacks the dataset's own parts; a dataset with fields this
        // format does not know comes from a newer version of it.
        let missing_parts = errors.iter().any(
            |e| matches!(e, DataError::MissingField { path } if path.matches('.').count() == 1),
        );
        let newer = !missing_parts
            && errors
                .iter()
                .any(|e| matches!(e, DataError::UnknownField { .. }));
        let mut msg = if newer {
            Msg::alert(
                format!("Không mở “{name}”: tệp có trường mà định dạng này không có (tệp của phiên bản mới hơn, hoặc không phải tệp dữ liệu này). Bản nháp giữ nguyên."),
                format!("“{name}” was not opened: it has fields this format does not have (a file from a newer version, or not this kind of data file). The draft is unchanged."),
            )
        } else {
            Msg::alert(
                format!("Không mở “{name}”: đây không phải tệp dữ liệu của trang này. Bản nháp giữ nguyên."),
                format!("“{name}” was not opened: it is not this page's kind of data file. The draft is unchanged."),
            )
        };
        msg.details = errors
            .iter()
            .take(8)
            .map(|e| (e.message(Lang::Vi), e.message(Lang::En)))
            .collect();
        return Err(msg);
    }
    Ok(value)
}

async fn text_of(promise: js_sys::Promise) -> Option<String> {
    JsFuture::from(promise).await.ok()?.as_string()
}

/// The page beside the editor, as published (fetched past the cache: it is what readers get).
pub async fn published_page() -> Option<String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let res =
        JsFuture::from(leptos::prelude::window().fetch_with_str_and_init("index.html", &init))
            .await
            .ok()?;
    let res: web_sys::Response = res.dyn_into().ok()?;
    if !res.ok() {
        return None;
    }
    text_of(res.text().ok()?).await
}

/// A chosen or dropped file's text.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    text_of(file.text()).await
}
