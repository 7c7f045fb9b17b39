//! What publishing would change: every value of the draft against the published dataset, per
//! place (`yearly[2018].total: 90 → 91`). Places are named by year and id, not by position, so a
//! year added in the middle shows as that year, not as every later row changed.

use crate::data::tree::{Path, Step, Tree, Value};
use crate::text::format;

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The place, without the leading `dataset.`: `yearly[2018].total`.
    pub place: String,
    /// `None`: the place is new (old) or gone (new).
    pub old: Option<String>,
    pub new: Option<String>,
}

/// How a value shows in the summary: numbers plain, text as it is, nothing as `None`.
fn show(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Bool(b) => Some(b.to_string()),
        Value::Num(n) => Some(format::plain(*n, 6)),
        Value::Str(s) => Some(s.clone()),
        Value::Arr(_) | Value::Obj(_) => None,
    }
}

/// Every leaf of the tree, named, in file order.
fn leaves(root: &Value) -> Vec<(String, Option<String>)> {
    fn walk(root: &Value, v: &Value, path: &mut Path, out: &mut Vec<(String, Option<String>)>) {
        match v {
            Value::Obj(fields) => {
                for (k, child) in fields {
                    path.push(Step::Key(k.clone()));
                    walk(root, child, path, out);
                    path.pop();
                }
            }
            Value::Arr(items) => {
                for (i, child) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(root, child, path, out);
                    path.pop();
                }
            }
            leaf => {
                let name = root.name(path);
                let name = name.strip_prefix("dataset.").unwrap_or(&name).to_string();
                out.push((name, show(leaf)));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut Vec::new(), &mut out);
    out
}

/// The changes from `old` to `new`, in the new file's order, then what is gone.
pub fn between(old: &Value, new: &Value) -> Vec<Change> {
    use std::collections::BTreeMap;
    let before = leaves(old);
    let after = leaves(new);
    let index = |list: &[(String, Option<String>)]| -> BTreeMap<String, Option<String>> {
        list.iter().cloned().collect()
    };
    let (was_at, is_at) = (index(&before), index(&after));
    let mut out = Vec::new();
    for (place, value) in &after {
        match was_at.get(place).cloned() {
            Some(w) if w == *value => {}
            Some(w) => out.push(Change {
                place: place.clone(),
                old: w,
                new: value.clone(),
            }),
            None if value.is_some() => out.push(Change {
                place: place.clone(),
                old: None,
                new: value.clone(),
            }),
            None => {}
        }
    }
    for (place, value) in before {
        if value.is_some() && !is_at.contains_key(&place) {
            out.push(Change {
                place,
                old: value,
                new: None,
            });
        }
    }
    out
}
