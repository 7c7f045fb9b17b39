//! Every word comes from the data: the role table, the new validation messages, terms as data,
//! notes made from the sums, and the fictional unit (FIXTURE) drawn by the same code.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::charts::{build, to_svg, ChartVm};
use tccs_dashboard::data::roles::{self, ChartId, ROLES};
use tccs_dashboard::data::{self, parse, DataError};
use tccs_dashboard::sources_html;
use tccs_dashboard::state::YearRange;
use tccs_dashboard::text::lang::Lang;

const UNIT: &str = include_str!("fixtures/fixture-unit-2012-2024.json");

fn shipped() -> serde_json::Value {
    serde_json::from_str(data::EMBEDDED_JSON).unwrap()
}

fn unit() -> data::Dataset {
    parse(UNIT).expect("the FIXTURE unit is valid")
}

fn errors_of(v: serde_json::Value) -> Vec<DataError> {
    parse(&v.to_string()).expect_err("broken copy must be rejected")
}

fn all(ds: &data::Dataset) -> YearRange {
    let (from, to) = ds.bounds();
    YearRange { from, to }
}

/// Renames the figure `id` (and nothing that refers to it).
fn renamed(mut v: serde_json::Value, id: &str, to: &str) -> serde_json::Value {
    for f in v["figures"].as_array_mut().unwrap() {
        if f["id"] == id {
            f["id"] = to.into();
        }
    }
    // What referred to it must not hide the role's own message.
    for f in v["figures"].as_array_mut().unwrap() {
        if f["of"] == id {
            f["of"] = to.into();
        }
    }
    for s in v["sums"].as_array_mut().unwrap() {
        if s["whole"] == id {
            s["whole"] = to.into();
        }
    }
    for t in v["headline"].as_array_mut().unwrap() {
        if t["figure"] == id {
            t["figure"] = to.into();
        }
    }
    v
}

#[test]
fn the_role_table_names_each_charts_figures_and_both_datasets_fill_it() {
    assert_eq!(ROLES.len(), 3);
    for (chart, figure) in ROLES {
        assert!(chart.group().is_some(), "{chart:?} is a totals chart");
        assert!(
            figure.starts_with(chart.id()),
            "{figure} belongs to {chart:?}"
        );
        assert_eq!(roles::needed_by(figure).collect::<Vec<_>>(), [chart]);
    }
    assert!(roles::lacking(data::embedded().unwrap()).is_empty());
    assert!(roles::lacking(&unit()).is_empty());
}

#[test]
fn a_renamed_required_figure_is_named_with_the_chart_that_needs_it() {
    for (chart, figure) in ROLES {
        let e = errors_of(renamed(shipped(), figure, "x.renamed"));
        let e = e
            .iter()
            .find(|e| matches!(e, DataError::MissingRole { chart: c, .. } if *c == chart))
            .unwrap_or_else(|| panic!("{figure}: {e:?}"));
        assert!(e.message(Lang::Vi).contains(&format!("`{figure}`")));
        assert_eq!(e.place().as_deref(), Some("dataset.figures"));
    }
    let e = errors_of(renamed(shipped(), "structure.total", "structure.all"));
    let m = e
        .iter()
        .map(|e| e.message(Lang::Vi))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        m.contains("Biểu đồ cơ cấu cần số liệu `structure.total`"),
        "{m}"
    );
    let m = e
        .iter()
        .map(|e| e.message(Lang::En))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        m.contains("The structure chart needs the figure `structure.total`"),
        "{m}"
    );
}

#[test]
fn a_totals_chart_without_any_figure_of_its_group_is_named() {
    let mut v = shipped();
    v["figures"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["group"] != "changes");
    let e = errors_of(v);
    assert!(
        e.iter().any(|e| e.message(Lang::Vi)
            == "Biểu đồ thay đổi tổ chức cần ít nhất một số liệu thuộc nhóm `changes`."),
        "{e:?}"
    );
}

#[test]
fn a_term_that_ends_before_it_starts_is_named_at_its_place() {
    let mut v = shipped();
    v["terms"][1]["from"] = 2021.into();
    let e = errors_of(v);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].place().as_deref(), Some("dataset.terms[1].from"));
    assert_eq!(
        e[0].message(Lang::Vi),
        "terms[1]: nhiệm kỳ bắt đầu năm 2021, sau năm kết thúc 2020."
    );
    assert_eq!(
        e[0].message(Lang::En),
        "terms[1]: the term starts in 2021, after it ends in 2020."
    );
}

