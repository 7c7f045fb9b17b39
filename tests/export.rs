//! Exports: CSV quoting and dialects, file names, JSON provenance, HTML escaping.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::data;
use tccs_dashboard::export::{self, Cell, Dialect, Table};
use tccs_dashboard::state::{ChartId, YearRange};
use tccs_dashboard::text::lang::Lang;

fn ds() -> &'static data::Dataset {
    data::embedded().unwrap()
}

#[test]
fn csv_quoting_and_dialects() {
    let t = Table {
        columns: vec!["a".into(), "b,c".into()],
        rows: vec![
            vec![Cell::Text("say \"hi\"".into()), Cell::Num(64.94)],
            vec![Cell::Empty, Cell::Num(1173.0)],
        ],
    };
    assert_eq!(
        t.write(Dialect::Standard),
        "\u{FEFF}a,\"b,c\"\r\n\"say \"\"hi\"\"\",64.94\r\n,1173\r\n"
    );
    assert_eq!(
        t.write(Dialect::ExcelVi),
        "\u{FEFF}a;b,c\r\n\"say \"\"hi\"\"\";64,94\r\n;1173\r\n"
    );
    assert_eq!(
        t.write(Dialect::Tsv {
            decimal_comma: true
        }),
        "a\tb,c\r\nsay \"hi\"\t64,94\r\n\t1173\r\n"
    );
}

#[test]
fn chart_tables_follow_the_selection() {
    let t = export::chart_table(
        ds(),
        ChartId::Quality,
        YearRange {
            from: 2015,
            to: 2016,
        },
        Lang::En,
    );
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0][0], Cell::Num(2015.0));
    assert_eq!(
        t.rows[0][1],
        Cell::Text("tsvm".into()),
        "classification on every row"
    );
    assert_eq!(t.rows[0][2], Cell::Text("clean and strong".into()));
    assert_eq!(t.rows[0][7], Cell::Text("truncated".into()));
    let m = export::chart_table(
        ds(),
        ChartId::Members,
        YearRange {
            from: 2015,
            to: 2016,
        },
        Lang::Vi,
    );
    assert_eq!(m.rows.len(), 5, "members ignore the year filter");
    let csv = m.write(Dialect::Standard);
    assert!(csv.contains("members.higher_education") && csv.contains("79.45"));
}

#[test]
fn file_names_say_what_they_hold() {
    let r = YearRange {
        from: 2010,
        to: 2017,
    };
    assert_eq!(
        export::file_stem(ds(), Some(ChartId::Quality), r),
        "to-chuc-co-so-dang_quality_2010-2017"
    );
    assert_eq!(
        export::file_stem(ds(), Some(ChartId::Members), r),
        "to-chuc-co-so-dang_members_2008-2017"
    );
    assert_eq!(
        export::file_stem(
            ds(),
            None,
            YearRange {
                from: 2015,
                to: 2015
            }
        ),
        "to-chuc-co-so-dang_2015"
    );
}

#[test]
fn json_keeps_provenance() {
    let j: serde_json::Value = serde_json::from_str(&export::json(
        ds(),
        Some(ChartId::Quality),
        YearRange {
            from: 2008,
            to: 2009,
        },
    ))
    .unwrap();
    assert_eq!(j["yearly"].as_array().unwrap().len(), 2);
    assert_eq!(j["yearly"][0]["rate"], "64,94");
    assert!(j["sentences"]["quality"]
        .as_str()
        .unwrap()
        .contains("53/78"));
    assert_eq!(j["audit"][0]["check"], "disagreement");
    assert!(j["figures"].as_array().unwrap().is_empty());
}

