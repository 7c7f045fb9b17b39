//! View-models and their SVG output: what is drawn is what the table says.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::charts::svg::Svg;
use tccs_dashboard::charts::theme::{contrast, Theme};
use tccs_dashboard::charts::{build, to_svg, Flag, Shape};
use tccs_dashboard::data;
use tccs_dashboard::state::{ChartId, YearRange};
use tccs_dashboard::summary;
use tccs_dashboard::text::format;
use tccs_dashboard::text::lang::Lang;

const ALL: YearRange = YearRange {
    from: 2008,
    to: 2017,
};

fn ds() -> &'static data::Dataset {
    data::embedded().unwrap()
}

#[test]
fn quality_follows_the_filter_and_flags_2008() {
    let vm = build(
        ds(),
        ChartId::Quality,
        YearRange {
            from: 2008,
            to: 2010,
        },
        Lang::Vi,
    );
    assert_eq!(vm.data.len(), 3);
    assert_eq!(vm.data[0].label, "2008");
    assert_eq!(vm.data[0].value, Some(53.0));
    assert_eq!(vm.data[0].whole, Some(78.0));
    assert_eq!(vm.data[0].flag, Flag::Disagreement);
    assert_eq!(vm.data[0].cells[2], "64,94%");
    assert_eq!(vm.data[0].cells[3], "67,95%");
    assert!(vm
        .notes
        .iter()
        .any(|(f, n)| *f == Flag::Disagreement && n.contains("64,94%") && n.contains("67,95%")));
    assert_eq!(vm.columns.len(), vm.data[0].cells.len() + 1);
    let en = build(ds(), ChartId::Quality, ALL, Lang::En);
    assert_eq!(en.data[7].cells[2], "63.52%");
    assert_eq!(en.data[7].flag, Flag::Note);
}

#[test]
fn rate_marks_the_computed_value_only_where_it_disagrees() {
    let vm = build(ds(), ChartId::Rate, ALL, Lang::Vi);
    assert_eq!(vm.shape, Shape::Line);
    assert_eq!(vm.data[0].value, Some(64.94));
    assert!((vm.data[0].computed.unwrap() - 67.9487).abs() < 1e-3);
    assert!(vm.data[1..].iter().all(|d| d.computed.is_none()));
    assert!(vm.data[0].tooltip.iter().any(|l| l.contains("67,95%")));
    assert_eq!(vm.columns.len(), vm.data[0].cells.len() + 1);
}

#[test]
fn weak_years_without_a_figure_are_not_zero() {
    let vm = build(ds(), ChartId::Weak, ALL, Lang::Vi);
    let reported: Vec<_> = vm
        .data
        .iter()
        .filter(|d| d.value.is_some())
        .map(|d| d.label.as_str())
        .collect();
    assert_eq!(reported, ["2011", "2012", "2017"]);
    let y2008 = &vm.data[0];
    assert_eq!((y2008.value, y2008.flag), (None, Flag::NotReported));
    assert_eq!(y2008.cells[0], "không báo cáo");
    assert_eq!(
        build(ds(), ChartId::Weak, ALL, Lang::En).data[0].cells[0],
        "not reported"
    );
}

#[test]
fn members_are_shares_of_the_whole_not_parts() {
    let vm = build(ds(), ChartId::Members, ALL, Lang::Vi);
    assert_eq!(vm.shape, Shape::HBars);
    let labels: Vec<_> = vm.data.iter().map(|d| d.value_label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "31,29% (367)",
            "10,83% (127)",
            "64,45% (756)",
            "79,45% (932)"
        ]
    );
    assert!(vm
        .notes
        .iter()
        .any(|(_, n)| n.contains("2.182") && n.contains("1.173")));
}

#[test]
fn the_aggregate_charts() {
    let changes = build(ds(), ChartId::Changes, ALL, Lang::Vi);
    assert_eq!(
        changes
            .data
            .iter()
            .map(|d| d.value.unwrap())
            .collect::<Vec<_>>(),
        [15.0, 14.0, 2.0, 2.0, 8.0]
    );
    assert!(changes.notes[0].1.contains("78") && changes.notes[0].1.contains("90"));
    let structure = build(ds(), ChartId::Structure, ALL, Lang::En);
    assert_eq!(structure.data.len(), 5);
    let cadres = build(ds(), ChartId::Cadres, ALL, Lang::Vi);
    assert_eq!(
        cadres
            .data
            .iter()
            .map(|d| d.value.unwrap())
            .collect::<Vec<_>>(),
        [165.0, 87.0, 78.0]
    );
    // The figure of another period (the terms 2010–2020) is a note, not a bar.
    assert!(cadres
        .notes
        .iter()
        .any(|(_, n)| n.contains("85") && n.contains("2010–2020")));
}

