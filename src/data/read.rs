//! The decoder's field reader: one parsed JSON value as far as the decoder sees it (`Node`),
//! an object's fields taken one by one with every problem named at its place (`Fields`), and
//! the format's lists with the field that names their items. `decode` (the dataset) and
//! `lineage::decode` (its lineage's lists) read with it.

use super::error::{DataError, Expected};
use crate::text::format::plain;
use crate::text::lang::Localized;

/// One parsed JSON value, as much as the decoder needs to see of it.
pub trait Node: Sized {
    fn is_null(&self) -> bool;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    /// The format has no booleans; only the editor's copy of a file keeps them (to name them).
    fn boolean(&self) -> Option<bool> {
        None
    }
    fn items(&self) -> Option<Vec<Self>>;
    /// Key–value pairs of an object, `None` for anything else (arrays included).
    fn entries(&self) -> Option<Vec<(String, Self)>>;
}

pub(crate) type Errs = Vec<DataError>;

#[inline(never)]
pub(super) fn expected(errs: &mut Errs, path: &str, what: Expected) {
    errs.push(DataError::WrongType {
        path: path.into(),
        expected: what,
    });
}

/// The fields of one object: taken one by one, and whatever is left over is an unknown field.
pub(crate) struct Fields<N> {
    pub(super) path: String,
    entries: Vec<(String, N, bool)>,
}

impl<N: Node> Fields<N> {
    /// The object's fields; a value that is not an object records an error and has none.
    #[inline(never)]
    pub(super) fn of(n: &N, path: &str, errs: &mut Errs) -> Self {
        let entries = n.entries().unwrap_or_else(|| {
            expected(errs, path, Expected::Object);
            Vec::new()
        });
        Fields {
            path: path.into(),
            entries: entries.into_iter().map(|(k, v)| (k, v, false)).collect(),
        }
    }

    /// No fields: what a missing object reads as (its own absence is reported once, by `req`).
    pub(super) fn empty(path: &str) -> Self {
        Fields {
            path: path.into(),
            entries: Vec::new(),
        }
    }

    #[inline(never)]
    pub(super) fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// An optional field; `null` counts as absent.
    #[inline(never)]
    pub(crate) fn opt(&mut self, key: &str) -> Option<&N> {
        let e = self.entries.iter_mut().find(|(k, _, _)| k == key)?;
        e.2 = true;
        (!e.1.is_null()).then_some(&e.1)
    }

    #[inline(never)]
    pub(super) fn req(&mut self, key: &str, errs: &mut Errs) -> Option<&N> {
        let path = self.at(key);
        let found = self.opt(key);
        if found.is_none() {
            errs.push(DataError::MissingField { path });
        }
        found
    }

    #[inline(never)]
    pub(crate) fn text(&mut self, key: &str, errs: &mut Errs) -> String {
        let path = self.at(key);
        self.req(key, errs)
            .map(|n| text(n, &path, errs))
            .unwrap_or_default()
    }

    #[inline(never)]
    pub(crate) fn opt_text(&mut self, key: &str, errs: &mut Errs) -> Option<String> {
        let path = self.at(key);
        self.opt(key).map(|n| text(n, &path, errs))
    }

    #[inline(never)]
    pub(super) fn whole(&mut self, key: &str, max: u32, errs: &mut Errs) -> u32 {
        let path = self.at(key);
        self.req(key, errs)
            .map_or(0, |n| whole(n, &path, max, errs))
    }

    #[inline(never)]
    pub(super) fn opt_whole(&mut self, key: &str, max: u32, errs: &mut Errs) -> Option<u32> {
        let path = self.at(key);
        self.opt(key).map(|n| whole(n, &path, max, errs))
    }

    #[inline(never)]
    pub(crate) fn localized(&mut self, key: &str, errs: &mut Errs) -> Localized {
        self.opt_localized(key, errs).unwrap_or_else(|| {
            errs.push(DataError::MissingField { path: self.at(key) });
            Localized {
                vi: String::new(),
                en: String::new(),
            }
        })
    }

    #[inline(never)]
    pub(crate) fn opt_localized(&mut self, key: &str, errs: &mut Errs) -> Option<Localized> {
        let path = self.at(key);
        let n = self.opt(key)?;
        let mut f = Fields::of(n, &path, errs);
        let l = Localized {
            vi: f.text("vi", errs),
            en: f.text("en", errs),
        };
        f.finish(errs);
        Some(l)
    }

    /// The items of an array field and the field's path; none after an error.
    #[inline(never)]
    pub(crate) fn items(&mut self, key: &str, required: bool, errs: &mut Errs) -> (String, Vec<N>) {
        let path = self.at(key);
        let node = if required {
            self.req(key, errs)
        } else {
            self.opt(key)
        };
        let items = node.and_then(|n| {
            let items = n.items();
            if items.is_none() {
                expected(errs, &path, Expected::List);
            }
            items
        });
        (path, items.unwrap_or_default())
    }

