//! The yearly series as a table: one row a year, every field a cell with its message, the live
//! audit of each rate (the article's against the one its counts give), adding and removing years.

use super::choices::{ids, sentence_ids};
use super::ed;
use super::field::{show, Field, Kind};
use crate::data::audit;
use crate::data::decode::Node;
use crate::data::fields::YearField;
use crate::editor::paste;
use crate::path;
use crate::text::format;
use leptos::prelude::*;

/// How each yearly field is edited (its key and label are the one list's, src/data/fields.rs).
fn kind_of(f: YearField) -> Kind {
    match f {
        YearField::Year => Kind::Year,
        YearField::Classification | YearField::Source => Kind::Choice,
        YearField::Top | YearField::Total => Kind::Count,
        YearField::Rate => Kind::Rate,
        YearField::Bottom => Kind::OptCount,
        YearField::BottomRate => Kind::OptRate,
        YearField::Document => Kind::OptChoice,
        YearField::Quote => Kind::Text,
    }
}

#[component]
pub fn Yearly() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    let count = Memo::new(move |_| e.draft.with(|d| d.value.list(&path!["yearly"]).len()));
    let classes = ids("classifications", Some("name"));
    let documents = ids("documents", Some("title"));
    let sentences = sentence_ids();
    let row = move |i: usize| {
        let year = Signal::derive(move || {
            e.draft
                .with(|d| show(Kind::Year, d.value.at(&path!["yearly", i, "year"])))
        });
        // The article's rate against the one its own counts give (the audit readers see).
        let check = move || {
            let lang = e.lang.get();
            let y: u16 = year.get().parse().ok()?;
            e.checked.with(|c| {
                let ds = c.as_ref().ok()?;
                let a = audit::year_rate(ds, y)?;
                Some(format!(
                    "{} {} · {}",
                    lang.t("tính lại", "computed"),
                    format::percent(a.computed, 2, lang),
                    a.check.words(lang)
                ))
            })
        };
        let cells = YearField::ALL
            .into_iter()
            .map(|f| {
                let (key, kind, label) = (f.key(), kind_of(f), f.label());
                let choices = match f {
                    YearField::Classification => Some(classes),
                    YearField::Document => Some(documents),
                    YearField::Source => Some(sentences),
                    _ => None,
                };
                let field = match choices {
                    Some(c) => view! { <Field path=path!["yearly", i, key] kind=kind label=label row=year choices=c/> }.into_any(),
                    None => view! { <Field path=path!["yearly", i, key] kind=kind label=label row=year/> }.into_any(),
                };
                view! { <td class=format!("col-{key}")>{field}</td> }
            })
            .collect_view();
        let remove = move |_| {
            e.change(|v| {
                if let Some(list) = v.list_mut(&path!["yearly"]) {
                    if i < list.len() {
                        list.remove(i);
                    }
                }
            })
        };
        view! {
            <tr>
                {cells}
                <td class="audit">{check}</td>
                <td>
                    <button class="small" on:click=remove>
                        {move || e.lang.get().t(format!("Xóa năm {}", year.get()), format!("Remove {}", year.get()))}
                    </button>
                </td>
            </tr>
        }
    };
    let add = move |_| {
        e.change(|v| {
            let last = v
                .list(&path!["yearly"])
                .last()
                .and_then(|r| r.field("year"))
                .and_then(Node::number)
                // No year yet: the one after the article's period.
                .or_else(|| {
                    v.at(&path!["article", "period", "to"])
                        .and_then(Node::number)
                })
                .unwrap_or_default();
            let record = paste::new_record(v, last as u16 + 1);
            if let Some(list) = v.list_mut(&path!["yearly"]) {
                list.push(record);
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="h-yearly">
            <h2 id="h-yearly">{t("Số liệu theo năm", "Yearly figures")}</h2>
            <p class="hint">{t(
                "Mỗi năm: số tổ chức đạt loại cao nhất trên tổng số, và tỷ lệ đúng như văn bản ghi (64,94). Từ năm 2018 xếp loại theo Quy định 132-QĐ/TW: chọn cách xếp loại đó (mục “Cách xếp loại”), biểu đồ sẽ tách hai chuỗi.",
                "Each year: organisations in the top category out of the total, and the rate exactly as the document writes it (64,94). From 2018 the rating follows Regulation 132-QĐ/TW: choose that classification (see “Classifications”); the charts then show two separate series.",
            )}</p>
            <div class="table-scroll">
                <table class="grid yearly">
                    <thead>
                        <tr>
                            {YearField::ALL.map(|f| { let l = f.label(); view! { <th scope="col">{e.t(l.0, l.1)}</th> } }).collect_view()}
                            <th scope="col">{t("Kiểm tra tỷ lệ", "Rate check")}</th>
                            <th scope="col"><span class="sr-only">{t("Thao tác", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:i>
                            {row(i)}
                        </For>
                    </tbody>
                </table>
            </div>
            <button class="action" on:click=add>{t("Thêm năm", "Add a year")}</button>
        </section>
    }
}
