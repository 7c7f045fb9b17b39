//! A tap on a part still waiting: its turn now, and, when the part was built afresh, the tap
//! given again to the new element in the tapped one's place.

use super::queue::{take_turn, PendingHydration};
use leptos::tachys::renderer::types::Element;
use wasm_bindgen::{closure::Closure, JsCast};

/// A tap (click, input, change) on a part still waiting: its turn now, before the event goes on
/// to its target. Hydrated, the part has its handlers by the time the event reaches them; built
/// afresh, the event is stopped and given again to the new element in the old one's place.
pub(super) fn take_on_touch(
    el: &Element,
    turn: PendingHydration,
    now: Box<dyn Fn() -> Option<Element>>,
) {
    let root = el.clone();
    let touched = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if turn.borrow().is_none() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let place = target.as_ref().and_then(|t| place_in(&root, t));
        if take_turn(&turn) != Some(true) {
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
