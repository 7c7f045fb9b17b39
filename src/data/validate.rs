//! The checks that make a decoded dataset usable or not: counts against totals, rates against
//! their counts, sums, sources and quotes, the figures each chart needs, terms, tiles, titles and
//! the slug. Tested on broken copies (tests/data.rs, tests/words.rs).

use super::error::DataError;
use super::fields::YearField;
use super::model::{is_iso_date, parse_written, sum_holds, Dataset, Place, Unit};
use super::roles::{self, ChartId, Lack};
use std::collections::BTreeSet;

pub use super::model::PLAUSIBLE_YEARS;

/// Names a year outside [`PLAUSIBLE_YEARS`] at its place (`dataset.terms[1].to`).
fn check_year(errors: &mut Vec<DataError>, place: String, year: u16) {
    if !PLAUSIBLE_YEARS.contains(&year) {
        errors.push(DataError::ImplausibleYear { place, year });
    }
}

fn check_rate(errors: &mut Vec<DataError>, year: u16, field: &'static str, written: &str) {
    match parse_written(written) {
        None => errors.push(DataError::BadRate {
            year,
            field,
            written: written.into(),
        }),
        Some(w) if w.value > 100.0 => errors.push(DataError::RateAbove100 {
            year,
            field,
            written: written.into(),
        }),
        Some(_) => {}
    }
}

fn check_source(
    errors: &mut Vec<DataError>,
    ds: &Dataset,
    figure: &str,
    source: &str,
    quote: &str,
) {
    match ds.sentences.get(source) {
        None => errors.push(DataError::UnknownSentence {
            figure: figure.into(),
            source: source.into(),
        }),
        Some(s) if !s.contains(quote) => errors.push(DataError::QuoteNotInSentence {
            figure: figure.into(),
            quote: quote.into(),
        }),
        Some(_) => {}
    }
}

