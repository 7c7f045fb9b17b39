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

    #[test]
    fn year_pairs_clamp_into_the_data(a in 0u32..100_000, b in 0u32..100_000) {
        match parse_time(&format!("{a}..{b}"), B) {
            Ok(r) => prop_assert!(r.from >= B.0 && r.to <= B.1 && r.from <= r.to),
            Err(tccs_dashboard::state::Notice::AdjustedTime { used, .. }) => prop_assert!(used.from >= B.0 && used.to <= B.1 && used.from <= used.to),
            Err(_) => prop_assert!(a.max(b) < u32::from(B.0) || a.min(b) > u32::from(B.1) || a.max(b) >= 1_000_000),
        }
    }
}
