//! Build step (Trunk post_build hook): writes the dataset block and the app's first DOM, rendered
//! by the app's own components, into the staged index.html.
//! `prerender <index.html> [dataset.json]`: the dataset defaults to data/dataset.json; another
//! file makes the same page for another dataset, with no rebuild of the wasm.
//! `prerender --loader-only <page.html>`: only the loader rewrite (the editor's page).

use tccs_dashboard::{data, render};

fn fail(msg: String) -> ! {
    eprintln!("prerender: {msg}");
    std::process::exit(1)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(mut path) = args.next() else {
        fail(
            "usage: prerender <index.html> [dataset.json] | prerender --loader-only <page.html>"
                .into(),
        )
    };
    // The editor's page has no dataset or pre-rendered view, only Trunk's loader to rewrite (so
    // its wasm too is fetched with its integrity hash enforced, and no preload warns).
    if path == "--loader-only" {
        path = args
            .next()
            .unwrap_or_else(|| fail("usage: prerender --loader-only <page.html>".into()));
        let html = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(format!("cannot read {path}: {e}")));
        let html = render::defer_app_start(&html).unwrap_or_else(|e| fail(format!("{path}: {e}")));
        if let Err(e) = std::fs::write(&path, html) {
            fail(format!("cannot write {path}: {e}"));
        }
        return;
    }
    let data_path = args.next().unwrap_or_else(|| "data/dataset.json".into());
    let json = std::fs::read_to_string(&data_path)
        .unwrap_or_else(|e| fail(format!("cannot read {data_path}: {e}")));
    let ds = data::parse(&json).unwrap_or_else(|errors| {
        for e in &errors {
            eprintln!("data error in {data_path}: {e}");
        }
        std::process::exit(1)
    });
    let html =
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("cannot read {path}: {e}")));
    let html = render::publish(&html, &json, ds).unwrap_or_else(|e| fail(format!("{path}: {e}")));
    if let Err(e) = std::fs::write(&path, html) {
        fail(format!("cannot write {path}: {e}"));
    }
    // Precompressed copies of the old page would be served instead of the new one.
    for ext in ["gz", "br"] {
        let stale = format!("{path}.{ext}");
        if std::fs::remove_file(&stale).is_ok() {
            eprintln!("prerender: removed {stale}; run `node scripts/compress.mjs <folder>` to write it again");
        }
    }
}
