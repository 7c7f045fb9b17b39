//! The checks of a lineage: units and events exist where they are named, dates are real and in
//! order, each event has its sides, its source has an address, the flows of an event add up to
//! the whole its source gives, and each of its figures is written in its quote.

use super::error::LineageError as E;
use super::EventKind;
use crate::data::error::DataError;
use crate::data::model::{is_iso_date, sum_holds, Dataset, Group, Place, PLAUSIBLE_YEARS};
use crate::data::validate::is_source_url;
use std::collections::BTreeSet;

/// A real ISO date in the plausible years.
fn good_date(s: &str) -> bool {
    is_iso_date(s)
        && s.get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .is_some_and(|y| PLAUSIBLE_YEARS.contains(&y))
}

pub fn check(ds: &Dataset, errors: &mut Vec<DataError>) {
    let mut push = |e: E| errors.push(DataError::Lineage(e));
    let mut ids = BTreeSet::new();
    for u in &ds.units {
        if !ids.insert(u.id.as_str()) {
            push(E::DuplicateUnit(u.id.clone()));
        }
    }
    match ds.lineage_unit.as_deref() {
        None if ds.has_lineage() => push(E::NoOwnUnit),
        Some(id) if ds.lineage_unit(id).is_none() => push(E::UnknownOwnUnit(id.into())),
        _ => {}
    }
    let unit_names = |place: String, list: &[String], push: &mut dyn FnMut(E)| {
        for u in list.iter().filter(|u| ds.lineage_unit(u).is_none()) {
            push(E::UnknownUnit {
                place: place.clone(),
                unit: u.clone(),
            });
        }
    };
    let figure_named = |place: String, id: Option<&String>, push: &mut dyn FnMut(E)| {
        if let Some(id) = id.filter(|id| ds.figure(id).is_none()) {
            push(E::UnknownFigure {
                place,
                figure: id.clone(),
            });
        }
    };
    let mut seen = BTreeSet::new();
    let mut previous: Option<&str> = None;
    for e in &ds.events {
        let at = |field: &str| format!("dataset.events[{}].{field}", e.id);
        if !seen.insert(e.id.as_str()) {
            push(E::DuplicateEvent(e.id.clone()));
        }
        if good_date(&e.date) {
            // ISO dates compare as text.
            if let Some(p) = previous.filter(|p| *p > e.date.as_str()) {
                push(E::DateBeforePrevious {
                    event: e.id.clone(),
                    date: e.date.clone(),
                    previous: p.into(),
                });
            }
            previous = Some(&e.date);
        } else {
            push(E::BadDate {
                place: at("date"),
                date: e.date.clone(),
            });
        }
        if let Some(d) = &e.decision_date {
            if !good_date(d) {
                push(E::BadDate {
                    place: at("decision_date"),
                    date: d.clone(),
                });
            } else if good_date(&e.date) && d.as_str() > e.date.as_str() {
                push(E::DecisionAfterEvent {
                    event: e.id.clone(),
                    decision: d.clone(),
                    date: e.date.clone(),
                });
            }
        }
        let (needs_units, needs_into) = match e.kind {
            EventKind::Founded => (false, true),
            EventKind::Ended | EventKind::Counted => (true, false),
            EventKind::Merged | EventKind::Split | EventKind::Transferred => (true, true),
        };
        for (needed, side, list) in [
            (needs_units, "units", &e.units),
            (needs_into, "into", &e.into),
        ] {
            if needed && list.is_empty() {
                push(E::EmptySide {
                    event: e.id.clone(),
                    side,
                });
            }
            unit_names(at(side), list, &mut push);
        }
        figure_named(at("organisations"), e.organisations.as_ref(), &mut push);
        figure_named(at("members"), e.members.as_ref(), &mut push);
        match ds.sentences.get(&e.source) {
            None => push(E::UnknownSentence {
                event: e.id.clone(),
                source: e.source.clone(),
            }),
            Some(s) if !s.contains(e.quote.as_str()) => push(E::QuoteNotInSentence {
                event: e.id.clone(),
                quote: e.quote.to_string(),
            }),
            Some(_) => {}
        }
        // The event's own totals are written in its quote, as a figure is in its own.
        for id in [&e.organisations, &e.members].into_iter().flatten() {
            if let Some(f) = ds.figure(id).filter(|f| !e.quote.writes(f.value)) {
                push(E::EventQuoteWithout {
                    event: e.id.clone(),
                    written: f.as_written.clone(),
                    quote: e.quote.to_string(),
                });
            }
        }
        match ds.document(&e.document) {
            None => push(E::UnknownDocument {
                event: e.id.clone(),
                document: e.document.clone(),
            }),
            Some(d) if d.url.is_none() => push(E::NoAddress {
                event: e.id.clone(),
                document: e.document.clone(),
            }),
            Some(_) => {}
        }
    }
    for d in &ds.documents {
        if let Some(url) = d.url.as_ref().filter(|u| !is_source_url(u)) {
            push(E::BadAddress {
                document: d.id.clone(),
                url: url.clone(),
            });
        }
    }
    for (index, f) in ds.flows.iter().enumerate() {
        let at = |field: &str| format!("dataset.flows[{index}].{field}");
        let event = ds.event(&f.event);
        if event.is_none() {
            push(E::UnknownEvent {
                index,
                event: f.event.clone(),
            });
        }
        unit_names(at("to"), &f.to, &mut push);
        unit_names(at("from"), &f.from, &mut push);
        if let Some(e) = event {
            for u in f.to.iter().filter(|u| !e.into.contains(u)) {
                push(E::NotRecipient {
                    index,
                    unit: u.clone(),
                });
            }
            for u in f.from.iter().filter(|u| !e.units.contains(u)) {
                push(E::NotGiver {
                    index,
                    unit: u.clone(),
                });
            }
        }
        figure_named(at("organisations"), f.organisations.as_ref(), &mut push);
        figure_named(at("members"), f.members.as_ref(), &mut push);
    }
    sums(ds, &mut push);
    figures(ds, &mut push);
}

