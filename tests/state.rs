//! URL state: every input maps to a valid state, never a panic; defaults stay out of the URL.

use tccs_dashboard::state::{
    decode_component, parse_query, parse_time, to_query, ChartId, Notice, Tab, YearRange,
};
use tccs_dashboard::text::lang::Lang;

const B: (u16, u16) = (2008, 2017);

fn range(q: &str) -> (u16, u16) {
    let (s, _) = parse_query(q, B);
    (s.range.from, s.range.to)
}

#[test]
fn good_ranges() {
    assert_eq!(range("time=2010..2017"), (2010, 2017));
    assert_eq!(range("?time=2015"), (2015, 2015));
    assert_eq!(range("time=earliest..latest"), (2008, 2017));
    assert_eq!(range("time=earliest..2012"), (2008, 2012));
    assert_eq!(range("time=2010%E2%80%932013"), (2010, 2013)); // en dash, URL-encoded
    assert_eq!(range("time=2010-2013"), (2010, 2013));
    assert_eq!(range(""), B);
    assert_eq!(range("time=.."), B); // open at both ends: all years
}

#[test]
fn bad_ranges_fall_back_with_a_notice() {
    for (q, want) in [
        ("time=abc", B),
        ("time=2020..2030", B),
        ("time=", B),
        ("time=99999999999999999999..1", B),
        ("time=2015..2010", (2010, 2015)),
        ("time=2005..2012", (2008, 2012)),
        ("time=2012..3000", (2012, 2017)),
    ] {
        let (s, notices) = parse_query(q, B);
        assert_eq!((s.range.from, s.range.to), want, "{q}");
        assert_eq!(notices.len(), 1, "{q}: {notices:?}");
        assert!(
            !notices[0].message(Lang::Vi).is_empty() && !notices[0].message(Lang::En).is_empty()
        );
    }
    assert!(matches!(
        parse_time("2015..2010", B),
        Err(Notice::AdjustedTime { .. })
    ));
    assert!(matches!(
        parse_time("2020..2030", B),
        Err(Notice::BadTime(_))
    ));
}

#[test]
fn other_parameters() {
    let (s, n) = parse_query("lang=en&chart=rate&tab=sources&embed=1&utm_source=x", B);
    assert_eq!(
        (s.lang, s.chart, s.tab, s.embed),
        (Lang::En, Some(ChartId::Rate), Tab::Sources, true)
    );
    assert!(n.is_empty());
    let (s, n) = parse_query("lang=fr&chart=pie&tab=%3Cscript%3E", B);
    assert_eq!((s.lang, s.chart, s.tab), (Lang::Vi, None, Tab::Dashboard));
    assert_eq!(n.len(), 3);
    assert!(n[2].message(Lang::En).contains("<script>")); // shown as text by the UI, never as HTML
}

#[test]
fn serialise_round_trips_and_omits_defaults() {
    let (s, _) = parse_query("", B);
    assert_eq!(to_query(&s, B), "");
    for q in [
        "time=2010..2017",
        "time=2015",
        "lang=en",
        "time=2009..2011&lang=en&chart=weak&tab=sources&embed=1",
    ] {
        let (s, n) = parse_query(q, B);
        assert!(n.is_empty());
        assert_eq!(to_query(&s, B), q);
    }
}

#[test]
fn decoding_never_panics() {
    assert_eq!(decode_component("a%20b+c"), "a b c");
    assert_eq!(decode_component("%"), "%");
    assert_eq!(decode_component("%4"), "%4");
    assert_eq!(decode_component("%zz"), "%zz");
    assert_eq!(decode_component("%C3%A1"), "á");
    assert_eq!(decode_component("%FF"), "\u{FFFD}");
    // A deterministic sweep of awkward inputs through the whole parser.
    let pieces = [
        "time=", "..", "%", "%E2", "-", "–", "2010", "earliest", "latest", "&", "=", "99999",
        "lang=", "chart=", "embed", "\u{0}", "ạ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..5000 {
        let mut q = String::new();
        for _ in 0..6 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            q.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let (s, _) = parse_query(&q, B);
        assert!(
            s.range.from <= s.range.to && s.range.from >= B.0 && s.range.to <= B.1,
            "{q}"
        );
        let (again, n) = parse_query(&to_query(&s, B), B);
        assert_eq!(again, s, "{q}");
        assert!(n.is_empty());
    }
}

#[test]
fn year_range_helpers() {
    let r = YearRange {
        from: 2010,
        to: 2012,
    };
    assert!(r.contains(2011) && !r.contains(2013));
    assert_eq!(
        YearRange {
            from: 2020,
            to: 2000
        }
        .clamp(B),
        YearRange {
            from: 2008,
            to: 2017
        }
    );
}
