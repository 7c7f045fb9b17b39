//! Grassroots Party organisations of a Party unit, year by year: the data, the view state and the
//! charts are plain Rust (tested natively); `components` and `web` are the view layer (feature
//! `ui`: rendered to HTML at build time with `ssr`, hydrated in the browser with `hydrate`).
//!
//! Layers, each using only those below it: `start`, `render` → `components` → `web`, `share` →
//! `export`, `sources_html`, `summary`, `download_files` → `charts` → `state` → `data` → `text`. The editor (`editor`) sits beside
//! the reader's start-up and uses the components for its preview.
//!
//! # The six build configurations
//! | features | target | what it builds |
//! |---|---|---|
//! | none | native | the data, state, chart and export code and their tests (`cargo test`) |
//! | `ssr` | native | the build-time render (`prerender`, step 3 of `scripts/build.sh`; `tests/render.rs`) |
//! | `ssr` + `pack` | wasm32 | the publisher: the same render in the staff editor's browser, and the publication's archive (`archive`) |
//! | `hydrate` | wasm32 | the reader (`tccs-dashboard`) and the component tests (`tests/web.rs`) |
//! | `editor` (= `hydrate` + the editing views) | wasm32 | the staff editor (`editor`) |
//! | `js` (the browser's JSON values, no view layer) | wasm32 | the reader's on-demand `details`: the Sources page, a broken dataset's messages, the JSON and SVG files |
//!
//! `ui` is not chosen on its own: it is the view layer both modes share.

// Deep view types: the build-time render (`ssr`) resolves them in async blocks.
#![recursion_limit = "256"]

// Both modes in one binary compile, yet tachys then never creates event handlers: a page that
// renders and does nothing (docs/architecture.md, "One renderer, two modes"). Refused here rather than by a comment in Cargo.toml.
#[cfg(all(feature = "ssr", feature = "hydrate"))]
compile_error!(
    "features `ssr` and `hydrate` (or `editor`) must not be built together: tachys then creates \
     no event handlers. Build the render with `ssr`, the reader with `hydrate`, the editor with \
     `editor` (src/lib.rs lists the six configurations)."
);
#[cfg(all(feature = "ui", not(any(feature = "ssr", feature = "hydrate"))))]
compile_error!(
    "feature `ui` is the view layer shared by `ssr` and `hydrate`: choose one of those instead \
     (src/lib.rs lists the six configurations)."
);

pub mod archive;
pub mod charts;
pub mod data;
pub mod download_files;
pub mod editor;
pub mod export;
pub mod share;
pub mod sources_html;
pub mod state;
pub mod summary;
pub mod text;

#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "hydrate")]
pub mod start;
#[cfg(feature = "ui")]
pub mod web;
