//! The lineage chart: what became of the unit, as rows in time order, one a unit at a moment
//! (its figures where a source gives them), joined by links whose widths are the organisations
//! (or members) that went from one to the other. What a source does not give stays unknown: a
//! dashed link, a dashed bar, "không công bố / not published", never 0.
//!
//! The rows are made from the events: the dataset's own unit first (its last yearly total), then
//! each event in date order adds the rows it makes (a merged unit, a transfer's total and its
//! recipients) and the links into them; an end marks the unit's latest row.

use super::*;
use crate::data::lineage::{Event, EventKind};
use crate::data::model::date_as_written;

/// The measure the bars and links are drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Organisations,
    Members,
}

/// The drawing's own part of the view-model: each row's date, indent and short name, and the
/// links.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lineage {
    pub rows: Vec<LineRow>,
    pub links: Vec<Link>,
    pub measure: Measure,
}

/// One per datum: the date it is at ("01/03/2019", "2008–2017"), its depth (0: leftmost) and
/// the units' short names, for a narrow drawing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineRow {
    pub date: String,
    pub depth: u8,
    pub short: String,
    /// Its figure in the drawn measure is a lower bound ("trên 1.800"): the bar is open-ended.
    pub more_than: bool,
}

/// A link from one row to a later one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    /// Organisations (or members) that went; `None`: not published.
    pub value: Option<f64>,
    /// The same unit later (a thin neutral line), not a flow of organisations.
    pub same_unit: bool,
}

/// A link in the making, with its value in both measures.
struct Joined {
    link: Link,
    members: Option<f64>,
}

/// A row in the making: which units, when, the figures, and what the tooltip and table say.
struct Row {
    units: Vec<String>,
    date: String,
    event: Option<String>,
    organisations: Option<String>,
    members: Option<String>,
    /// Where the organisations came from, in words.
    from: Vec<String>,
    ended: Option<String>,
    document: Option<String>,
}

fn name(ds: &Dataset, id: &str, lang: Lang) -> String {
    ds.lineage_unit(id)
        .map_or_else(|| id.to_string(), |u| lang.pick(&u.name).to_string())
}

pub(super) fn short_names(ds: &Dataset, ids: &[String], lang: Lang) -> String {
    let all: Vec<&str> = ids
        .iter()
        .map(|id| match ds.lineage_unit(id) {
            Some(u) => lang.pick(u.short.as_ref().unwrap_or(&u.name)),
            None => id.as_str(),
        })
        .collect();
    all.join(", ")
}

fn names(ds: &Dataset, ids: &[String], lang: Lang) -> String {
    let all: Vec<String> = ids.iter().map(|u| name(ds, u, lang)).collect();
    all.join(", ")
}

/// "Hợp nhất (Quyết định 1300-QĐ/TU ngày 27/02/2019, Ban Thường vụ Tỉnh ủy Gia Lai)".
fn event_words(e: &Event, lang: Lang) -> String {
    let (vi, en) = e.kind.words();
    let mut out = lang.t(vi, en).to_string();
    if let Some(d) = &e.decision {
        // One text each, in the reader's language: the words chosen, then put together once
        // (a pair of `format!`s, one per language, costs the wasm twice the code).
        let mut decided = format!("{} {d}", lang.t("Quyết định", "Decision"));
        if let Some(date) = &e.decision_date {
            decided.push(' ');
            decided.push_str(lang.t("ngày", "of"));
            decided.push(' ');
            decided.push_str(&date_as_written(date));
        }
        if let Some(by) = &e.decided_by {
            decided.push_str(", ");
            decided.push_str(lang.pick(by));
        }
        out.push_str(&format!(" ({decided})"));
    }
    out
}

/// A figure by id, as the reader writes it ("4.537"), or "not published".
fn count(ds: &Dataset, id: Option<&String>, lang: Lang) -> String {
    id.and_then(|id| ds.figure(id)).map_or_else(
        || lang.t("không công bố", "not published").to_string(),
        |f| f.value_text(lang),
    )
}

/// The date a row's figures describe: the organisations' figure's period.
fn counted_on(ds: &Dataset, row: &Row, lang: Lang) -> String {
    row.organisations
        .iter()
        .chain(&row.members)
        .find_map(|id| ds.figure(id))
        .map_or_else(|| "—".to_string(), |f| period_label(ds, &f.period, lang))
}

