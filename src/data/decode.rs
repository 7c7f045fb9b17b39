//! Reads a dataset out of parsed JSON. The JSON is parsed by whatever the platform has (the
//! browser's `JSON.parse` in the app, serde_json in the build's render step and the native tests); this file
//! turns it into the model, the same code everywhere, and names the place of every problem:
//! `dataset.yearly[2018].total: must be a whole number`.
//!
//! A field that is missing or of the wrong type records an error and reads as its default, so
//! one pass reports every problem and the code has no partial results to unwind. The dataset is
//! returned only when no error was recorded. The helpers are `#[inline(never)]`: inlined into
//! each of the ~50 field reads they made the decoder several times larger in the wasm.

use super::error::{DataError, Expected};
use super::model::*;
use crate::text::format::plain;
use std::collections::BTreeMap;

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
fn expected(errs: &mut Errs, path: &str, what: Expected) {
    errs.push(DataError::WrongType {
        path: path.into(),
        expected: what,
    });
}

/// The fields of one object: taken one by one, and whatever is left over is an unknown field.
pub(crate) struct Fields<N> {
    path: String,
    entries: Vec<(String, N, bool)>,
}

impl<N: Node> Fields<N> {
    /// The object's fields; a value that is not an object records an error and has none.
    #[inline(never)]
    fn of(n: &N, path: &str, errs: &mut Errs) -> Self {
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
    fn empty(path: &str) -> Self {
        Fields {
            path: path.into(),
            entries: Vec::new(),
        }
    }

    #[inline(never)]
    fn at(&self, key: &str) -> String {
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
    fn req(&mut self, key: &str, errs: &mut Errs) -> Option<&N> {
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
    fn whole(&mut self, key: &str, max: u32, errs: &mut Errs) -> u32 {
        let path = self.at(key);
        self.req(key, errs)
            .map_or(0, |n| whole(n, &path, max, errs))
    }

    #[inline(never)]
    fn opt_whole(&mut self, key: &str, max: u32, errs: &mut Errs) -> Option<u32> {
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

    fn list_of_texts(&mut self, key: &str, required: bool, errs: &mut Errs) -> Vec<String> {
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
    fn objects<T>(
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
    fn label(&self, key: &str) -> Option<String> {
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
fn text<N: Node>(n: &N, path: &str, errs: &mut Errs) -> String {
    n.string().unwrap_or_else(|| {
        expected(errs, path, Expected::Text);
        String::new()
    })
}

#[inline(never)]
fn whole<N: Node>(n: &N, path: &str, max: u32, errs: &mut Errs) -> u32 {
    match n.number() {
        Some(v) if v.fract() == 0.0 && v >= 0.0 && v <= f64::from(max) => v as u32,
        _ => {
            expected(errs, path, Expected::WholeNumber(max.into()));
            0
        }
    }
}

const COUNT: u32 = u32::MAX;
const YEAR: u32 = u16::MAX as u32;

fn article<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Article {
    let period_path = f.at("period");
    let period = match f.req("period", errs) {
        Some(p) => {
            let mut p = Fields::of(p, &period_path, errs);
            let period = Period {
                from: p.whole("from", YEAR, errs) as u16,
                to: p.whole("to", YEAR, errs) as u16,
            };
            p.finish(errs);
            period
        }
        None => Period { from: 0, to: 0 },
    };
    let a = Article {
        title: f.text("title", errs),
        date: f.text("date", errs),
        date_as_written: f.text("date_as_written", errs),
        author: f.text("author", errs),
        views: f.whole("views", COUNT, errs).into(),
        publisher: f.localized("publisher", errs),
        unit: f.localized("unit", errs),
        period,
        source: f.text("source", errs),
        quote: f.text("quote", errs),
        slug: f.text("slug", errs),
    };
    f.finish(errs);
    a
}

fn term<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Term {
    let t = Term {
        label: f.localized("label", errs),
        from: f.whole("from", YEAR, errs) as u16,
        to: f.whole("to", YEAR, errs) as u16,
    };
    f.finish(errs);
    t
}

fn headline_tile<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> String {
    let id = f.text("figure", errs);
    f.finish(errs);
    id
}

fn chart_title<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> ChartTitle {
    let t = ChartTitle {
        chart: f.text("chart", errs),
        title: f.localized("title", errs),
    };
    f.finish(errs);
    t
}

fn document<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Document {
    let d = Document {
        id: f.text("id", errs),
        title: f.text("title", errs),
        date: f.opt_text("date", errs),
        publisher: f.opt_localized("publisher", errs),
        url: f.opt_text("url", errs),
        accessed: f.opt_text("accessed", errs),
    };
    f.finish(errs);
    d
}

fn classification<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Classification {
    let c = Classification {
        id: f.text("id", errs),
        name: f.localized("name", errs),
        basis: f.opt_localized("basis", errs),
        top: f.localized("top", errs),
        bottom: f.localized("bottom", errs),
    };
    f.finish(errs);
    c
}

fn year<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> YearRecord {
    use super::fields::YearField as Y;
    let r = YearRecord {
        year: f.whole(Y::Year.key(), YEAR, errs) as u16,
        classification: f.text(Y::Classification.key(), errs),
        top: f.whole(Y::Top.key(), COUNT, errs),
        total: f.whole(Y::Total.key(), COUNT, errs),
        rate: f.text(Y::Rate.key(), errs),
        bottom: f.opt_whole(Y::Bottom.key(), COUNT, errs),
        bottom_rate: f.opt_text(Y::BottomRate.key(), errs),
        document: f.opt_text(Y::Document.key(), errs),
        source: f.text(Y::Source.key(), errs),
        quote: Quote::new(f.text(Y::Quote.key(), errs)),
    };
    f.finish(errs);
    r
}

fn figure<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Figure {
    let value_path = f.at("value");
    let value = f.req("value", errs).map_or(0.0, |v| {
        v.number().filter(|x| x.is_finite()).unwrap_or_else(|| {
            expected(errs, &value_path, Expected::Number);
            0.0
        })
    });
    let groups = "changes, structure, cadres, members, management, lineage";
    let fig = Figure {
        id: f.text("id", errs),
        group: f
            .one_of("group", &Group::ALL, Group::id, groups, errs)
            .unwrap_or(Group::Changes),
        value,
        as_written: f.text("as_written", errs),
        unit: f
            .one_of("unit", &Unit::ALL, Unit::id, "count, percent", errs)
            .unwrap_or(Unit::Count),
        label: f.localized("label", errs),
        period: f.text("period", errs),
        source: f.text("source", errs),
        quote: Quote::new(f.text("quote", errs)),
        of: f.opt_text("of", errs),
        reported_share: f.opt_text("reported_share", errs),
        document: f.opt_text("document", errs),
    };
    f.finish(errs);
    fig
}

fn revision<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Revision {
    let r = Revision {
        date: f.text("date", errs),
        reason: f.localized("reason", errs),
        changes: f.objects("changes", errs, change),
    };
    f.finish(errs);
    r
}

fn change<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> Change {
    let c = Change {
        place: Place::parse(&f.text("place", errs)),
        old: f.opt_text("old", errs),
        new: f.opt_text("new", errs),
        corrects_source: f
            .opt("kind")
            .is_some()
            .then(|| f.one_of("kind", &["correction"], |k| k, "correction", errs))
            .flatten()
            .is_some(),
    };
    f.finish(errs);
    c
}

fn sum_rule<N: Node>(mut f: Fields<N>, errs: &mut Errs) -> SumRule {
    let r = SumRule {
        whole: f.text("whole", errs),
        parts: f.texts("parts", errs),
    };
    f.finish(errs);
    r
}

fn sentences<N: Node>(n: &N, path: &str, errs: &mut Errs) -> BTreeMap<String, String> {
    let Some(entries) = n.entries() else {
        expected(errs, path, Expected::Object);
        return BTreeMap::new();
    };
    entries
        .into_iter()
        .map(|(k, v)| {
            let s = text(&v, &format!("{path}.{k}"), errs);
            (k, s)
        })
        .collect()
}

/// The dataset in `root`, or every problem found in it (all of them, not just the first).
pub fn dataset<N: Node>(root: &N) -> Result<Dataset, Vec<DataError>> {
    let mut errs = Vec::new();
    let e = &mut errs;
    let mut f = Fields::of(root, "dataset", e);
    let article = match f.req("article", e) {
        Some(n) => {
            let a = Fields::of(n, "dataset.article", e);
            article(a, e)
        }
        None => article(Fields::<N>::empty("dataset.article"), &mut Vec::new()),
    };
    let sentences = f
        .req("sentences", e)
        .map(|n| sentences(n, "dataset.sentences", e))
        .unwrap_or_default();
    let ds = Dataset {
        article,
        sentences,
        documents: f.objects("documents", e, document),
        classifications: f.objects("classifications", e, classification),
        yearly: f.objects("yearly", e, year),
        figures: f.objects("figures", e, figure),
        sums: f.objects("sums", e, sum_rule),
        terms: f.objects("terms", e, term),
        headline: f.objects("headline", e, headline_tile),
        chart_titles: f.objects("chart_titles", e, chart_title),
        page_url: f.opt_text("page_url", e),
        place: f.opt_localized("place", e),
        revisions: f.objects("revisions", e, revision),
        lineage_unit: f.opt_text("lineage_unit", e),
        units: f.objects("units", e, super::lineage::decode::unit),
        events: f.objects("events", e, super::lineage::decode::event),
        flows: f.objects("flows", e, super::lineage::decode::flow),
    };
    f.finish(e);
    if errs.is_empty() {
        Ok(ds)
    } else {
        Err(errs)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Node for serde_json::Value {
    fn is_null(&self) -> bool {
        self.is_null()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}
