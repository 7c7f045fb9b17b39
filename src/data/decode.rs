//! Reads a dataset out of parsed JSON. The JSON is parsed by whatever the platform has (the
//! browser's `JSON.parse` in the app, serde_json in build.rs and the native tests); this file
//! turns it into the model, the same code everywhere, and names the place of every problem:
//! `yearly[2018].total: must be a whole number`. Self-contained (included by build.rs).

use super::model::*;
use super::validate::{DataError, Expected};
use std::collections::BTreeMap;

/// One parsed JSON value, as much as the decoder needs to see of it.
pub trait Node: Sized {
    fn is_null(&self) -> bool;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn items(&self) -> Option<Vec<Self>>;
    /// Key–value pairs of an object, `None` for anything else (arrays included).
    fn entries(&self) -> Option<Vec<(String, Self)>>;
}

type Errs = Vec<DataError>;

fn expected(errs: &mut Errs, path: &str, what: Expected) {
    errs.push(DataError::WrongType {
        path: path.into(),
        expected: what,
    });
}

/// The fields of one object: taken one by one, and whatever is left over is an unknown field.
struct Fields<N> {
    path: String,
    entries: Vec<(String, N, bool)>,
}

impl<N: Node> Fields<N> {
    fn of(n: &N, path: &str, errs: &mut Errs) -> Option<Self> {
        match n.entries() {
            Some(e) => Some(Fields {
                path: path.into(),
                entries: e.into_iter().map(|(k, v)| (k, v, false)).collect(),
            }),
            None => {
                expected(errs, path, Expected::Object);
                None
            }
        }
    }

    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// An optional field; `null` counts as absent.
    fn opt(&mut self, key: &str) -> Option<&N> {
        let e = self.entries.iter_mut().find(|(k, _, _)| k == key)?;
        e.2 = true;
        (!e.1.is_null()).then_some(&e.1)
    }

    fn req(&mut self, key: &str, errs: &mut Errs) -> Option<&N> {
        let path = self.at(key);
        let found = self.opt(key);
        if found.is_none() {
            errs.push(DataError::MissingField { path });
        }
        found
    }

    fn text(&mut self, key: &str, errs: &mut Errs) -> Option<String> {
        let path = self.at(key);
        text(self.req(key, errs)?, &path, errs)
    }

    fn opt_text(&mut self, key: &str, errs: &mut Errs) -> Result<Option<String>, ()> {
        let path = self.at(key);
        match self.opt(key) {
            None => Ok(None),
            Some(n) => text(n, &path, errs).map(Some).ok_or(()),
        }
    }

    fn whole(&mut self, key: &str, max: u64, errs: &mut Errs) -> Option<u64> {
        let path = self.at(key);
        whole(self.req(key, errs)?, &path, max, errs)
    }

    fn opt_whole(&mut self, key: &str, max: u64, errs: &mut Errs) -> Result<Option<u64>, ()> {
        let path = self.at(key);
        match self.opt(key) {
            None => Ok(None),
            Some(n) => whole(n, &path, max, errs).map(Some).ok_or(()),
        }
    }

    fn localized(&mut self, key: &str, errs: &mut Errs) -> Option<Localized> {
        let path = self.at(key);
        localized(self.req(key, errs)?, &path, errs)
    }

    fn opt_localized(&mut self, key: &str, errs: &mut Errs) -> Result<Option<Localized>, ()> {
        let path = self.at(key);
        match self.opt(key) {
            None => Ok(None),
            Some(n) => localized(n, &path, errs).map(Some).ok_or(()),
        }
    }

    /// Reports every field that was never taken.
    fn finish(self, errs: &mut Errs) {
        for (k, _, used) in self.entries {
            if !used {
                errs.push(DataError::UnknownField {
                    path: format!("{}.{k}", self.path),
                });
            }
        }
    }
}

fn text<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<String> {
    let s = n.string();
    if s.is_none() {
        expected(errs, path, Expected::Text);
    }
    s
}

fn whole<N: Node>(n: &N, path: &str, max: u64, errs: &mut Errs) -> Option<u64> {
    let v = n
        .number()
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= max as f64)
        .map(|v| v as u64);
    if v.is_none() {
        expected(errs, path, Expected::WholeNumber(max));
    }
    v
}

