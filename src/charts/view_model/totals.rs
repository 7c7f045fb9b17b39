//! The charts of one group's figures as horizontal bars (changes, structure, members, cadres):
//! the figures that share a period and a whole, the rest as notes, and the sums as sentences.

use super::*;

/// A figure's period in words: "2008–2017", or "at publication (2018)" for "now", the year
/// being the article's own.
pub fn period_label(ds: &Dataset, period: &str, lang: Lang) -> String {
    match period.split_once("..") {
        Some((a, b)) => format!("{a}–{b}"),
        // The lineage's: the day a source counts on, or none.
        None if period == "undated" => lang.t("ngày không ghi", "date not given").to_string(),
        None if crate::data::model::is_iso_date(period) => {
            crate::data::model::date_as_written(period)
        }
        None => {
            let y = ds.publication_year();
            lang.t(
                format!("tại thời điểm công bố ({y})"),
                format!("at publication ({y})"),
            )
        }
    }
}

/// What a totals chart draws: the figures of its group that share its period (the new-member
/// groups: the shares of `members.new`), the whole they are shares of, and the rest of the group
/// (another period, or not a share), which become notes.
pub(super) struct Totals<'a> {
    bars: Vec<&'a Figure>,
    whole: Option<&'a Figure>,
    rest: Vec<&'a Figure>,
    period: String,
}

impl<'a> Totals<'a> {
    fn of(ds: &'a Dataset, id: ChartId) -> Self {
        let group: Vec<&Figure> = id.group().map_or_else(Vec::new, |g| ds.group(g).collect());
        let whole = (id == ChartId::Members)
            .then(|| ds.figure(roles::MEMBERS_NEW))
            .flatten();
        // The chart's period: its role figure's (the first of its group's otherwise).
        let lead = match id {
            ChartId::Members => whole,
            ChartId::Cadres => ds.figure(roles::CADRES_ADDED),
            _ => None,
        }
        .or(group.first().copied());
        let period = lead.map_or_else(String::new, |f| f.period.clone());
        let (bars, rest): (Vec<&Figure>, Vec<&Figure>) =
            group.into_iter().partition(|f| match whole {
                Some(w) => f.of.as_deref() == Some(w.id.as_str()),
                None => f.period == period,
            });
        let rest = rest
            .into_iter()
            .filter(|f| whole.is_none_or(|w| w.id != f.id))
            .collect();
        Totals {
            bars,
            whole,
            rest,
            period,
        }
    }
}

/// Horizontal bars of a group's figures (in data-file order), values as counts or shares of a
/// whole.
pub(super) fn hbars(ds: &Dataset, id: ChartId, lang: Lang) -> ChartVm {
    let t = Totals::of(ds, id);
    let whole = t.whole;
    let data: Vec<Datum> = t
        .bars
        .iter()
        .map(|f| {
            let label = lang.pick(&f.label).to_string();
            let count = format::as_written(&f.as_written, lang);
            match whole {
                Some(w) => {
                    let share = f.value / w.value * 100.0;
                    let reported = f
                        .reported_share
                        .as_deref()
                        .map(|s| format::written_percent(s, lang));
                    let shown = reported
                        .clone()
                        .unwrap_or_else(|| format::percent(share, 2, lang));
                    Datum {
                        label: label.clone(),
                        value: Some(share),
                        whole: Some(100.0),
                        computed: None,
                        value_label: format!("{shown} ({count})"),
                        flag: Flag::None,
                        series: 0,
                        tooltip: vec![
                            label,
                            format!(
                                "{count} / {} ({})",
                                format::as_written(&w.as_written, lang),
                                lang.pick(&w.label)
                            ),
                            format!(
                                "{}: {}",
                                lang.t("Tỷ lệ tính", "Share (computed)"),
                                format::percent(share, 2, lang)
                            ),
                        ]
                        .into_iter()
                        .chain(
                            reported
                                .clone()
                                .map(|r| format!("{}: {r}", lang.t("Nguồn ghi", "Source says"))),
                        )
                        .collect(),
                        cells: vec![
                            count,
                            format::percent(share, 2, lang),
                            reported.unwrap_or_else(|| "—".into()),
                        ],
                    }
                }
                None => {
                    let period = period_label(ds, &f.period, lang);
                    Datum {
                        label: label.clone(),
                        value: Some(f.value),
                        whole: None,
                        computed: None,
                        value_label: count.clone(),
                        flag: Flag::None,
                        series: 0,
                        tooltip: vec![label, count.clone(), period.clone()],
                        cells: vec![count, period],
                    }
                }
            }
        })
        .collect();
    let mut data = data;
    for (d, f) in data.iter_mut().zip(&t.bars) {
        if let Some(cell) = d.cells.first_mut() {
            let at = Place::Figure(f.id.clone(), "value".into());
            mark_correction(ds, &at, cell, &mut d.tooltip, lang);
        }
    }
    let max = data.iter().filter_map(|d| d.value).fold(0.0, f64::max);
    let period = period_label(ds, &t.period, lang);
    let unfiltered = lang.t("không theo bộ lọc năm", "not filtered by year");
    let organisations = || {
        lang.t(
            format!("Số tổ chức · {period} · {unfiltered}"),
            format!("Organisations · {period} · {unfiltered}"),
        )
    };
    let (title, subtitle): (&str, String) = match id {
        ChartId::Changes => (
            lang.t("Thay đổi tổ chức cơ sở đảng", "Organisational changes"),
            organisations(),
        ),
        ChartId::Structure => (lang.t("Cơ cấu tổ chức", "Structure"), organisations()),
        ChartId::Members => {
            let of = whole.map_or_else(String::new, |w| {
                format!(
                    "{} ({})",
                    lang.pick(&w.label),
                    format::as_written(&w.as_written, lang)
                )
            });
            (
                lang.t(
                    "Đảng viên mới kết nạp: tỷ lệ theo nhóm",
                    "New Party members: share by group",
                ),
                lang.t(
                    format!("% của {of} · {period} · các nhóm chồng lấn, không cộng thành 100%"),
                    format!("% of {of} · {period} · groups overlap and do not add up to 100%"),
                ),
            )
        }
        _ => (
            lang.t("Cấp ủy viên được bổ sung", "Committee members added"),
            lang.t(
                format!("Số người · {period} · {unfiltered}"),
                format!("People · {period} · {unfiltered}"),
            ),
        ),
    };
    // The unit's own words for the chart, where the data gives them.
    let title = ds
        .chart_title(id.id())
        .map_or_else(|| title.to_string(), |l| lang.pick(l).to_string());
    let mut columns = vec![
        lang.t("Hạng mục", "Item").to_string(),
        lang.t("Số lượng", "Number").into(),
    ];
    if whole.is_some() {
        columns.push(lang.t("Tỷ lệ tính", "Share (computed)").into());
        columns.push(lang.t("Tỷ lệ nguồn ghi", "Share (as reported)").into());
    } else {
        columns.push(lang.t("Thời kỳ", "Period").into());
    }
    let mut notes = hbar_notes(ds, id, lang);
    notes.extend(quote_notes(ds, lang, |of| {
        matches!(of, audit::QuoteOf::Figure(f) if ds.figure(f).is_some_and(|f| Some(f.group) == id.group()))
    }));
    // The rest of the group, each in a sentence of its own with its period.
    notes.extend(t.rest.iter().map(|f| {
        (
            Flag::None,
            format!(
                "{} ({}): {}.",
                lang.pick(&f.label),
                period_label(ds, &f.period, lang),
                f.value_text(lang)
            ),
        )
    }));
    ChartVm {
        id,
        shape: Shape::HBars,
        title,
        subtitle,
        percent_axis: whole.is_some(),
        y_max: if whole.is_some() {
            100.0
        } else {
            nice_max(max)
        },
        columns,
        data,
        breaks: vec![],
        legend: vec![],
        notes,
        source: source_line(ds, lang),
        summary: None,
        lineage: None,
    }
}

