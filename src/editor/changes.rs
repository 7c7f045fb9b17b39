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

/// Why publishing waits.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Readers are owed one sentence on why the figures changed.
    NoReason,
    /// Nothing differs from the published data: a publication would only add an empty entry.
    NoChange,
    /// A changed figure its quote does not write, neither given a new source nor marked as a
    /// correction of its source (the places, `yearly[2014].top`).
    Unexplained(Vec<String>),
}

impl Refusal {
    pub fn words(&self, l: crate::text::lang::Lang) -> String {
        match self {
            Refusal::NoReason => l.t(
                "Hãy ghi một câu nói lý do cập nhật: người đọc sẽ thấy câu này trong lịch sử cập nhật.",
                "Write one sentence saying why the data changes: readers see it in the history of updates.",
            ).into(),
            Refusal::NoChange => l.t(
                "Không có thay đổi nào so với trang đã xuất bản, nên không có gì để xuất bản.",
                "Nothing differs from the published page, so there is nothing to publish.",
            ).into(),
            Refusal::Unexplained(places) => l.t(
                format!("Câu trích dẫn không ghi số mới của: {}. Với mỗi số, hãy đổi nguồn (tài liệu và câu ghi số mới) hoặc đánh dấu là đính chính nguồn.", places.join(", ")),
                format!("The quote does not write the new value of: {}. For each, give a new source (a document and its sentence) or mark it as a correction of the source.", places.join(", ")),
            ),
        }
    }
}

/// What a publication changes: every place but the history itself (which the publication
/// writes).
pub fn published(base: &Value, draft: &Value) -> Vec<Change> {
    between(base, draft)
        .into_iter()
        .filter(|c| !c.place.starts_with("revisions"))
        .collect()
}

/// The draft with a new entry at the end of its history: the date, the staff's reason (English
/// falls back to the Vietnamese sentence) and what changed from the published data, each change
/// that staff marked as a correction of its source (`corrections`, by place) marked so.
/// `unexplained` are the changed figures whose quote does not write them (`audit::quote_diffs`
/// of the draft, by place): each must be marked, or publishing waits.
pub fn with_revision(
    base: &Value,
    draft: &Value,
    date: &str,
    (vi, en): (&str, &str),
    corrections: &[String],
    unexplained: &[String],
) -> Result<Value, Refusal> {
    let (vi, en) = (vi.trim(), en.trim());
    if vi.is_empty() {
        return Err(Refusal::NoReason);
    }
    let changes = published(base, draft);
    if changes.is_empty() {
        return Err(Refusal::NoChange);
    }
    let left: Vec<String> = unexplained
        .iter()
        .filter(|p| !corrections.contains(p))
        .cloned()
        .collect();
    if !left.is_empty() {
        return Err(Refusal::Unexplained(left));
    }
    // Another unit's data over this page (the series continued by whoever took it over): its
    // history starts here, and the old unit's values are not changes of the new one's figures.
    let unit = crate::path!["article", "unit", "vi"];
    let changes = if base.at(&unit) == draft.at(&unit) {
        changes
    } else {
        Vec::new()
    };
    let s = |t: &str| Value::Str(t.to_string());
    let changes = changes
        .into_iter()
        .map(|c| {
            let mut fields = vec![("place".to_string(), s(&c.place))];
            fields.extend(c.old.map(|o| ("old".to_string(), Value::Str(o))));
            fields.extend(c.new.map(|n| ("new".to_string(), Value::Str(n))));
            if corrections.contains(&c.place) {
                fields.push(("kind".into(), s("correction")));
            }
            Value::Obj(fields)
        })
        .collect();
    let revision = Value::Obj(vec![
        ("date".into(), s(date)),
        (
            "reason".into(),
            Value::Obj(vec![
                ("vi".into(), s(vi)),
                ("en".into(), s(if en.is_empty() { vi } else { en })),
            ]),
        ),
        ("changes".into(), Value::Arr(changes)),
    ]);
    let mut v = draft.clone();
    match v.list_mut(&crate::path!["revisions"]) {
        Some(list) => list.push(revision),
        None => {
            v.set(&crate::path!["revisions"], Value::Arr(vec![revision]));
        }
    }
    Ok(v)
}
