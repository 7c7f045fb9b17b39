//! Hydration in steps: a part of the page wrapped in [`later`] is hydrated in a task of its own,
//! after the rest, so start-up is several short tasks instead of one long one. A reader's tap
//! can be taken between them (Lighthouse counts each task's time over 50 ms as blocking), and
//! the first chart paints before the cards below it are hydrated.
//!
//! Rendered at build time or built in the browser, a `later` part is its view, unchanged. Only
//! hydration differs: the part's element is left as the build wrote it, its view is made and
//! hydrated by [`then`]'s queue, one part per task, under the owner it would have had.
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

use crate::web::soon;
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
use wasm_bindgen::{closure::Closure, JsCast};

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

/// A part's turn: hydrate it, or (`true`) build it afresh in its element's place. Taken by the
/// first of the queue and the reader's tap.
type Turn = Rc<RefCell<Option<Box<dyn FnOnce(bool)>>>>;

struct Part {
    el: Element,
    turn: Turn,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Part>> = const { RefCell::new(VecDeque::new()) };
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// Whether the state is no longer the one the build rendered (given by [`then`]).
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
fn take(turn: &Turn) -> Option<bool> {
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
pub fn then(steps: Steps) {
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
    struct Left {
        on_screen: usize,
        touched: Box<dyn Fn() -> bool>,
        ready: Option<Box<dyn FnOnce()>>,
        whole: Box<dyn FnOnce()>,
    }
    fn step(mut left: Left) {
        let empty = QUEUE.with(|q| q.borrow().is_empty());
        if left.ready.is_some() && (empty || left.on_screen == 0 && !(left.touched)()) {
            if let Some(ready) = left.ready.take() {
                ready();
            }
            return soon(move || step(left));
        }
        match QUEUE.with(|q| q.borrow_mut().pop_front()) {
            Some(part) => {
                left.on_screen = left.on_screen.saturating_sub(1);
                take(&part.turn);
                soon(move || step(left));
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
        step(Left {
            on_screen,
            touched,
            ready: Some(ready),
            whole,
        });
    });
}

/// A tap (click, input, change) on a part still waiting: its turn now, before the event goes on
/// to its target. Hydrated, the part has its handlers by the time the event reaches them; built
/// afresh, the event is stopped and given again to the new element in the old one's place.
fn take_on_touch(el: &Element, turn: Turn, now: Box<dyn Fn() -> Option<Element>>) {
    let root = el.clone();
    let touched = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if turn.borrow().is_none() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let place = target.as_ref().and_then(|t| place_in(&root, t));
        if take(&turn) != Some(true) {
            return;
        }
        ev.stop_propagation();
        ev.prevent_default();
        let again = now()
            .zip(place)
            .and_then(|(el, place)| at_place(el, &place));
        if let (Some(old), Some(new)) = (target, again) {
            give_again(&ev, &old, &new);
        }
    });
    for kind in ["click", "input", "change"] {
        let _ = el.add_event_listener_with_callback_and_bool(
            kind,
            touched.as_ref().unchecked_ref(),
            true,
        );
    }
    // Once per part of a hydrated page; the listener does nothing after the part's turn.
    touched.forget();
}

/// The element's place under `root`: each ancestor's index among its sibling elements (text and
/// comment nodes differ between the build's DOM and one built here; elements do not).
fn place_in(root: &Element, el: &Element) -> Option<Vec<u32>> {
    let mut place = Vec::new();
    let mut at = el.clone();
    while &at != root {
        let mut i = 0;
        let mut sib = at.previous_element_sibling();
        while let Some(s) = sib {
            i += 1;
            sib = s.previous_element_sibling();
        }
        place.push(i);
        at = at.parent_element()?;
    }
    place.reverse();
    Some(place)
}

fn at_place(mut el: Element, place: &[u32]) -> Option<Element> {
    for &i in place {
        el = el.first_element_child()?;
        for _ in 0..i {
            el = el.next_element_sibling()?;
        }
    }
    Some(el)
}

/// The event again, on the new element: a plain event of the same type (the app's click handlers
/// read nothing of a click but that it happened), with a moved handle's value.
fn give_again(ev: &web_sys::Event, old: &Element, new: &Element) {
    let kind = ev.type_();
    if kind != "click" {
        // A handle or a list moved: its value first.
        let value = js_sys::Reflect::get(old, &"value".into()).unwrap_or_default();
        let _ = js_sys::Reflect::set(new, &"value".into(), &value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(again) = web_sys::Event::new_with_event_init_dict(&kind, &init) {
        let _ = new.dispatch_event(&again);
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
        let at = el.clone();
        let turn: Turn = Rc::new(RefCell::new(Some(Box::new(move |fresh: bool| {
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
        QUEUE.with(|q| q.borrow_mut().push_back(Part { el, turn }));
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
