//! A place of the draft in the staff's words: `yearly[2014].top` is "Năm 2014 — Số đạt loại cao
//! nhất", `figures[dv-moi].value` is "Số liệu «Đảng viên mới» — Giá trị", with the same labels
//! the editor's own columns and fields show. The id stays beside it, as secondary text.

use super::lists::{self, ListSpec};
use super::sections::{ARTICLE, LINEAGE_UNIT, PUBLICATION};
use crate::data::fields::YearField;
use crate::data::Dataset;
use crate::text::lang::Lang;

const LISTS: [&ListSpec; 10] = [
    &lists::CLASSIFICATIONS,
    &lists::DOCUMENTS,
    &lists::FIGURES,
    &lists::UNITS,
    &lists::EVENTS,
    &lists::FLOWS,
    &lists::SUMS,
    &lists::TERMS,
    &lists::HEADLINE,
    &lists::CHART_TITLES,
];

/// `place` (as the change summary names it, without `dataset.`) in words; the place itself
/// when the editor has no label for it. `ds`: the draft, for a figure's own label.
pub fn place_words(place: &str, ds: Option<&Dataset>, l: Lang) -> String {
    let item = |rest: &str| -> Option<(String, String)> {
        let rest = rest.strip_prefix('[')?;
        let (id, field) = rest.split_once(']')?;
        Some((id.to_string(), field.trim_start_matches('.').to_string()))
    };
    if let Some((year, field)) = place.strip_prefix("yearly").and_then(item) {
        let column = YearField::by_key(&field).map_or(field, |f| {
            let (vi, en) = f.label();
            l.t(vi, en).to_string()
        });
        return format!("{} {year} — {column}", l.t("Năm", "Year"));
    }
    for spec in LISTS {
        let Some((id, field)) = place.strip_prefix(spec.key).and_then(item) else {
            continue;
        };
        let name = ds
            .filter(|_| spec.key == "figures")
            .and_then(|d| d.figure(&id))
            .map_or(id, |f| l.pick(&f.label).to_string());
        let what = format!("{} «{name}»", l.t(spec.item.0, spec.item.1));
        return match spec.fields.iter().find(|(k, _, _)| *k == field) {
            Some((_, _, (vi, en))) => format!("{what} — {}", l.t(*vi, *en)),
            None if field.is_empty() => what,
            None => format!("{what} — {field}"),
        };
    }
    let (group, key) = match place.strip_prefix("article.") {
        Some(k) => (ARTICLE.as_slice(), k),
        None => (PUBLICATION.as_slice(), place),
    };
    group
        .iter()
        .chain(LINEAGE_UNIT.iter())
        .find(|(k, _, _)| *k == key)
        .map_or_else(
            || place.to_string(),
            |(_, _, (vi, en))| {
                let label = l.t(*vi, *en);
                match place.starts_with("article.") {
                    true => format!("{} — {label}", l.t("Bài báo", "Article")),
                    false => label.to_string(),
                }
            },
        )
}