#[test]
fn html_escaping_covers_text_and_attributes() {
    assert_eq!(
        tccs_dashboard::text::html::escape_html("<a href=\"x\">&'"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
}

#[test]
fn the_sources_page_lists_the_disagreement_first_and_every_sentence() {
    for lang in [Lang::Vi, Lang::En] {
        let html = tccs_dashboard::sources_html::sources_html(ds(), lang);
        let first_row = html
            .split("<tbody>")
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap();
        assert!(
            first_row.contains("class=\"disagreement\"") && first_row.contains("2008"),
            "{first_row}"
        );
        assert_eq!(
            html.matches("<q>").count(),
            ds().yearly.len() + ds().figures.len() + ds().events.len()
        );
        assert!(html.contains(&tccs_dashboard::text::html::escape_html(
            &ds().article.title
        )));
    }
    let vi = tccs_dashboard::sources_html::sources_html(ds(), Lang::Vi);
    assert!(vi.contains("53 / 78 = 67,9487%") && vi.contains("Mâu thuẫn"));
}

#[test]
fn the_whole_json_export_carries_the_data_file_records_unchanged() {
    let range = YearRange {
        from: 2008,
        to: 2017,
    };
    let j: serde_json::Value = serde_json::from_str(&export::json(ds(), None, range)).unwrap();
    let file: serde_json::Value = serde_json::from_str(data::EMBEDDED_JSON).unwrap();
    assert_eq!(j["article"], file["article"]);
    assert_eq!(j["yearly"], file["yearly"]);
    assert_eq!(j["figures"], file["figures"]);
    assert_eq!(j["years"], serde_json::json!([2008, 2017]));
    assert_eq!(j["chart"], serde_json::Value::Null);
    // The 2008 audit: reported 64,94, computed 53/78 to four places.
    assert_eq!(j["audit"][0]["computed"], serde_json::json!(67.9487));
}

#[test]
fn json_writer_escapes_and_nests() {
    use tccs_dashboard::text::json_writer::Json;
    let v = Json::Obj(vec![
        ("quote", Json::Str("a \"b\" \\ c\nd\u{1}\u{a0}Đảng")),
        (
            "n",
            Json::Arr(vec![Json::Int(-3), Json::Num(0.45), Json::Num(1173.0)]),
        ),
        ("none", Json::Arr(vec![])),
        ("nan", Json::Num(f64::NAN)),
        ("null", Json::Null),
    ]);
    let text = v.pretty();
    assert!(text.contains("\\u0001"), "{text}");
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back,
        serde_json::json!({
            "quote": "a \"b\" \\ c\nd\u{1}\u{a0}Đảng",
            "n": [-3, 0.45, 1173],
            "none": [],
            "nan": null,
            "null": null
        })
    );
}

#[test]
fn number_formats_without_std_float_formatting() {
    use tccs_dashboard::text::format;
    assert_eq!(format::number(1173.0, 0, Lang::Vi), "1.173");
    assert_eq!(format::number(1173.0, 0, Lang::En), "1,173");
    assert_eq!(format::number(53.0 / 78.0 * 100.0, 2, Lang::Vi), "67,95");
    assert_eq!(format::number(0.05, 1, Lang::En), "0.1");
    assert_eq!(format::number(-0.001, 2, Lang::En), "0.00");
    assert_eq!(format::number(-1.5, 1, Lang::Vi), "−1,5");
    assert_eq!(format::number(0.0, 0, Lang::Vi), "0");
    assert_eq!(format::number(100.0, 0, Lang::En), "100");
    assert_eq!(format::number(1000.0, 0, Lang::Vi), "1.000");
    assert_eq!(format::number(0.05, 2, Lang::Vi), "0,05");
    assert_eq!(format::number(12_345.678, 2, Lang::Vi), "12.345,68");
    assert_eq!(format::number(999.996, 2, Lang::En), "1,000.00");
    assert_eq!(format::percent(3.0 / 90.0 * 100.0, 1, Lang::Vi), "3,3%");
    assert_eq!(format::plain(53.0 / 78.0 * 100.0, 4), "67.9487");
    assert_eq!(format::plain(85.0, 4), "85");
    assert_eq!(format::plain(-0.00001, 4), "0");
    assert_eq!(format::plain(-2.5, 4), "-2.5");
}

/// "Copy table" for word processors: a real table with the header, the numbers as the reader
/// sees them in the language, and the citation in the last row; everything escaped.
#[test]
fn the_clipboard_table_is_a_real_table_with_its_citation() {
    use tccs_dashboard::charts::build;
    let range = YearRange {
        from: 2008,
        to: 2017,
    };
    for lang in [Lang::Vi, Lang::En] {
        let vm = build(ds(), ChartId::Quality, range, lang);
        let cite = export::citation(ds(), &vm, lang, "https://host/?time=2008..2017");
        assert!(cite.contains(&ds().article.date_as_written));
        assert!(cite.contains(lang.pick(&ds().article.unit)));
        assert!(cite.ends_with("https://host/?time=2008..2017"));
        let html = export::clipboard_html(&vm, &cite);
        assert!(html.starts_with("<table") && html.ends_with("</table>"));
        assert_eq!(
            html.matches("<tr>").count(),
            1 + 10 + 1,
            "header, 10 years, citation"
        );
        let header = format!("<th>{}</th>", vm.columns[0]);
        assert!(html.contains(&header));
        // 2008 as the reader reads it.
        let rate = if lang == Lang::Vi { "64,94%" } else { "64.94%" };
        assert!(html.contains(&format!("<td>{rate}</td>")), "{html}");
        assert!(html.contains(&tccs_dashboard::text::html::escape_html(&cite)));
    }
    let mut vm = build(ds(), ChartId::Quality, range, Lang::Vi);
    vm.title = "<b>x</b>".into();
    assert!(!export::clipboard_html(&vm, "<script>").contains("<b>"));
}

/// Every text the Sources page inserts is escaped, whatever validation would have refused first:
/// a dataset with markup in its titles, names, dates, quotes, reasons and addresses writes it
/// as text.
#[test]
fn the_sources_page_writes_hostile_text_as_text() {
    use tccs_dashboard::data::model::{Change, Place, Quote, Revision};
    use tccs_dashboard::text::lang::Localized;
    const EVIL: &str = "<x-evil a=\"1\">'&";
    let loc = || Localized {
        vi: EVIL.to_string(),
        en: EVIL.to_string(),
    };
    let mut d = ds().clone();
    d.article.title = EVIL.into();
    d.article.author = EVIL.into();
    d.article.date_as_written = EVIL.into();
    d.article.publisher = loc();
    d.article.unit = loc();
    for f in &mut d.figures {
        f.label = loc();
        f.quote = Quote::new(EVIL.into());
    }
    for r in &mut d.yearly {
        r.quote = Quote::new(EVIL.into());
    }
    for s in d.sentences.values_mut() {
        *s = EVIL.into();
    }
    for doc in &mut d.documents {
        doc.title = EVIL.into();
        doc.url = Some(EVIL.into());
        doc.date = Some(EVIL.into());
        doc.accessed = Some(EVIL.into());
        doc.publisher = Some(loc());
    }
    for ev in &mut d.events {
        ev.date = EVIL.into();
        ev.decision = Some(EVIL.into());
        ev.decision_date = Some(EVIL.into());
        ev.quote = Quote::new(EVIL.into());
    }
    d.revisions.push(Revision {
        date: EVIL.into(),
        reason: loc(),
        changes: vec![Change {
            place: Place::Other(EVIL.into()),
            old: Some(EVIL.into()),
            new: Some(EVIL.into()),
            corrects_source: false,
        }],
    });
    assert!(!d.events.is_empty() && !d.documents.is_empty());
    for lang in [Lang::Vi, Lang::En] {
        let html = tccs_dashboard::sources_html::sources_html(&d, lang);
        assert!(!html.contains("<x-evil"), "unescaped markup in {html}");
        assert!(!html.contains("a=\"1\""), "an unescaped quote mark");
        // Each kind of text is there, as text: the article's title, a revision, a document.
        assert!(
            html.matches("&lt;x-evil a=&quot;1&quot;&gt;&#39;&amp;")
                .count()
                > 20
        );
        let tiles = tccs_dashboard::sources_html::headline_html(&d, lang);
        assert!(!tiles.contains("<x-evil") && tiles.contains("&lt;x-evil"));
    }
}
