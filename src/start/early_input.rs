//! What the reader did on the pre-rendered page before the app started (README: "a reader's
//! first touch is never lost"): static/boot.js records it as `window.tccsEarly` and holds it
//! back; start-up replays it once the page is hydrated and the URL's view applied.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// boot.js's record (`holdEarlyInput` there).
    type EarlyInput;

    /// None where no boot script ran (the tests' pages).
    #[wasm_bindgen(thread_local_v2, js_namespace = window, js_name = tccsEarly)]
    static EARLY_INPUT: Option<EarlyInput>;

    /// Gives each recorded input to its element again, in order, and stops recording.
    #[wasm_bindgen(method)]
    fn replay(this: &EarlyInput);
}

/// Replays what the reader did before the app started, if anything.
pub fn replay() {
    EARLY_INPUT.with(|e| {
        if let Some(e) = e {
            e.replay();
        }
    });
}
