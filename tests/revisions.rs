//! The public history of corrections (issue 22): revisions in the data, a corrected figure marked
//! in its cell and tooltip, a correction of the source named as one, the update date in every
//! citation, and the validation of the history and the page address.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::charts::{build, Flag};
use tccs_dashboard::data::audit::quote_diffs;
use tccs_dashboard::data::{self, parse, DataError};
use tccs_dashboard::export;
use tccs_dashboard::sources_html::sources_html;
use tccs_dashboard::state::ChartId;
use tccs_dashboard::text::lang::Lang;

mod common;
use common::{all, corrected_2014, json};

/// The editor's correction of 2014 (41 → 42, 48,81 → 50,00), published with a reason; `kind`
/// says whether the new values correct the article or follow a new source.
/// Fails unless `errors` holds `e`, listing them.
fn assert_has(errors: &[DataError], e: DataError) {
    assert!(errors.contains(&e), "{e:?} not in {errors:?}");
}

fn corrected(kind: Option<&str>) -> serde_json::Value {
    let mut v = corrected_2014();
    let change = |place: &str, old: &str, new: &str| {
        let mut c = serde_json::json!({ "place": place, "old": old, "new": new });
        if let Some(k) = kind {
            c["kind"] = k.into();
        }
        c
    };
    let changes = vec![
        change("yearly[2014].top", "41", "42"),
        change("yearly[2014].rate", "48,81", "50,00"),
    ];
    v["revisions"].as_array_mut().unwrap().push(serde_json::json!({
        "date": "2026-12-02",
        "reason": { "vi": "Báo cáo năm 2015 đính chính số đạt năm 2014.", "en": "The 2015 report corrects the 2014 count." },
        "changes": changes
    }));
    v
}

#[test]
fn the_shipped_data_starts_with_its_first_publication() {
    let ds = data::embedded().unwrap();
    assert_eq!(ds.revisions.len(), 1);
    assert!(ds.revisions[0].changes.is_empty());
    assert_eq!(ds.updated(), Some("2026-11-26"));
    let vm = build(ds, ChartId::Quality, all(ds), Lang::Vi);
    assert!(
        vm.source.ends_with("; số liệu cập nhật ngày 26/11/2026"),
        "{}",
        vm.source
    );
    let vm = build(ds, ChartId::Members, all(ds), Lang::En);
    assert!(
        vm.source.ends_with("; data updated 26/11/2026"),
        "{}",
        vm.source
    );
    assert!(export::citation(ds, &vm, Lang::En, "https://x/").contains("data updated 26/11/2026"));
    assert!(export::json(ds, None, all(ds)).contains("\"updated\": \"2026-11-26\""));
    let s = sources_html(ds, Lang::Vi);
    assert!(
        s.contains("<h2 id=\"revisions\">Lịch sử cập nhật</h2>"),
        "{s}"
    );
    assert!(
        s.contains("<strong>26/11/2026</strong> — Xuất bản lần đầu"),
        "{s}"
    );
}

#[test]
fn a_correction_of_the_source_is_marked_in_cell_tooltip_notes_and_history() {
    let ds = parse(&corrected(Some("correction")).to_string()).expect("valid");
    let vm = build(&ds, ChartId::Quality, all(&ds), Lang::Vi);
    let y2014 = vm.data.iter().find(|d| d.label == "2014").unwrap();
    assert_eq!(y2014.cells[0], "42 (đã đính chính)", "{:?}", y2014.cells);
    assert_eq!(y2014.cells[1], "84", "the total was not corrected");
    assert!(
        y2014
            .tooltip
            .contains(&"Đính chính ngày 02/12/2026: 41 → 42".to_string()),
        "{:?}",
        y2014.tooltip
    );
    let rate = build(&ds, ChartId::Rate, all(&ds), Lang::En);
    let y2014 = rate.data.iter().find(|d| d.label == "2014").unwrap();
    assert!(
        y2014.cells.iter().any(|c| c == "50.00% (corrected)"),
        "{:?}",
        y2014.cells
    );
    // The quote still writes 41: a note that says it is a correction, not an unexplained
    // disagreement.
    let diffs = quote_diffs(&ds);
    assert_eq!(diffs.len(), 2);
    assert!(diffs.iter().all(|d| d.correction.is_some()));
    let notes: Vec<_> = vm
        .notes
        .iter()
        .filter(|(_, t)| t.contains("41/84"))
        .collect();
    assert_eq!(notes.len(), 2, "{:?}", vm.notes);
    assert!(notes.iter().all(|(f, _)| *f == Flag::Note));
    assert!(
        notes[0]
            .1
            .contains("là số đính chính ngày 02/12/2026 (trước là 41; lý do: Báo cáo năm 2015"),
        "{}",
        notes[0].1
    );
    let s = sources_html(&ds, Lang::Vi);
    assert!(
        s.contains("<strong>02/12/2026</strong> — Báo cáo năm 2015 đính chính số đạt năm 2014."),
        "{s}"
    );
    assert!(s.contains("<th scope=\"row\">2014 — Số đạt loại cao nhất</th><td>41</td><td>42</td><td>Đính chính nguồn"), "{s}");
    assert!(
        s.contains("<li>2014 — Số đạt loại cao nhất: 42 là số đính chính"),
        "a note, not flagged as a disagreement"
    );
    assert!(
        s.find("02/12/2026").unwrap() < s.find("26/11/2026").unwrap(),
        "newest first"
    );
    assert!(vm.source.ends_with("cập nhật ngày 02/12/2026"));
}

