//! Property tests: a malformed dataset (years, counts, rates, sums, empty sections) is refused by
//! decode and validate with a message naming its place, never a panic; and whatever they accept
//! goes through the view state, every chart's view-model and drawing, the summary and the exports
//! for any years a URL can ask for, never a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use tccs_dashboard::charts::{build, to_svg};
use tccs_dashboard::data::{self, validate::PLAUSIBLE_YEARS};
use tccs_dashboard::export;
use tccs_dashboard::state::{parse_query, ChartId};
use tccs_dashboard::summary;
use tccs_dashboard::text::lang::Lang;

/// One change to the shipped file.
#[derive(Debug, Clone)]
enum Change {
    /// `yearly[i].<field>` set to a value.
    Year(usize, &'static str, Value),
    /// `figures[i].<field>` set to a value.
    Figure(usize, &'static str, Value),
    /// A part of the first sum renamed or the sum's whole changed.
    Sum(&'static str, Value),
    /// A section emptied: `[]`, `{}` or removed.
    Empty(&'static str, Value),
    /// A term's years.
    Term(usize, &'static str, Value),
    /// The article's period.
    Period(&'static str, Value),
    /// Every year moved to start at this one: still consecutive, so only the range can refuse it.
    Series(u16),
}

/// Numbers as a hand-edited file writes them: plausible, out of range, negative, fractional, huge.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..3000).prop_map(Value::from),
        (60000u64..70000).prop_map(Value::from),
        (-5000i64..0).prop_map(Value::from),
        (0.0f64..3000.0).prop_map(|x| json!(x)),
        Just(json!(1e300)),
        Just(json!(u64::MAX)),
        ".{0,6}".prop_map(Value::from),
        Just(Value::Null),
        Just(json!([])),
    ]
}

/// Rates as someone could type them: Vietnamese, English, with a sign, empty, too many digits.
fn rate() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[0-9]{1,3}(,[0-9]{1,4})?".prop_map(Value::from),
        "[0-9.,%-]{0,8}".prop_map(Value::from),
        number(),
    ]
}

fn change() -> impl Strategy<Value = Change> {
    let year_field = prop::sample::select(vec!["year", "top", "total", "bottom"]);
    let figure_field = prop::sample::select(vec!["value", "as_written", "reported_share"]);
    let section = prop::sample::select(vec![
        "yearly",
        "figures",
        "sums",
        "sentences",
        "classifications",
        "terms",
        "headline",
        "revisions",
        "article",
    ]);
    let emptied = prop_oneof![Just(json!([])), Just(json!({})), Just(Value::Null)];
    prop_oneof![
        (0usize..12, year_field, number()).prop_map(|(i, f, v)| Change::Year(i, f, v)),
        (
            0usize..12,
            prop::sample::select(vec!["rate", "bottom_rate"]),
            rate()
        )
            .prop_map(|(i, f, v)| Change::Year(i, f, v)),
        (0usize..30, figure_field, prop_oneof![number(), rate()])
            .prop_map(|(i, f, v)| Change::Figure(i, f, v)),
        (
            prop::sample::select(vec!["whole", "parts"]),
            prop_oneof![
                ".{0,12}".prop_map(Value::from),
                Just(json!(["structure.party_committees"])),
                Just(json!([]))
            ]
        )
            .prop_map(|(f, v)| Change::Sum(f, v)),
        (section, emptied).prop_map(|(s, v)| Change::Empty(s, v)),
        (
            0usize..3,
            prop::sample::select(vec!["from", "to"]),
            number()
        )
            .prop_map(|(i, f, v)| Change::Term(i, f, v)),
        (prop::sample::select(vec!["from", "to"]), number())
            .prop_map(|(f, v)| Change::Period(f, v)),
        prop_oneof![0u16..100, 1900u16..2200, 65520u16..=65535].prop_map(Change::Series),
    ]
}

fn apply(v: &mut Value, c: &Change) {
    let set = |item: Option<&mut Value>, field: &str, value: &Value| {
        if let Some(Value::Object(o)) = item {
            o.insert(field.into(), value.clone());
        }
    };
    match c {
        Change::Year(i, f, x) => set(v["yearly"].get_mut(*i), f, x),
        Change::Figure(i, f, x) => set(v["figures"].get_mut(*i), f, x),
        Change::Sum(f, x) => set(v["sums"].get_mut(0), f, x),
        Change::Term(i, f, x) => set(v["terms"].get_mut(*i), f, x),
        Change::Period(f, x) => set(v["article"].get_mut("period"), f, x),
        Change::Series(first) => {
            for (i, r) in v["yearly"].as_array_mut().into_iter().flatten().enumerate() {
                r["year"] = (u64::from(*first) + i as u64).into();
            }
        }
        Change::Empty(s, x) => match x {
            Value::Null => {
                v.as_object_mut().map(|o| o.remove(*s));
            }
            _ => v[*s] = x.clone(),
        },
    }
}

/// The sections of the file a change touches, and those whose items refer to what it changed
/// (a message may rightly stand there: a sum's whole figure, the years of a classification).
fn sections(c: &Change) -> Vec<&'static str> {
    let refer = |s: &'static str| -> Vec<&'static str> {
        match s {
            "figures" => vec!["figures", "sums", "headline", "events", "flows"],
            "sums" => vec!["sums", "figures"],
            "classifications" => vec!["classifications", "yearly"],
            "sentences" => vec!["sentences", "yearly", "figures", "events"],
            "article" => vec!["article", "yearly", "terms"],
            "yearly" => vec!["yearly", "article", "terms", "revisions"],
            s => vec![s],
        }
    };
    match c {
        Change::Year(..) | Change::Series(_) => refer("yearly"),
        Change::Figure(..) => refer("figures"),
        Change::Sum(..) => refer("sums"),
        Change::Term(..) => refer("terms"),
        Change::Period(..) => refer("article"),
        Change::Empty(s, _) => refer(s),
    }
}

/// The shipped file's years.
fn ds_years() -> Vec<u16> {
    data::embedded()
        .unwrap()
        .yearly
        .iter()
        .map(|r| r.year)
        .collect()
}

/// Everything a reader can reach from an accepted dataset, for the years a URL asks for.
fn use_everything(ds: &data::Dataset, query: &str) {
    let (view, notices) = parse_query(query, ds.bounds());
    for lang in [Lang::Vi, Lang::En] {
        for n in &notices {
            assert!(!n.message(lang).is_empty());
        }
        for id in ChartId::ALL {
            let vm = build(ds, id, view.range, lang);
            to_svg(&vm, lang, 360, vm.css_height(360.0) as u32, false).expect("the chart draws");
            let table = export::chart_table(ds, id, view.range, lang);
            assert!(!table.write(export::Dialect::Standard).is_empty());
        }
        summary::sentence(&summary::compute(ds, view.range), lang);
    }
    export::json(ds, None, view.range);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_malformed_dataset_is_refused_by_name_or_used_without_a_panic(
        changes in prop::collection::vec(change(), 1..4),
        query in prop_oneof![".{0,30}", "time=[0-9]{1,5}(\\.\\.[0-9]{1,5})?"],
    ) {
        let mut v = common::json();
        for c in &changes {
            apply(&mut v, c);
        }
        match data::checked(&v) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
                    prop_assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{e:?}: a message in each language");
                }
                // Refused by name: every message names its place, and some message names a place
                // in a part the changes touched, or in one that refers to it (a sum's whole,
                // the years of a classification).
                prop_assert!(errors.iter().all(|e| e.place().is_some()), "{changes:?}: a message without its place: {errors:?}");
                let touched: Vec<String> = changes.iter().flat_map(|c| sections(c)).map(|s| format!("dataset.{s}")).collect();
                prop_assert!(
                    errors.iter().filter_map(|e| e.place()).any(|p| touched.iter().any(|t| p.starts_with(t.as_str()))),
                    "{changes:?} refused, but no message names {touched:?}: {errors:?}"
                );
            }
            Ok(ds) => {
                // Accepted: every year it holds is one a record can carry.
                let (first, last) = ds.bounds();
                prop_assert!(PLAUSIBLE_YEARS.contains(&first) && PLAUSIBLE_YEARS.contains(&last), "{changes:?}");
                prop_assert!(ds.yearly.iter().all(|r| r.total > 0 && r.top <= r.total), "{changes:?}");
                use_everything(&ds, &query);
            }
        }
    }

    #[test]
    fn a_year_no_record_can_carry_is_refused_at_its_place(i in 0usize..10, year in prop_oneof![0u16..1930, 2101u16..=u16::MAX]) {
        let mut v = common::json();
        v["yearly"][i]["year"] = year.into();
        let errors = data::checked(&v).expect_err("an impossible year is refused");
        let place = format!("dataset.yearly[{year}].year");
        prop_assert!(errors.iter().any(|e| e.place().as_deref() == Some(place.as_str())), "{errors:?}");
    }
}

