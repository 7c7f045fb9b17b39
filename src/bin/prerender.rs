//! Build step (Trunk post_build hook): writes the no-WASM data table into the staged index.html.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        std::process::exit(2);
    };
    let ds = match tccs_dashboard::data::embedded() {
        Ok(ds) => ds,
        Err(errors) => {
            for e in errors {
                eprintln!("data error: {e}");
            }
            std::process::exit(1);
        }
    };
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1)
    });
    let Some(out) =
        tccs_dashboard::prerender::inject(&html, &tccs_dashboard::prerender::static_html(ds))
    else {
        eprintln!("{path} has no <!-- prerender:start --><!-- prerender:end --> markers");
        std::process::exit(1)
    };
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
