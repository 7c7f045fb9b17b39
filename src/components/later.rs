//! Hydration in steps: a part of the page wrapped in [`later`] is hydrated in a task of its own,
//! after the rest, so start-up is several short tasks instead of one long one. A reader's tap
//! can be taken between them (Lighthouse counts each task's time over 50 ms as blocking), and
//! the first chart paints before the cards below it are hydrated.
//!
//! Rendered at build time or built in the browser, a `later` part is its view, unchanged. Only
//! hydration differs: the part's element is left as the build wrote it, its view is made and
//! hydrated by [`then`]'s queue, one part per task, under the owner it would have had. Until
//! then no state may change (the DOM would no longer be the state's), which is why the app
//! applies the URL and the reader's early input only in `then`'s last step, and why
//! static/boot.js holds back every input until then.

use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The view `make` returns, hydrated in a later task (its first node must be an element, as a
/// component's `<figure>` is).
pub fn later<F, V>(make: F) -> Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    Later { make }
}

pub struct Later<F> {
    make: F,
}

type Job = Box<dyn FnOnce()>;
thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the view being made now is hydrated from the build's DOM (whose rows and picture are
/// then already there): during the first task of hydration, as Leptos says, or in a later part's
/// task (Leptos' own flag is off by then).
pub fn from_build() -> bool {
    HYDRATING.with(Cell::get)
        || Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

/// Hydrates the parts waiting, one per task, in page order, then runs `done` (in a task of its
/// own too). With nothing waiting (a page built in the browser), runs `done` now.
pub fn then(done: impl FnOnce() + 'static) {
    fn step(done: Job) {
        match QUEUE.with(|q| q.borrow_mut().pop_front()) {
            Some(job) => {
                job();
                set_timeout(move || step(done), Duration::ZERO);
            }
            None => done(),
        }
    }
    if QUEUE.with(|q| q.borrow().is_empty()) {
        done();
    } else {
        let done: Job = Box::new(done);
        set_timeout(move || step(done), Duration::ZERO);
    }
}

/// A part's state: its element while it waits, then its view's state.
pub struct LaterState<S>(Rc<RefCell<Slot<S>>>);

enum Slot<S> {
    Waiting(Element),
    Ready(S),
    /// Unmounted before its turn: its element is gone and its turn is skipped.
    Gone,
}

impl<F, V> Render for Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    type State = LaterState<V::State>;

    fn build(self) -> Self::State {
        LaterState(Rc::new(RefCell::new(Slot::Ready((self.make)().build()))))
    }

    fn rebuild(self, state: &mut Self::State) {
        // A new part replaces the old rather than updating its DOM in place: a card then never
        // inherits another card's elements, and the wasm carries no rebuild path of the card
        // (measured: updating in place costs 3.3 KB gzip, for a change of `chart=` alone).
        let mut next = self.build();
        state.insert_before_this(&mut next);
        state.unmount();
        *state = next;
    }
}

impl<F, V> AddAnyAttr for Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        self
    }
}

impl<F, V> RenderHtml for Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.make)().to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.make)().to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        )
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        // Step over the part's element the way an element's own hydration does, leaving the
        // cursor on it so the next view finds its sibling.
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        let el: Element = cursor.current().unchecked_into();
        position.set(Position::NextChild);
        let slot = Rc::new(RefCell::new(Slot::Waiting(el.clone())));
        let owner = Owner::current();
        let waiting = Rc::clone(&slot);
        let make = self.make;
        let job: Job = Box::new(move || {
            if !matches!(*waiting.borrow(), Slot::Waiting(_)) {
                return;
            }
            let hydrate = move || {
                let cursor = Cursor::new(el);
                let position = PositionState::new(Position::Current);
                HYDRATING.with(|h| h.set(true));
                let state = make().hydrate::<FROM_SERVER>(&cursor, &position);
                HYDRATING.with(|h| h.set(false));
                state
            };
            let state = match owner {
                Some(owner) => owner.with(hydrate),
                None => hydrate(),
            };
            *waiting.borrow_mut() = Slot::Ready(state);
        });
        QUEUE.with(|q| q.borrow_mut().push_back(job));
        LaterState(slot)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

impl<S: Mountable> Mountable for LaterState<S> {
    fn unmount(&mut self) {
        let mut slot = self.0.borrow_mut();
        match &mut *slot {
            Slot::Ready(state) => state.unmount(),
            Slot::Waiting(el) => {
                el.remove();
                *slot = Slot::Gone;
            }
            Slot::Gone => {}
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        match &mut *self.0.borrow_mut() {
            Slot::Ready(state) => state.mount(parent, marker),
            Slot::Waiting(el) => {
                let _ = parent.insert_before(el, marker);
            }
            Slot::Gone => {}
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match &*self.0.borrow() {
            Slot::Ready(state) => state.insert_before_this(child),
            Slot::Waiting(el) => match el.parent_element() {
                Some(parent) => {
                    child.mount(&parent, Some(el));
                    true
                }
                None => false,
            },
            Slot::Gone => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        match &*self.0.borrow() {
            Slot::Ready(state) => state.elements(),
            Slot::Waiting(el) => vec![el.clone()],
            Slot::Gone => Vec::new(),
        }
    }
}
