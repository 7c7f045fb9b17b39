//! The staff editor's pure parts: the draft tree, the names of its places (which put each
//! message next to its cell), pasting from a spreadsheet, undo/redo and the change summary.

#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::data::tree::{Tree, Value};
use tccs_dashboard::data::{self, DataError, EMBEDDED_JSON};
use tccs_dashboard::editor::changes;
use tccs_dashboard::editor::draft::Draft;
use tccs_dashboard::editor::paste::{self, Column, Issue};
use tccs_dashboard::path;
use tccs_dashboard::text::lang::Lang;

fn shipped() -> Value {
    let json: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    Value::from_node(&json)
}

fn errors(v: &Value) -> Vec<DataError> {
    data::checked(v).err().unwrap_or_default()
}

fn index_of(v: &Value, year: u16) -> usize {
    paste::index_of_year(v, year).unwrap()
}

#[test]
fn the_tree_of_the_shipped_file_is_the_shipped_dataset_and_writes_back_to_the_same_data() {
    let v = shipped();
    let ds = data::checked(&v).expect("valid");
    assert_eq!(&ds, data::embedded().unwrap());
    let again: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
    assert_eq!(Value::from_node(&again), v);
    assert_eq!(data::parse(&v.to_json()).unwrap(), ds);
}

#[test]
fn places_are_named_as_the_decoder_names_them() {
    let v = shipped();
    let i = index_of(&v, 2017);
    assert_eq!(
        v.name(&path!["yearly", i, "total"]),
        "dataset.yearly[2017].total"
    );
    assert_eq!(
        v.name(&path!["figures", 0, "as_written"]).split('[').next(),
        Some("dataset.figures")
    );
    let id = v
        .at(&path!["figures", 0, "id"])
        .and_then(Value::str)
        .unwrap()
        .to_string();
    assert_eq!(
        v.name(&path!["figures", 0, "value"]),
        format!("dataset.figures[{id}].value")
    );
    assert_eq!(
        v.name(&path!["sentences", "quality"]),
        "dataset.sentences.quality"
    );
    assert_eq!(v.name(&path!["sums", 0, "whole"]), "dataset.sums[0].whole");
}

#[test]
fn a_wrong_cell_gets_the_builds_message_at_its_own_place() {
    let mut v = shipped();
    let i = index_of(&v, 2017);
    let cell = path!["yearly", i, "total"];
    v.set(&cell, Value::Str("9l".into()));
    let errs = errors(&v);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].place().as_deref(), Some(v.name(&cell).as_str()));
    assert!(
        errs[0]
            .message_at_place(Lang::Vi)
            .starts_with("phải là số nguyên"),
        "{}",
        errs[0].message_at_place(Lang::Vi)
    );

    // A validation error (after decoding) names its cell too: top above total.
    let mut v = shipped();
    let top = path!["yearly", i, "top"];
    v.set(&top, Value::Num(95.0));
    let errs = errors(&v);
    assert!(
        errs.iter()
            .any(|e| e.place().as_deref() == Some(v.name(&top).as_str())),
        "{errs:?}"
    );

    // A figure whose value disagrees with how it is written: at its as_written cell.
    let mut v = shipped();
    let written = path!["figures", 0, "as_written"];
    v.set(&written, Value::Str("12.345".into()));
    let errs = errors(&v);
    assert_eq!(errs[0].place().as_deref(), Some(v.name(&written).as_str()));
}

const FIXTURE: &str = include_str!("fixtures/fixture-2016-2020.json");

/// The shipped data plus what a 2018 row needs: the new classification and its document.
fn ready_for_2018() -> Value {
    let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let fixture = Value::from_node(&fixture);
    let mut v = shipped();
    let qd132 = fixture.list(&path!["classifications"])[1].clone();
    v.list_mut(&path!["classifications"]).unwrap().push(qd132);
    let doc = fixture.list(&path!["documents"])[0].clone();
    v.list_mut(&path!["documents"]).unwrap().push(doc);
    v
}

