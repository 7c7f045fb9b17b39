//! The yearly charts: the quality chart (count inside its total), the reported rate, the weak
//! ones; their tables by named column, and the audit of each reported rate.

use super::columns::{
    scheme_name, yearly_columns, Schemes, YearCells, COUNT_COLUMNS, RATE_COLUMNS,
};
use super::*;

/// The source line of a yearly chart: the article, and every other document its years cite.
pub(super) fn yearly_source_line(ds: &Dataset, range: YearRange, lang: Lang) -> String {
    let mut line = article_line(ds, lang);
    let mut seen: Vec<&str> = Vec::new();
    for r in ds.yearly.iter().filter(|r| range.contains(r.year)) {
        if let Some(d) = r.document.as_deref().and_then(|d| ds.document(d)) {
            if !seen.contains(&d.id.as_str()) {
                seen.push(&d.id);
                line.push_str("; ");
                line.push_str(&d.cited(lang));
            }
        }
    }
    if let Some(d) = ds.updated() {
        line.push_str(&updated_words(d, lang));
    }
    line
}

/// The tooltip line of a rate the audit flags: the recomputed value and what the check found.
pub(super) fn recomputed_line(computed: &str, check: RateCheck, lang: Lang) -> String {
    format!(
        "{}: {computed} — {}",
        lang.t("Tính lại", "Recomputed"),
        check.words(lang)
    )
}

pub(super) fn flag_of(check: RateCheck) -> Flag {
    match check.severity() {
        Severity::Ok => Flag::None,
        Severity::Note => Flag::Note,
        Severity::Disagreement => Flag::Disagreement,
    }
}

/// "Rate (as reported)": the yearly field's own label, in tooltips as in tables.
pub(super) fn rate_label(lang: Lang) -> &'static str {
    let (vi, en) = YearField::Rate.label();
    lang.t(vi, en)
}

pub(super) fn years_subtitle(range: YearRange, what: &str) -> String {
    format!("{what} · {}", format::years(range.from, range.to))
}

pub(super) fn quality(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    quality_with_audits(ds, range, lang).0
}

/// The quality chart, the audit of each row's reported rate, and the classifications of the
/// years: the rate chart is the same rows drawn as the reported percentage.
pub(super) type QualityParts<'a> = (
    ChartVm,
    Vec<Option<audit::RateAudit>>,
    Vec<YearCells>,
    Schemes<'a>,
);

pub(super) fn quality_with_audits(ds: &Dataset, range: YearRange, lang: Lang) -> QualityParts<'_> {
    let schemes = Schemes::of(ds, range);
    let mut data = Vec::new();
    let mut notes = Vec::new();
    let mut audits = Vec::new();
    let mut all_cells = Vec::new();
    for (series, seg) in schemes.segments.iter().enumerate() {
        let top_label = seg
            .classification
            .map_or_else(String::new, |c| format::capitalise(lang.pick(&c.top)));
        for r in seg.rows {
            let audit = audit::year_rate(ds, r.year);
            let (flag, computed, check) = match &audit {
                Some(a) => (flag_of(a.check), a.computed, a.check),
                None => (Flag::None, 0.0, RateCheck::Matches),
            };
            let reported = format::written_percent(&r.rate, lang);
            let computed_s = format::percent(computed, 2, lang);
            let mut tooltip = vec![
                r.year.to_string(),
                format!(
                    "{}: {} / {}",
                    top_label,
                    format::int(r.top, lang),
                    format::int(r.total, lang)
                ),
                format!("{}: {reported}", rate_label(lang)),
            ];
            if flag != Flag::None {
                tooltip.push(recomputed_line(&computed_s, check, lang));
            }
            if flag == Flag::Disagreement {
                notes.push((
                    Flag::Disagreement,
                    lang.t(
                        format!(
                            "{}: bài báo ghi {} nhưng {}/{} = {}.",
                            r.year, reported, r.top, r.total, computed_s
                        ),
                        format!(
                            "{}: the article says {} but {}/{} = {}.",
                            r.year, reported, r.top, r.total, computed_s
                        ),
                    ),
                ));
            }
            let mut year_cells = YearCells {
                counted: format::int(r.top, lang),
                total: format::int(r.total, lang),
                reported,
                recomputed: computed_s,
                check: check.words(lang).to_string(),
                scheme: scheme_name(&schemes, seg.classification, lang),
            };
            year_cells.mark(
                ds,
                r.year,
                [YearField::Top, YearField::Total, YearField::Rate],
                &mut tooltip,
                lang,
            );
            data.push(Datum {
                label: r.year.to_string(),
                value: Some(f64::from(r.top)),
                whole: Some(f64::from(r.total)),
                computed: None,
                value_label: format::int(r.top, lang),
                flag,
                series: series as u8,
                tooltip,
                cells: year_cells.pick(&COUNT_COLUMNS),
            });
            audits.push(audit);
            all_cells.push(year_cells);
        }
    }
    notes.extend(schemes.notes(lang));
    notes.extend(quote_notes(ds, lang, |of| {
        matches!(of, audit::QuoteOf::Year(y, YearField::Top | YearField::Total | YearField::Rate) if range.contains(*y))
    }));
    let max = data.iter().filter_map(|d| d.whole).fold(0.0, f64::max);
    let top = schemes.top(lang);
    let columns = yearly_columns(&schemes, lang, &top, &COUNT_COLUMNS);
    let mut legend = schemes.legend(lang, [Mark::Solid, Mark::Solid2], |c| &c.top, &top);
    legend.push((
        Mark::Outline,
        lang.t("Tổng số tổ chức", "All organisations").into(),
    ));
    let vm = ChartVm {
        id: ChartId::Quality,
        shape: Shape::CountOfTotal,
        title: lang.t(
            format!("Tổ chức cơ sở đảng đạt {top}"),
            format!("Grassroots Party organisations rated {top}"),
        ),
        subtitle: years_subtitle(range, lang.t("Số tổ chức", "Organisations")),
        percent_axis: false,
        y_max: nice_max(max),
        columns,
        breaks: schemes.breaks(lang),
        data,
        legend,
        notes,
        source: yearly_source_line(ds, range, lang),
        summary: None,
        lineage: None,
    };
    (vm, audits, all_cells, schemes)
}

