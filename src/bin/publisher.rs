//! The editor's publish step, in the browser: the same renderer as the build (`render::publish`,
//! feature `ssr`), compiled to a wasm of its own that `edit.html` loads only when staff publish.
//! A wasm cannot both render HTML and hydrate (README, "One renderer, two modes"), so the editor cannot do it itself.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use tccs_dashboard::{render, web};
    use wasm_bindgen::prelude::*;

    /// The page `page` (the current index.html) published for the dataset file `json`: its
    /// dataset block and pre-rendered view replaced. Errors are messages for staff, bilingual.
    #[wasm_bindgen]
    pub fn publish(page: &str, json: &str) -> Result<String, String> {
        let ds = web::page::parse(json).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        render::publish(page, json, ds)
    }
}

fn main() {}