#[test]
fn a_pasted_block_is_read_with_quotes_line_breaks_and_a_header() {
    let text = "Năm\tSố đạt\tTổng số\tTỷ lệ (%)\tTrích dẫn\r\n2018\t20\t91\t21,98%\t\"có 20/91,\t\"\"xuất sắc\"\"\nhai dòng\"\r\n\r\n";
    let block = paste::read(text);
    assert_eq!(block.len(), 2, "{block:?}");
    assert_eq!(block[1][4], "có 20/91,\t\"xuất sắc\"\nhai dòng");
    let (header, cols) = paste::guess(&block);
    assert!(header);
    assert_eq!(
        cols,
        [
            Column::Year,
            Column::Top,
            Column::Total,
            Column::Rate,
            Column::Quote
        ]
    );
    // Without a header: the app's own column order.
    let (header, cols) = paste::guess(&paste::read("2018\t20\t91\t21,98"));
    assert!(!header);
    assert_eq!(
        cols,
        [Column::Year, Column::Top, Column::Total, Column::Rate]
    );
}

#[test]
fn pasted_cells_in_the_wrong_format_are_named_and_nothing_is_applied() {
    let cols = [
        Column::Year,
        Column::Top,
        Column::Total,
        Column::Rate,
        Column::Bottom,
    ];
    let block = paste::read("2018\t1,173\t91\t21.98\t\n2019\t\t92\t26,09\t01\nabc\t53/78\t\t64,94\t\n2019\t24\t92\t26,09\tx");
    let rows = paste::rows(&block, false, &cols);
    assert_eq!(
        rows[0].issues,
        [
            (1, Issue::CommaThousands("1,173".into())),
            (3, Issue::DecimalPoint("21.98".into()))
        ]
    );
    assert_eq!(rows[1].issues, [(1, Issue::Empty)]);
    // "53/78" fills top and total; an empty total cell is then no problem… but the year is.
    assert_eq!(
        rows[2].issues,
        [(0, Issue::NotAYear("abc".into())), (2, Issue::Empty)]
    );
    assert!(rows[3].issues.contains(&(0, Issue::YearTwice(2019))));
    assert!(rows[3].issues.contains(&(4, Issue::NotANumber("x".into()))));
    for r in &rows {
        assert!(!r
            .issues
            .iter()
            .any(|(_, i)| i.message(tccs_dashboard::text::lang::Lang::Vi).is_empty()));
    }
}

#[test]
fn a_pasted_2018_row_is_added_in_order_with_its_quote_as_its_source() {
    let draft = ready_for_2018();
    let cols = [
        Column::Year,
        Column::Classification,
        Column::Top,
        Column::Total,
        Column::Rate,
        Column::Bottom,
        Column::BottomRate,
        Column::Document,
        Column::Quote,
    ];
    let quote = "năm 2018 có 20/91 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ";
    let block = paste::read(&format!(
        "2018\tqd132\t20\t91\t21,98\t02\t2,2\tfixture-report-2019\t{quote}"
    ));
    let rows = paste::rows(&block, false, &cols);
    assert!(rows[0].issues.is_empty(), "{:?}", rows[0].issues);
    assert!(paste::check(&draft, &rows, &cols).iter().all(Vec::is_empty));
    let next = paste::apply(&draft, &rows);
    let ds = data::checked(&next).expect("valid with the 2018 row");
    assert_eq!(ds.bounds(), (2008, 2018));
    let r = ds.year(2018).unwrap();
    assert_eq!(
        (
            r.top,
            r.total,
            r.rate.as_str(),
            r.bottom,
            r.classification.as_str()
        ),
        (20, 91, "21,98", Some(2), "qd132")
    );
    assert_eq!(ds.sentences.get(&r.source).map(String::as_str), Some(quote));
    // The draft it came from is untouched.
    assert!(draft.list(&path!["yearly"]).len() == 10);
    // Two segments: the break is in the data.
    assert_eq!(ds.segments(2008, 2018).len(), 2);
}

