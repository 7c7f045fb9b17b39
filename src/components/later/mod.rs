//! Hydration in steps: a part of the page wrapped in [`later`] is hydrated in a task of its own,
//! after the rest, so start-up is several short tasks instead of one long one. A reader's tap
//! can be taken between them (Lighthouse counts each task's time over 50 ms as blocking), and
//! the first chart paints before the cards below it are hydrated.
//!
//! Rendered at build time or built in the browser, a `later` part is its view, unchanged. Only
//! hydration differs: the part's element is left as the build wrote it, its view is made and
//! hydrated by [`hydrate_in_turns`]' queue, one part per task, under the owner it would have had.
//!
//! The parts on screen (and any above them) come first; then the app is ready (it applies the
//! URL and takes input), and the parts off screen follow. Until a part's turn its DOM is the
//! build's, so:
//! - a part whose turn comes once the state is no longer the build's (a year chosen, the URL's
//!   view applied) is built afresh in its element's place, since hydrating would keep the
//!   build's figures;
//! - a tap on a part still waiting makes its turn come at once, and reaches the part's own
//!   element (found again by its place, when the part was built afresh);
//! - input made before the app started (static/boot.js holds it back) is replayed on a page
//!   that is still the build's: then every part is hydrated before the app is ready.
//!
//! Three rooms, one job each:
//! - [`queue`]: the parts waiting their turns, and start-up's steps around them;
//! - [`adapter`]: the part as a Leptos view (tachys' render, hydrate and mount traits), which
//!   leaves the build's element in place and puts the part in the queue;
//! - [`replay`]: a tap on a part still waiting takes its turn, and reaches the part built afresh.

mod adapter;
mod queue;
mod replay;

pub use adapter::later;
pub use queue::{from_build, hydrate_in_turns, Steps};