/// All errors of a parsed dataset; empty means usable.
pub fn validate(ds: &Dataset) -> Vec<DataError> {
    let mut errors = Vec::new();
    check_source(
        &mut errors,
        ds,
        "article",
        &ds.article.source,
        &ds.article.quote,
    );
    if ds.yearly.is_empty() {
        errors.push(DataError::EmptySeries);
    }
    let period = &ds.article.period;
    check_year(
        &mut errors,
        "dataset.article.period.from".into(),
        period.from,
    );
    check_year(&mut errors, "dataset.article.period.to".into(), period.to);
    let mut class_ids = BTreeSet::new();
    for c in &ds.classifications {
        if !class_ids.insert(c.id.as_str()) {
            errors.push(DataError::DuplicateClassification(c.id.clone()));
        }
    }
    // Classifications that another one has replaced: a change of scheme is one break.
    let mut ended: BTreeSet<&str> = BTreeSet::new();
    for pair in ds.yearly.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // No year follows 65535 (checked, not wrapped to 0: that would pass 65535 → 0).
        if a.year != b.year && a.year.checked_add(1) != Some(b.year) {
            errors.push(DataError::MissingYear {
                after: a.year,
                next: b.year,
            });
        }
        if a.classification != b.classification {
            ended.insert(&a.classification);
            if ended.contains(b.classification.as_str()) {
                errors.push(DataError::ClassificationReturns {
                    year: b.year,
                    id: b.classification.clone(),
                });
            }
        }
    }
    let mut seen = BTreeSet::new();
    for r in &ds.yearly {
        let y = r.year;
        if !seen.insert(y) {
            errors.push(DataError::DuplicateYear(y));
        }
        check_year(&mut errors, format!("dataset.yearly[{y}].year"), y);
        if r.total == 0 {
            errors.push(DataError::ZeroTotal { year: y });
        }
        if ds.classification_of(r).is_none() {
            errors.push(DataError::UnknownClassification {
                year: y,
                id: r.classification.clone(),
            });
        }
        if let Some(d) = r.document.as_deref().filter(|d| ds.document(d).is_none()) {
            errors.push(DataError::UnknownDocument {
                year: y,
                id: d.into(),
            });
        }
        if r.top > r.total {
            errors.push(DataError::CountAboveTotal {
                year: y,
                field: "top",
                count: r.top,
                total: r.total,
            });
        }
        check_rate(&mut errors, y, "rate", &r.rate);
        match (r.bottom, &r.bottom_rate) {
            (Some(w), _) if u64::from(w) + u64::from(r.top) > u64::from(r.total) => {
                errors.push(DataError::CountAboveTotal {
                    year: y,
                    field: "bottom + top",
                    count: w.saturating_add(r.top),
                    total: r.total,
                })
            }
            (None, Some(_)) => errors.push(DataError::BottomRateWithoutCount { year: y }),
            _ => {}
        }
        if let Some(wr) = &r.bottom_rate {
            check_rate(&mut errors, y, "bottom_rate", wr);
        }
        check_source(&mut errors, ds, &format!("yearly {y}"), &r.source, &r.quote);
    }

    let mut ids = BTreeSet::new();
    for f in &ds.figures {
        if !ids.insert(f.id.as_str()) {
            errors.push(DataError::DuplicateFigure(f.id.clone()));
        }
        check_source(&mut errors, ds, &f.id, &f.source, &f.quote);
        if parse_written(&f.as_written).is_none_or(|w| (w.value - f.value).abs() > 1e-9) {
            errors.push(DataError::WrittenMismatch {
                figure: f.id.clone(),
                written: f.as_written.clone(),
                value: f.value,
            });
        }
        if f.unit == Unit::Percent && !(0.0..=100.0).contains(&f.value) {
            errors.push(DataError::PercentAbove100 {
                figure: f.id.clone(),
                value: f.value,
            });
        }
        if let Some(of) = &f.of {
            match ds.figure(of) {
                None => errors.push(DataError::UnknownFigure {
                    figure: f.id.clone(),
                    refers_to: of.clone(),
                }),
                Some(whole) if f.value > whole.value => errors.push(DataError::PartAboveWhole {
                    figure: f.id.clone(),
                    value: f.value,
                    whole: whole.value,
                }),
                Some(_) => {}
            }
        }
        if let Some(share) = &f.reported_share {
            if parse_written(share).is_none_or(|w| w.value > 100.0) {
                errors.push(DataError::PercentAbove100 {
                    figure: f.id.clone(),
                    value: f64::NAN,
                });
            }
        }
    }
    for rule in &ds.sums {
        let mut parts_sum = 0.0;
        let mut complete = true;
        for id in std::iter::once(&rule.whole).chain(&rule.parts) {
            if ds.figure(id).is_none() {
                errors.push(DataError::UnknownFigure {
                    figure: format!("sums[{}]", rule.whole),
                    refers_to: id.clone(),
                });
                complete = false;
            }
        }
        if !complete {
            continue;
        }
        let at = |id: &String| {
            ds.figure(id)
                .map_or((0.0, false), |f| (f.value, f.more_than()))
        };
        let mut parts_bound = false;
        for id in &rule.parts {
            let (v, b) = at(id);
            parts_sum += v;
            parts_bound |= b;
        }
        let (expected, whole_bound) = at(&rule.whole);
        // A lower bound ("trên 1.800") never enters a sum as exact.
        if !sum_holds(expected, whole_bound, parts_sum, parts_bound) {
            errors.push(DataError::SumMismatch {
                whole: rule.whole.clone(),
                expected,
                parts_sum,
            });
        }
    }
    check_words(ds, &mut errors);
    errors
}

