//! The browser's JSON values as the decoder's input: `JSON.parse` tokenizes, then the same decode
//! and validate code as the build (`data::checked`) makes the model. For the view layer and the
//! reader's on-demand `details` wasm alike.

use super::decode::Node;
use super::{checked, DataError, Dataset};
use js_sys::{Array, Object, JSON};
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

/// Parses and checks a dataset's JSON text.
pub fn parse(text: &str) -> Result<Dataset, Vec<DataError>> {
    let root = JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "JSON.parse".to_string(), |e| String::from(e.message()));
        vec![DataError::Format(msg)]
    })?;
    checked(&root)
}