#[test]
fn the_builds_validation_of_a_pasted_row_lands_on_its_cell() {
    let draft = ready_for_2018();
    let cols = [
        Column::Year,
        Column::Classification,
        Column::Top,
        Column::Total,
        Column::Rate,
    ];
    // Top above total; an unknown classification.
    let rows = paste::rows(
        &paste::read("2018\tqd132\t95\t91\t21,98\n2019\tnew\t20\t92\t21,7"),
        false,
        &cols,
    );
    let found = paste::check(&draft, &rows, &cols);
    assert!(
        found[0]
            .iter()
            .any(|(cell, i)| *cell == 2
                && matches!(i, Issue::Data(DataError::CountAboveTotal { .. }))),
        "{found:?}"
    );
    assert!(
        found[1].iter().any(|(cell, i)| *cell == 1
            && matches!(i, Issue::Data(DataError::UnknownClassification { .. }))),
        "{found:?}"
    );
    // An existing year is updated in place, not added.
    let rows = paste::rows(&paste::read("2017\t\t48\t91\t52,75"), false, &cols);
    assert!(rows[0].issues.is_empty());
    let next = paste::apply(&draft, &rows);
    let ds = data::checked(&next).unwrap();
    assert_eq!(
        (ds.year(2017).unwrap().total, ds.bounds()),
        (91, (2008, 2017))
    );
}

#[test]
fn typing_in_one_cell_is_one_undo_step_and_redo_brings_it_back() {
    let v = shipped();
    let mut d = Draft::new(v.clone());
    let cell = path!["yearly", 0, "total"];
    for t in ["7", "79", "790"] {
        d.edit(&cell, Value::Str(t.into()));
    }
    d.seal();
    d.edit(&path!["yearly", 1, "total"], Value::Num(81.0));
    assert!(d.undo());
    assert_eq!(d.value.at(&cell), Some(&Value::Str("790".into())));
    assert!(d.undo());
    assert_eq!(d.value, v);
    assert!(!d.undo());
    assert!(d.redo() && d.redo());
    assert_eq!(
        d.value.at(&path!["yearly", 1, "total"]),
        Some(&Value::Num(81.0))
    );
    assert!(!d.can_redo());
}

#[test]
fn the_change_summary_names_each_figure_old_and_new() {
    let old = shipped();
    let mut new = old.clone();
    let i = index_of(&new, 2017);
    new.set(&path!["yearly", i, "total"], Value::Num(91.0));
    let c = changes::between(&old, &new);
    assert_eq!(c.len(), 1);
    assert_eq!(
        (
            c[0].place.as_str(),
            c[0].old.as_deref(),
            c[0].new.as_deref()
        ),
        ("yearly[2017].total", Some("90"), Some("91"))
    );
    // A new year shows as that year's values, not as every row after it changed.
    let draft = ready_for_2018();
    let cols = [Column::Year, Column::Top, Column::Total, Column::Rate];
    let added = paste::apply(
        &draft,
        &paste::rows(&paste::read("2018\t20\t91\t21,98"), false, &cols),
    );
    let c = changes::between(&draft, &added);
    assert!(
        c.iter().all(|c| c.place.starts_with("yearly[2018]")),
        "{c:?}"
    );
    assert!(c.iter().any(|c| c.place == "yearly[2018].top"
        && c.old.is_none()
        && c.new.as_deref() == Some("20")));
    assert!(changes::between(&added, &draft)
        .iter()
        .all(|c| c.new.is_none()));
}