pub(super) fn rate(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    let (mut vm, audits, cells, schemes) = quality_with_audits(ds, range, lang);
    let mut any_diff = false;
    let years = ds.yearly.iter().filter(|r| range.contains(r.year));
    for (((d, a), r), c) in vm.data.iter_mut().zip(audits).zip(years).zip(&cells) {
        if let Some(a) = a {
            d.value = Some(a.reported_value);
            d.whole = None;
            d.value_label = format::written_percent(&r.rate, lang);
            if d.flag == Flag::Disagreement {
                d.computed = Some(a.computed);
                any_diff = true;
            }
        }
        d.cells = c.pick(&RATE_COLUMNS);
    }
    vm.id = ChartId::Rate;
    vm.shape = Shape::Line;
    let top = schemes.top(lang);
    vm.columns = yearly_columns(&schemes, lang, &top, &RATE_COLUMNS);
    vm.title = lang.t(format!("Tỷ lệ đạt {top}"), format!("Share rated {top}"));
    vm.subtitle = years_subtitle(
        range,
        lang.t(
            "% tổng số tổ chức cơ sở đảng",
            "% of all grassroots organisations",
        ),
    );
    vm.percent_axis = true;
    vm.y_max = 100.0;
    vm.legend = if schemes.segments.len() < 2 {
        vec![(
            Mark::Dot,
            lang.t("Tỷ lệ bài báo ghi", "Rate as reported").into(),
        )]
    } else {
        schemes.legend(lang, [Mark::Dot, Mark::Square], |c| &c.top, "")
    };
    if any_diff {
        vm.legend.push((
            Mark::Cross,
            lang.t(
                "Tính lại từ số đếm (khi khác)",
                "Recomputed from counts (where different)",
            )
            .into(),
        ));
    }
    vm
}