#[test]
fn svg_has_title_years_and_one_bar_per_year() {
    for (from, to) in [(2008, 2017), (2012, 2015), (2016, 2016)] {
        let range = YearRange { from, to };
        let vm = build(ds(), ChartId::Quality, range, Lang::Vi);
        let svg = to_svg(&vm, Lang::Vi, 800, 420, false).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains(&vm.title));
        assert!(svg.contains("Nguồn"));
        for y in from..=to {
            assert!(
                svg.contains(&format!("\n{y}\n</text>")),
                "year {y} label missing"
            );
        }
        // Each year: an outlined total bar (fill + stroke) and a solid count bar, in the primary colour.
        let solid = svg.matches("fill=\"#1D549C\"").count();
        assert_eq!(
            solid,
            (from..=to).count() + 1,
            "a bar a year, and the legend's swatch"
        );
    }
    let svg = to_svg(
        &build(ds(), ChartId::Members, ALL, Lang::En),
        Lang::En,
        600,
        300,
        true,
    )
    .unwrap();
    assert!(svg.contains("Women") && svg.contains("79.45% (932)"));
}

#[test]
fn hit_testing_maps_pixels_to_years() {
    let vm = build(ds(), ChartId::Quality, ALL, Lang::Vi);
    let mut s = String::new();
    let hits = {
        use plotters::prelude::*;
        let root = Svg::new(&mut s, (600, 300)).into_drawing_area();
        tccs_dashboard::charts::draw(
            &root,
            &vm,
            &Theme::new(1.0, false),
            Lang::Vi,
            Default::default(),
        )
        .unwrap()
    };
    assert_eq!(hits.n, 10);
    assert_eq!(hits.index_at(hits.x0, 100), Some(0));
    assert_eq!(hits.index_at(hits.x1 - 1, 100), Some(9));
    assert_eq!(hits.index_at(hits.x0 - 1, 100), None);
    let (x, _) = hits.anchor(4);
    assert_eq!(hits.index_at(x, 0), Some(4));
}

#[test]
fn palette_contrast_is_at_least_3_to_1() {
    for dark in [false, true] {
        let p = Theme::new(1.0, dark).palette();
        for (name, c) in [
            ("fg", p.fg),
            ("muted", p.muted),
            ("primary", p.primary),
            ("secondary", p.secondary),
            ("accent", p.accent),
        ] {
            let r = contrast(c, p.bg);
            assert!(r >= 3.0, "{name} dark={dark}: {r:.2}");
        }
        assert!(contrast(p.fg, p.bg) >= 4.5);
    }
}

#[test]
fn number_formats() {
    assert_eq!(format::int(1173, Lang::Vi), "1.173");
    assert_eq!(format::int(1173, Lang::En), "1,173");
    assert_eq!(format::percent(64.94, 2, Lang::Vi), "64,94%");
    assert_eq!(format::percent(64.94, 2, Lang::En), "64.94%");
    assert_eq!(format::written_percent("0,45", Lang::En), "0.45%");
    assert_eq!(format::as_written("02", Lang::Vi), "2");
    assert_eq!(format::as_written("1.173", Lang::En), "1,173");
    assert_eq!(format::years(2010, 2017), "2010–2017");
    assert_eq!(format::int(1_234_567, Lang::Vi), "1.234.567");
}