fn localized<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<Localized> {
    let mut f = Fields::of(n, path, errs)?;
    let vi = f.text("vi", errs);
    let en = f.text("en", errs);
    f.finish(errs);
    Some(Localized { vi: vi?, en: en? })
}

/// Every item of an array field, each decoded with its own path (`yearly[2018]`).
fn list<N: Node, T>(
    f: &mut Fields<N>,
    key: &str,
    required: bool,
    errs: &mut Errs,
    label: impl Fn(&N) -> Option<String>,
    item: impl Fn(&N, &str, &mut Errs) -> Option<T>,
) -> Option<Vec<T>> {
    let path = f.at(key);
    let node = if required {
        f.req(key, errs)?
    } else {
        match f.opt(key) {
            Some(n) => n,
            None => return Some(Vec::new()),
        }
    };
    let Some(items) = node.items() else {
        expected(errs, &path, Expected::List);
        return None;
    };
    let mut out = Some(Vec::with_capacity(items.len()));
    for (i, n) in items.iter().enumerate() {
        let p = format!("{path}[{}]", label(n).unwrap_or_else(|| i.to_string()));
        match (item(n, &p, errs), out.as_mut()) {
            (Some(v), Some(o)) => o.push(v),
            _ => out = None,
        }
    }
    out
}

