//! Reads the page's dataset block at start: the browser's `JSON.parse` tokenizes it, then the same
//! decode and validate code as the build (`data::checked`) makes it the model. A broken block is
//! shown as an alert above the pre-rendered page, which stays.

use crate::data::{block, DataError, Dataset};
use leptos::prelude::document;
use wasm_bindgen::JsValue;

pub use crate::data::js_values::parse;

/// The page's dataset, checked, and whether the page was pre-rendered from exactly it. Warns in the console when the block is not the text the page
/// was pre-rendered from: readers then see the block's numbers (the app renders from it), and
/// whoever edited the block should publish the page again.
pub fn read() -> Result<(Dataset, bool), Vec<DataError>> {
    let Some(el) = document().get_element_by_id(block::ID) else {
        return Err(vec![DataError::NoDataset]);
    };
    let text = el.text_content().unwrap_or_default();
    let ds = parse(&text)?;
    let pre_rendered =
        el.get_attribute("data-rendered-from").as_deref() == Some(&block::fingerprint(&text));
    if !pre_rendered {
        web_sys::console::warn_1(&JsValue::from_str(
            "tccs: the dataset block differs from the data this page was pre-rendered from; \
             the charts show the block's figures. Publish the page again (edit.html or the \
             build) so its pre-rendered part agrees. / Khối dữ liệu khác với dữ liệu đã dùng \
             để dựng sẵn trang; hãy xuất bản lại trang.",
        ));
    }
    Ok((ds, pre_rendered))
}

/// Puts the errors above the pre-rendered page, in an alert: the page stays readable. The words
/// of each message come from the on-demand `details` wasm in the reader (they are needed only
/// here), and from the editor's own code in its preview.
pub fn show_errors(errors: &[DataError]) {
    let doc = document();
    let Some(app) = doc.get_element_by_id("app") else {
        return;
    };
    let Ok(alert) = doc.create_element("div") else {
        return;
    };
    alert.set_class_name("fatal");
    let _ = alert.set_attribute("role", "alert");
    let add = |parent: &web_sys::Element, tag: &str, text: &str, lang: Option<&str>| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text)); // data, never markup
        if let Some(l) = lang {
            let _ = el.set_attribute("lang", l);
        }
        parent.append_child(&el).ok()?;
        Some(el)
    };
    add(&alert, "h2", "Dữ liệu của trang có lỗi, nên biểu đồ tương tác không chạy. Bảng số liệu dựng sẵn bên dưới vẫn đọc được.", Some("vi"));
    add(&alert, "p", "The page's data has errors, so the interactive charts do not run. The pre-rendered table below is still readable.", Some("en"));
    if let Some(list) = add(&alert, "ul", "", None) {
        list_errors(list, errors);
    }
    let _ = app.before_with_node_1(&alert);
}

/// The messages as list items, escaped, in both languages.
#[cfg(feature = "editor")]
fn list_errors(list: web_sys::Element, errors: &[DataError]) {
    list.set_inner_html(&crate::data::error::items_html(errors));
}

/// The messages as list items, from the `details` wasm (given the block's text, it finds the same
/// errors); if that cannot load, the alert says so.
#[cfg(not(feature = "editor"))]
fn list_errors(list: web_sys::Element, _errors: &[DataError]) {
    super::details("error_items", "", move |html| {
        list.set_inner_html(&html.unwrap_or_else(|| {
            "<li>Không tải được chi tiết lỗi. / The details could not be loaded.</li>".into()
        }))
    });
}
