//! What became of the unit: the events' decoding and every check (each message names its place),
//! the sums of a transfer, the chart's view-model with its unknown links, and the fixtures (one
//! with no lineage, one with its own).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::json;
use tccs_dashboard::charts::view_model::{build_in, Measure};
use tccs_dashboard::charts::{fate_line, to_svg, Flag};
use tccs_dashboard::data::lineage::error::LineageError;
use tccs_dashboard::data::{self, DataError};
use tccs_dashboard::export;
use tccs_dashboard::state::{ChartId, YearRange};
use tccs_dashboard::text::lang::Lang;

fn ds() -> &'static data::Dataset {
    data::embedded().expect("the shipped data is valid")
}

fn all() -> YearRange {
    let (from, to) = ds().bounds();
    YearRange { from, to }
}

/// The lineage errors of a changed copy of the shipped file.
fn lineage_errors(change: impl FnOnce(&mut serde_json::Value)) -> Vec<LineageError> {
    let mut v = common::json();
    change(&mut v);
    data::checked(&v)
        .expect_err("the changed copy is refused")
        .into_iter()
        .filter_map(|e| match e {
            DataError::Lineage(l) => Some(l),
            _ => None,
        })
        .collect()
}

fn event<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == id)
        .unwrap()
}

#[test]
fn the_shipped_lineage_is_the_published_one() {
    let ds = ds();
    assert_eq!(ds.lineage_unit.as_deref(), Some("khoi-cq"));
    let kinds: Vec<_> = ds
        .events
        .iter()
        .map(|e| (e.kind.id(), e.date.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("founded", "2006-04-14"),
            ("counted", "2016-04-14"),
            ("merged", "2019-03-01"),
            ("ended", "2025-02-10"),
            ("transferred", "2025-02-13"),
            ("merged", "2025-07-01"),
            ("transferred", "2026-01-15"),
        ]
    );
    // Before the article's years: the enterprises bloc founded by 83-QĐ/TU with 62 organisations
    // and 1.118 members from two givers, whose shares are not published.
    let founding = ds.event("thanh-lap-kdn-2006").unwrap();
    assert_eq!(founding.decision.as_deref(), Some("83-QĐ/TU"));
    assert_eq!(founding.units, ["dcd", "pleiku"]);
    assert_eq!(ds.value_of(founding.organisations.as_deref()), Some(62.0));
    assert_eq!(ds.value_of(founding.members.as_deref()), Some(1118.0));
    assert_eq!(ds.flows_of(&founding.id).count(), 0);
    // After: the provinces' merger (12 organisations, 1.753 members) and the ward's handover.
    let merger_2025 = ds.event("sap-nhap-tinh-2025").unwrap();
    assert_eq!(merger_2025.units, ["cq-dang", "cq-dang-bd"]);
    assert_eq!(
        ds.value_of(merger_2025.organisations.as_deref()),
        Some(12.0)
    );
    assert_eq!(ds.value_of(merger_2025.members.as_deref()), Some(1753.0));
    let ward = ds.event("phuong-pleiku-2026").unwrap();
    let by_giver: Vec<_> = ds
        .flows_of(&ward.id)
        .map(|f| {
            (
                f.from.clone(),
                ds.value_of(f.organisations.as_deref()),
                f.members.clone(),
            )
        })
        .collect();
    assert_eq!(
        by_giver,
        [
            (vec!["tap-doan".to_string()], Some(7.0), None),
            (vec!["ubnd-gl".to_string()], Some(3.0), None),
        ]
    );
    assert_eq!(ds.value_of(ward.organisations.as_deref()), Some(10.0));
    assert_eq!(ds.value_of(ward.members.as_deref()), Some(670.0));
    // "trên 1.800" is a lower bound, as written.
    let bound = ds.figure("lineage.kdn_2016.members").unwrap();
    assert!(bound.more_than());
    assert_eq!(bound.value_text(Lang::Vi), "trên 1.800");
    assert_eq!(bound.value_text(Lang::En), "over 1,800");
    assert!(!ds.figure("lineage.founded.members").unwrap().more_than());
    let merger = ds.event("hop-nhat-2019").unwrap();
    assert_eq!(merger.decision.as_deref(), Some("1300-QĐ/TU"));
    assert_eq!(merger.decision_date.as_deref(), Some("2019-02-27"));
    assert_eq!(ds.value_of(merger.organisations.as_deref()), Some(127.0));
    assert_eq!(ds.value_of(merger.members.as_deref()), Some(4537.0));
    // The counts after the merger are undated in their source: never shown as 2019.
    assert_eq!(
        ds.figure("lineage.merged.organisations").unwrap().period,
        "undated"
    );
    let transfer = ds.event("chuyen-giao-2025").unwrap();
    let flows: Vec<_> = ds
        .flows_of(&transfer.id)
        .map(|f| {
            (
                f.to.clone(),
                ds.value_of(f.organisations.as_deref()),
                ds.value_of(f.members.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        flows,
        [
            (vec!["cq-dang".to_string()], Some(22.0), Some(567.0)),
            (vec!["ubnd".to_string()], Some(52.0), Some(3413.0)),
            (
                vec!["pleiku".to_string(), "ia-grai".to_string()],
                Some(31.0),
                Some(578.0)
            ),
        ]
    );
    // Every source of an event has its address: https, or http for the one site read there.
    for e in &ds.events {
        let url = ds.document(&e.document).unwrap().url.as_deref().unwrap();
        assert!(
            url.starts_with("https://")
                || url == "http://dukdn.gialai.org.vn/Gioi-thieu/lich-su-ht-pt.aspx",
            "{url}"
        );
    }
}

/// A document of the copy, by id.
fn document<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == id)
        .unwrap()
}

/// A figure of the copy, by id.
fn figure<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["figures"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap()
}

type Case = (
    &'static str,
    Box<dyn FnOnce(&mut serde_json::Value)>,
    &'static str,
);

#[test]
fn each_check_names_its_place() {
    let cases: Vec<Case> = vec![
        (
            "parts that do not add up",
            Box::new(|v| {
                let f = figure(v, "lineage.transfer.ubnd.organisations");
                f["value"] = 53.into();
                f["as_written"] = "53".into();
                f["quote"] = "53".into();
            }),
            "dataset.events[chuyen-giao-2025].organisations",
        ),
        (
            "a date before the one before it",
            Box::new(|v| event(v, "ket-thuc-2025")["date"] = "2018-01-01".into()),
            "dataset.events[ket-thuc-2025].date",
        ),
        (
            "a date that is not a date",
            Box::new(|v| event(v, "hop-nhat-2019")["date"] = "2019-02-30x".into()),
            "dataset.events[hop-nhat-2019].date",
        ),
        (
            "a decision after its event",
            Box::new(|v| event(v, "hop-nhat-2019")["decision_date"] = "2019-04-01".into()),
            "dataset.events[hop-nhat-2019].decision_date",
        ),
        (
            "a unit that does not exist",
            Box::new(|v| event(v, "chuyen-giao-2025")["into"][0] = "khong-co".into()),
            "dataset.events[chuyen-giao-2025].into",
        ),
        (
            "a flow to a unit the event does not hand to",
            Box::new(|v| v["flows"][0]["to"] = json!(["khoi-dn"])),
            "dataset.flows[0].to",
        ),
        (
            "a quote without its figure",
            Box::new(|v| {
                event(v, "chuyen-giao-2025")["quote"] = "hội nghị chuyển giao, tiếp nhận".into()
            }),
            "dataset.events[chuyen-giao-2025].quote",
        ),
        (
            "an address that is not a web page's",
            Box::new(|v| {
                document(v, "baogialai-311451")["url"] =
                    "ftp://baogialai.com.vn/post-311451.html".into()
            }),
            "dataset.documents[baogialai-311451].url",
        ),
        (
            "an event's source without an address",
            Box::new(|v| {
                document(v, "baogialai-311451")
                    .as_object_mut()
                    .unwrap()
                    .remove("url");
            }),
            "dataset.events[ket-thuc-2025].document",
        ),
        (
            "a flow from a unit the event does not act on",
            Box::new(|v| {
                let f = v["flows"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|f| f["event"] == "phuong-pleiku-2026")
                    .unwrap();
                f["from"] = json!(["khoi-dn"]);
            }),
            "dataset.flows[3].from",
        ),
        (
            "the givers' flows that do not add up (7 + 3 is not 11)",
            Box::new(|v| {
                let f = figure(v, "lineage.pleiku_2026.organisations");
                f["value"] = 11.into();
                f["as_written"] = "11".into();
                f["quote"] = "11".into();
                event(v, "phuong-pleiku-2026")["quote"] = "11 tổ chức, 670 đảng viên".into();
            }),
            "dataset.events[phuong-pleiku-2026].organisations",
        ),
        (
            "a lower bound quoted without its word",
            Box::new(|v| figure(v, "lineage.kdn_2016.members")["quote"] = "1.800 đảng viên".into()),
            "dataset.figures[lineage.kdn_2016.members].quote",
        ),
        (
            "a merger into nothing",
            Box::new(|v| event(v, "hop-nhat-2019")["into"] = json!([])),
            "dataset.events[hop-nhat-2019].into",
        ),
        (
            "the page's own unit missing",
            Box::new(|v| v["lineage_unit"] = "khong-co".into()),
            "dataset.lineage_unit",
        ),
        (
            "a figure period that is not a date",
            Box::new(|v| figure(v, "lineage.merged.members")["period"] = "2019".into()),
            "dataset.figures[lineage.merged.members].period",
        ),
    ];
    for (what, change, place) in cases {
        let errors = lineage_errors(change);
        assert!(
            errors.iter().any(|e| e.place() == place),
            "{what}: expected one at {place}, got {errors:?}"
        );
        for e in &errors {
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert!(
                vi.starts_with(&e.place()) && en.starts_with(&e.place()),
                "{vi} / {en}"
            );
            assert_ne!(vi, en, "{what}: said in both languages");
        }
    }
}

#[test]
fn the_transfer_adds_up_in_organisations_and_in_members() {
    let ds = ds();
    let e = ds.event("chuyen-giao-2025").unwrap();
    let sum = |members: bool| -> f64 {
        ds.flows_of(&e.id)
            .map(|f| {
                ds.value_of(if members {
                    f.members.as_deref()
                } else {
                    f.organisations.as_deref()
                })
                .unwrap()
            })
            .sum()
    };
    assert_eq!(sum(false), ds.value_of(e.organisations.as_deref()).unwrap());
    assert_eq!(sum(true), ds.value_of(e.members.as_deref()).unwrap());
    // 70 + 57 = 49 + 78 = 127: the merged unit's parts, each a sum rule.
    let merged: Vec<_> = ds
        .sums
        .iter()
        .filter(|s| s.whole == "lineage.merged.organisations")
        .collect();
    assert_eq!(merged.len(), 2);
}

#[test]
fn the_chart_draws_what_is_published_and_leaves_the_rest_unknown() {
    let vm = build_in(
        ds(),
        ChartId::Lineage,
        all(),
        Lang::Vi,
        Measure::Organisations,
    );
    let l = vm.lineage.as_ref().unwrap();
    let labels: Vec<_> = vm
        .data
        .iter()
        .map(|d| (d.label.as_str(), d.value))
        .collect();
    // In time order, 2006 to 2026: the page's own unit with the article's years in its place.
    assert_eq!(
        labels,
        [
            ("Đảng bộ Khối cơ quan Dân Chính Đảng tỉnh", None),
            ("Đảng bộ TP. Pleiku", None),
            ("Đảng bộ Khối doanh nghiệp tỉnh", Some(62.0)),
            ("Đảng bộ Khối các cơ quan tỉnh Gia Lai", Some(90.0)),
            ("Đảng bộ Khối doanh nghiệp tỉnh", Some(53.0)),
            ("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh", Some(127.0)),
            ("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh", Some(105.0)),
            ("Đảng bộ các cơ quan Đảng tỉnh", Some(22.0)),
            ("Đảng ủy UBND tỉnh", Some(52.0)),
            ("Đảng bộ TP. Pleiku, Đảng bộ huyện Ia Grai", Some(31.0)),
            ("Đảng bộ các cơ quan Đảng tỉnh Bình Định (tỉnh cũ)", None),
            (
                "Đảng bộ các cơ quan Đảng tỉnh Gia Lai (tỉnh sau sáp nhập)",
                Some(12.0)
            ),
            (
                "Đảng bộ các tập đoàn, tổng công ty, ngân hàng thương mại nhà nước",
                None
            ),
            ("Đảng ủy UBND tỉnh (tỉnh sau sáp nhập)", None),
            ("Đảng bộ phường Pleiku", Some(10.0)),
        ]
    );
    let dates: Vec<_> = l.rows.iter().map(|r| r.date.as_str()).collect();
    assert_eq!(
        dates,
        [
            "",
            "",
            "14/04/2006",
            "2008–2017",
            "14/04/2016",
            "01/03/2019",
            "13/02/2025",
            "13/02/2025",
            "13/02/2025",
            "13/02/2025",
            "",
            "01/07/2025",
            "",
            "",
            "15/01/2026"
        ]
    );
    // What came from each side of a merger or a founding is not published: unknown links,
    // never 0. The same unit later is a thin line, not a flow.
    let unknown: Vec<_> = l
        .links
        .iter()
        .filter(|k| k.value.is_none() && !k.same_unit)
        .map(|k| (k.from, k.to))
        .collect();
    assert_eq!(unknown, [(0, 2), (1, 2), (3, 5), (4, 5), (7, 11), (10, 11)]);
    let same: Vec<_> = l
        .links
        .iter()
        .filter(|k| k.same_unit)
        .map(|k| (k.from, k.to))
        .collect();
    assert_eq!(same, [(2, 4), (5, 6)]);
    // Published flows, by recipient (2025) and by giver (2026: 7 + 3 into the ward's 10).
    let known: Vec<_> = l
        .links
        .iter()
        .filter_map(|k| k.value.map(|v| (k.from, k.to, v)))
        .collect();
    assert_eq!(
        known,
        [
            (6, 7, 22.0),
            (6, 8, 52.0),
            (6, 9, 31.0),
            (12, 14, 7.0),
            (13, 14, 3.0)
        ]
    );
    assert_eq!(vm.data[1].flag, Flag::NotReported);
    assert_eq!(vm.data[1].value_label, "không công bố");
    assert!(vm
        .notes
        .iter()
        .any(|(f, t)| *f == Flag::NotReported && t.contains("không phải 0")));
    // The undated counts say so, in the table and a note; a dated one gives its date.
    assert_eq!(vm.data[5].cells[4], "ngày không ghi");
    assert_eq!(vm.data[14].cells[4], "15/01/2026");
    assert!(vm
        .notes
        .iter()
        .any(|(_, t)| t.contains("không ghi số liệu tính đến ngày nào")));
    // The ward's row says where its organisations came from, each giver's share.
    assert_eq!(
        vm.data[14].cells[5],
        "Đảng bộ các tập đoàn, tổng công ty, ngân hàng thương mại nhà nước: 7; Đảng ủy UBND tỉnh (tỉnh sau sáp nhập): 3"
    );
    // The line under the title names the latest known state; the title the story's years.
    assert_eq!(vm.title, "Đơn vị này qua các lần hợp nhất, chuyển giao");
    assert!(
        vm.subtitle
            .starts_with("Mới nhất, 15/01/2026: Đảng bộ phường Pleiku, 10 tổ chức · 670 đảng viên"),
        "{}",
        vm.subtitle
    );
    // Members as the second view: the bars and the links in members; a flow whose members the
    // source does not split is unknown there, never the ward's 670 copied onto it.
    let m = build_in(ds(), ChartId::Lineage, all(), Lang::En, Measure::Members);
    assert_eq!(m.data[5].value, Some(4537.0));
    assert_eq!(
        m.data[3].value, None,
        "the article gives no total of members"
    );
    let links: Vec<_> = m
        .lineage
        .as_ref()
        .unwrap()
        .links
        .iter()
        .filter(|k| !k.same_unit)
        .map(|k| k.value)
        .collect();
    assert_eq!(
        links,
        [
            None,
            None,
            None,
            None,
            Some(567.0),
            Some(3413.0),
            Some(578.0),
            None,
            None,
            None,
            None
        ]
    );
    assert_eq!(m.data[5].value_label, "127 organisations · 4,537 members");
    // It draws, as canvas and SVG do, at a phone's width.
    let svg = to_svg(&vm, Lang::Vi, 320, vm.export_height(320.0) as u32, false).unwrap();
    assert!(svg.contains("không công bố") && svg.contains("127 tổ chức"));
}

#[test]
fn the_sentence_and_the_line_under_the_title_are_made_from_the_events() {
    assert_eq!(
        fate_line(ds(), Lang::Vi, false).unwrap(),
        "Hợp nhất ngày 01/03/2019 vào Khối các cơ quan và doanh nghiệp; kết thúc ngày 10/02/2025"
    );
    assert_eq!(
        fate_line(ds(), Lang::En, true).unwrap(),
        "Merged on 01/03/2019 into the Agencies and Enterprises Bloc; ended on 10/02/2025; 105 organisations went to 3 others on 13/02/2025"
    );
}

#[test]
fn the_exports_carry_the_lineage_with_its_sources() {
    let t = export::chart_table(ds(), ChartId::Lineage, all(), Lang::En);
    let csv = t.write(export::Dialect::Standard);
    assert!(
        csv.contains("unit,date,event,organisations,members,figures_as_of,from,ended,source"),
        "{csv}"
    );
    assert!(
        csv.contains(",01/03/2019,") && csv.contains(",127,4537,date not given,"),
        "{csv}"
    );
    // Not published is an empty cell, never 0.
    assert!(
        csv.contains("Pleiku City Party Organisation,,Before the event of 14/04/2006 (Founded),,,"),
        "{csv}"
    );
    // A lower bound stays one: words, never the number 1800.
    assert!(
        csv.contains(",14/04/2016,Size published,53,\"over 1,800\",date not given,")
            && !csv.contains(",1800,"),
        "{csv}"
    );
    let j: serde_json::Value =
        serde_json::from_str(&export::json(ds(), Some(ChartId::Lineage), all())).unwrap();
    let file = common::json();
    for key in ["units", "events", "flows", "lineage_unit"] {
        assert_eq!(j[key], file[key], "{key}");
    }
    assert_eq!(j["documents"].as_array().unwrap().len(), 7);
    assert!(j["sentences"]["lineage_transfer"]
        .as_str()
        .unwrap()
        .contains("4.558"));
}

#[test]
fn a_unit_without_events_has_no_lineage_and_another_has_only_its_own() {
    let none = data::parse(include_str!("fixtures/fixture-2016-2020.json")).unwrap();
    assert!(!none.has_lineage());
    assert_eq!(
        ChartId::of(&none)
            .filter(|c| *c == ChartId::Lineage)
            .count(),
        0
    );
    assert_eq!(fate_line(&none, Lang::Vi, true), None);
    let unit = data::parse(include_str!("fixtures/fixture-unit-2012-2024.json")).unwrap();
    let vm = build_in(
        &unit,
        ChartId::Lineage,
        YearRange {
            from: 2012,
            to: 2024,
        },
        Lang::Vi,
        Measure::Organisations,
    );
    let text = format!("{:?}", vm);
    for word in ["Gia Lai", "Khối các cơ quan", "127", "4.537", "Pleiku"] {
        assert!(!text.contains(word), "the FIXTURE lineage shows {word}");
    }
    assert!(text.contains("Khối Hợp nhất Mẫu") && text.contains("1.888"));
    assert_eq!(
        fate_line(&unit, Lang::Vi, false).unwrap(),
        "Hợp nhất ngày 01/06/2025 vào Khối Hợp nhất Mẫu"
    );
}

/// A filled rectangle of an SVG drawing: its box, fill and opacity (none when opaque).
#[derive(Debug, Clone)]
struct Rect {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
    fill: String,
    opacity: Option<String>,
}

/// Every filled rectangle of the SVG the chart code wrote, in drawing order: each `<rect>`, and
/// each dash of a `<line stroke-dasharray>` (the SVG writes a run of dashes as one dashed line;
/// read back here as the rectangles it paints, so the geometry below is checked either way).
fn rects(svg: &str) -> Vec<Rect> {
    let attr = |line: &str, name: &str| {
        let key = format!(" {name}=\"");
        let start = line.find(&key)? + key.len();
        Some(line[start..start + line[start..].find('"')?].to_string())
    };
    let num = |line: &str, name: &str| attr(line, name).and_then(|v| v.parse::<i32>().ok());
    let half = |line: &str, name: &str| attr(line, name).and_then(|v| v.parse::<f64>().ok());
    let mut out = Vec::new();
    for l in svg.lines() {
        if l.starts_with("<rect ") {
            if let (Some(x), Some(y), Some(w), Some(h), Some(fill)) = (
                num(l, "x"),
                num(l, "y"),
                num(l, "width"),
                num(l, "height"),
                attr(l, "fill"),
            ) {
                let opacity = attr(l, "opacity");
                out.push(Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    opacity,
                });
            }
        } else if l.starts_with("<line ") && l.contains("stroke-dasharray") {
            let (Some(x1), Some(y1), Some(x2), Some(y2), Some(t), Some(d), Some(fill)) = (
                half(l, "x1"),
                half(l, "y1"),
                half(l, "x2"),
                half(l, "y2"),
                num(l, "stroke-width"),
                num(l, "stroke-dasharray"),
                attr(l, "stroke"),
            ) else {
                continue;
            };
            let horizontal = y1 == y2;
            let (from, to) = if horizontal { (x1, x2) } else { (y1, y2) };
            let across = if horizontal { y1 } else { x1 } - f64::from(t) / 2.0;
            let mut at = from as i32;
            while f64::from(at) < to {
                let len = d.min(to as i32 - at);
                let (x, y, w, h) = if horizontal {
                    (at, across as i32, len, t)
                } else {
                    (across as i32, at, t, len)
                };
                out.push(Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: fill.clone(),
                    opacity: attr(l, "opacity"),
                });
                at += 2 * d;
            }
        }
    }
    out
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The lineage drawn on the SVG backend as the canvas draws it at a device pixel ratio of
/// `scale` (a phone's is 2 or 3): `css_width` CSS pixels wide, the card's own height.
fn drawn_at(vm: &tccs_dashboard::charts::ChartVm, css_width: u32, scale: f64) -> String {
    use plotters::prelude::IntoDrawingArea;
    use tccs_dashboard::charts::svg::Svg;
    use tccs_dashboard::charts::{draw, DrawOpts, Theme};
    let px = |css: f64| (css * scale).round() as u32;
    let size = (
        px(f64::from(css_width)),
        px(vm.css_height(f64::from(css_width))),
    );
    let mut out = String::new();
    {
        let root = Svg::new(&mut out, size).into_drawing_area();
        let opts = DrawOpts {
            highlight: None,
            caption: false,
        };
        draw(&root, vm, &Theme::new(scale, false), Lang::Vi, opts).unwrap();
    }
    out
}