#[test]
fn summary_follows_the_filter() {
    let all = summary::compute(
        ds(),
        YearRange {
            from: 2014,
            to: 2017,
        },
    );
    assert_eq!(all.len(), 1, "one classification, one summary");
    let s = &all[0];
    assert_eq!(
        (s.top_count, s.total),
        (41 + 54 + 53 + 48, 84 + 85 + 89 + 90)
    );
    assert_eq!(s.best.0, 2015);
    assert_eq!(s.worst.0, 2014);
    assert!((s.change - (53.3 - 48.81)).abs() < 1e-9);
    let vi = summary::sentence(&all, Lang::Vi);
    assert!(
        vi.contains("2014–2017") && vi.contains("56,32%") && vi.contains("tăng 4,49"),
        "{vi}"
    );
    let en = summary::sentence(&all, Lang::En);
    assert!(en.contains("56.32%") && en.contains("rose 4.49"), "{en}");
    let one = summary::sentence(
        &summary::compute(
            ds(),
            YearRange {
                from: 2015,
                to: 2015,
            },
        ),
        Lang::Vi,
    );
    assert!(one.contains("54/85") && one.contains("63,52%"), "{one}");
}

#[test]
fn table_rows_are_escaped_html_of_the_view_model() {
    let vm = build(
        ds(),
        ChartId::Quality,
        YearRange {
            from: 2008,
            to: 2009,
        },
        Lang::Vi,
    );
    let html = tccs_dashboard::charts::table_rows_html(&vm);
    assert_eq!(html.matches("<tr").count(), 2);
    assert!(html.starts_with("<tr class=\"disagreement\"><th scope=\"row\">2008</th><td>53</td><td>78</td><td>64,94%</td>"));
    let mut hostile = vm.clone();
    hostile.data[0].label = "<img src=x onerror=alert(1)>".into();
    assert!(tccs_dashboard::charts::table_rows_html(&hostile).contains("&lt;img src=x"));
}

#[test]
fn svg_backend_writes_escaped_well_formed_markup() {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let mut s = String::new();
    {
        let root = Svg::new(&mut s, (120, 80)).into_drawing_area();
        root.fill(&WHITE).unwrap();
        root.draw(&Rectangle::new(
            [(10, 10), (30, 50)],
            RGBColor(29, 84, 156).mix(0.18).filled(),
        ))
        .unwrap();
        root.draw(&PathElement::new(
            vec![(0, 0), (5, 7), (9, 2)],
            BLACK.stroke_width(2),
        ))
        .unwrap();
        let style = TextStyle::from(("sans-serif", 12.4).into_font())
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw_text("a < b & \"c\"", &style, (60, 5)).unwrap();
    }
    assert!(
        s.starts_with("<svg width=\"120\" height=\"80\" viewBox=\"0 0 120 80\""),
        "{s}"
    );
    assert!(s.ends_with("</svg>\n"));
    assert!(s.contains("<rect x=\"10\" y=\"10\" width=\"20\" height=\"40\" opacity=\"0.18\" fill=\"#1D549C\"/>"), "{s}");
    // Opaque paint writes no opacity (the default); the chart's font is the root's, and a text in
    // another font names its own.
    assert!(s.contains("<polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" points=\"0,0 5,7 9,2\"/>"), "{s}");
    assert!(s.contains("font-family=\"sans-serif\""), "{s}");
    assert!(s.contains("text-anchor=\"middle\""));
    assert!(
        s.contains("font-size=\"10\""),
        "12.4 / 1.24, printed without float formatting: {s}"
    );
    assert!(
        s.contains(">\na &lt; b &amp; &quot;c&quot;\n</text>"),
        "{s}"
    );
}

#[test]
fn axis_steps_are_round_numbers() {
    use tccs_dashboard::charts::axis::{nice_max, nice_step};
    let cases = [
        (0.3, 0.5),
        (1.0, 1.0),
        (1.2, 2.0),
        (12.0, 20.0),
        (22.5, 25.0),
        (25.0, 25.0),
        (40.0, 50.0),
        (70.0, 100.0),
        (100.0, 100.0),
        (1173.0, 2000.0),
    ];
    for (raw, step) in cases {
        assert_eq!(nice_step(raw), step, "step for {raw}");
    }
    // Nothing sensible to scale: a unit step, never NaN or zero.
    for raw in [0.0, -3.0, f64::NAN, f64::INFINITY] {
        assert_eq!(nice_step(raw), 1.0, "step for {raw}");
    }
    assert_eq!(nice_max(90.0), 100.0);
    assert_eq!(nice_max(15.0), 15.0);
    assert_eq!(nice_max(0.0), 1.0);
}

fn fixture() -> data::Dataset {
    data::parse(include_str!("fixtures/fixture-2016-2020.json")).unwrap()
}

