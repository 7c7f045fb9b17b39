//! Build step (Trunk post_build hook): writes the dataset block and the pre-rendered view into the
//! staged index.html. `prerender <index.html> [dataset.json]`: the dataset defaults to
//! data/dataset.json; another file makes the same page for another dataset, with no rebuild.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use tccs_dashboard::{data, prerender};

#[cfg(not(target_arch = "wasm32"))]
fn fail(msg: String) -> ! {
    eprintln!("prerender: {msg}");
    std::process::exit(1)
}

#[cfg(not(target_arch = "wasm32"))]
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
    let html = data::page::write(&html, &json).unwrap_or_else(|| {
        fail(format!(
            "{path} has no <!-- dataset --> mark or dataset block"
        ))
    });
    let html = prerender::inject(&html, &prerender::static_html(&ds)).unwrap_or_else(|| {
        fail(format!(
            "{path} has no <!-- prerender:start --><!-- prerender:end --> markers"
        ))
    });
    if let Err(e) = std::fs::write(&path, html) {
        fail(format!("cannot write {path}: {e}"));
    }
}
