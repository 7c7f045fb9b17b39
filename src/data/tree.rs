//! A dataset file as an editable tree of JSON values: what the staff editor holds as its draft.
//!
//! The draft cannot be the typed [`Dataset`](super::Dataset): a cell may hold what someone is
//! still typing ("1.17", "abc"), and the message for it must come from the same decode and
//! validate code as the build. So the draft is the file itself, a tree the decoder reads like
//! any parsed JSON ([`Node`]), and every message names a place in it with the decoder's own
//! names (`dataset.yearly[2018].total`, see [`Tree::name`]).

use super::decode::{name_of, Node, LISTS};
use crate::text::json_writer::Json;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Value>),
    /// Fields in file order (the file keeps its order when written back).
    Obj(Vec<(String, Value)>),
}

/// One step from a value into a child: a field of an object or an item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// `Step`s from the root, built with [`path!`](crate::path).
pub type Path = Vec<Step>;

/// `path!["yearly", 3, "total"]`: a [`Path`] from field names and list indexes.
#[macro_export]
macro_rules! path {
    ($($s:expr),* $(,)?) => {
        ::std::vec::Vec::<$crate::data::tree::Step>::from([$($crate::data::tree::Step::from($s)),*])
    };
}

impl From<&str> for Step {
    fn from(k: &str) -> Self {
        Step::Key(k.to_string())
    }
}
impl From<String> for Step {
    fn from(k: String) -> Self {
        Step::Key(k)
    }
}
impl From<usize> for Step {
    fn from(i: usize) -> Self {
        Step::Index(i)
    }
}

impl Node for Value {
    fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    fn string(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn number(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }
    fn boolean(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn items(&self) -> Option<Vec<Self>> {
        match self {
            Value::Arr(items) => Some(items.clone()),
            _ => None,
        }
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        match self {
            Value::Obj(fields) => Some(fields.clone()),
            _ => None,
        }
    }
}

impl Value {
    /// The tree of any parsed JSON (the browser's `JSON.parse`, serde_json).
    pub fn from_node<N: Node>(n: &N) -> Value {
        if let Some(fields) = n.entries() {
            Value::Obj(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from_node(v)))
                    .collect(),
            )
        } else if let Some(items) = n.items() {
            Value::Arr(items.iter().map(Value::from_node).collect())
        } else if let Some(s) = n.string() {
            Value::Str(s)
        } else if let Some(x) = n.number() {
            Value::Num(x)
        } else if let Some(b) = n.boolean() {
            Value::Bool(b)
        } else {
            Value::Null
        }
    }

    /// The file's text: two-space indentation, like data/dataset.json.
    pub fn to_json(&self) -> String {
        self.json().pretty()
    }

    fn json(&self) -> Json<'_> {
        match self {
            Value::Null => Json::Null,
            // No boolean in the format: written as text, the decoder then names the field.
            Value::Bool(b) => Json::Str(if *b { "true" } else { "false" }),
            Value::Num(x) => Json::Num(*x),
            Value::Str(s) => Json::Str(s),
            Value::Arr(items) => Json::Arr(items.iter().map(Value::json).collect()),
            Value::Obj(fields) => {
                Json::Obj(fields.iter().map(|(k, v)| (k.as_str(), v.json())).collect())
            }
        }
    }

    pub fn field(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn at(&self, path: &[Step]) -> Option<&Value> {
        path.iter().try_fold(self, |v, step| match (step, v) {
            (Step::Key(k), _) => v.field(k),
            (Step::Index(i), Value::Arr(items)) => items.get(*i),
            _ => None,
        })
    }

    /// The value at `path`, made if missing (objects get the field, appended; a `null` on the way
    /// becomes an object).
    pub fn at_mut(&mut self, path: &[Step]) -> Option<&mut Value> {
        let mut v = self;
        for step in path {
            // A field of nothing makes the object (an optional one, such as `basis`).
            if matches!((step, &v), (Step::Key(_), Value::Null)) {
                *v = Value::Obj(Vec::new());
            }
            v = match (step, v) {
                (Step::Key(k), Value::Obj(fields)) => {
                    let i = match fields.iter().position(|(f, _)| f == k) {
                        Some(i) => i,
                        None => {
                            fields.push((k.clone(), Value::Null));
                            fields.len() - 1
                        }
                    };
                    &mut fields[i].1
                }
                (Step::Index(i), Value::Arr(items)) => items.get_mut(*i)?,
                _ => return None,
            };
        }
        Some(v)
    }

    /// Sets the value at `path`, adding the object fields it names that are missing (an optional
    /// field staff fill in for the first time: `page_url`, `place.vi`); false when the path does
    /// not lead anywhere (an index past a list's end, a field of a number).
    pub fn set(&mut self, path: &[Step], value: Value) -> bool {
        let mut v = self;
        for step in path {
            v = match (step, v) {
                (Step::Key(k), Value::Obj(fields)) => {
                    let i = match fields.iter().position(|(f, _)| f == k) {
                        Some(i) => i,
                        None => {
                            fields.push((k.clone(), Value::Obj(Vec::new())));
                            fields.len() - 1
                        }
                    };
                    &mut fields[i].1
                }
                (Step::Index(i), Value::Arr(items)) => match items.get_mut(*i) {
                    Some(item) => item,
                    None => return false,
                },
                _ => return false,
            };
        }
        *v = value;
        true
    }

    /// The items of the list at `path` (empty when it is not a list).
    pub fn list(&self, path: &[Step]) -> &[Value] {
        match self.at(path) {
            Some(Value::Arr(items)) => items,
            _ => &[],
        }
    }

    pub fn list_mut(&mut self, path: &[Step]) -> Option<&mut Vec<Value>> {
        match self.at_mut(path)? {
            Value::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// Text of a string value; `None` for anything else.
    pub fn str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A field name and an object's fields in order, for objects.
    pub fn fields(&self) -> &[(String, Value)] {
        match self {
            Value::Obj(f) => f,
            _ => &[],
        }
    }
}

/// Names of places in a tree, the decoder's way.
pub trait Tree {
    /// `path` as the decoder names it in its messages: `dataset.yearly[2018].total` for
    /// `["yearly", 10, "total"]` when item 10's year is 2018; `dataset.sums[0]` by index.
    fn name(&self, path: &[Step]) -> String;
}

impl Tree for Value {
    fn name(&self, path: &[Step]) -> String {
        let mut out = String::from("dataset");
        let mut v = Some(self);
        let mut list: Option<&str> = None;
        for (depth, step) in path.iter().enumerate() {
            match step {
                Step::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                    // Only the dataset's own lists name their items.
                    list = LISTS
                        .iter()
                        .find(|(l, _, _)| depth == 0 && l == k)
                        .map(|(_, n, _)| *n);
                    v = v.and_then(|v| v.field(k));
                }
                Step::Index(i) => {
                    let item = v.and_then(|v| v.list(&[]).get(*i));
                    let named = list
                        .filter(|n| !n.is_empty())
                        .and_then(|n| item?.field(n))
                        .and_then(name_of);
                    out.push_str(&format!("[{}]", named.unwrap_or_else(|| i.to_string())));
                    list = None;
                    v = item;
                }
            }
        }
        out
    }
}