/// "Whole: 90 = part 28 + part 62": each sum rule of the chart's group, from the figures.
pub(super) fn sum_notes(ds: &Dataset, id: ChartId, lang: Lang) -> Vec<(Flag, String)> {
    let group = id.group();
    let value = |f: &Figure| f.value_text(lang);
    ds.sums
        .iter()
        .filter_map(|rule| {
            let whole = ds.figure(&rule.whole).filter(|w| Some(w.group) == group)?;
            let parts: Option<Vec<String>> = rule
                .parts
                .iter()
                .map(|p| {
                    ds.figure(p)
                        .map(|f| format!("{} {}", lang.pick(&f.label), value(f)))
                })
                .collect();
            Some((
                Flag::None,
                format!(
                    "{}: {} = {}.",
                    lang.pick(&whole.label),
                    value(whole),
                    parts?.join(" + ")
                ),
            ))
        })
        .collect()
}

pub(super) fn hbar_notes(ds: &Dataset, id: ChartId, lang: Lang) -> Vec<(Flag, String)> {
    let mut notes = sum_notes(ds, id, lang);
    match id {
        ChartId::Changes => {
            if let Some(u) = audit::unreconciled(ds) {
                notes.push((
                    Flag::Note,
                    lang.t(
                        format!(
                            "Các thay đổi không khớp với mức tăng tổng số: thành lập {} − giải thể {} = {:+}, nhưng tổng số tăng từ {} ({}) lên {} ({}), tức {:+}. Nguồn không giải thích.",
                            u.established, u.dissolved, u.net_changes(), u.first_total, u.first_year, u.last_total, u.last_year, u.growth()
                        ),
                        format!(
                            "The changes do not match the growth of the total: established {} − dissolved {} = {:+}, yet the total grew from {} ({}) to {} ({}), i.e. {:+}. The source does not explain this.",
                            u.established, u.dissolved, u.net_changes(), u.first_total, u.first_year, u.last_total, u.last_year, u.growth()
                        ),
                    ),
                ));
            }
        }
        ChartId::Members => {
            if let Some((sum, whole)) = audit::member_overlap(ds) {
                notes.push((
                    Flag::Note,
                    lang.t(
                        format!("Các nhóm chồng lấn (tổng {} > {}): một đảng viên có thể thuộc nhiều nhóm.", format::int(sum, lang), format::int(whole, lang)),
                        format!("The groups overlap (they sum to {} > {}): one member can be in several groups.", format::int(sum, lang), format::int(whole, lang)),
                    ),
                ));
            }
        }
        _ => {}
    }
    notes
}
