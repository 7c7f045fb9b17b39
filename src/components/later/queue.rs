//! The queue of parts waiting their turns, and start-up's steps around them: the parts on screen,
//! then `ready`, then the others, then `whole`, one part per task.

use crate::web::soon;
use leptos::prelude::*;
use leptos::tachys::renderer::types::Element;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A part's turn: hydrate it, or (`true`) build it afresh in its element's place. Taken by the
/// first of the queue and the reader's tap.
pub(super) type PendingHydration = Rc<RefCell<Option<Box<dyn FnOnce(bool)>>>>;

struct Part {
    el: Element,
    turn: PendingHydration,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Part>> = const { RefCell::new(VecDeque::new()) };
    pub(super) static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// Whether the state is no longer the one the build rendered (given by [`hydrate_in_turns`]).
    static CHANGED: RefCell<Option<Box<dyn Fn() -> bool>>> = const { RefCell::new(None) };
}

/// Whether the view being made now is hydrated from the build's DOM (whose rows and picture are
/// then already there): during the first task of hydration, as Leptos says, or in a later part's
/// task (Leptos' own flag is off by then).
pub fn from_build() -> bool {
    HYDRATING.with(Cell::get)
        || Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

fn changed() -> bool {
    CHANGED.with(|c| c.borrow().as_ref().is_some_and(|f| f()))
}

/// Takes the part's turn, unless it was taken; says whether it was built afresh.
pub(super) fn take_turn(turn: &PendingHydration) -> Option<bool> {
    let f = turn.borrow_mut().take()?;
    let fresh = changed();
    f(fresh);
    Some(fresh)
}

/// What start-up does around the parts' turns.
pub struct Steps {
    /// Whether the reader did something before the app started (to be replayed on the build's
    /// page: every part is then hydrated before `ready`).
    pub touched: Box<dyn Fn() -> bool>,
    /// Whether the state is no longer the build's.
    pub changed: Box<dyn Fn() -> bool>,
    /// Once the parts on screen are hydrated: the app applies the URL and takes input.
    pub ready: Box<dyn FnOnce()>,
    /// Once every part has had its turn.
    pub whole: Box<dyn FnOnce()>,
}

/// Gives the parts waiting their turns, one per task, in page order: those up to the last one
/// on screen, then `ready` (in a task of its own), then the others, then `whole`. With nothing
/// waiting (a page built in the browser), runs `ready` and `whole` now.
pub fn hydrate_in_turns(steps: Steps) {
    let Steps {
        touched,
        changed,
        ready,
        whole,
    } = steps;
    CHANGED.with(|c| *c.borrow_mut() = Some(changed));
    if QUEUE.with(|q| q.borrow().is_empty()) {
        ready();
        whole();
        return;
    }
    struct Remaining {
        on_screen: usize,
        touched: Box<dyn Fn() -> bool>,
        ready: Option<Box<dyn FnOnce()>>,
        whole: Box<dyn FnOnce()>,
    }
    fn next_turn(mut left: Remaining) {
        let empty = QUEUE.with(|q| q.borrow().is_empty());
        if left.ready.is_some() && (empty || left.on_screen == 0 && !(left.touched)()) {
            if let Some(ready) = left.ready.take() {
                ready();
            }
            return soon(move || next_turn(left));
        }
        match QUEUE.with(|q| q.borrow_mut().pop_front()) {
            Some(part) => {
                left.on_screen = left.on_screen.saturating_sub(1);
                take_turn(&part.turn);
                soon(move || next_turn(left));
            }
            None => (left.whole)(),
        }
    }
    soon(move || {
        // The parts up to the last one the reader sees, in page order (at the top of the page,
        // the year filter and the first row of charts). Read in a task of its own, after the
        // page's frame was hydrated: the layout is the one painted.
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let on_screen = QUEUE.with(|q| {
            q.borrow()
                .iter()
                .rposition(|p| {
                    let r = p.el.get_bounding_client_rect();
                    r.bottom() > 0.0 && r.top() < height
                })
                .map_or(0, |i| i + 1)
        });
        next_turn(Remaining {
            on_screen,
            touched,
            ready: Some(ready),
            whole,
        });
    });
}

/// Puts a part at the end of the queue (parts are hydrated in page order).
pub(super) fn push(el: Element, turn: PendingHydration) {
    QUEUE.with(|q| q.borrow_mut().push_back(Part { el, turn }));
}