/// The rows and links of the dataset's lineage, in time order: the events before the article's
/// first year, the page's own unit with the article's years, then the later events.
fn rows(ds: &Dataset, lang: Lang) -> (Vec<Row>, Vec<Joined>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut links: Vec<Joined> = Vec::new();
    let (a, b) = ds.bounds();
    let own_row = |rows: &mut Vec<Row>| {
        if let Some(own) = &ds.lineage_unit {
            rows.push(Row {
                units: vec![own.clone()],
                date: format::years(a, b),
                event: None,
                organisations: None,
                members: None,
                from: vec![],
                ended: None,
                document: None,
            });
        }
    };
    // ISO dates compare as text.
    let series_start = format!("{a:04}-01-01");
    let mut own_placed = false;
    // In date order: validation refuses them otherwise.
    for e in &ds.events {
        if !own_placed && e.date >= series_start {
            own_row(&mut rows);
            own_placed = true;
        }
        event_rows(ds, lang, e, &mut rows, &mut links);
    }
    if !own_placed {
        own_row(&mut rows);
    }
    (rows, links)
}

/// The row of a unit's latest state, or a new row of its own where it is met for the first time
/// (with nothing published).
fn row_of(rows: &mut Vec<Row>, unit: &str, e: &Event, lang: Lang) -> usize {
    if let Some(i) = rows.iter().rposition(|r| r.units.iter().any(|u| u == unit)) {
        return i;
    }
    let date = date_as_written(&e.date);
    let (vi, en) = e.kind.words();
    rows.push(Row {
        units: vec![unit.to_string()],
        date: String::new(),
        event: Some(format!(
            "{} {date} ({})",
            lang.t("Trước sự kiện ngày", "Before the event of"),
            lang.t(vi, en)
        )),
        organisations: None,
        members: None,
        from: vec![],
        ended: None,
        document: Some(e.document.clone()),
    });
    rows.len() - 1
}

/// The rows and links one event adds.
fn event_rows(ds: &Dataset, lang: Lang, e: &Event, rows: &mut Vec<Row>, links: &mut Vec<Joined>) {
    let date = date_as_written(&e.date);
    let sources: Vec<usize> = e.units.iter().map(|u| row_of(rows, u, e, lang)).collect();
    // Out of line: called from every arm below, inlined each time they cost the wasm bytes.
    #[inline(never)]
    fn made(
        e: &Event,
        lang: Lang,
        date: &str,
        units: Vec<String>,
        o: Option<String>,
        m: Option<String>,
        from: Vec<String>,
    ) -> Row {
        Row {
            units,
            date: date.to_string(),
            event: Some(event_words(e, lang)),
            organisations: o,
            members: m,
            from,
            ended: None,
            document: Some(e.document.clone()),
        }
    }
    #[inline(never)]
    fn joined(
        ds: &Dataset,
        from: usize,
        to: usize,
        o: Option<&str>,
        m: Option<&str>,
        same_unit: bool,
    ) -> Joined {
        Joined {
            link: Link {
                from,
                to,
                value: ds.value_of(o),
                same_unit,
            },
            members: ds.value_of(m),
        }
    }
    let row = |units, o, m, from| made(e, lang, &date, units, o, m, from);
    let join = |from, to, o, m, same_unit| joined(ds, from, to, o, m, same_unit);
    // The event's own units later, with the totals it gives, joined to their rows as the same
    // unit (a size published; what a transfer hands over).
    let same_unit_later = |rows: &mut Vec<Row>, links: &mut Vec<Joined>| {
        rows.push(row(
            e.units.clone(),
            e.organisations.clone(),
            e.members.clone(),
            vec![],
        ));
        let to = rows.len() - 1;
        links.extend(sources.iter().map(|&from| join(from, to, None, None, true)));
        to
    };
    let unknown = lang.t("không công bố", "not published");
    match e.kind {
        EventKind::Ended => {
            for &i in &sources {
                rows[i].ended = Some(format!("{date}: {}", event_words(e, lang)));
            }
        }
        EventKind::Counted => {
            // The same unit later, its size as published.
            same_unit_later(rows, links);
        }
        EventKind::Merged | EventKind::Founded => {
            let from = e
                .units
                .iter()
                .map(|u| format!("{} ({unknown})", name(ds, u, lang)))
                .collect();
            rows.push(row(
                e.into.clone(),
                e.organisations.clone(),
                e.members.clone(),
                from,
            ));
            let to = rows.len() - 1;
            links.extend(
                sources
                    .iter()
                    .map(|&from| join(from, to, None, None, false)),
            );
        }
        EventKind::Split | EventKind::Transferred => {
            let flows: Vec<_> = ds.flows_of(&e.id).collect();
            // Split by giver ("7 from one, 3 from the other"): each giver's row links to the
            // recipients with its own figures, and the recipients' row holds the event's total.
            if !flows.is_empty() && flows.iter().all(|f| !f.from.is_empty()) {
                let from_words = flows
                    .iter()
                    .map(|f| {
                        format!(
                            "{}: {}",
                            names(ds, &f.from, lang),
                            count(ds, f.organisations.as_ref(), lang)
                        )
                    })
                    .collect();
                rows.push(row(
                    e.into.clone(),
                    e.organisations.clone(),
                    e.members.clone(),
                    from_words,
                ));
                let to = rows.len() - 1;
                for f in &flows {
                    for giver in &f.from {
                        if let Some(k) = e.units.iter().position(|u| u == giver) {
                            links.push(join(
                                sources[k],
                                to,
                                f.organisations.as_deref(),
                                f.members.as_deref(),
                                false,
                            ));
                        }
                    }
                }
                return;
            }
            // What the event hands over, on a row of the unit it leaves.
            let mut from_row = sources.first().copied();
            if e.organisations.is_some() || e.members.is_some() {
                from_row = Some(same_unit_later(rows, links));
            }
            let giver = names(ds, &e.units, lang);
            let mut covered: Vec<&String> = Vec::new();
            for f in flows {
                covered.extend(&f.to);
                rows.push(row(
                    f.to.clone(),
                    f.organisations.clone(),
                    f.members.clone(),
                    vec![giver.clone()],
                ));
                if let Some(from) = from_row {
                    let to = rows.len() - 1;
                    links.push(join(
                        from,
                        to,
                        f.organisations.as_deref(),
                        f.members.as_deref(),
                        false,
                    ));
                }
            }
            for u in e.into.iter().filter(|u| !covered.contains(u)) {
                rows.push(row(
                    vec![u.clone()],
                    None,
                    None,
                    vec![format!("{giver} ({unknown})")],
                ));
                if let Some(from) = from_row {
                    links.push(join(from, rows.len() - 1, None, None, false));
                }
            }
        }
    }
}

