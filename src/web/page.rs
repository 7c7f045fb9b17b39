//! Reads the page's dataset block at start: the browser's `JSON.parse` tokenizes it, then the same
//! decode and validate code as the build (`data::checked`) makes it the model. A broken block is
//! shown as an alert above the pre-rendered page, which stays.

use crate::data::decode::Node;
use crate::data::{self, page, DataError, Dataset};
use crate::text::lang::Lang;
use js_sys::{Array, Object, JSON};
use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

impl Node for JsValue {
    fn is_null(&self) -> bool {
        self.is_null() || self.is_undefined()
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(self).then(|| Array::from(self).to_vec())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        if !self.is_object() || Array::is_array(self) {
            return None;
        }
        let pairs = Object::entries(self.unchecked_ref());
        Some(
            pairs
                .iter()
                .map(|p| {
                    let p = Array::from(&p);
                    (p.get(0).as_string().unwrap_or_default(), p.get(1))
                })
                .collect(),
        )
    }
}

/// Parses and checks a dataset's JSON text (also used by the component tests).
pub fn parse(text: &str) -> Result<Dataset, Vec<DataError>> {
    let root = JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "JSON.parse".to_string(), |e| String::from(e.message()));
        vec![DataError::Format(msg)]
    })?;
    data::checked(&root)
}

/// The page's dataset, checked, and whether the page was pre-rendered from exactly it. Warns in the console when the block is not the text the page
/// was pre-rendered from: readers then see the block's numbers (the app renders from it), and
/// whoever edited the block should publish the page again.
pub fn read() -> Result<(Dataset, bool), Vec<DataError>> {
    let Some(el) = document().get_element_by_id(page::ID) else {
        return Err(vec![DataError::NoDataset]);
    };
    let text = el.text_content().unwrap_or_default();
    let ds = parse(&text)?;
    let pre_rendered =
        el.get_attribute("data-rendered-from").as_deref() == Some(&page::fingerprint(&text));
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

/// Puts the errors above the pre-rendered page, in an alert: the page stays readable.
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
        for e in errors.iter().take(20) {
            if let Some(li) = add(&list, "li", &e.message(Lang::Vi), Some("vi")) {
                add(
                    &li,
                    "span",
                    &format!(" / {}", e.message(Lang::En)),
                    Some("en"),
                );
            }
        }
        if errors.len() > 20 {
            add(&list, "li", &format!("… +{}", errors.len() - 20), None);
        }
    }
    let _ = app.before_with_node_1(&alert);
}
