//! A figure never silently disagrees with its own quote (issue 22): a correction made after the
//! sentence was quoted (2014: 41 → 42) is named next to the chart and on the Sources page.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::charts::{build, Flag};
use tccs_dashboard::data::audit::{quote_diffs, QuoteOf};
use tccs_dashboard::data::fields::YearField;
use tccs_dashboard::data::{self, parse};
use tccs_dashboard::sources_html::sources_html;
use tccs_dashboard::state::{ChartId, YearRange};
use tccs_dashboard::text::lang::Lang;

mod common;
use common::{all, corrected_2014, json};

#[test]
fn every_shipped_figure_is_written_in_its_quote() {
    let ds = data::embedded().unwrap();
    assert_eq!(quote_diffs(ds), vec![]);
    for f in [
        "tests/fixtures/fixture-2016-2020.json",
        "tests/fixtures/fixture-unit-2012-2024.json",
    ] {
        let fixture = parse(&std::fs::read_to_string(f).unwrap()).unwrap();
        assert_eq!(quote_diffs(&fixture), vec![], "{f}");
    }
}

#[test]
fn a_corrected_year_is_named_beside_its_chart_and_in_the_sources() {
    // The editor's correction: 2014's count 41 → 42, its rate 48,81 → 50,00 (consistent with
    // each other, so the rate audit says "matches"); the quote still writes 41/84 … 48,81%.
    let v = corrected_2014();
    let ds = parse(&v.to_string()).expect("a correction is valid data");
    let diffs = quote_diffs(&ds);
    let of: Vec<_> = diffs.iter().map(|d| d.of.clone()).collect();
    assert_eq!(
        of,
        vec![
            QuoteOf::Year(2014, YearField::Top),
            QuoteOf::Year(2014, YearField::Rate)
        ]
    );
    assert_eq!(diffs[0].value, 42.0);

    let words = diffs[0].words(&ds, Lang::Vi);
    assert!(
        words.contains("2014") && words.contains("42") && words.contains("41/84"),
        "{words}"
    );
    assert_eq!(diffs[1].words(&ds, Lang::En).split(':').nth(1).unwrap().trim(), "the figure is 50, but its quote says “năm 2014 có 41/84 tổ chức cơ sở đảng đạt trong sạch vững mạnh, chiếm tỷ lệ 48,81%”.");

    // Beside the quality and rate charts of any range holding 2014, as disagreements; not beside
    // a range without it, nor beside the weak chart.
    for chart in [ChartId::Quality, ChartId::Rate] {
        let vm = build(&ds, chart, all(&ds), Lang::Vi);
        let flagged: Vec<_> = vm
            .notes
            .iter()
            .filter(|(f, t)| *f == Flag::Disagreement && t.contains("41/84"))
            .collect();
        assert_eq!(flagged.len(), 2, "{chart:?}: {:?}", vm.notes);
        let later = build(
            &ds,
            chart,
            YearRange {
                from: 2015,
                to: 2017,
            },
            Lang::Vi,
        );
        assert!(!later.notes.iter().any(|(_, t)| t.contains("41/84")));
    }
    assert!(!build(&ds, ChartId::Weak, all(&ds), Lang::Vi)
        .notes
        .iter()
        .any(|(_, t)| t.contains("41/84")));
    let sources = sources_html(&ds, Lang::En);
    assert!(
        sources.contains("the figure is 42, but its quote says"),
        "{sources}"
    );
}

#[test]
fn a_corrected_figure_is_named_beside_its_group_chart() {
    let mut v = json();
    let f = v["figures"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == "changes.established")
        .unwrap();
    f["value"] = 16.into();
    f["as_written"] = "16".into();
    let ds = parse(&v.to_string()).unwrap();
    assert_eq!(quote_diffs(&ds).len(), 1);
    let vm = build(&ds, ChartId::Changes, all(&ds), Lang::En);
    let note = vm
        .notes
        .iter()
        .find(|(f, _)| *f == Flag::Disagreement)
        .expect("a disagreement note");
    assert!(
        note.1
            .starts_with("Established: the figure is 16, but its quote says “thành lập mới 15"),
        "{}",
        note.1
    );
    assert!(!build(&ds, ChartId::Structure, all(&ds), Lang::En)
        .notes
        .iter()
        .any(|(f, _)| *f == Flag::Disagreement));
}

#[test]
fn a_quote_reads_its_numbers_once_as_the_data_writes_them() {
    use tccs_dashboard::data::model::Quote;
    let q = Quote::new(
        "năm 2014 có 41/84 TCCSĐ đạt TSVM, chiếm tỷ lệ 48,81%; kết nạp 1.173 đảng viên.".into(),
    );
    for n in [2014.0, 41.0, 84.0, 48.81, 1173.0] {
        assert!(q.writes(n), "{n}");
    }
    for n in [42.0, 48.8, 1.173, 0.0] {
        assert!(!q.writes(n), "{n}");
    }
    assert_eq!(q.as_str(), &*q);
}