#[test]
fn a_change_not_marked_as_a_correction_stays_an_unexplained_disagreement() {
    let ds = parse(&corrected(None).to_string()).expect("valid");
    let vm = build(&ds, ChartId::Quality, all(&ds), Lang::Vi);
    let flagged = vm
        .notes
        .iter()
        .filter(|(f, t)| *f == Flag::Disagreement && t.contains("41/84"))
        .count();
    assert_eq!(flagged, 2);
    // Still marked as changed in its cell: readers see every changed figure.
    let y2014 = vm.data.iter().find(|d| d.label == "2014").unwrap();
    assert_eq!(y2014.cells[0], "42 (đã đính chính)");
}

#[test]
fn a_history_out_of_date_order_or_naming_a_missing_place_is_refused() {
    let mut v = corrected(Some("correction"));
    v["revisions"][1]["date"] = "2026-11-01".into();
    v["revisions"][1]["changes"][0]["place"] = "yearly[2031].top".into();
    let errors = parse(&v.to_string()).unwrap_err();
    assert_has(
        &errors,
        DataError::RevisionOrder {
            index: 1,
            date: "2026-11-01".into(),
            previous: "2026-11-26".into(),
        },
    );
    assert_has(
        &errors,
        DataError::UnknownRevisionPlace {
            index: 1,
            place: "yearly[2031].top".into(),
        },
    );
    let m: Vec<String> = errors.iter().map(|e| e.message(Lang::Vi)).collect();
    assert!(
        m.iter()
            .any(|m| m == "revisions[1].changes: chỗ \"yearly[2031].top\" không có trong dữ liệu."),
        "{m:?}"
    );

    let mut v = corrected(Some("correction"));
    v["revisions"][1]["reason"]["vi"] = " ".into();
    v["revisions"][1]["date"] = "2/12/2026".into();
    let errors = parse(&v.to_string()).unwrap_err();
    assert_has(&errors, DataError::NoRevisionReason { index: 1 });
    assert_has(
        &errors,
        DataError::BadRevisionDate {
            index: 1,
            date: "2/12/2026".into(),
        },
    );
    // A kind the format does not know is named by the decoder, at its place.
    let mut v = corrected(Some("correction"));
    v["revisions"][1]["changes"][0]["kind"] = "typo".into();
    let errors = parse(&v.to_string()).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message(Lang::En).contains("kind")
                && e.message(Lang::En).contains("correction")),
        "{errors:?}"
    );
}

#[test]
fn the_page_address_must_be_absolute_https() {
    for (url, ok) in [
        ("https://stats.example.gov.vn/tccs/", true),
        ("https://example.vn", true),
        ("http://example.vn/", false),
        ("/tccs/", false),
        ("https://", false),
        ("https://a b.vn/", false),
    ] {
        let mut v = json();
        v["page_url"] = url.into();
        let r = parse(&v.to_string());
        assert_eq!(r.is_ok(), ok, "{url}: {r:?}");
        if !ok {
            let e = r.unwrap_err();
            assert_eq!(e, vec![DataError::BadPageUrl(url.into())]);
            assert!(e[0].message(Lang::Vi).contains("https://"));
        }
    }
}
