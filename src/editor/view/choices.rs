//! Choices the draft offers a field: its classifications, documents and source sentences (each
//! shown by its reader-facing name, the id after it), and the fixed names of a figure's group
//! and unit.

use super::ed;
use crate::data::tree::Value;
use crate::path;
use leptos::prelude::*;

/// (value, label) choices from a list of the draft: its items' `id`s.
pub fn ids(list: &'static str, name: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        let vi = e.lang.get() == crate::text::lang::Lang::Vi;
        e.draft.with(|d| {
            d.value
                .list(&path![list])
                .iter()
                .filter_map(|item| {
                    let id = item.field("id")?.str()?.to_string();
                    let label = name
                        .and_then(|n| item.field(n))
                        .and_then(|n| n.field(if vi { "vi" } else { "en" }).or(Some(n)))
                        .and_then(Value::str)
                        .filter(|n| !n.is_empty())
                        // The staff's words first; the id after, for those who need it.
                        .map_or_else(|| id.clone(), |n| format!("{n} ({id})"));
                    Some((id, label))
                })
                .collect()
        })
    })
}

/// The ids of the draft's source sentences, in file order.
pub fn sentence_keys(v: &Value) -> Vec<String> {
    v.at(&path!["sentences"])
        .map(|s| s.fields().iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default()
}

pub fn sentence_ids() -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        e.draft.with(|d| {
            let sentences = d.value.at(&path!["sentences"]);
            sentence_keys(&d.value)
                .into_iter()
                .map(|k| {
                    // The sentence's first words, then its id.
                    let text = sentences
                        .and_then(|s| s.field(&k))
                        .and_then(Value::str)
                        .unwrap_or("");
                    let mut start: String = text
                        .split_whitespace()
                        .take(8)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if start.is_empty() {
                        start.clone_from(&k);
                    } else if text.split_whitespace().count() > 8 {
                        start.push('…');
                    }
                    let label = format!("{start} ({k})");
                    (k, label)
                })
                .collect()
        })
    })
}

/// The choices of a figure's fields that take one of a set.
pub fn choices_for(field: &str) -> Option<Signal<Vec<(String, String)>>> {
    use crate::data::{Group, Unit};
    let fixed = |ids: Vec<&'static str>| {
        Signal::stored(
            ids.into_iter()
                .map(|i| (i.to_string(), i.to_string()))
                .collect(),
        )
    };
    match field {
        "group" => Some(fixed(Group::ALL.iter().map(|g| g.id()).collect())),
        "unit" => Some(fixed(Unit::ALL.iter().map(|u| u.id()).collect())),
        "source" => Some(sentence_ids()),
        "chart" => Some(Signal::derive(move || {
            let lang = ed().lang.get();
            crate::data::roles::ChartId::ALL
                .iter()
                .map(|c| {
                    let (vi, en) = c.name();
                    (
                        c.id().to_string(),
                        format!("{} ({})", lang.t(vi, en), c.id()),
                    )
                })
                .collect()
        })),
        "figure" | "organisations" | "members" => Some(figure_ids()),
        "kind" => Some(fixed(
            crate::data::lineage::EventKind::ALL
                .iter()
                .map(|k| k.id())
                .collect(),
        )),
        "document" => Some(ids("documents", Some("title"))),
        "event" => Some(ids("events", None)),
        _ => None,
    }
}

/// The draft's figures, by their label (the id after it).
pub fn figure_ids() -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        let key = e.lang.get().t("vi", "en");
        e.draft.with(|d| {
            d.value
                .list(&path!["figures"])
                .iter()
                .filter_map(|f| {
                    let id = f.field("id")?.str()?.to_string();
                    let label = f
                        .field("label")
                        .and_then(|l| l.field(key))
                        .and_then(Value::str)
                        .filter(|l| !l.is_empty())
                        .map_or_else(|| id.clone(), |l| format!("{l} ({id})"));
                    Some((id, label))
                })
                .collect()
        })
    })
}
