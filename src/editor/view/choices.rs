//! Choices the draft offers a field: the ids of its classifications, documents and source
//! sentences, and the fixed names of a figure's group and unit.

use super::ed;
use crate::data::tree::Value;
use crate::path;
use leptos::prelude::*;

/// (value, label) choices from a list of the draft: its items' `id`s.
pub fn ids(list: &'static str, name: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        let vi = e.lang.get() == crate::i18n::Lang::Vi;
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
                        .map_or_else(|| id.clone(), |n| format!("{id} – {n}"));
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
            sentence_keys(&d.value)
                .into_iter()
                .map(|k| (k.clone(), k))
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
        _ => None,
    }
}