/// A header row in the yearly fields' own labels (src/data/fields.rs), in either language, names
/// its columns: the one list the editor's table and the downloads use.
#[test]
fn header_rows_in_the_fields_own_labels_are_recognised() {
    use tccs_dashboard::data::fields::YearField;
    for lang in [0, 1] {
        let header: Vec<String> = YearField::ALL
            .iter()
            .map(|f| if lang == 0 { f.label().0 } else { f.label().1 }.to_string())
            .collect();
        let (has_header, cols) = tccs_dashboard::editor::paste::guess(&[header]);
        assert!(has_header);
        let keys: Vec<&str> = cols.iter().map(|c| c.key()).collect();
        assert_eq!(keys, YearField::ALL.map(YearField::key));
    }
}

/// The editor's correction of 2014 (41 → 42, 48,81 → 50,00) in the draft.
fn corrected_2014() -> (Value, Value) {
    let old = shipped();
    let mut new = old.clone();
    let i = index_of(&new, 2014);
    new.set(&path!["yearly", i, "top"], Value::Num(42.0));
    new.set(&path!["yearly", i, "rate"], Value::Str("50,00".into()));
    (old, new)
}

#[test]
fn publishing_adds_a_dated_revision_with_the_reason_and_the_change_summary() {
    use tccs_dashboard::data::audit::quote_diffs;
    let (old, new) = corrected_2014();
    // The draft's figures no longer match their quote: both places must be explained.
    let ds = data::checked(&new).unwrap();
    let unexplained: Vec<String> = quote_diffs(&ds)
        .iter()
        .map(|d| d.of.place().name())
        .collect();
    assert_eq!(unexplained, ["yearly[2014].top", "yearly[2014].rate"]);
    let reason = ("Báo cáo năm 2015 đính chính số đạt năm 2014.", "");
    let refused = changes::with_revision(
        &old,
        &new,
        "2026-12-02",
        reason,
        &["yearly[2014].top".into()],
        &unexplained,
    );
    assert_eq!(
        refused.unwrap_err(),
        changes::Refusal::Unexplained(vec!["yearly[2014].rate".into()])
    );
    assert_eq!(
        changes::with_revision(&old, &new, "2026-12-02", (" ", "x"), &[], &[]).unwrap_err(),
        changes::Refusal::NoReason
    );
    assert_eq!(
        changes::with_revision(&old, &old, "2026-12-02", reason, &[], &[]).unwrap_err(),
        changes::Refusal::NoChange
    );
    assert!(changes::Refusal::NoReason.words(Lang::Vi).contains("lý do"));

    let published =
        changes::with_revision(&old, &new, "2026-12-02", reason, &unexplained, &unexplained)
            .expect("explained");
    let ds = data::checked(&published).expect("the published data is valid");
    assert_eq!(ds.revisions.len(), 2);
    let r = &ds.revisions[1];
    assert_eq!(r.date, "2026-12-02");
    assert_eq!(
        r.reason.en, r.reason.vi,
        "no English reason: the Vietnamese one"
    );
    let summary: Vec<(String, Option<&str>, Option<&str>, bool)> = r
        .changes
        .iter()
        .map(|c| {
            (
                c.place.name(),
                c.old.as_deref(),
                c.new.as_deref(),
                c.corrects_source,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "yearly[2014].rate".to_string(),
                Some("48,81"),
                Some("50,00"),
                true
            ),
            ("yearly[2014].top".to_string(), Some("41"), Some("42"), true)
        ],
        "in the data file's order"
    );
    assert!(
        quote_diffs(&ds).iter().all(|d| d.correction.is_some()),
        "both named as corrections now"
    );
    // The next publication compares with this one: its own history is not a change.
    assert_eq!(changes::published(&published, &published), vec![]);
}

#[test]
fn an_optional_field_staff_fill_in_for_the_first_time_is_added() {
    let mut v = shipped();
    assert!(v.at(&path!["page_url"]).is_none());
    assert!(v.set(&path!["page_url"], Value::Str("http://x.vn/".into())));
    assert_eq!(
        errors(&v),
        vec![DataError::BadPageUrl("http://x.vn/".into())]
    );
    assert!(v.set(&path!["page_url"], Value::Str("https://x.vn/tk/".into())));
    assert_eq!(
        data::checked(&v).unwrap().page_url.as_deref(),
        Some("https://x.vn/tk/")
    );
    assert!(
        !v.set(&path!["yearly", 99, "top"], Value::Num(1.0)),
        "no item 99"
    );
}