    /// A required list of texts (`["pleiku", "ia-grai"]`), each named at its index.
    #[inline(never)]
    pub(crate) fn texts(&mut self, key: &str, errs: &mut Errs) -> Vec<String> {
        self.list_of_texts(key, true, errs)
    }

    /// An optional list of texts: absent, an empty list.
    #[inline(never)]
    pub(crate) fn opt_texts(&mut self, key: &str, errs: &mut Errs) -> Vec<String> {
        self.list_of_texts(key, false, errs)
    }

    pub(super) fn list_of_texts(
        &mut self,
        key: &str,
        required: bool,
        errs: &mut Errs,
    ) -> Vec<String> {
        let (path, items) = self.items(key, required, errs);
        items
            .iter()
            .enumerate()
            .map(|(i, n)| text(n, &format!("{path}[{i}]"), errs))
            .collect()
    }

    /// Every object of one of the format's [`LISTS`], each read by `item` from its own fields and
    /// named in messages by its naming field (`yearly[2018]`, `figures[members.women]`) or its
    /// index.
    #[inline(never)]
    pub(super) fn objects<T>(
        &mut self,
        key: &str,
        errs: &mut Errs,
        item: fn(Fields<N>, &mut Errs) -> T,
    ) -> Vec<T> {
        let (label, required) = list(key);
        let (path, items) = self.items(key, required, errs);
        let mut out = Vec::with_capacity(items.len());
        for (i, n) in items.iter().enumerate() {
            let mut f = Fields::of(n, &format!("{path}[{i}]"), errs);
            if let Some(name) = f.label(label) {
                f.path = format!("{path}[{name}]");
            }
            out.push(item(f, errs));
        }
        out
    }

    /// The value of a naming field (`id`, `year`), read without taking it.
    #[inline(never)]
    pub(super) fn label(&self, key: &str) -> Option<String> {
        name_of(&self.entries.iter().find(|(k, _, _)| k == key)?.1)
    }

    /// One of a fixed set of names (`"changes"`, `"count"`), or `None` after an error.
    #[inline(never)]
    pub(crate) fn one_of<T: Copy>(
        &mut self,
        key: &str,
        all: &[T],
        name: fn(T) -> &'static str,
        names: &'static str,
        errs: &mut Errs,
    ) -> Option<T> {
        let path = self.at(key);
        let s = self.text(key, errs);
        let found = all.iter().copied().find(|v| name(*v) == s);
        if found.is_none() && !s.is_empty() {
            expected(errs, &path, Expected::OneOf(names));
        }
        found
    }

    /// Reports every field that was never taken.
    #[inline(never)]
    pub(crate) fn finish(self, errs: &mut Errs) {
        for (k, _, used) in self.entries {
            if !used {
                errs.push(DataError::UnknownField {
                    path: format!("{}.{k}", self.path),
                });
            }
        }
    }
}

/// How a list item is named in messages, from its naming field's value: `2018`, `members.women`.
/// The editor names its cells the same way, to put each message next to its cell.
#[inline(never)]
pub fn name_of<N: Node>(v: &N) -> Option<String> {
    // An empty name (a new item staff have not named yet) names nothing: the item is then
    // called by its index, `documents[3]`, not `documents[]`.
    v.string()
        .filter(|s| !s.is_empty())
        .or_else(|| v.number().map(|y| plain(y, 3)))
}

/// The lists of the format and the field that names their items in messages (none: the index).
pub const LISTS: [(&str, &str, bool); 13] = [
    ("documents", "id", false),
    ("classifications", "id", true),
    ("yearly", "year", true),
    ("figures", "id", true),
    ("sums", "", false),
    ("terms", "", false),
    ("headline", "", false),
    ("chart_titles", "chart", false),
    ("revisions", "", false),
    ("changes", "place", false),
    ("units", "id", false),
    ("events", "id", false),
    ("flows", "", false),
];

/// The naming field and whether the list is required, for one of [`LISTS`].
fn list(key: &str) -> (&'static str, bool) {
    LISTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(("", false), |(_, n, r)| (*n, *r))
}

#[inline(never)]
pub(super) fn text<N: Node>(n: &N, path: &str, errs: &mut Errs) -> String {
    n.string().unwrap_or_else(|| {
        expected(errs, path, Expected::Text);
        String::new()
    })
}

#[inline(never)]
pub(super) fn whole<N: Node>(n: &N, path: &str, max: u32, errs: &mut Errs) -> u32 {
    match n.number() {
        Some(v) if v.fract() == 0.0 && v >= 0.0 && v <= f64::from(max) => v as u32,
        _ => {
            expected(errs, path, Expected::WholeNumber(max.into()));
            0
        }
    }
}