/// A field of an object item, read only to name the item in messages.
fn peek<N: Node>(n: &N, key: &str) -> Option<N> {
    n.entries()?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

fn article<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<Article> {
    let mut f = Fields::of(n, path, errs)?;
    let title = f.text("title", errs);
    let date = f.text("date", errs);
    let date_as_written = f.text("date_as_written", errs);
    let author = f.text("author", errs);
    let views = f.whole("views", u64::from(u32::MAX), errs);
    let publisher = f.localized("publisher", errs);
    let unit = f.localized("unit", errs);
    let period_path = f.at("period");
    let period = f.req("period", errs).and_then(|p| {
        let mut p = Fields::of(p, &period_path, errs)?;
        let from = p.whole("from", u64::from(u16::MAX), errs);
        let to = p.whole("to", u64::from(u16::MAX), errs);
        p.finish(errs);
        Some(Period {
            from: from? as u16,
            to: to? as u16,
        })
    });
    let source = f.text("source", errs);
    let quote = f.text("quote", errs);
    f.finish(errs);
    Some(Article {
        title: title?,
        date: date?,
        date_as_written: date_as_written?,
        author: author?,
        views: views?,
        publisher: publisher?,
        unit: unit?,
        period: period?,
        source: source?,
        quote: quote?,
    })
}

fn document<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<Document> {
    let mut f = Fields::of(n, path, errs)?;
    let id = f.text("id", errs);
    let title = f.text("title", errs);
    let date = f.text("date", errs);
    f.finish(errs);
    Some(Document {
        id: id?,
        title: title?,
        date: date?,
    })
}

fn classification<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<Classification> {
    let mut f = Fields::of(n, path, errs)?;
    let id = f.text("id", errs);
    let name = f.localized("name", errs);
    let basis = f.opt_localized("basis", errs);
    let top = f.localized("top", errs);
    let bottom = f.localized("bottom", errs);
    f.finish(errs);
    Some(Classification {
        id: id?,
        name: name?,
        basis: basis.ok()?,
        top: top?,
        bottom: bottom?,
    })
}

fn year<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<YearRecord> {
    let mut f = Fields::of(n, path, errs)?;
    let count = u64::from(u32::MAX);
    let year = f.whole("year", u64::from(u16::MAX), errs);
    let classification = f.text("classification", errs);
    let top = f.whole("top", count, errs);
    let total = f.whole("total", count, errs);
    let rate = f.text("rate", errs);
    let bottom = f.opt_whole("bottom", count, errs);
    let bottom_rate = f.opt_text("bottom_rate", errs);
    let document = f.opt_text("document", errs);
    let source = f.text("source", errs);
    let quote = f.text("quote", errs);
    f.finish(errs);
    Some(YearRecord {
        year: year? as u16,
        classification: classification?,
        top: top? as u32,
        total: total? as u32,
        rate: rate?,
        bottom: bottom.ok()?.map(|b| b as u32),
        bottom_rate: bottom_rate.ok()?,
        document: document.ok()?,
        source: source?,
        quote: quote?,
    })
}

/// One of a fixed set of names (`"changes"`, `"count"`).
fn one_of<N: Node, T: Copy>(
    f: &mut Fields<N>,
    key: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    names: &'static str,
    errs: &mut Errs,
) -> Option<T> {
    let path = f.at(key);
    let s = f.text(key, errs)?;
    let found = all.iter().copied().find(|v| name(*v) == s);
    if found.is_none() {
        expected(errs, &path, Expected::OneOf(names));
    }
    found
}

fn figure<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<Figure> {
    let mut f = Fields::of(n, path, errs)?;
    let id = f.text("id", errs);
    let group = one_of(
        &mut f,
        "group",
        &Group::ALL,
        Group::id,
        "changes, structure, cadres, members, management",
        errs,
    );
    let value_path = f.at("value");
    let value = f.req("value", errs).and_then(|v| {
        let x = v.number().filter(|x| x.is_finite());
        if x.is_none() {
            expected(errs, &value_path, Expected::Number);
        }
        x
    });
    let as_written = f.text("as_written", errs);
    let unit = one_of(&mut f, "unit", &Unit::ALL, Unit::id, "count, percent", errs);
    let label = f.localized("label", errs);
    let period = f.text("period", errs);
    let source = f.text("source", errs);
    let quote = f.text("quote", errs);
    let of = f.opt_text("of", errs);
    let reported_share = f.opt_text("reported_share", errs);
    f.finish(errs);
    Some(Figure {
        id: id?,
        group: group?,
        value: value?,
        as_written: as_written?,
        unit: unit?,
        label: label?,
        period: period?,
        source: source?,
        quote: quote?,
        of: of.ok()?,
        reported_share: reported_share.ok()?,
    })
}

fn sum_rule<N: Node>(n: &N, path: &str, errs: &mut Errs) -> Option<SumRule> {
    let mut f = Fields::of(n, path, errs)?;
    let whole = f.text("whole", errs);
    let parts = list(&mut f, "parts", true, errs, |_| None, text);
    f.finish(errs);
    Some(SumRule {
        whole: whole?,
        parts: parts?,
    })
}

/// The dataset in `root`, or every problem found in it (all of them, not just the first).
pub fn dataset<N: Node>(root: &N) -> Result<Dataset, Vec<DataError>> {
    let mut errs = Vec::new();
    let e = &mut errs;
    let Some(mut f) = Fields::of(root, "dataset", e) else {
        return Err(errs);
    };
    let article = f.req("article", e).and_then(|n| article(n, "article", e));
    let sentences = f.req("sentences", e).and_then(|n| {
        let Some(entries) = n.entries() else {
            expected(e, "sentences", Expected::Object);
            return None;
        };
        let mut out = Some(BTreeMap::new());
        for (k, v) in entries {
            match (text(&v, &format!("sentences.{k}"), e), out.as_mut()) {
                (Some(s), Some(o)) => {
                    o.insert(k, s);
                }
                _ => out = None,
            }
        }
        out
    });
    let by_id = |n: &N| peek(n, "id").and_then(|v| v.string());
    let documents = list(&mut f, "documents", false, e, by_id, document);
    let classifications = list(&mut f, "classifications", true, e, by_id, classification);
    let by_year = |n: &N| {
        peek(n, "year")
            .and_then(|v| v.number())
            .map(|y| plain(y, 3))
    };
    let yearly = list(&mut f, "yearly", true, e, by_year, year);
    let figures = list(&mut f, "figures", true, e, by_id, figure);
    let sums = list(&mut f, "sums", false, e, |_| None, sum_rule);
    f.finish(e);
    match (
        article,
        sentences,
        documents,
        classifications,
        yearly,
        figures,
        sums,
    ) {
        (
            Some(article),
            Some(sentences),
            Some(documents),
            Some(classifications),
            Some(yearly),
            Some(figures),
            Some(sums),
        ) if errs.is_empty() => Ok(Dataset {
            article,
            sentences,
            documents,
            classifications,
            yearly,
            figures,
            sums,
        }),
        _ => Err(errs),
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
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}
