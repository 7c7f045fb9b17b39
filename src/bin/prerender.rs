//! Build step 3 (scripts/build.sh): writes the dataset block and the app's first DOM, rendered
//! by the app's own components, into the staged index.html.
//! `prerender <index.html> [dataset.json]`: the dataset defaults to data/dataset.json; another
//! file makes the same page for another dataset, with no rebuild of the wasm.

use tccs_dashboard::{charts, data, render, share, text::lang::Lang};

/// The link-preview picture: the first chart drawn by the charts' own SVG code, rasterised with
/// the system's fonts (scripts/setup-build.sh installs DejaVu, which writes Vietnamese).
fn preview_png(ds: &data::Dataset) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let svg = charts::to_preview_svg(&share::preview_chart(ds), Lang::Vi, share::PREVIEW_SIZE)?;
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    if fonts.faces().next().is_none() {
        return Err(
            "no fonts on this machine (scripts/setup-build.sh installs fonts-dejavu-core)".into(),
        );
    }
    // The chart names system-ui, Roboto, Noto Sans, Arial…: whichever is here, else DejaVu Sans.
    fonts.set_sans_serif_family("DejaVu Sans");
    let opt = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| e.to_string())?;
    let (w, h) = share::PREVIEW_SIZE;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

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
    // The page's public address: the data's, else this build's (link previews need it).
    let build_url = std::env::var("TCCS_PAGE_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let folder = std::path::Path::new(&path)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let write = |name: &str, bytes: &[u8]| {
        let to = folder.join(name);
        if let Err(e) = std::fs::write(&to, bytes) {
            fail(format!("cannot write {}: {e}", to.display()));
        }
    };
    // Beside the page: the link-preview picture and the CSVs its metadata lists.
    write(
        share::PREVIEW,
        &preview_png(&ds).unwrap_or_else(|e| fail(format!("preview picture: {e}"))),
    );
    for (name, text) in share::csv_files(&ds) {
        write(&name, text.as_bytes());
    }
    let html = render::publish_at(&html, &json, ds, build_url.as_deref())
        .unwrap_or_else(|e| fail(format!("{path}: {e}")));
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
