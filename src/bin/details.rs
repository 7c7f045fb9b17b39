//! What the reader loads only when it needs it (feature `js`, no Leptos): the Sources page, and
//! the words of a broken dataset's messages. Both are long static text in two languages, needed
//! on one tab or in one failure: out of the first load. Each call is given the page's dataset
//! block as text and checks it again, as the reader did.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use tccs_dashboard::data::{error, js_values};
    use tccs_dashboard::sources_html::sources_html;
    use tccs_dashboard::text::lang::Lang;
    use wasm_bindgen::prelude::*;

    fn page(block: &str, lang: Lang) -> String {
        match js_values::parse(block) {
            Ok(ds) => sources_html(&ds, lang),
            Err(errors) => format!("<ul role=\"alert\">{}</ul>", error::items_html(&errors)),
        }
    }

    /// The Sources page in Vietnamese.
    #[wasm_bindgen]
    pub fn sources_vi(block: &str) -> String {
        page(block, Lang::Vi)
    }

    /// The Sources page in English.
    #[wasm_bindgen]
    pub fn sources_en(block: &str) -> String {
        page(block, Lang::En)
    }

    /// A file only a download needs, for the view `query`.
    fn file(kind: &str, block: &str, query: &str) -> Result<String, String> {
        let ds = js_values::parse(block).map_err(|_| "the page's data has errors".to_string())?;
        tccs_dashboard::download_files::made(&ds, kind, query)
    }

    /// The selection as JSON with provenance and audit.
    #[wasm_bindgen]
    pub fn chart_json(block: &str, query: &str) -> Result<String, String> {
        file("chart_json", block, query)
    }

    /// A chart as SVG, with its title and citation.
    #[wasm_bindgen]
    pub fn chart_svg(block: &str, query: &str) -> Result<String, String> {
        file("chart_svg", block, query)
    }

    /// A broken dataset's messages as list items (none for a valid one).
    #[wasm_bindgen]
    pub fn error_items(block: &str) -> String {
        js_values::parse(block)
            .err()
            .map_or_else(String::new, |e| error::items_html(&e))
    }
}

fn main() {}