/// The drawing itself, read from the SVG the same routine draws for the canvas: a flow the
/// source publishes is one solid link into its unit's bar, as wide as its figure in the chosen
/// measure; one it does not publish is dashed, and no solid link reaches its unit from it.
#[test]
fn the_links_are_drawn_as_the_data_says_solid_as_wide_as_their_figures_dashed_where_unpublished() {
    use tccs_dashboard::charts::Theme;
    let palette = Theme::new(1.0, false).palette();
    let (solid, muted) = (hex(palette.primary), hex(palette.muted));
    for measure in [Measure::Organisations, Measure::Members] {
        for (width, scale) in [(320u32, 3.0), (390, 2.0), (1280, 1.0)] {
            let vm = build_in(ds(), ChartId::Lineage, all(), Lang::Vi, measure);
            let drawn = rects(&drawn_at(&vm, width, scale));
            let at = format!("{measure:?} at {width} px, {scale}×");
            // Each row with a figure has its bar (opaque, the primary colour), in row order,
            // after the legend's solid swatches (drawn first, above the rows).
            let swatches = vm
                .legend
                .iter()
                .filter(|(m, _)| *m == tccs_dashboard::charts::Mark::Solid)
                .count();
            let mut bars = drawn
                .iter()
                .filter(|r| r.fill == solid && r.opacity.is_none())
                .skip(swatches);
            let bar: Vec<Option<Rect>> = vm
                .data
                .iter()
                .map(|d| d.value.and_then(|_| bars.next().cloned()))
                .collect();
            let l = vm.lineage.as_ref().unwrap();
            let mut widths = vec![];
            for link in l.links.iter().filter(|k| !k.same_unit) {
                let target = bar[link.to]
                    .as_ref()
                    .unwrap_or_else(|| panic!("{at}: row {} has a bar", link.to));
                let mid = target.y + target.h / 2;
                // A link's last leg runs along the row to the left end of the bar it feeds;
                // several into one row (what each giver handed over) arrive one below the other,
                // the row's last link at the bar's middle.
                let into = |r: &&Rect| {
                    r.x + r.w == target.x && r.y + r.h >= mid && r.y <= target.y + 2 * target.h
                };
                let mut solid_in: Vec<_> = drawn
                    .iter()
                    .filter(|r| r.fill == solid && r.opacity.is_some())
                    .filter(into)
                    .collect();
                solid_in.sort_by_key(|r| r.y);
                let published_in: Vec<_> = l
                    .links
                    .iter()
                    .filter(|k| !k.same_unit && k.to == link.to && k.value.is_some())
                    .collect();
                match link.value {
                    Some(v) => {
                        assert_eq!(
                            solid_in.len(),
                            published_in.len(),
                            "{at}: one solid link into row {} for each published flow",
                            link.to
                        );
                        // Drawn from the last link back: the last arrives first, at the top.
                        let k = published_in
                            .iter()
                            .rev()
                            .position(|k| std::ptr::eq(*k, link));
                        widths.push((v, solid_in[k.unwrap()].h, link.to));
                    }
                    None => {
                        assert!(
                            solid_in.is_empty(),
                            "{at}: no solid link into row {} for a flow nobody published",
                            link.to
                        );
                        let dashes = drawn
                            .iter()
                            .filter(|r| r.fill == muted && r.x + r.w <= target.x)
                            .filter(|r| (r.y - mid).abs() <= 2 * scale as i32 && r.w > r.h)
                            .count();
                        assert!(
                            dashes >= 3,
                            "{at}: the unknown flow into row {} is dashed ({dashes} dashes)",
                            link.to
                        );
                    }
                }
            }
            assert!(
                widths.len() >= 2,
                "{at}: the published flows are drawn: {widths:?}"
            );
            // As wide as their figures: one scale for every link (pixels per organisation or
            // member), each width its figure at that scale, within the pixel rounding takes. A
            // flow too small to see is drawn at the thinnest visible width, never thinner.
            let thinnest = (1.5 * scale).round() as i32;
            let (seen, thin): (Vec<_>, Vec<_>) =
                widths.iter().partition(|&&(_, w, _)| w > thinnest);
            assert!(
                !seen.is_empty(),
                "{at}: a link above the thinnest: {widths:?}"
            );
            let (sum_v, sum_w) = seen.iter().fold((0.0, 0.0), |(v, w), &&(fv, fw, _)| {
                (v + fv, w + f64::from(fw))
            });
            let per = sum_w / sum_v;
            for &&(v, w, row) in &seen {
                let want = v * per;
                assert!(
                    (f64::from(w) - want).abs() <= 1.0,
                    "{at}: the link into row {row} is {w} px for {v}; {want:.1} px at the links' scale"
                );
            }
            for &&(v, w, row) in &thin {
                assert!(
                    w == thinnest && v * per <= f64::from(thinnest) + 1.0,
                    "{at}: the link into row {row} ({v}) is {w} px, the thinnest, only when its figure is below it"
                );
            }
        }
    }
}

