//! A part as a Leptos view. Built in the browser or rendered at build time, it is its view,
//! unchanged; hydrated, it steps over the build's element, leaves it as it is and puts the part
//! in the queue, to be hydrated (or built afresh) in its turn.
//!
//! The Leptos internals this relies on (tachys 0.2, Leptos 0.8; `tests/leptos_internals.rs`
//! fails when Cargo.lock moves to another tachys, so that this list is read again):
//! - `RenderHtml::hydrate` receives the hydration `Cursor` and `PositionState`, and an element's
//!   own hydration moves the cursor as `hydrate` below does (`child` for `FirstChild`, nothing
//!   for `Current`, `sibling` otherwise), leaving it on the element;
//! - `Cursor::new(element)` with `Position::Current` hydrates a view from that element, as a
//!   mount's own hydration starts from its root;
//! - `Owner::current()` at hydration time is the owner the part's view would have had, and
//!   `Owner::with` gives it back to the view made later;
//! - `Mountable`'s `unmount`, `mount`, `insert_before_this` and `elements` are the whole of what
//!   a parent view asks of a child's state.

use super::queue::{push, PendingHydration, HYDRATING};
use super::replay::take_on_touch;
use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};
use std::cell::RefCell;
use std::rc::Rc;
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

/// A part's state: its element while it waits, then its view's state.
pub struct LaterState<S>(Rc<RefCell<Slot<S>>>);

enum Slot<S> {
    Waiting(Element),
    Ready(S),
    /// Unmounted before its turn: its element is gone and its turn is skipped.
    Gone,
}

impl<S: Mountable> Slot<S> {
    fn first_element(&self) -> Option<Element> {
        match self {
            Slot::Ready(state) => state.elements().into_iter().next(),
            Slot::Waiting(el) => Some(el.clone()),
            Slot::Gone => None,
        }
    }
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
        // (updating in place would bring that path in, for a change of `chart=` alone;
        // (docs/performance.md, "Figures behind the code")).
        let mut next = self.build();
        state.insert_before_this(&mut next);
        state.unmount();
        *state = next;
    }
}

/// Evaluated only where `add_any_attr` is instantiated, that is, where a parent spreads
/// attributes onto a `later` part: that build fails with this message.
struct NoAttributes<A>(std::marker::PhantomData<A>);

impl<A> NoAttributes<A> {
    const REFUSED: () = panic!(
        "a later(…) part takes no attributes from its parent: put them on the part's own element"
    );
}

impl<F, V> AddAnyAttr for Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    type Output<SomeNewAttr: Attribute> = Self;

    /// Refused at compile time: a `later` part takes no attributes from its parent (it would
    /// have to carry them to a view made in another task). Put them on the part's own element.
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        let () = NoAttributes::<NewAttr>::REFUSED;
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
        let at = el.clone();
        let turn: PendingHydration = Rc::new(RefCell::new(Some(Box::new(move |fresh: bool| {
            if !matches!(*waiting.borrow(), Slot::Waiting(_)) {
                return;
            }
            // Gone from the page before its turn (another tab or `chart=` chosen; an element
            // removed with its parent is not told): its owner is gone too.
            if !at.is_connected() {
                *waiting.borrow_mut() = Slot::Gone;
                return;
            }
            let made = move || {
                if fresh {
                    let mut state = make().build();
                    if let Some(parent) = at.parent_element() {
                        state.mount(&parent, Some(&*at));
                    }
                    at.remove();
                    return state;
                }
                let cursor = Cursor::new(at);
                let position = PositionState::new(Position::Current);
                HYDRATING.with(|h| h.set(true));
                let state = make().hydrate::<FROM_SERVER>(&cursor, &position);
                HYDRATING.with(|h| h.set(false));
                state
            };
            let state = match owner {
                Some(owner) => owner.with(made),
                None => made(),
            };
            *waiting.borrow_mut() = Slot::Ready(state);
        }))));
        // Weak: the listener outlives the part, and its view's state (effects, signals) must go
        // when the part goes.
        let now = Rc::downgrade(&slot);
        take_on_touch(
            &el,
            Rc::clone(&turn),
            Box::new(move || now.upgrade()?.borrow().first_element()),
        );
        push(el, turn);
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