#[test]
fn an_unknown_figure_in_a_sum_a_tile_or_a_chart_title_is_named_at_its_place() {
    let mut v = shipped();
    v["sums"][0]["parts"][1] = "structure.nothing".into();
    v["headline"][0]["figure"] = "members.nobody".into();
    v["chart_titles"][0]["chart"] = "pie".into();
    v["article"]["slug"] = "Tổ chức".into();
    let e = errors_of(v);
    let places: Vec<String> = e.iter().filter_map(DataError::place).collect();
    for p in [
        "dataset.sums[structure.total]",
        "dataset.headline[0].figure",
        "dataset.chart_titles[pie].chart",
        "dataset.article.slug",
    ] {
        assert!(places.iter().any(|q| q == p), "{p} in {places:?}");
    }
    for e in &e {
        assert!(!e.message(Lang::Vi).is_empty() && !e.message(Lang::En).is_empty());
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
}

#[test]
fn terms_are_data_cut_to_the_years_and_left_out_when_outside_them() {
    let shipped = data::embedded().unwrap();
    let t: Vec<(u16, u16)> = shipped.terms_in_data().iter().map(|t| (t.1, t.2)).collect();
    assert_eq!(t, [(2010, 2015), (2015, 2017)]);
    let u = unit();
    let t: Vec<(&str, u16, u16)> = u
        .terms_in_data()
        .iter()
        .map(|(t, a, b)| (t.label.vi.as_str(), *a, *b))
        .collect();
    // 2005–2010 lies before the data (2012–2024): not offered.
    assert_eq!(
        t,
        [
            ("Nhiệm kỳ 2010–2015", 2012, 2015),
            ("Nhiệm kỳ 2015–2020", 2015, 2020),
            ("Nhiệm kỳ 2020–2025", 2020, 2024)
        ]
    );
}

#[test]
fn notes_subtitles_and_tiles_are_made_from_the_figures() {
    let u = unit();
    let structure = build(&u, ChartId::Structure, all(&u), Lang::Vi);
    let notes: Vec<&str> = structure.notes.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        notes[0],
        "Tổ chức cơ sở đảng: 41 = Đảng bộ cơ sở 12 + Chi bộ cơ sở 29."
    );
    assert!(
        structure.subtitle.contains("(2025)"),
        "{}",
        structure.subtitle
    );
    let members = build(&u, ChartId::Members, all(&u), Lang::Vi);
    assert!(members
        .subtitle
        .starts_with("% của Đảng viên mới kết nạp (2.406) · 2012–2024"));
    let members = build(&u, ChartId::Members, all(&u), Lang::En);
    assert!(members
        .subtitle
        .starts_with("% of New members admitted (2,406) · 2012–2024"));
    let changes = build(&u, ChartId::Changes, all(&u), Lang::Vi);
    assert_eq!(changes.title, "Thay đổi tổ chức theo Đề án Mẫu 07");
    assert_eq!(changes.data.len(), 14);
    let cadres = build(&u, ChartId::Cadres, all(&u), Lang::En);
    assert_eq!(cadres.data.len(), 3);
    assert!(cadres
        .notes
        .iter()
        .any(|(_, n)| n == "Secretaries who also head their agency (2020–2025): 21."));
    let tiles = sources_html::headline_tiles(&u, Lang::Vi);
    let tiles: Vec<(&str, &str)> = tiles
        .iter()
        .map(|t| (t.value.as_str(), t.label.as_str()))
        .collect();
    assert_eq!(
        tiles,
        [
            ("41", "Tổ chức cơ sở đảng · tại thời điểm công bố (2025)"),
            (
                "3.790",
                "Được giới thiệu về nơi cư trú: 3.790/3.815 · tại thời điểm công bố (2025)"
            ),
            ("2.406", "Đảng viên mới kết nạp · 2012–2024"),
            ("0,31%", "Vi phạm tư cách (bình quân) · 2012–2024"),
        ]
    );
    assert_eq!(
        sources_html::page_title(&u, Lang::En),
        "Grassroots Party organisations — Sample Bloc Party Organisation (FIXTURE), 2012–2024"
    );
}

/// The bar height does not depend on how many bars a group has: 14 bars draw as thick as 5, in
/// the SVG picture (the canvas runs the same drawing code at the same `css_height`).
#[test]
fn fourteen_bars_draw_at_the_same_bar_height_as_five() {
    let u = unit();
    let fourteen = build(&u, ChartId::Changes, all(&u), Lang::Vi);
    let shipped = data::embedded().unwrap();
    let five = build(shipped, ChartId::Changes, all(shipped), Lang::Vi);
    assert_eq!((fourteen.data.len(), five.data.len()), (14, 5));
    let bar_heights = |vm: &ChartVm| -> Vec<String> {
        let w = 480.0;
        let svg = to_svg(vm, Lang::Vi, w as u32, vm.export_height(w) as u32, false).unwrap();
        // The bars are the primary colour's rectangles: their height attribute.
        svg.split("<rect")
            .filter(|r| r.contains("fill=\"#1D549C\""))
            .filter_map(|r| {
                r.split("height=\"")
                    .nth(1)?
                    .split('"')
                    .next()
                    .map(String::from)
            })
            .collect()
    };
    let (a, b) = (bar_heights(&fourteen), bar_heights(&five));
    assert_eq!((a.len(), b.len()), (14, 5), "{a:?} {b:?}");
    assert!(a.iter().chain(&b).all(|h| *h == a[0]), "{a:?} {b:?}");
    assert_eq!(
        fourteen.css_height(480.0) - five.css_height(480.0),
        9.0 * 50.0
    );
}

#[test]
fn the_rate_table_picks_its_columns_by_name() {
    let d = data::embedded().unwrap();
    for lang in [Lang::Vi, Lang::En] {
        let q = build(d, ChartId::Quality, all(d), lang);
        let r = build(d, ChartId::Rate, all(d), lang);
        // Every rate-table column is a quality-table column with the same cells.
        for (k, c) in r.columns.iter().enumerate() {
            let j = q.columns.iter().position(|x| x == c).expect("same header");
            for (dq, dr) in q.data.iter().zip(&r.data) {
                if k > 0 {
                    assert_eq!(dq.cells[j - 1], dr.cells[k - 1], "{c}");
                }
            }
        }
        assert_eq!(r.columns.len(), 4);
    }
}