pub(super) fn weak(ds: &Dataset, range: YearRange, lang: Lang) -> ChartVm {
    let schemes = Schemes::of(ds, range);
    let not_reported = lang.t("không báo cáo", "not reported");
    let rates = audit::rates(ds); // once, not once per year
    let mut data = Vec::new();
    for (series, seg) in schemes.segments.iter().enumerate() {
        let bottom_label = seg
            .classification
            .map_or_else(String::new, |c| format::capitalise(lang.pick(&c.bottom)));
        for r in seg.rows {
            let audit = rates
                .iter()
                .find(|a| a.of == audit::RateOf::Bottom(r.year))
                .cloned();
            let d = match r.bottom {
                Some(w) => {
                    let rate = r
                        .bottom_rate
                        .as_deref()
                        .map(|s| format::written_percent(s, lang))
                        .unwrap_or_default();
                    let (flag, computed, check) =
                        audit.map_or((Flag::None, String::new(), RateCheck::Matches), |a| {
                            (
                                flag_of(a.check),
                                format::percent(a.computed, 2, lang),
                                a.check,
                            )
                        });
                    let mut tooltip = vec![
                        r.year.to_string(),
                        format!(
                            "{}: {} / {}",
                            bottom_label,
                            format::int(w, lang),
                            format::int(r.total, lang)
                        ),
                        format!("{}: {rate}", rate_label(lang)),
                    ];
                    if flag != Flag::None {
                        tooltip.push(recomputed_line(&computed, check, lang));
                    }
                    Datum {
                        label: r.year.to_string(),
                        value: Some(f64::from(w)),
                        whole: Some(f64::from(r.total)),
                        computed: None,
                        value_label: format::int(w, lang),
                        flag,
                        series: series as u8,
                        cells: {
                            let mut cells = YearCells {
                                counted: format::int(w, lang),
                                total: format::int(r.total, lang),
                                reported: rate,
                                recomputed: computed,
                                check: check.words(lang).into(),
                                scheme: scheme_name(&schemes, seg.classification, lang),
                            };
                            let fields =
                                [YearField::Bottom, YearField::Total, YearField::BottomRate];
                            cells.mark(ds, r.year, fields, &mut tooltip, lang);
                            cells.pick(&COUNT_COLUMNS)
                        },
                        tooltip,
                    }
                }
                None => Datum {
                    label: r.year.to_string(),
                    value: None,
                    whole: Some(f64::from(r.total)),
                    computed: None,
                    value_label: "—".into(),
                    flag: Flag::NotReported,
                    series: series as u8,
                    tooltip: vec![r.year.to_string(), {
                        let b = seg.classification.map_or("", |c| lang.pick(&c.bottom));
                        match r.document {
                            None => lang.t(
                                format!("Bài báo không nêu số tổ chức {b} năm này"),
                                format!("The article gives no {b} count for this year"),
                            ),
                            Some(_) => lang.t(
                                format!("Nguồn không nêu số tổ chức {b} năm này"),
                                format!("The source gives no {b} count for this year"),
                            ),
                        }
                    }],
                    cells: YearCells {
                        counted: not_reported.into(),
                        total: format::int(r.total, lang),
                        reported: "—".into(),
                        recomputed: "—".into(),
                        check: "—".into(),
                        scheme: scheme_name(&schemes, seg.classification, lang),
                    }
                    .pick(&COUNT_COLUMNS),
                },
            };
            data.push(d);
        }
    }
    let max = data.iter().filter_map(|d| d.value).fold(0.0, f64::max);
    let bottom = schemes.bottom(lang);
    let reported: Vec<String> = data
        .iter()
        .filter(|d| d.value.is_some())
        .map(|d| d.label.clone())
        .collect();
    let reported = match reported.as_slice() {
        [] => lang
            .t("không năm nào có số liệu", "reported for no year")
            .to_string(),
        [..] if reported.len() == data.len() => lang
            .t("có số liệu mọi năm", "reported every year")
            .to_string(),
        [one] => lang.t(
            format!("chỉ {one} có số liệu"),
            format!("reported for {one} only"),
        ),
        [init @ .., last] => lang.t(
            format!("chỉ {}, {last} có số liệu", init.join(", ")),
            format!("reported for {} and {last} only", init.join(", ")),
        ),
    };
    let columns = yearly_columns(&schemes, lang, &bottom, &COUNT_COLUMNS);
    let mut legend = schemes.legend(lang, [Mark::Solid, Mark::Solid2], |c| &c.bottom, &bottom);
    legend.push((
        Mark::Dash,
        lang.t(
            "— không báo cáo (không phải 0)",
            "— not reported (not zero)",
        )
        .into(),
    ));
    ChartVm {
        id: ChartId::Weak,
        shape: Shape::Columns,
        title: lang.t(
            format!("Tổ chức cơ sở đảng {bottom}"),
            format!("Grassroots Party organisations rated {bottom}"),
        ),
        subtitle: years_subtitle(
            range,
            &lang.t(
                format!("Số tổ chức; {reported}"),
                format!("Organisations; {reported}"),
            ),
        ),
        percent_axis: false,
        y_max: nice_max(max.max(4.0)),
        columns,
        breaks: schemes.breaks(lang),
        data,
        legend,
        notes: {
            let mut notes = schemes.notes(lang);
            notes.extend(quote_notes(ds, lang, |of| {
                matches!(of, audit::QuoteOf::Year(y, YearField::Bottom | YearField::BottomRate) if range.contains(*y))
            }));
            notes
        },
        source: yearly_source_line(ds, range, lang),
        summary: None,
        lineage: None,
    }
}
