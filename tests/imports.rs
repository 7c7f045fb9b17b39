//! The library's files as a graph of who names whom (`use crate::…`, `use super::…` and the same
//! paths written inline): no circle between files, and no file naming one on a floor above its
//! own (the layers `src/lib.rs` and docs/architecture.md list). A child may name its own parent
//! module (`use super::*`: the shared types a folder's `mod.rs` holds); that is not a circle.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The floors, lowest first: a room uses only its own floor and those below.
const FLOORS: &[&[&str]] = &[
    &["text"],
    &["data"],
    &["state"],
    &["charts"],
    &[
        "export",
        "sources_html",
        "summary",
        "download_files",
        "archive",
    ],
    &["web", "share"],
    &["components"],
    &["start", "render", "editor"],
];

type Module = Vec<String>;

/// Every library file (the binaries are crates of their own) and its module path.
fn modules(dir: &Path, path: &Module, out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if path.is_empty() && name == "bin" {
                continue;
            }
            let mut sub = path.clone();
            sub.push(name);
            modules(&p, &sub, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            if path.is_empty() && name == "main" {
                continue;
            }
            let mut m = path.clone();
            if name != "mod" && name != "lib" {
                m.push(name);
            }
            out.insert(m, std::fs::read_to_string(&p).unwrap());
        }
    }
}

/// The code without comments and string literals (a path in a message is not an import).
fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '/' if b.get(i + 1) == Some(&'*') => {
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '"' => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    i += if b[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal ('"', '\'') would open a string above; a lifetime stays.
            '\'' if b.get(i + 2) == Some(&'\'') => {
                i += 3;
            }
            '\'' if b.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The paths a file names from `crate::` or `super::`, brace groups expanded one level deep
/// at a time (`crate::data::{model::X, lineage}` → `data::model::X`, `data::lineage`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let starts = ["crate::", "super::"]
            .iter()
            .find(|p| chars[i..].iter().take(p.len()).copied().eq(p.chars()));
        let boundary = i == 0 || !word(chars[i - 1]) && chars[i - 1] != ':';
        match starts {
            Some(_) if boundary => {
                let (items, end) = path_at(&chars, i);
                out.extend(items);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The path(s) starting at `i`: segments joined by `::`, a brace group expanded.
fn path_at(c: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut segs = Vec::new();
    loop {
        let start = i;
        while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
            i += 1;
        }
        if i > start {
            segs.push(c[start..i].iter().collect::<String>());
        }
        if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') {
            i += 2;
            if c.get(i) == Some(&'{') {
                // Items split at the group's top-level commas.
                let mut depth = 0;
                let mut item = String::new();
                let mut items = Vec::new();
                i += 1;
                while i < c.len() {
                    match c[i] {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            items.push(std::mem::take(&mut item));
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c[i]);
                    i += 1;
                }
                items.push(item);
                let mut out = Vec::new();
                for it in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                    let inner: Vec<char> = it.chars().collect();
                    let (sub, _) = path_at(&inner, 0);
                    for s in sub {
                        let mut full = segs.clone();
                        full.extend(s.into_iter().filter(|x| x != "self"));
                        out.push(full);
                    }
                }
                return (out, i + 1);
            }
            continue;
        }
        return (vec![segs], i);
    }
}

/// The module file a path lands in: the longest prefix that is a module, `super` resolved.
fn resolve(from: &Module, path: &[String], all: &BTreeMap<Module, String>) -> Module {
    let mut m: Module = Vec::new();
    let mut rest = path;
    if path.first().map(String::as_str) == Some("crate") {
        rest = &path[1..];
    } else {
        // `super` from `a::b::c` (a file, or a folder's mod.rs) is `a::b`.
        m = from.clone();
        while rest.first().map(String::as_str) == Some("super") {
            m.pop();
            rest = &rest[1..];
        }
    }
    let mut best = m.clone();
    for s in rest {
        m.push(s.clone());
        if all.contains_key(&m) {
            best = m.clone();
        } else {
            break;
        }
    }
    best
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let mut all = BTreeMap::new();
    modules(Path::new("src"), &Vec::new(), &mut all);
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, src) in &all {
        let set = edges.entry(m.clone()).or_default();
        for p in paths(&code_only(src)) {
            let to = resolve(m, &p, &all);
            // Itself, or its own parent folders (the shared types of a folder's mod.rs).
            if to == *m || m.starts_with(&to) {
                continue;
            }
            set.insert(to);
        }
    }
    edges
}

/// Strongly connected parts of more than one file: the circles.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for n in edges.get(&m).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    todo.push(n.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Module, BTreeSet<Module>> =
        edges.keys().map(|m| (m, reach(m))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for m in edges.keys() {
        if done.contains(m) || !reached[m].contains(m) {
            continue;
        }
        let part: Vec<&Module> = edges
            .keys()
            .filter(|n| reached[m].contains(*n) && reached[*n].contains(m))
            .collect();
        done.extend(part.iter().map(|n| (*n).clone()));
        out.push(part.iter().map(|n| n.join("::")).collect());
    }
    out
}

#[test]
fn no_file_names_another_that_names_it_back() {
    let found = circles(&graph());
    assert!(found.is_empty(), "import circles: {found:?}");
}

#[test]
fn no_room_names_one_on_a_floor_above() {
    let floor = |m: &Module| {
        let room = m.first().map_or("", String::as_str);
        FLOORS.iter().position(|f| f.contains(&room))
    };
    let mut up = Vec::new();
    for (from, tos) in graph() {
        let Some(a) = floor(&from) else { continue };
        for to in tos {
            if let Some(b) = floor(&to).filter(|b| *b > a) {
                up.push(format!(
                    "{} (floor {a}) → {} (floor {b})",
                    from.join("::"),
                    to.join("::")
                ));
            }
        }
    }
    assert!(
        up.is_empty(),
        "imports running up the layers:\n{}",
        up.join("\n")
    );
    // Every room of the library is on a floor.
    let mut all = BTreeMap::new();
    modules(Path::new("src"), &Vec::new(), &mut all);
    let homeless: BTreeSet<_> = all
        .keys()
        .filter(|m| !m.is_empty() && floor(m).is_none())
        .map(|m| m[0].clone())
        .collect();
    assert!(homeless.is_empty(), "rooms on no floor: {homeless:?}");
}

/// The test finds what it looks for: a circle written into a copy of the graph, and the
/// parsing of a brace group, a `super` chain and a path in a comment or a string.
#[test]
fn the_checker_sees_a_circle_and_reads_paths_as_rust_does() {
    let mut edges = graph();
    let a = vec!["charts".to_string(), "axis".to_string()];
    let b = vec!["charts".to_string(), "theme".to_string()];
    edges.entry(a.clone()).or_default().insert(b.clone());
    edges.entry(b).or_default().insert(a);
    assert!(circles(&edges)
        .iter()
        .any(|c| c.contains(&"charts::axis".to_string())));
    let code = code_only("use crate::data::{self, model::{X, Y}, lineage};\n// crate::web::x\nlet s = \"crate::components\"; super::super::text::format::int(1);");
    assert_eq!(
        paths(&code),
        [
            vec!["crate", "data"],
            vec!["crate", "data", "model", "X"],
            vec!["crate", "data", "model", "Y"],
            vec!["crate", "data", "lineage"],
            vec!["super", "super", "text", "format", "int"],
        ]
        .map(|p| p.into_iter().map(String::from).collect::<Vec<_>>())
    );
}