/// What the page's words are made of beyond the figures: the charts' roles, the terms, the
/// headline tiles, the chart titles and the file-name stem.
fn check_words(ds: &Dataset, errors: &mut Vec<DataError>) {
    for lack in roles::lacking(ds) {
        errors.push(match lack {
            Lack::Figure(chart, figure) => DataError::MissingRole { chart, figure },
            Lack::Group(chart, group) => DataError::EmptyGroup {
                chart,
                group: group.id(),
            },
        });
    }
    for (index, t) in ds.terms.iter().enumerate() {
        check_year(errors, format!("dataset.terms[{index}].from"), t.from);
        check_year(errors, format!("dataset.terms[{index}].to"), t.to);
        if t.from > t.to {
            errors.push(DataError::TermReversed {
                index,
                from: t.from,
                to: t.to,
            });
        }
    }
    for (index, id) in ds.headline.iter().enumerate() {
        if ds.figure(id).is_none() {
            errors.push(DataError::UnknownTile {
                index,
                figure: id.clone(),
            });
        }
    }
    for t in &ds.chart_titles {
        if ChartId::parse(&t.chart).is_none() {
            errors.push(DataError::UnknownChart(t.chart.clone()));
        }
    }
    let slug = &ds.article.slug;
    let slug_ok = !slug.is_empty()
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        errors.push(DataError::BadSlug(slug.clone()));
    }
    if let Some(url) = &ds.page_url {
        if !is_page_url(url) {
            errors.push(DataError::BadPageUrl(url.clone()));
        }
    }
    revisions(ds, errors);
}

/// An absolute `https://` address with a host: what crawlers need for link previews.
pub fn is_page_url(url: &str) -> bool {
    full_address(url, "https://")
}

/// A source's address: https, or http for a site that has no https (the enterprises bloc's own
/// site, read at its http address).
pub fn is_source_url(url: &str) -> bool {
    full_address(url, "https://") || full_address(url, "http://")
}

fn full_address(url: &str, scheme: &str) -> bool {
    url.strip_prefix(scheme)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .is_some_and(|host| {
            !host.is_empty()
                && !host.contains(char::is_whitespace)
                && !url.contains(char::is_whitespace)
        })
}

/// The history of publications: dated, in date order, each with its reason, each change naming
/// a place that exists (a removed place excepted).
fn revisions(ds: &Dataset, errors: &mut Vec<DataError>) {
    let mut previous: Option<&str> = None;
    for (index, r) in ds.revisions.iter().enumerate() {
        if !is_iso_date(&r.date) {
            errors.push(DataError::BadRevisionDate {
                index,
                date: r.date.clone(),
            });
        } else {
            // ISO dates compare as text.
            if let Some(p) = previous.filter(|p| *p > r.date.as_str()) {
                errors.push(DataError::RevisionOrder {
                    index,
                    date: r.date.clone(),
                    previous: p.into(),
                });
            }
            previous = Some(&r.date);
        }
        if r.reason.vi.trim().is_empty() {
            errors.push(DataError::NoRevisionReason { index });
        }
        for c in &r.changes {
            if c.new.is_some() && !place_exists(ds, &c.place) {
                errors.push(DataError::UnknownRevisionPlace {
                    index,
                    place: c.place.name(),
                });
            }
        }
    }
}

const FIGURE_FIELDS: [&str; 12] = [
    "id",
    "group",
    "value",
    "as_written",
    "unit",
    "label",
    "period",
    "source",
    "quote",
    "of",
    "reported_share",
    "document",
];
const TOP_LEVEL: [&str; 14] = [
    "article",
    "sentences",
    "documents",
    "classifications",
    "sums",
    "terms",
    "headline",
    "chart_titles",
    "page_url",
    "place",
    "lineage_unit",
    "units",
    "events",
    "flows",
];

fn place_exists(ds: &Dataset, place: &Place) -> bool {
    let head = |f: &str| f.split(['.', '[']).next().unwrap_or_default().to_string();
    match place {
        Place::Year(y, f) => ds.year(*y).is_some() && YearField::by_key(&head(f)).is_some(),
        Place::Figure(id, f) => {
            ds.figure(id).is_some() && FIGURE_FIELDS.contains(&head(f).as_str())
        }
        Place::Other(name) => TOP_LEVEL.contains(&head(name).as_str()),
    }
}
