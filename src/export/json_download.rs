//! The JSON download: the data file's records unchanged (article, years, figures, sentences,
//! sources, the unit's lineage), the selection it was taken with and the audit of each rate.

use super::check_name;
use crate::data::audit::{self, RateOf};
use crate::data::{Dataset, Figure};
use crate::state::{ChartId, YearRange};
use crate::text::json_writer::Json;

fn localized(l: &crate::data::model::Localized) -> Json<'_> {
    Json::Obj(vec![("vi", Json::Str(&l.vi)), ("en", Json::Str(&l.en))])
}

fn opt_str(o: &Option<String>) -> Json<'_> {
    o.as_deref().map_or(Json::Null, Json::Str)
}

/// The article record, field for field as in data/dataset.json.
fn article_json(a: &crate::data::model::Article) -> Json<'_> {
    Json::Obj(vec![
        ("title", Json::Str(&a.title)),
        ("date", Json::Str(&a.date)),
        ("date_as_written", Json::Str(&a.date_as_written)),
        ("author", Json::Str(&a.author)),
        ("views", Json::Int(a.views as i64)),
        ("publisher", localized(&a.publisher)),
        ("unit", localized(&a.unit)),
        (
            "period",
            Json::Obj(vec![
                ("from", Json::Int(a.period.from.into())),
                ("to", Json::Int(a.period.to.into())),
            ]),
        ),
        ("source", Json::Str(&a.source)),
        ("quote", Json::Str(&a.quote)),
        ("slug", Json::Str(&a.slug)),
    ])
}

fn year_json(r: &crate::data::YearRecord) -> Json<'_> {
    let mut fields = vec![
        ("year", Json::Int(r.year.into())),
        ("classification", Json::Str(&r.classification)),
        ("top", Json::Int(r.top.into())),
        ("total", Json::Int(r.total.into())),
        ("rate", Json::Str(&r.rate)),
        (
            "bottom",
            r.bottom.map_or(Json::Null, |w| Json::Int(w.into())),
        ),
        ("bottom_rate", opt_str(&r.bottom_rate)),
    ];
    if r.document.is_some() {
        fields.push(("document", opt_str(&r.document)));
    }
    fields.push(("source", Json::Str(&r.source)));
    fields.push(("quote", Json::Str(&r.quote)));
    Json::Obj(fields)
}

fn classification_json(c: &crate::data::Classification) -> Json<'_> {
    Json::Obj(vec![
        ("id", Json::Str(&c.id)),
        ("name", localized(&c.name)),
        ("basis", c.basis.as_ref().map_or(Json::Null, localized)),
        ("top", localized(&c.top)),
        ("bottom", localized(&c.bottom)),
    ])
}

fn document_json(d: &crate::data::model::Document) -> Json<'_> {
    let mut fields = vec![("id", Json::Str(&d.id)), ("title", Json::Str(&d.title))];
    let optional = [
        ("date", &d.date),
        ("url", &d.url),
        ("accessed", &d.accessed),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            fields.push((key, Json::Str(v)));
        }
    }
    if let Some(p) = &d.publisher {
        fields.push(("publisher", localized(p)));
    }
    Json::Obj(fields)
}

/// The lineage's records as the data file writes them.
fn lineage_json(ds: &Dataset) -> Vec<(&'static str, Json<'_>)> {
    fn strs(v: &[String]) -> Json<'_> {
        Json::Arr(v.iter().map(|s| Json::Str(s)).collect())
    }
    fn opt<'a>(key: &'static str, v: &'a Option<String>, out: &mut Vec<(&'static str, Json<'a>)>) {
        if let Some(v) = v {
            out.push((key, Json::Str(v)));
        }
    }
    let units = ds
        .units
        .iter()
        .map(|u| {
            let mut f = vec![("id", Json::Str(&u.id)), ("name", localized(&u.name))];
            if let Some(s) = &u.short {
                f.push(("short", localized(s)));
            }
            Json::Obj(f)
        })
        .collect();
    let events = ds
        .events
        .iter()
        .map(|e| {
            let mut f = vec![
                ("id", Json::Str(&e.id)),
                ("kind", Json::Str(e.kind.id())),
                ("date", Json::Str(&e.date)),
            ];
            opt("decision", &e.decision, &mut f);
            opt("decision_date", &e.decision_date, &mut f);
            if let Some(by) = &e.decided_by {
                f.push(("decided_by", localized(by)));
            }
            f.push(("units", strs(&e.units)));
            f.push(("into", strs(&e.into)));
            opt("organisations", &e.organisations, &mut f);
            opt("members", &e.members, &mut f);
            f.push(("document", Json::Str(&e.document)));
            f.push(("source", Json::Str(&e.source)));
            f.push(("quote", Json::Str(&e.quote)));
            Json::Obj(f)
        })
        .collect();
    let flows = ds
        .flows
        .iter()
        .map(|fl| {
            let mut f = vec![("event", Json::Str(&fl.event))];
            if !fl.from.is_empty() {
                f.push(("from", strs(&fl.from)));
            }
            f.push(("to", strs(&fl.to)));
            opt("organisations", &fl.organisations, &mut f);
            opt("members", &fl.members, &mut f);
            Json::Obj(f)
        })
        .collect();
    vec![
        (
            "lineage_unit",
            ds.lineage_unit.as_deref().map_or(Json::Null, Json::Str),
        ),
        ("units", Json::Arr(units)),
        ("events", Json::Arr(events)),
        ("flows", Json::Arr(flows)),
    ]
}

