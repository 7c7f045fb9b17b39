//! No stale path: every file a comment or a doc names exists (the lab notebook, a history, is
//! left as it was written). A path with its folder (`src/start/mod.rs`, `scripts/setup-build.sh`)
//! must be that file; a bare name of a source, script, test or doc (`part.rs`, `early.test.mjs`)
//! must be some file of the project. Built files (`dist/…`, `details.js`) are not checked.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The project's files below `dir`, skipping what is built or installed.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || ["target", "node_modules", "dist"].contains(&name.as_str()) {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The file names a text names: runs of path characters ending in a known extension.
fn named(text: &str) -> Vec<String> {
    const EXT: [&str; 10] = [
        ".rs", ".mjs", ".sh", ".md", ".js", ".css", ".html", ".toml", ".json", ".txt",
    ];
    // `$` and braces stay in a run, so that a shell variable's path (`$root/x.sh`) is seen
    // whole, and left out: its folder is the script's to say.
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "_./-${}".contains(c)))
        .map(|t| t.trim_end_matches(['.', '-', '/']))
        .filter(|t| !t.contains(['$', '{', '}']))
        .filter(|t| EXT.iter().any(|e| t.ends_with(e)) && !t.starts_with('.'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_path_a_comment_or_a_doc_names_exists() {
    let root = Path::new(ROOT);
    let mut all = Vec::new();
    files(root, &mut all);
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .to_string()
    };
    let names: Vec<String> = all
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .collect();
    let checked = ["rs", "mjs", "js", "sh", "md", "toml", "html", "css"];
    let mut stale = Vec::new();
    for file in &all {
        let r = rel(file);
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().to_string())
            .unwrap_or_default();
        // The lab notebook keeps the names of its day; fixtures and data are not prose.
        if !checked.contains(&ext.as_str())
            || r == "docs/performance.md"
            || r.starts_with("tests/fixtures")
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for name in named(&text) {
            let name = name.trim_start_matches("./").trim_start_matches("../");
            let built = ["dist/", "target/", "node_modules/", "/"]
                .iter()
                .any(|b| name.starts_with(b))
                || name.contains("://");
            if built || name.is_empty() {
                continue;
            }
            let exists = if name.contains('/') {
                // Relative to the project, to its sources (the architecture's `state/app.rs`), or
                // to the naming file's folder (a doc's link).
                root.join(name).exists()
                    || root.join("src").join(name).exists()
                    || file.parent().is_some_and(|d| d.join(name).exists())
            } else if [".rs", ".mjs", ".sh", ".md"]
                .iter()
                .any(|e| name.ends_with(e))
            {
                names.iter().any(|n| n == name)
            } else {
                true // a bare built or foreign file name (details.js, mime.types)
            };
            if !exists {
                stale.push(format!("{r}: {name}"));
            }
        }
    }
    stale.sort();
    stale.dedup();
    assert!(
        stale.is_empty(),
        "files named that do not exist:\n{}",
        stale.join("\n")
    );
}
