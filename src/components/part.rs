//! A part of the page that a closure shows or hides as a whole (a card, the year filter, the
//! dataset's downloads): when the closure runs again, a new part replaces the old one rather
//! than patching the old one's DOM in place.
//!
//! Why: a part shown by a closure (`move || shown().map(card).collect_view()`) would otherwise
//! carry the whole patching path of its view (tachys' `rebuild`) into the wasm, for a change of
//! `chart=` alone. Replaced, a card never inherits another card's elements, and the reader's wasm
//! is 4,852 B brotli smaller (docs/performance.md, "Figures behind the code").
//!
//! Leptos' public view traits (`Render`, `RenderHtml`, `AddAnyAttr`), each method handed to the
//! part's own view but `rebuild`: no hydration cursor, no owner, nothing of Leptos' internals.

use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::{add_attr::AddAnyAttr, Position, PositionState, Render, RenderHtml};

/// `view` as a part: replaced whole when its parent's closure runs again.
pub fn part<V: RenderHtml + 'static>(view: V) -> Part<V> {
    Part(view)
}

pub struct Part<V>(V);

impl<V: Render> Render for Part<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut next = self.0.build();
        state.insert_before_this(&mut next);
        state.unmount();
        *state = next;
    }
}

/// Evaluated only where `add_any_attr` is instantiated, that is, where a parent spreads
/// attributes onto a part: that build fails with this message.
struct NoAttributes<A>(std::marker::PhantomData<A>);

impl<A> NoAttributes<A> {
    const REFUSED: () =
        panic!("a part(…) takes no attributes from its parent: put them on the part's own element");
}

impl<V: RenderHtml + 'static> AddAnyAttr for Part<V> {
    type Output<SomeNewAttr: Attribute> = Self;

    /// Refused at compile time (a part's attributes are its own element's).
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        let () = NoAttributes::<NewAttr>::REFUSED;
        self
    }
}

impl<V: RenderHtml + 'static> RenderHtml for Part<V> {
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = V::MIN_LENGTH;

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
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
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
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
