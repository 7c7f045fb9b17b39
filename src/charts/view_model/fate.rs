//! The line under the page's title, and the lineage card's summary: what became of the unit, in
//! one sentence made from its events.

use super::lineage::short_names;
use super::*;
use crate::data::lineage::EventKind;
use crate::data::model::date_as_written;

/// What became of the page's unit, in one sentence made from the events: its first event, the end
/// of what it became ("Hợp nhất ngày 01/03/2019 vào Khối các cơ quan và doanh nghiệp; kết thúc
/// ngày 10/02/2025": the line under the page's title) and, `whole`, where that went ("; 105 tổ
/// chức chuyển về 3 nơi ngày 13/02/2025": the card's summary). `None` without a lineage.
pub fn fate_line(ds: &Dataset, lang: Lang, whole: bool) -> Option<String> {
    let own = ds.lineage_unit.as_deref()?;
    let first = ds
        .events
        .iter()
        .find(|e| e.kind != EventKind::Counted && e.units.iter().any(|u| u == own))?;
    let date = date_as_written(&first.date);
    let into = short_names(ds, &first.into, lang);
    let mut line = match first.kind {
        // The words in the reader's language, put together once.
        EventKind::Merged => format!(
            "{} {date} {} {into}",
            lang.t("Hợp nhất ngày", "Merged on"),
            lang.t("vào", "into the")
        ),
        EventKind::Ended => format!("{} {date}", lang.t("Kết thúc hoạt động ngày", "Ended on")),
        EventKind::Split | EventKind::Transferred => format!(
            "{} {date} {} {into}",
            lang.t("Chuyển giao ngày", "Handed over on"),
            lang.t("về", "to")
        ),
        EventKind::Founded | EventKind::Counted => return None,
    };
    let ended = ds.events.iter().find(|e| {
        e.kind == EventKind::Ended
            && e.date > first.date
            && e.units.iter().any(|u| first.into.contains(u))
    });
    if let Some(end) = ended {
        let d = date_as_written(&end.date);
        line.push_str(&format!("; {} {d}", lang.t("kết thúc ngày", "ended on")));
    }
    // Where its organisations went, where the source counts them.
    let handed = ds.events.iter().find(|e| {
        whole
            && matches!(e.kind, EventKind::Split | EventKind::Transferred)
            && e.date > first.date
            && e.units.iter().any(|u| first.into.contains(u))
    });
    if let Some((e, o)) = handed.and_then(|e| Some((e, ds.value_of(e.organisations.as_deref())?))) {
        let (d, n, o) = (
            date_as_written(&e.date),
            ds.flows_of(&e.id).count(),
            format::int(o, lang),
        );
        line.push_str(&format!(
            "; {o} {} {n} {} {d}",
            lang.t("tổ chức chuyển về", "organisations went to"),
            lang.t("nơi ngày", "others on")
        ));
    }
    Some(line)
}
