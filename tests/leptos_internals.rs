//! The hydration adapter (`src/components/later/adapter.rs`) implements tachys' render, hydrate
//! and mount traits by hand and drives the hydration cursor itself: its doc lists what of
//! tachys it relies on. That was read against the versions below. Cargo.lock moving to another
//! tachys (a `cargo update` of Leptos) fails this test on purpose, so that the list is read
//! again against the new source, and the end-to-end tests of start-up (tests/e2e/early.test.mjs:
//! a tap before a part's turn, hydrated and built afresh) are run, before the versions here are
//! moved on.

/// The version of `name` in Cargo.lock.
fn locked(name: &str) -> Option<String> {
    let lock = include_str!("../Cargo.lock");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            return lines
                .next()?
                .strip_prefix("version = \"")?
                .strip_suffix('"')
                .map(str::to_string);
        }
    }
    None
}

#[test]
fn the_adapter_was_read_against_the_locked_tachys_and_leptos() {
    for (name, read_against) in [("tachys", "0.2.19"), ("leptos", "0.8.23")] {
        assert_eq!(
            locked(name).as_deref(),
            Some(read_against),
            "Cargo.lock has another {name}: read src/components/later/adapter.rs's list of the \
             internals it relies on against its source, run the end-to-end start-up tests, then \
             update this test"
        );
    }
}