#[test]
fn a_classification_change_is_a_break_never_a_joined_series() {
    let d = fixture();
    let all = YearRange {
        from: 2016,
        to: 2020,
    };
    for id in [ChartId::Quality, ChartId::Rate, ChartId::Weak] {
        for lang in [Lang::Vi, Lang::En] {
            let vm = build(&d, id, all, lang);
            assert_eq!(vm.breaks.len(), 1, "{id:?}");
            assert_eq!(vm.breaks[0].0, 2, "the break is before 2018");
            let series: Vec<u8> = vm.data.iter().map(|x| x.series).collect();
            assert_eq!(series, vec![0, 0, 1, 1, 1]);
            // The table names the classification on every row.
            assert_eq!(vm.columns.len(), vm.data[0].cells.len() + 1);
            let last = vm.columns.last().unwrap();
            assert!(last == "Cách xếp loại" || last == "Classification");
            let names: Vec<&str> = vm
                .data
                .iter()
                .map(|x| x.cells.last().unwrap().as_str())
                .collect();
            assert!(names[2].contains("132"), "{names:?}");
            // The legend names both classifications, and a note gives the reason.
            let legend = vm
                .legend
                .iter()
                .map(|l| l.1.as_str())
                .collect::<Vec<_>>()
                .join(" | ");
            assert!(
                legend.contains("2016–2017") && legend.contains("2018–2020"),
                "{legend}"
            );
            assert!(vm
                .notes
                .iter()
                .any(|n| n.0 == Flag::Break && n.1.contains("132-QĐ/TW")));
            // The SVG shows the boundary with its name; the rate line is two paths.
            let svg = to_svg(&vm, lang, 640, 400, false).unwrap();
            assert!(svg.contains("132-QĐ/TW →"), "{id:?}");
        }
    }
    let rate = build(&d, ChartId::Rate, all, Lang::Vi);
    let svg = to_svg(&rate, Lang::Vi, 640, 400, false).unwrap();
    let thick_lines = svg.matches("<polyline").count();
    assert!(thick_lines >= 2, "one line per classification:\n{svg}");
    // Within one classification nothing changes: no break, no extra column.
    let vm = build(
        &d,
        ChartId::Quality,
        YearRange {
            from: 2018,
            to: 2020,
        },
        Lang::Vi,
    );
    assert!(vm.breaks.is_empty());
    assert_eq!(
        vm.title,
        "Tổ chức cơ sở đảng đạt hoàn thành xuất sắc nhiệm vụ"
    );
}

#[test]
fn the_summary_never_pools_across_a_break() {
    let d = fixture();
    let all = summary::compute(
        &d,
        YearRange {
            from: 2016,
            to: 2020,
        },
    );
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].top_count, all[0].total), (53 + 48, 89 + 90));
    assert_eq!(
        (all[1].top_count, all[1].total),
        (20 + 24 + 27, 91 + 92 + 92)
    );
    let vi = summary::sentence(&all, Lang::Vi);
    assert!(vi.contains("2 cách xếp loại khác nhau"), "{vi}");
    assert!(
        vi.contains("đạt trong sạch vững mạnh") && vi.contains("đạt hoàn thành xuất sắc nhiệm vụ"),
        "{vi}"
    );
    // The pooled share of all five years would be (101 + 71) / (179 + 275) = 37,89 %: never shown.
    assert!(!vi.contains("37,89"), "{vi}");
    let en = summary::sentence(&all, Lang::En);
    assert!(en.contains("not pooled"), "{en}");
}

#[test]
fn the_fixture_exports_carry_the_classification() {
    let d = fixture();
    let t = tccs_dashboard::export::chart_table(
        &d,
        ChartId::Quality,
        YearRange {
            from: 2016,
            to: 2020,
        },
        Lang::En,
    );
    let csv = t.write(tccs_dashboard::export::Dialect::Standard);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains(",classification,"), "{}", lines[0]);
    assert!(lines[1].starts_with("2016,tsvm,"));
    assert!(lines[3].starts_with("2018,qd132,"));
    assert!(lines[3].contains("FIXTURE — Báo cáo giả định 2018–2019"));
}

