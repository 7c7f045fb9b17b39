//! Property tests: any string for any URL parameter yields a valid state, never a panic, and
//! serialise → parse gives the same state back.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tccs_dashboard::state::{parse_query, parse_time, to_query};

const B: (u16, u16) = (2008, 2017);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_query_gives_a_valid_state(q in ".{0,80}") {
        let (s, _) = parse_query(&q, B);
        prop_assert!(B.0 <= s.range.from && s.range.from <= s.range.to && s.range.to <= B.1);
        let (again, notices) = parse_query(&to_query(&s, B), B);
        prop_assert_eq!(again, s);
        prop_assert!(notices.is_empty());
    }

    #[test]
    fn any_value_of_any_parameter(key in prop::sample::select(vec!["time", "lang", "chart", "tab", "embed", "x"]), value in ".{0,40}") {
        let q = format!("{key}={value}");
        let (s, notices) = parse_query(&q, B);
        prop_assert!(s.range.from <= s.range.to);
        for n in notices {
            prop_assert!(!n.message(s.lang).is_empty());
        }
    }

    /// Queries that look like the app's own (`time=` with years around the data's, ranges, a
    /// single year, near-misses), among the other parameters in any order: random strings
    /// almost never form a `time=` worth the name.
    #[test]
    fn queries_shaped_like_the_apps_give_a_valid_state_and_survive_a_round_trip(
        years in prop::collection::vec(1990u32..2040, 1..3),
        sep in prop::sample::select(vec!["..", "-", "–", ".", ",", ""]),
        junk in prop::sample::select(vec!["", "x", " ", "%20", "0"]),
        others in prop::collection::vec(prop::sample::select(vec!["lang=en", "lang=vi", "lang=fr", "chart=weak", "chart=pie", "tab=sources", "embed=1", "measure=members"]), 0..4),
        at in 0usize..5,
    ) {
        let time = years.iter().map(u32::to_string).collect::<Vec<_>>().join(sep);
        let mut params: Vec<String> = others.iter().map(|o| o.to_string()).collect();
        params.insert(at.min(params.len()), format!("time={time}{junk}"));
        let q = format!("?{}", params.join("&"));
        let (s, notices) = parse_query(&q, B);
        prop_assert!(B.0 <= s.range.from && s.range.from <= s.range.to && s.range.to <= B.1, "{q}");
        // Years inside the data, written as the app writes them, are taken as they are.
        let inside = |y: &u32| (u32::from(B.0)..=u32::from(B.1)).contains(y);
        if junk.is_empty() && years.iter().all(inside) && (years.len() == 1 || sep == "..") {
            let (a, b) = (years[0].min(*years.last().unwrap()), years[0].max(*years.last().unwrap()));
            prop_assert_eq!((u32::from(s.range.from), u32::from(s.range.to)), (a, b), "{}", q);
        }
        for n in &notices {
            prop_assert!(!n.message(s.lang).is_empty());
        }
        let (again, later) = parse_query(&to_query(&s, B), B);
        prop_assert_eq!(again, s);
        prop_assert!(later.is_empty());
    }

    #[test]
    fn year_pairs_clamp_into_the_data(a in 0u32..100_000, b in 0u32..100_000) {
        match parse_time(&format!("{a}..{b}"), B) {
            Ok(r) => prop_assert!(r.from >= B.0 && r.to <= B.1 && r.from <= r.to),
            Err(tccs_dashboard::state::Notice::AdjustedTime { used, .. }) => prop_assert!(used.from >= B.0 && used.to <= B.1 && used.from <= used.to),
            Err(_) => prop_assert!(a.max(b) < u32::from(B.0) || a.min(b) > u32::from(B.1) || a.max(b) >= 1_000_000),
        }
    }
}
