//! The staff editor (`edit.html`): what only staff load. The draft is the dataset file as a tree
//! ([`crate::data::tree`]), checked on every change by the build's own decode and validate code.
//! Pure parts here (tested natively); the page itself is `view` (feature `editor`).

pub mod changes;
pub mod draft;
pub mod live;
pub mod paste;

#[cfg(feature = "editor")]
pub mod view;
