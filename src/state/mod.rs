//! What is shown: the view state and its URL form (`view`, plain Rust, tested natively), and the
//! same state as the signals the views share (`app`, with the view layer).

mod view;
pub use view::*;

#[cfg(feature = "ui")]
mod app;
#[cfg(feature = "ui")]
pub use app::{app_state, AppState};