/// The lineage chart's view-model.
pub(super) fn lineage(ds: &Dataset, lang: Lang, measure: Measure) -> ChartVm {
    let (rows, joined) = rows(ds, lang);
    // Links in the chosen measure: the flows' members where the source gives them.
    let mut links = Vec::with_capacity(joined.len());
    for j in joined {
        let mut link = j.link;
        if measure == Measure::Members {
            link.value = j.members;
        }
        links.push(link);
    }
    let own_total = ds.yearly.last();
    let value_of = |r: &Row| -> Option<f64> {
        let id = match measure {
            Measure::Organisations => &r.organisations,
            Measure::Members => &r.members,
        };
        // The page's own unit: its last yearly total (the series' figure).
        if r.event.is_none() && measure == Measure::Organisations {
            return own_total.map(|y| f64::from(y.total));
        }
        ds.value_of(id.as_deref())
    };
    // Whether a row's figure in the chosen measure is a lower bound ("trên 1.800").
    let more_than = |r: &Row| {
        let id = match measure {
            Measure::Organisations => &r.organisations,
            Measure::Members => &r.members,
        };
        id.as_deref()
            .and_then(|id| ds.figure(id))
            .is_some_and(|f| f.more_than())
    };
    let unknown = lang.t("không công bố", "not published");
    let data: Vec<Datum> = rows
        .iter()
        .map(|r| {
            let label = names(ds, &r.units, lang);
            let value = value_of(r);
            let (orgs, members) = if r.event.is_none() {
                let t = own_total.map_or_else(String::new, |y| y.total.to_string());
                (t, unknown.to_string())
            } else {
                (
                    count(ds, r.organisations.as_ref(), lang),
                    count(ds, r.members.as_ref(), lang),
                )
            };
            let counted = if r.event.is_none() {
                "—".into()
            } else {
                counted_on(ds, r, lang)
            };
            // What is published, in a few words; nothing published says so.
            let shown: Vec<String> = [
                r.organisations.is_some() || (r.event.is_none()),
                r.members.is_some(),
            ]
            .iter()
            .zip([
                format!("{orgs} {}", lang.t("tổ chức", "organisations")),
                format!("{members} {}", lang.t("đảng viên", "members")),
            ])
            .filter(|(known, _)| **known)
            .map(|(_, t)| t)
            .collect();
            // The page's own unit: its last year's total, that year named.
            let shown: Vec<String> = match own_total.filter(|_| r.event.is_none()) {
                Some(y) => vec![format!("{} ({})", shown.join(""), y.year)],
                None => shown,
            };
            let value_label = if shown.is_empty() {
                unknown.to_string()
            } else {
                shown.join(" · ")
            };
            let source = r
                .document
                .as_deref()
                .and_then(|d| ds.document(d))
                .map_or_else(
                    || article_line(ds, lang),
                    |d| {
                        let publisher = d.publisher.as_ref().map_or("", |p| lang.pick(p));
                        format!("{publisher}: {}", d.cited(lang))
                    },
                );
            let event = r.event.clone().unwrap_or_else(|| {
                lang.t("Số liệu của bài viết", "The article's figures")
                    .to_string()
            });
            Datum {
                label,
                value,
                whole: None,
                computed: None,
                value_label,
                flag: if value.is_some() {
                    Flag::None
                } else {
                    Flag::NotReported
                },
                series: 0,
                tooltip: vec![],
                cells: vec![
                    r.date.clone(),
                    event,
                    orgs,
                    members,
                    counted,
                    if r.from.is_empty() {
                        "—".into()
                    } else {
                        r.from.join("; ")
                    },
                    r.ended.clone().unwrap_or_else(|| "—".into()),
                    source,
                ],
            }
        })
        .collect();
    // Each tooltip: the row's name, then every cell of its table row that says something.
    let columns: Vec<String> = vec![
        lang.t("Đơn vị", "Unit").into(),
        lang.t("Ngày", "Date").into(),
        lang.t("Sự kiện", "Event").into(),
        lang.t("Tổ chức cơ sở đảng", "Grassroots organisations")
            .into(),
        lang.t("Đảng viên", "Party members").into(),
        lang.t("Thời điểm số liệu", "Figures as of").into(),
        lang.t("Từ", "From").into(),
        lang.t("Kết thúc", "Ended").into(),
        lang.t("Nguồn", "Source").into(),
    ];
    let mut data = data;
    for d in &mut data {
        let lines = columns[1..]
            .iter()
            .zip(&d.cells)
            .filter(|(_, c)| !c.is_empty() && *c != "—")
            .map(|(h, c)| format!("{h}: {c}"));
        d.tooltip = std::iter::once(d.label.clone()).chain(lines).collect();
    }
    let depth = depths(rows.len(), &links);
    let mut notes = Vec::new();
    if links.iter().any(|l| l.value.is_none() && !l.same_unit) {
        notes.push((
            Flag::NotReported,
            lang.t(
                "Nét đứt: nguồn không công bố bao nhiêu tổ chức đi theo đường này (không phải 0).",
                "Dashed: the source does not publish how many organisations went this way (not 0).",
            )
            .to_string(),
        ));
    }
    // The units whose counts the source does not date, named once each in one note.
    let mut undated = String::new();
    for (i, r) in rows.iter().enumerate() {
        if r.units.len() > 1 && r.event.is_some() {
            notes.push((
                Flag::None,
                format!(
                    "{}: {}",
                    data[i].label,
                    lang.t(
                        "nguồn ghi chung, không chia giữa các đơn vị.",
                        "the source gives these together, not split between them."
                    )
                ),
            ));
        }
        let label = data[i].label.as_str();
        if r.event.is_some()
            && counted_on(ds, r, lang) == period_label(ds, "undated", lang)
            && !undated.split("; ").any(|u| u == label)
        {
            if !undated.is_empty() {
                undated.push_str("; ");
            }
            undated.push_str(label);
        }
    }
    if !undated.is_empty() {
        notes.push((
            Flag::Note,
            format!(
                "{}: {undated}.",
                lang.t(
                    "Nguồn không ghi số liệu tính đến ngày nào",
                    "The source does not say on what date it counted the figures of"
                )
            ),
        ));
    }
    // The lower bounds shown, listed once ("trên 1.800").
    let mut list = String::new();
    for r in &rows {
        for id in [&r.organisations, &r.members].into_iter().flatten() {
            if let Some(f) = ds.figure(id).filter(|f| f.more_than()) {
                if !list.is_empty() {
                    list.push_str(", ");
                }
                list.push_str(&f.value_text(lang));
            }
        }
    }
    if !list.is_empty() {
        notes.push((
            Flag::Note,
            format!(
                "{list}: {}",
                lang.t(
                    "nguồn chỉ ghi giới hạn dưới; số thật lớn hơn, không bao giờ cộng như số chính xác. Thanh vẽ đến giới hạn, có dấu › ở cuối.",
                    "the source gives only a lower bound; the true count is larger and is never added up as exact. The bar stops at the bound, with › at its end."
                )
            ),
        ));
    }
    notes.extend(quote_notes(ds, lang, |of| {
        matches!(of, audit::QuoteOf::Figure(f) if ds.figure(f).is_some_and(|f| f.group == crate::data::Group::Lineage))
    }));
    let max = data.iter().filter_map(|d| d.value).fold(0.0, f64::max);
    let measure_words = match measure {
        Measure::Organisations => lang.t(
            "độ dài, độ rộng: số tổ chức cơ sở đảng",
            "length, width: grassroots organisations",
        ),
        Measure::Members => lang.t(
            "độ dài, độ rộng: số đảng viên",
            "length, width: Party members",
        ),
    };
    ChartVm {
        id: ChartId::Lineage,
        shape: Shape::Lineage,
        title: ds.chart_title(ChartId::Lineage.id()).map_or_else(
            || {
                // The rows give each date; the line under the title the latest state.
                lang.t(
                    "Đơn vị này qua các lần hợp nhất, chuyển giao",
                    "This unit through its mergers and handovers",
                )
                .to_string()
            },
            |l| lang.pick(l).to_string(),
        ),
        subtitle: {
            let tail = lang.t(
                "theo thời gian · không theo bộ lọc năm",
                "in time order · not filtered by year",
            );
            match latest_words(&data, &rows, lang) {
                Some(latest) => format!("{latest} · {measure_words} · {tail}"),
                None => format!("{measure_words} · {tail}"),
            }
        },
        percent_axis: false,
        y_max: max.max(1.0),
        columns,
        breaks: vec![],
        legend: vec![
            (Mark::Solid, lang.t("Đã công bố", "Published").into()),
            (
                Mark::Unpublished,
                lang.t("Không công bố (không phải 0)", "Not published (not 0)")
                    .into(),
            ),
        ],
        notes,
        source: lineage_source_line(ds, lang),
        summary: fate_line(ds, lang, true),
        lineage: Some(Lineage {
            rows: rows
                .iter()
                .zip(depth)
                .map(|(r, depth)| LineRow {
                    date: r.date.clone(),
                    depth,
                    short: short_names(ds, &r.units, lang),
                    more_than: more_than(r),
                })
                .collect(),
            links,
            measure,
        }),
        data,
    }
}

