//! The editor's publish step, in the browser: the same renderer as the build (`render::publish`,
//! feature `ssr`), and the publication's archive with its fresh compressed copies
//! (`archive::publication`, feature `pack`), compiled to a wasm of its own that `edit.html`
//! loads only when staff publish. A wasm cannot both render HTML and hydrate (docs/architecture.md, "One
//! renderer, two modes"), so the editor cannot render itself; and the compressors' bytes stay
//! out of the editor's own wasm.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use tccs_dashboard::{archive, render, web};
    use wasm_bindgen::prelude::*;

    /// The page `page` (the current index.html) published for the dataset file `json`: its
    /// dataset block and pre-rendered view replaced. Errors are messages for staff, bilingual.
    #[wasm_bindgen]
    pub fn publish(page: &str, json: &str) -> Result<String, String> {
        let ds = web::block_reader::parse(json).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        render::publish(page, json, ds)
    }

    /// The publication as one archive (src/archive.rs): the file `names[i]` holds `contents[i]`
    /// (a `Uint8Array` each); `date` (YYYY-MM-DD) dates its entries.
    #[wasm_bindgen]
    pub fn pack(names: Vec<String>, contents: js_sys::Array, date: &str) -> Vec<u8> {
        let files = names
            .into_iter()
            .zip(contents.iter())
            .map(|(name, bytes)| (name, js_sys::Uint8Array::new(&bytes).to_vec()))
            .collect();
        archive::publication(files, date)
    }
}

fn main() {}
