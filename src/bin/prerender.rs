//! Build step 3 (scripts/build.sh): writes the dataset block and the app's first DOM, rendered
//! by the app's own components, into the staged index.html.
//! `prerender <index.html> [dataset.json]`: the dataset defaults to data/dataset.json; another
//! file makes the same page for another dataset, with no rebuild of the wasm.

use tccs_dashboard::{data, render};

fn fail(msg: String) -> ! {
    eprintln!("prerender: {msg}");
    std::process::exit(1)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        fail("usage: prerender <index.html> [dataset.json]".into())
    };
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