/// A date must be one the calendar has: 30 February is refused at its cell, 29 February only in
/// a leap year.
#[test]
fn a_date_the_calendar_lacks_is_refused() {
    for (date, refused) in [
        ("2025-02-30", true),
        ("2025-02-29", true),
        ("2024-02-29", false),
        ("2100-02-29", true),
        ("2000-02-29", false),
        ("2025-04-31", true),
        ("2025-12-31", false),
    ] {
        let errors = lineage_errors(|v| {
            // The last event: a date that stays after the one before it.
            let last = v["events"].as_array().unwrap().len() - 1;
            v["events"][last]["date"] = date.into();
            v["events"][last]["decision_date"] = serde_json::Value::Null;
            // One error more than none, so that the copy is refused either way.
            v["lineage_unit"] = "khong-co".into();
        });
        let bad = errors
            .iter()
            .any(|e| matches!(e, LineageError::BadDate { date: d, .. } if d == date));
        assert_eq!(bad, refused, "{date}: {errors:?}");
    }
}

/// "trên 1.800" is a lower bound: shown as one in both languages, in the table, the tooltip and
/// the drawing, and never added up as exact.
#[test]
fn a_lower_bound_is_shown_as_one_and_never_summed_as_exact() {
    use tccs_dashboard::data::model::sum_holds;
    // Exact figures add up exactly; a bound among the parts only caps them; a bound whole only
    // floors them; two bounds prove nothing either way.
    let holds = |whole: (f64, bool), parts: &[(f64, bool)]| {
        let sum = parts.iter().map(|p| p.0).sum();
        sum_holds(whole.0, whole.1, sum, parts.iter().any(|p| p.1))
    };
    assert!(holds((10.0, false), &[(7.0, false), (3.0, false)]));
    assert!(!holds((11.0, false), &[(7.0, false), (3.0, false)]));
    assert!(holds((4537.0, false), &[(1800.0, true), (1118.0, false)]));
    assert!(!holds((2000.0, false), &[(1800.0, true), (1118.0, false)]));
    assert!(holds((1800.0, true), &[(1000.0, false), (900.0, false)]));
    assert!(!holds((1800.0, true), &[(1118.0, false)]));
    // In the data: a rule that would need the bound to be exact is refused, one that holds as
    // a bound passes.
    let sum_errors = |whole: &str, parts: &[&str]| {
        let mut v = common::json();
        v["sums"]
            .as_array_mut()
            .unwrap()
            .push(json!({"whole": whole, "parts": parts}));
        data::checked(&v)
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| matches!(e, DataError::SumMismatch { .. }))
            .count()
    };
    assert_eq!(
        sum_errors("lineage.kdn_2016.members", &["lineage.founded.members"]),
        1
    );
    assert_eq!(
        sum_errors("lineage.founded.members", &["lineage.kdn_2016.members"]),
        1
    );
    assert_eq!(
        sum_errors(
            "lineage.merged.members",
            &["lineage.kdn_2016.members", "lineage.founded.members"]
        ),
        0
    );
    // Shown as a bound: the table's cell, the row's words, the drawing's open end, a note.
    for (lang, words) in [(Lang::Vi, "trên 1.800"), (Lang::En, "over 1,800")] {
        let m = build_in(ds(), ChartId::Lineage, all(), lang, Measure::Members);
        let row = m
            .data
            .iter()
            .position(|d| d.cells[0] == "14/04/2016")
            .unwrap();
        assert_eq!(m.data[row].cells[3], words);
        assert!(
            m.data[row].value_label.contains(words),
            "{}",
            m.data[row].value_label
        );
        assert!(m.data[row].tooltip.iter().any(|t| t.contains(words)));
        assert!(m.lineage.as_ref().unwrap().rows[row].more_than);
        assert!(
            m.notes.iter().any(|(_, t)| t.starts_with(words)),
            "{:?}",
            m.notes
        );
        // In organisations its 53 is exact: no open end there.
        let o = build_in(ds(), ChartId::Lineage, all(), lang, Measure::Organisations);
        assert!(!o.lineage.as_ref().unwrap().rows[row].more_than);
        assert_eq!(o.data[row].value, Some(53.0));
    }
}

/// Every figure is drawn whole under its bar, however deep its row and however narrow the phone:
/// a label longer than the room to the right of its bar moves left rather than end in "…". (That
/// it also stays inside the canvas, measured in the browser's font, is layout.test.mjs's: "1,753
/// memb" ran past the edge at 320 px in English, seen on a screenshot.)
#[test]
fn every_figure_is_drawn_whole_at_a_phones_width_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        for measure in [Measure::Organisations, Measure::Members] {
            for (width, scale) in [(320u32, 3.0), (390, 2.0)] {
                let vm = build_in(ds(), ChartId::Lineage, all(), lang, measure);
                let svg = drawn_at(&vm, width, scale);
                for d in &vm.data {
                    assert!(
                        svg.contains(&d.value_label),
                        "{lang:?} {measure:?} at {width} px: \"{}\" is not drawn whole",
                        d.value_label
                    );
                }
            }
        }
    }
}