#[test]
fn another_units_data_published_over_the_page_starts_its_own_history() {
    let old = shipped();
    let unit: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/fixture-unit-2012-2024.json").unwrap(),
    )
    .unwrap();
    let unit = Value::from_node(&unit);
    assert!(
        !changes::published(&old, &unit).is_empty(),
        "everything differs"
    );
    let v = changes::with_revision(
        &old,
        &unit,
        "2026-12-02",
        ("Xuất bản số liệu của đơn vị.", ""),
        &[],
        &[],
    )
    .unwrap();
    let ds = data::checked(&v).unwrap();
    assert_eq!(
        ds.revisions.len(),
        1,
        "the old unit's history is not the new one's"
    );
    assert!(
        ds.revisions[0].changes.is_empty(),
        "nor are its values changes of the new unit's figures"
    );
}

/// "Check the live site": the three fetches of a file (as a reader, past the caches, and
/// uncompressed past the caches) name its state, in both languages.
#[test]
fn the_live_check_names_each_state_from_its_three_fetches() {
    use tccs_dashboard::editor::live::{judge, Seen, State};
    let seen = |status: Option<u16>, body: Option<&str>| Seen {
        status,
        fingerprint: body.map(str::to_string),
        cache_control: Some("public, max-age=600".into()),
        age: Some("75".into()),
    };
    let (new, old) = (Some("NEW"), Some("OLD"));
    let ok = Some(200);
    assert_eq!(
        judge("NEW", &seen(ok, new), &seen(ok, new), &seen(Some(206), new)),
        State::New
    );
    let cached = judge("NEW", &seen(ok, old), &seen(ok, new), &seen(Some(206), new));
    assert_eq!(cached.key(), "cached");
    assert!(cached
        .words("index.html", Lang::Vi)
        .contains("tới 10 phút; bản này đã giữ 75 giây"));
    assert!(cached
        .words("index.html", Lang::En)
        .contains("up to 10 minutes; this one is 75 seconds old"));
    assert_eq!(
        judge("NEW", &seen(ok, old), &seen(ok, old), &seen(Some(206), new)),
        State::OldCompressedCopy
    );
    assert_eq!(
        judge("NEW", &seen(ok, old), &seen(ok, old), &seen(Some(206), old)),
        State::NotUploaded
    );
    assert_eq!(
        judge(
            "NEW",
            &seen(None, None),
            &seen(Some(404), None),
            &seen(Some(404), None)
        ),
        State::Missing
    );
    assert_eq!(
        judge(
            "NEW",
            &seen(None, None),
            &seen(None, None),
            &seen(None, None)
        ),
        State::Unreachable(None)
    );
    assert_eq!(
        judge(
            "NEW",
            &seen(ok, new),
            &seen(Some(503), None),
            &seen(Some(503), None)
        ),
        State::Unreachable(Some(503))
    );
    // Each state in words of its own, in each language, naming the file.
    let states = [
        State::New,
        cached,
        State::OldCompressedCopy,
        State::NotUploaded,
        State::Missing,
        State::Unreachable(Some(503)),
    ];
    for lang in [Lang::Vi, Lang::En] {
        let words: Vec<String> = states
            .iter()
            .map(|s| s.words("dataset.json", lang))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert!(words.iter().filter(|x| *x == w).count() == 1, "{w}");
            if i > 0 {
                assert!(w.contains("dataset.json"), "{w}");
            }
        }
    }
    assert!(State::OldCompressedCopy
        .words("index.html", Lang::Vi)
        .contains("index.html.gz"));
}
