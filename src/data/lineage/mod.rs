//! What became of the unit: the units before and after it, the events between them (founded,
//! merged, split, transferred, ended, and a size a source publishes between them), each with its deciding document and the figures its
//! source gives, and the flows of organisations and members from one unit to others.
//!
//! Every number is a figure of the dataset's `figures` list (group `lineage`): its value as
//! written, its quote and its sentence, so the checks and the quote audit that hold for the
//! article's figures hold for these. What a source does not give is absent, and shown as not
//! given, never as 0: how many of a merged unit's organisations came from each side, say.

pub mod check;
pub(crate) mod decode;
pub mod error;

use super::quote::Quote;
use crate::text::lang::Localized;

/// A Party organisation of the lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct LineageUnit {
    pub id: String,
    pub name: Localized,
    /// A shorter name for the drawing on a narrow screen ("Khối CQ và DN tỉnh"). Optional.
    pub short: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Founded,
    Merged,
    Split,
    Transferred,
    Ended,
    /// No change: a source gives the unit's size on a day (a congress, an anniversary).
    Counted,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Founded,
        EventKind::Merged,
        EventKind::Split,
        EventKind::Transferred,
        EventKind::Ended,
        EventKind::Counted,
    ];

    /// The name used in data/dataset.json.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Founded => "founded",
            EventKind::Merged => "merged",
            EventKind::Split => "split",
            EventKind::Transferred => "transferred",
            EventKind::Ended => "ended",
            EventKind::Counted => "counted",
        }
    }

    /// The event in words: (Vietnamese, English).
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            EventKind::Founded => ("Thành lập", "Founded"),
            EventKind::Merged => ("Hợp nhất", "Merged"),
            EventKind::Split => ("Chia tách", "Split"),
            EventKind::Transferred => ("Chuyển giao", "Transferred"),
            EventKind::Ended => ("Kết thúc hoạt động", "Ended"),
            EventKind::Counted => ("Quy mô được công bố", "Size published"),
        }
    }
}

/// One event of the lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    /// When it took effect (ISO).
    pub date: String,
    /// The deciding document's number ("1300-QĐ/TU"), its date (ISO) and who issued it, where
    /// the source names them.
    pub decision: Option<String>,
    pub decision_date: Option<String>,
    pub decided_by: Option<Localized>,
    /// The units the event acts on: merged, split, transferred from, ended.
    pub units: Vec<String>,
    /// The units it makes or hands to: the merged unit, the founded one, the recipients.
    pub into: Vec<String>,
    /// Figure ids: the totals the source gives for the event (a merged unit's organisations and
    /// members; what a transfer handed over). Absent: not given.
    pub organisations: Option<String>,
    pub members: Option<String>,
    /// Id of a `Document` (with its address): where the event is published; the id of its
    /// sentence there (in `sentences`, verbatim) and the quote of that sentence that says it.
    pub document: String,
    pub source: String,
    pub quote: Quote,
}

/// Organisations (and members) going from an event's units to some of its `into` units: one
/// recipient, or several the source names together ("Đảng bộ TP. Pleiku, Đảng bộ huyện Ia Grai").
/// Where the source splits what one unit received by the units it came from ("7 … thuộc Đảng bộ
/// các tập đoàn … và 3 … trực thuộc Đảng ủy UBND tỉnh"), `from` names the giver.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Id of an `Event`.
    pub event: String,
    /// Some of the event's `units`; empty: all of them.
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub organisations: Option<String>,
    pub members: Option<String>,
}