/// Where a source gives both an event's whole and every one of its flows, they add up (as
/// bounds where one is a bound).
fn sums(ds: &Dataset, push: &mut dyn FnMut(E)) {
    for e in &ds.events {
        let flows: Vec<_> = ds.flows_of(&e.id).collect();
        if flows.is_empty() {
            continue;
        }
        for (field, whole_id, part) in [
            ("organisations", &e.organisations, 0),
            ("members", &e.members, 1),
        ] {
            let Some(whole) = ds.value_of(whole_id.as_deref()) else {
                continue;
            };
            let bounded = |id: Option<&str>| {
                id.and_then(|id| ds.figure(id))
                    .map(|f| (f.value, f.more_than()))
            };
            // Every flow's figure, summed; a flow without one leaves nothing to check.
            let (mut sum, mut parts_bound, mut all) = (0.0, false, true);
            for f in &flows {
                let id = if part == 0 {
                    &f.organisations
                } else {
                    &f.members
                };
                match bounded(id.as_deref()) {
                    Some((v, b)) => {
                        sum += v;
                        parts_bound |= b;
                    }
                    None => all = false,
                }
            }
            let whole_bound = bounded(whole_id.as_deref()).is_some_and(|w| w.1);
            if all && !sum_holds(whole, whole_bound, sum, parts_bound) {
                push(E::PartsDoNotAdd {
                    event: e.id.clone(),
                    field,
                    parts: sum,
                    whole,
                });
            }
        }
    }
}

/// A lineage figure is written in its own quote (a correction its revision marks excepted), and
/// its period is the date its source counts it on, or `undated`.
fn figures(ds: &Dataset, push: &mut dyn FnMut(E)) {
    for f in &ds.figures {
        if let Some(d) = f.document.as_ref().filter(|d| ds.document(d).is_none()) {
            push(E::UnknownFigureDocument {
                figure: f.id.clone(),
                document: d.clone(),
            });
        }
    }
    for f in ds.figures.iter().filter(|f| f.group == Group::Lineage) {
        let corrected = ds
            .correction(&Place::Figure(f.id.clone(), "value".into()))
            .is_some_and(|(_, c)| c.corrects_source);
        // A lower bound is quoted with its word ("trên 1.800"), so it is never read as exact.
        let bound_unquoted = f.more_than() && !f.quote.contains(f.as_written.as_str());
        if (!f.quote.writes(f.value) || bound_unquoted) && !corrected {
            push(E::QuoteWithoutFigure {
                figure: f.id.clone(),
                written: f.as_written.clone(),
                quote: f.quote.to_string(),
            });
        }
        if f.period != "undated" && !good_date(&f.period) {
            push(E::BadPeriod {
                figure: f.id.clone(),
                period: f.period.clone(),
            });
        }
    }
}
