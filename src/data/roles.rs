//! The charts and the figures each one needs: the one table that ties the code's charts to the
//! dataset's figure ids. Validation names a missing figure together with the chart that needs it,
//! and the editor marks these figures as required.
//!
//! What a chart needs is its *role* in the data, never a number, year or name of one unit: any
//! unit that reports "new members" gives them the id `members.new`, whatever it counts.

use super::model::{Dataset, Group};

/// Every chart, with the stable id used in URLs (`chart=quality`) and in the data file
/// (`chart_titles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    Quality,
    Rate,
    Weak,
    Changes,
    Structure,
    Members,
    Cadres,
    /// What became of the unit (shown when the data has a lineage).
    Lineage,
}

impl ChartId {
    pub const ALL: [ChartId; 8] = [
        ChartId::Quality,
        ChartId::Rate,
        ChartId::Weak,
        ChartId::Changes,
        ChartId::Structure,
        ChartId::Members,
        ChartId::Cadres,
        ChartId::Lineage,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChartId::Quality => "quality",
            ChartId::Rate => "rate",
            ChartId::Weak => "weak",
            ChartId::Changes => "changes",
            ChartId::Structure => "structure",
            ChartId::Members => "members",
            ChartId::Cadres => "cadres",
            ChartId::Lineage => "lineage",
        }
    }

    pub fn parse(s: &str) -> Option<ChartId> {
        Self::ALL.into_iter().find(|c| c.id() == s.trim())
    }

    /// The charts a dataset has: all but the lineage where it records no events.
    pub fn of(ds: &Dataset) -> impl Iterator<Item = ChartId> + '_ {
        Self::ALL
            .into_iter()
            .filter(|c| *c != ChartId::Lineage || ds.has_lineage())
    }

    /// Charts of the yearly series follow the year filter; the others are totals of a period.
    pub fn is_yearly(self) -> bool {
        matches!(self, ChartId::Quality | ChartId::Rate | ChartId::Weak)
    }

    /// The figure group a totals chart draws (`None`: the yearly series).
    pub fn group(self) -> Option<Group> {
        match self {
            ChartId::Changes => Some(Group::Changes),
            ChartId::Structure => Some(Group::Structure),
            ChartId::Members => Some(Group::Members),
            ChartId::Cadres => Some(Group::Cadres),
            _ => None,
        }
    }

    /// The chart's name in messages to staff: (Vietnamese, English).
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            ChartId::Quality => ("Biểu đồ chất lượng", "The quality chart"),
            ChartId::Rate => ("Biểu đồ tỷ lệ", "The rate chart"),
            ChartId::Weak => ("Biểu đồ loại thấp nhất", "The bottom-category chart"),
            ChartId::Changes => ("Biểu đồ thay đổi tổ chức", "The changes chart"),
            ChartId::Structure => ("Biểu đồ cơ cấu", "The structure chart"),
            ChartId::Members => ("Biểu đồ đảng viên mới", "The new-members chart"),
            ChartId::Cadres => ("Biểu đồ cấp ủy viên", "The committee-members chart"),
            ChartId::Lineage => ("Sơ đồ quá trình", "The lineage chart"),
        }
    }
}

/// The whole of the structure chart: its parts come from `sums`, its note from them.
pub const STRUCTURE_TOTAL: &str = "structure.total";
/// The whole the new-member groups are shares of.
pub const MEMBERS_NEW: &str = "members.new";
/// The committee members added: the cadres chart draws it and its parts; figures of another
/// period become notes.
pub const CADRES_ADDED: &str = "cadres.added";
/// Optional: with the dissolved count, the check of the changes against the totals' growth.
pub const CHANGES_ESTABLISHED: &str = "changes.established";
pub const CHANGES_DISSOLVED: &str = "changes.dissolved";
pub const CHANGES_MERGED: &str = "changes.merged";
pub const CHANGES_TRANSFERRED: &str = "changes.transferred";

/// The figures each chart cannot be drawn without. (The yearly charts need the yearly series,
/// which validation requires anyway; the changes chart needs at least one figure of its group.)
pub const ROLES: [(ChartId, &str); 3] = [
    (ChartId::Structure, STRUCTURE_TOTAL),
    (ChartId::Members, MEMBERS_NEW),
    (ChartId::Cadres, CADRES_ADDED),
];

/// The charts that need the figure `id` (for the editor's "required" mark).
pub fn needed_by(id: &str) -> impl Iterator<Item = ChartId> + '_ {
    ROLES.iter().filter(move |(_, f)| *f == id).map(|(c, _)| *c)
}

/// What a chart lacks: a figure its role needs, or any figure of its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lack {
    Figure(ChartId, &'static str),
    Group(ChartId, Group),
}

/// Every role the dataset does not fill.
pub fn lacking(ds: &Dataset) -> Vec<Lack> {
    let mut out: Vec<Lack> = ROLES
        .iter()
        .filter(|(_, id)| ds.figure(id).is_none())
        .map(|(c, id)| Lack::Figure(*c, id))
        .collect();
    for c in ChartId::ALL {
        if let Some(g) = c.group() {
            let named = out
                .iter()
                .any(|l| matches!(l, Lack::Figure(n, _) if *n == c));
            if !named && ds.group(g).next().is_none() {
                out.push(Lack::Group(c, g));
            }
        }
    }
    out
}