#[test]
fn empty_sections_are_each_named() {
    for section in ["yearly", "figures", "classifications", "sentences"] {
        let mut v = common::json();
        v[section] = if section == "sentences" {
            json!({})
        } else {
            json!([])
        };
        let errors = data::checked(&v).expect_err(section);
        // Named: at the section itself, or, for what other items point to (a classification,
        // a source sentence), at every place that points to it: every year among them.
        let place = format!("dataset.{section}");
        let places: Vec<String> = errors.iter().filter_map(|e| e.place()).collect();
        assert_eq!(
            places.len(),
            errors.len(),
            "{section}: every message has its place: {errors:?}"
        );
        let pointer = match section {
            "classifications" => Some("classification"),
            "sentences" => Some("source"),
            _ => None,
        };
        let named = places.contains(&place)
            || pointer.is_some_and(|f| {
                ds_years()
                    .iter()
                    .all(|y| places.contains(&format!("dataset.yearly[{y}].{f}")))
            });
        assert!(named, "{section}: no message at {place}: {errors:?}");
    }
    let mut v = common::json();
    v["yearly"] = json!([]);
    let errors = data::checked(&v).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.place().as_deref() == Some("dataset.yearly")),
        "{errors:?}"
    );
}

#[test]
fn the_last_year_a_u16_holds_is_not_followed_by_zero() {
    // 65535 then 0 was "consecutive" while the check wrapped.
    let mut v = common::json();
    v["yearly"][8]["year"] = 65535.into();
    v["yearly"][9]["year"] = 0.into();
    let errors = data::checked(&v).unwrap_err();
    assert!(
        errors.iter().any(|e| matches!(
            e,
            data::DataError::MissingYear {
                after: 65535,
                next: 0
            }
        )),
        "{errors:?}"
    );
}