/// The latest known state, for the line under the title: the last dated row that publishes a
/// figure ("Mới nhất, 15/01/2026: Đảng bộ phường Pleiku, 10 tổ chức · 670 đảng viên").
fn latest_words(data: &[Datum], rows: &[Row], lang: Lang) -> Option<String> {
    let i = rows.iter().rposition(|r| {
        r.event.is_some()
            && !r.date.is_empty()
            && (r.organisations.is_some() || r.members.is_some())
    })?;
    let (d, r) = (data.get(i)?, &rows[i]);
    Some(format!(
        "{}, {}: {}, {}",
        lang.t("Mới nhất", "Latest"),
        r.date,
        d.label,
        d.value_label
    ))
}

/// Each row's depth: a row a link leads to sits one step right of where the link starts (the
/// same unit later, at the same depth).
fn depths(n: usize, links: &[Link]) -> Vec<u8> {
    let mut depth = vec![0u8; n];
    for l in links {
        if l.to < n && l.from < n {
            let d = if l.same_unit {
                depth[l.from]
            } else {
                depth[l.from].saturating_add(1)
            };
            depth[l.to] = depth[l.to].max(d);
        }
    }
    depth
}

/// The article and every source of the events, each once.
fn lineage_source_line(ds: &Dataset, lang: Lang) -> String {
    let mut line = article_line(ds, lang);
    let mut seen: Vec<&str> = Vec::new();
    for e in &ds.events {
        if let Some(d) = ds
            .document(&e.document)
            .filter(|d| !seen.contains(&d.id.as_str()))
        {
            seen.push(&d.id);
            line.push_str("; ");
            if let Some(p) = &d.publisher {
                line.push_str(lang.pick(p));
                line.push_str(": ");
            }
            line.push_str(&d.cited(lang));
        }
    }
    if let Some(d) = ds.updated() {
        line.push_str(&updated_words(d, lang));
    }
    line
}