fn figure_json(f: &Figure) -> Json<'_> {
    let mut fields = vec![
        ("id", Json::Str(&f.id)),
        ("group", Json::Str(f.group.id())),
        ("value", Json::Num(f.value)),
        ("as_written", Json::Str(&f.as_written)),
        ("unit", Json::Str(f.unit.id())),
        ("label", localized(&f.label)),
        ("period", Json::Str(&f.period)),
        ("source", Json::Str(&f.source)),
        ("quote", Json::Str(&f.quote)),
    ];
    if f.of.is_some() {
        fields.push(("of", opt_str(&f.of)));
    }
    if f.reported_share.is_some() {
        fields.push(("reported_share", opt_str(&f.reported_share)));
    }
    if f.document.is_some() {
        fields.push(("document", opt_str(&f.document)));
    }
    Json::Obj(fields)
}

/// The selection as JSON in the data file's own model, with the sentences it cites and the audit.
pub fn json(ds: &Dataset, chart: Option<ChartId>, range: YearRange) -> String {
    let yearly_chart = chart.is_none_or(|c| c.is_yearly());
    let group = chart.and_then(ChartId::group);
    let yearly: Vec<_> = if yearly_chart {
        ds.yearly
            .iter()
            .filter(|r| range.contains(r.year))
            .collect()
    } else {
        vec![]
    };
    // The lineage: with the whole file, and with its own chart.
    let lineage = chart.is_none_or(|c| c == ChartId::Lineage) && ds.has_lineage();
    let figures: Vec<_> = ds
        .figures
        .iter()
        .filter(|f| match chart {
            None => true,
            Some(ChartId::Lineage) => f.group == crate::data::Group::Lineage,
            Some(_) => group == Some(f.group),
        })
        .collect();
    let events: Vec<_> = if lineage {
        ds.events.iter().collect()
    } else {
        vec![]
    };
    let mut sentences = std::collections::BTreeMap::new();
    for src in yearly
        .iter()
        .map(|r| &r.source)
        .chain(figures.iter().map(|f| &f.source))
        .chain(events.iter().map(|e| &e.source))
    {
        if let Some(s) = ds.sentences.get(src) {
            sentences.insert(src.as_str(), Json::Str(s));
        }
    }
    let audit = audit::rates(ds)
        .into_iter()
        .filter(|a| match &a.of {
            RateOf::Top(y) | RateOf::Bottom(y) => yearly_chart && range.contains(*y),
            RateOf::Share(id) => figures.iter().any(|f| &f.id == id),
        })
        .map(|a| {
            Json::Obj(vec![
                (
                    "of",
                    Json::String(match &a.of {
                        RateOf::Top(y) => format!("yearly.{y}.rate"),
                        RateOf::Bottom(y) => format!("yearly.{y}.bottom_rate"),
                        RateOf::Share(id) => format!("{id}.reported_share"),
                    }),
                ),
                ("reported", Json::String(a.reported)),
                // Four places are enough to compare with a rate written with two.
                ("computed", Json::Num((a.computed * 1e4).round() / 1e4)),
                ("check", Json::Str(check_name(a.check))),
            ])
        })
        .collect();
    let mut fields = vec![
        ("title", Json::Str(&ds.article.title)),
        ("article", article_json(&ds.article)),
        // The latest publication's date: a citation of this file names the version it read.
        ("updated", ds.updated().map_or(Json::Null, Json::Str)),
        ("chart", chart.map_or(Json::Null, |c| Json::Str(c.id()))),
        (
            "years",
            Json::Arr(vec![
                Json::Int(range.from.into()),
                Json::Int(range.to.into()),
            ]),
        ),
        (
            "classifications",
            Json::Arr(
                ds.classifications
                    .iter()
                    .filter(|c| yearly.iter().any(|r| r.classification == c.id))
                    .map(classification_json)
                    .collect(),
            ),
        ),
        (
            "documents",
            Json::Arr(
                ds.documents
                    .iter()
                    .filter(|d| {
                        let id = Some(d.id.as_str());
                        yearly.iter().any(|r| r.document.as_deref() == id)
                            || figures.iter().any(|f| f.document.as_deref() == id)
                            || events.iter().any(|e| e.document == d.id)
                    })
                    .map(document_json)
                    .collect(),
            ),
        ),
        (
            "yearly",
            Json::Arr(yearly.iter().map(|r| year_json(r)).collect()),
        ),
        (
            "figures",
            Json::Arr(figures.into_iter().map(figure_json).collect()),
        ),
        ("sentences", Json::Obj(sentences.into_iter().collect())),
        ("audit", Json::Arr(audit)),
    ];
    if lineage {
        fields.extend(lineage_json(ds));
    }
    Json::Obj(fields).pretty()
}
