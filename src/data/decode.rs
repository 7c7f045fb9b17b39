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
use super::read::{expected, text};
pub use super::read::{name_of, Node, LISTS};
pub(crate) use super::read::{Errs, Fields};
use std::collections::BTreeMap;

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