#[test]
fn vietnamese_labels_are_capitalised_without_case_tables() {
    assert_eq!(
        format::capitalise("trong sạch vững mạnh"),
        "Trong sạch vững mạnh"
    );
    assert_eq!(format::capitalise("yếu kém"), "Yếu kém");
    assert_eq!(format::capitalise("đạt"), "Đạt");
    assert_eq!(format::capitalise("ưu"), "Ưu");
    assert_eq!(format::capitalise("ổn"), "Ổn");
    assert_eq!(format::capitalise("ăn"), "Ăn");
    assert_eq!(format::capitalise("à"), "À");
    assert_eq!(format::capitalise("Đã"), "Đã");
    assert_eq!(format::capitalise(""), "");
    assert_eq!(format::capitalise("1 năm"), "1 năm");
}

/// The text of every `<text>` element of an SVG, in order.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let a = t.find('>')? + 1;
            Some(t[a..a + t[a..].find("</text>")?].trim())
        })
        .collect()
}

/// Exported pictures carry the whole citation (title, author, portal, date), wrapped rather than
/// cut, in both languages and at every export width.
#[test]
fn exports_carry_the_whole_citation() {
    let date = &ds().article.date_as_written;
    let (from, to) = ds().bounds();
    for id in ChartId::ALL {
        for lang in [Lang::Vi, Lang::En] {
            let vm = build(ds(), id, YearRange { from, to }, lang);
            assert!(vm.source.contains(date.as_str()), "{}", vm.source);
            for width in [320u32, 480, 720, 1200] {
                let h = vm.export_height(f64::from(width)) as u32;
                let svg = to_svg(&vm, lang, width, h, false).unwrap();
                assert!(
                    svg.contains(date.as_str()),
                    "{id:?} {lang:?} at {width}: no date"
                );
                // The citation's lines, in order, joined, are the citation: every word drawn,
                // none shortened; and at a phone's width it takes more than one line.
                let source = tccs_dashboard::text::html::escape_html(&vm.source);
                let all = texts(&svg);
                let start = all
                    .iter()
                    .position(|t| !t.is_empty() && source.starts_with(t));
                let mut lines = vec![];
                for t in &all[start.unwrap_or(all.len())..] {
                    if lines.join(" ").len() >= source.len() {
                        break;
                    }
                    lines.push(*t);
                }
                assert_eq!(
                    lines.join(" "),
                    source,
                    "{id:?} {lang:?} at {width}: the citation's lines"
                );
                if width == 320 {
                    assert!(lines.len() >= 2, "{id:?} {lang:?}: wrapped at 320 px");
                }
            }
        }
    }
}

/// The SVG writes a run of dashes (short rectangles, one dash apart, as the drawing code makes a
/// dashed line for the canvas) as one dashed line, and leaves every other rectangle as it came:
/// a bar of the same colour after the run, two lone dashes, thick equal bars.
#[test]
fn the_svg_writes_a_run_of_dashes_as_one_dashed_line() {
    use plotters::prelude::*;
    let grey = RGBColor(95, 99, 104);
    let mut s = String::new();
    {
        let root = Svg::new(&mut s, (200, 100)).into_drawing_area();
        let rect = |a: (i32, i32), b: (i32, i32)| {
            root.draw(&Rectangle::new([a, b], grey.filled())).unwrap();
        };
        // A horizontal run of 4 dashes (4 px, 4 apart, 2 thick), the last one shorter.
        for x in [10, 18, 26] {
            rect((x, 20), (x + 4, 22));
        }
        rect((34, 20), (36, 22));
        // A vertical run of 3, then a bar of the same colour.
        for y in [40, 48, 56] {
            rect((50, y), (52, y + 4));
        }
        rect((60, 40), (90, 90));
        // Two lone dashes, and three thick bars one bar apart: rectangles.
        rect((100, 10), (104, 12));
        rect((108, 10), (112, 12));
        for x in [120, 140, 160] {
            rect((x, 50), (x + 10, 90));
        }
    }
    let lines: Vec<&str> = s.lines().filter(|l| l.starts_with("<line ")).collect();
    assert_eq!(
        lines,
        [
            "<line x1=\"10\" y1=\"21\" x2=\"36\" y2=\"21\" stroke-width=\"2\" stroke-dasharray=\"4\" stroke=\"#5F6368\"/>",
            "<line x1=\"51\" y1=\"40\" x2=\"51\" y2=\"60\" stroke-width=\"2\" stroke-dasharray=\"4\" stroke=\"#5F6368\"/>",
        ]
    );
    assert_eq!(s.matches("<rect ").count(), 1 + 2 + 3, "{s}");
}
