//! Reads the lineage's lists (`units`, `events`, `flows`) with the decoder's own field reader,
//! so their problems are named the same way: `dataset.events[hop-nhat-2019].date: this field is
//! missing`.

use super::{Event, EventKind, Flow, LineageUnit};
use crate::data::model::Quote;
use crate::data::read::{Errs, Fields, Node};

pub(crate) fn unit<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> LineageUnit {
    let u = LineageUnit {
        id: f.text("id", errs),
        name: f.localized("name", errs),
        short: f.opt_localized("short", errs),
    };
    f.finish(errs);
    u
}

pub(crate) fn event<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Event {
    let kinds = "founded, merged, split, transferred, ended, counted";
    let e = Event {
        id: f.text("id", errs),
        kind: f
            .one_of("kind", &EventKind::ALL, EventKind::id, kinds, errs)
            .unwrap_or(EventKind::Merged),
        date: f.text("date", errs),
        decision: f.opt_text("decision", errs),
        decision_date: f.opt_text("decision_date", errs),
        decided_by: f.opt_localized("decided_by", errs),
        units: f.texts("units", errs),
        into: f.texts("into", errs),
        organisations: f.opt_text("organisations", errs),
        members: f.opt_text("members", errs),
        document: f.text("document", errs),
        source: f.text("source", errs),
        quote: Quote::new(f.text("quote", errs)),
    };
    f.finish(errs);
    e
}

pub(crate) fn flow<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Flow {
    let fl = Flow {
        event: f.text("event", errs),
        from: f.opt_texts("from", errs),
        to: f.texts("to", errs),
        organisations: f.opt_text("organisations", errs),
        members: f.opt_text("members", errs),
    };
    f.finish(errs);
    fl
}
