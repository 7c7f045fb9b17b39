//! The sections of the draft: the yearly series as a table (with the live audit of each rate),
//! then the classifications, documents, source sentences, other figures, sums and the article.
//! Every value of the dataset file can be edited; lists can grow and shrink.

use super::ed;
use super::field::{show, Field, Kind};
use crate::data::audit;
use crate::data::tree::{Path, Step, Value};
use crate::editor::paste;
use crate::format;
use crate::path;
use leptos::prelude::*;

/// (value, label) choices from a list of the draft: its items' `id`s.
fn ids(list: &'static str, name: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        let vi = e.lang.get() == crate::i18n::Lang::Vi;
        e.draft.with(|d| {
            d.value
                .list(&path![list])
                .iter()
                .filter_map(|item| {
                    let id = item.field("id")?.str()?.to_string();
                    let label = name
                        .and_then(|n| item.field(n))
                        .and_then(|n| n.field(if vi { "vi" } else { "en" }).or(Some(n)))
                        .and_then(Value::str)
                        .map_or_else(|| id.clone(), |n| format!("{id} – {n}"));
                    Some((id, label))
                })
                .collect()
        })
    })
}

fn sentence_ids() -> Signal<Vec<(String, String)>> {
    let e = ed();
    Signal::derive(move || {
        e.draft.with(|d| {
            d.value
                .at(&path!["sentences"])
                .map(|s| {
                    s.fields()
                        .iter()
                        .map(|(k, _)| (k.clone(), k.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// Applies `f` to a copy of the draft and makes it one undo step.
fn change(e: super::Ed, f: impl FnOnce(&mut Value)) {
    let mut v = e.draft.with_untracked(|d| d.value.clone());
    f(&mut v);
    e.draft.update(|d| d.replace(v));
}

const YEAR_COLUMNS: [(&str, Kind, (&str, &str)); 10] = [
    ("year", Kind::Year, ("Năm", "Year")),
    (
        "classification",
        Kind::Choice,
        ("Cách xếp loại", "Classification"),
    ),
    ("top", Kind::Count, ("Số đạt loại cao nhất", "Top category")),
    ("total", Kind::Count, ("Tổng số", "Total")),
    ("rate", Kind::Rate, ("Tỷ lệ (%)", "Rate (%)")),
    (
        "bottom",
        Kind::OptCount,
        ("Loại thấp nhất", "Bottom category"),
    ),
    (
        "bottom_rate",
        Kind::OptRate,
        ("Tỷ lệ loại thấp nhất (%)", "Bottom rate (%)"),
    ),
    ("document", Kind::OptChoice, ("Tài liệu", "Document")),
    ("source", Kind::Choice, ("Câu nguồn", "Source sentence")),
    ("quote", Kind::Text, ("Trích dẫn", "Quote")),
];

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
                    crate::sources::check_text(a.check, lang)
                ))
            })
        };
        let cells = YEAR_COLUMNS
            .iter()
            .map(|(key, kind, label)| {
                let choices = match *key {
                    "classification" => Some(classes),
                    "document" => Some(documents),
                    "source" => Some(sentences),
                    _ => None,
                };
                let field = match choices {
                    Some(c) => view! { <Field path=path!["yearly", i, *key] kind=*kind label=*label row=year choices=c/> }.into_any(),
                    None => view! { <Field path=path!["yearly", i, *key] kind=*kind label=*label row=year/> }.into_any(),
                };
                view! { <td class=format!("col-{key}")>{field}</td> }
            })
            .collect_view();
        let remove = move |_| {
            change(e, |v| {
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
        change(e, |v| {
            let last = v
                .list(&path!["yearly"])
                .last()
                .and_then(|r| r.field("year"))
                .and_then(Value::number_of)
                .unwrap_or(2017.0);
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
                            {YEAR_COLUMNS.iter().map(|(_, _, l)| view! { <th scope="col">{e.t(l.0, l.1)}</th> }).collect_view()}
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

/// One list of the dataset: how its items are edited and what a new one starts as.
struct ListSpec {
    key: &'static str,
    title: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    item: (&'static str, &'static str),
    fields: &'static [(&'static str, Kind, (&'static str, &'static str))],
}

const CLASSIFICATIONS: ListSpec = ListSpec {
    key: "classifications",
    title: ("Cách xếp loại", "Classifications"),
    hint: (
        "Mỗi cách xếp loại là một thước đo riêng: biểu đồ không bao giờ nối hai cách với nhau.",
        "Each classification is a measure of its own: the charts never join two of them.",
    ),
    item: ("Cách xếp loại", "Classification"),
    fields: &[
        ("id", Kind::Text, ("Mã", "Id")),
        (
            "name.vi",
            Kind::Text,
            ("Tên (tiếng Việt)", "Name (Vietnamese)"),
        ),
        ("name.en", Kind::Text, ("Tên (tiếng Anh)", "Name (English)")),
        (
            "basis.vi",
            Kind::Text,
            ("Căn cứ (tiếng Việt)", "Basis (Vietnamese)"),
        ),
        (
            "basis.en",
            Kind::Text,
            ("Căn cứ (tiếng Anh)", "Basis (English)"),
        ),
        (
            "top.vi",
            Kind::Text,
            ("Loại cao nhất (tiếng Việt)", "Top category (Vietnamese)"),
        ),
        (
            "top.en",
            Kind::Text,
            ("Loại cao nhất (tiếng Anh)", "Top category (English)"),
        ),
        (
            "bottom.vi",
            Kind::Text,
            (
                "Loại thấp nhất (tiếng Việt)",
                "Bottom category (Vietnamese)",
            ),
        ),
        (
            "bottom.en",
            Kind::Text,
            ("Loại thấp nhất (tiếng Anh)", "Bottom category (English)"),
        ),
    ],
};

const DOCUMENTS: ListSpec = ListSpec {
    key: "documents",
    title: ("Tài liệu nguồn", "Source documents"),
    hint: (
        "Văn bản ngoài bài báo mà số liệu các năm sau trích dẫn (báo cáo, nghị quyết). Ngày viết theo dạng 2019-12-31.",
        "Documents other than the article that later years cite (a report, a resolution). Dates as 2019-12-31.",
    ),
    item: ("Tài liệu", "Document"),
    fields: &[
        ("id", Kind::Text, ("Mã", "Id")),
        ("title", Kind::Text, ("Tên văn bản", "Title")),
        ("date", Kind::Text, ("Ngày (YYYY-MM-DD)", "Date (YYYY-MM-DD)")),
    ],
};

const FIGURES: ListSpec = ListSpec {
    key: "figures",
    title: ("Các số liệu khác", "Other figures"),
    hint: (
        "Giá trị lấy từ cách viết (1.173; 0,45).",
        "The value is read from how it is written (1.173; 0,45).",
    ),
    item: ("Số liệu", "Figure"),
    fields: &[
        ("id", Kind::Text, ("Mã", "Id")),
        (
            "as_written",
            Kind::AsWritten,
            ("Số như văn bản ghi", "Number as written"),
        ),
        ("group", Kind::Choice, ("Nhóm", "Group")),
        ("unit", Kind::Choice, ("Đơn vị", "Unit")),
        (
            "label.vi",
            Kind::Text,
            ("Nhãn (tiếng Việt)", "Label (Vietnamese)"),
        ),
        (
            "label.en",
            Kind::Text,
            ("Nhãn (tiếng Anh)", "Label (English)"),
        ),
        ("period", Kind::Text, ("Thời kỳ", "Period")),
        ("source", Kind::Choice, ("Câu nguồn", "Source sentence")),
        ("quote", Kind::Text, ("Trích dẫn", "Quote")),
        ("of", Kind::OptText, ("Là phần của (mã)", "Part of (id)")),
        (
            "reported_share",
            Kind::OptRate,
            ("Tỷ lệ văn bản ghi (%)", "Share as reported (%)"),
        ),
    ],
};

const SUMS: ListSpec = ListSpec {
    key: "sums",
    title: ("Tổng phải khớp", "Sums that must add up"),
    hint: (
        "Các số liệu thành phần (mã, cách nhau bằng dấu phẩy) phải cộng lại bằng tổng.",
        "The parts (ids, separated by commas) must add up to the whole.",
    ),
    item: ("Tổng", "Sum"),
    fields: &[
        ("whole", Kind::Text, ("Tổng (mã)", "Whole (id)")),
        ("parts", Kind::Ids, ("Thành phần (mã)", "Parts (ids)")),
    ],
};

/// The choices of a figure's fields that take one of a set.
fn choices_for(field: &str) -> Option<Signal<Vec<(String, String)>>> {
    use crate::data::{Group, Unit};
    let fixed = |ids: Vec<&'static str>| {
        Signal::stored(
            ids.into_iter()
                .map(|i| (i.to_string(), i.to_string()))
                .collect(),
        )
    };
    match field {
        "group" => Some(fixed(Group::ALL.iter().map(|g| g.id()).collect())),
        "unit" => Some(fixed(Unit::ALL.iter().map(|u| u.id()).collect())),
        "source" => Some(sentence_ids()),
        _ => None,
    }
}

/// Keeps `open` in step with a `<details>`: a folded section builds its inputs only when opened.
fn follow(open: RwSignal<bool>) -> impl Fn(leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    move |ev| {
        let now = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        open.set(now);
    }
}

/// `"name.vi"` as a path under an item.
fn sub(item: Path, field: &str) -> Path {
    let mut p = item;
    p.extend(field.split('.').map(|s| Step::Key(s.into())));
    p
}

/// An empty item with every field of the spec (so the editor names what is missing).
fn template(spec: &ListSpec) -> Value {
    let mut v = Value::Obj(Vec::new());
    for (f, kind, _) in spec.fields {
        let empty = match kind {
            Kind::OptText | Kind::OptRate | Kind::OptCount | Kind::OptChoice => Value::Null,
            Kind::Ids => Value::Arr(Vec::new()),
            _ => Value::Str(String::new()),
        };
        v.set(&sub(Vec::new(), f), empty);
    }
    if spec.key == "figures" {
        v.set(&path!["value"], Value::Num(0.0));
    }
    if spec.key == "classifications" {
        v.set(&path!["basis"], Value::Null);
    }
    v
}

/// The classification from 2018 (Quy định 132-QĐ/TW of 08/3/2018, Hướng dẫn 16-HD/BTCTW of
/// 24/9/2018), ready to add: its categories replaced "trong sạch vững mạnh … yếu kém".
fn qd132() -> Value {
    let l = |vi: &str, en: &str| {
        Value::Obj(vec![
            ("vi".into(), Value::Str(vi.into())),
            ("en".into(), Value::Str(en.into())),
        ])
    };
    Value::Obj(vec![
        ("id".into(), Value::Str("qd132".into())),
        (
            "name".into(),
            l("Quy định 132-QĐ/TW", "Regulation 132-QĐ/TW"),
        ),
        (
            "basis".into(),
            l(
                "Quy định 132-QĐ/TW ngày 08/3/2018; Hướng dẫn 16-HD/BTCTW ngày 24/9/2018",
                "Regulation 132-QĐ/TW of 8 March 2018; Guidance 16-HD/BTCTW of 24 September 2018",
            ),
        ),
        (
            "top".into(),
            l(
                "hoàn thành xuất sắc nhiệm vụ",
                "completed their tasks excellently",
            ),
        ),
        (
            "bottom".into(),
            l("không hoàn thành nhiệm vụ", "did not complete their tasks"),
        ),
    ])
}

#[component]
fn ListEditor(spec: &'static ListSpec) -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| e.draft.with(|d| d.value.list(&path![spec.key]).len()));
    let item = move |i: usize| {
        let name = Signal::derive(move || {
            e.draft.with(|d| {
                let item = d.value.at(&path![spec.key, i]);
                let id = item
                    .and_then(|v| v.field("id").or(v.field("whole")))
                    .and_then(Value::str)
                    .unwrap_or("")
                    .to_string();
                format!(
                    "{} {}",
                    e.lang.get().t(spec.item.0, spec.item.1),
                    if id.is_empty() {
                        (i + 1).to_string()
                    } else {
                        id
                    }
                )
            })
        });
        let fields =
            spec.fields
                .iter()
                .map(|(f, kind, label)| {
                    let path = sub(path![spec.key, i], f);
                    match choices_for(f) {
                        Some(c) => view! { <Field path=path kind=*kind label=*label choices=c/> }
                            .into_any(),
                        None => view! { <Field path=path kind=*kind label=*label/> }.into_any(),
                    }
                })
                .collect_view();
        let remove = move |_| {
            change(e, |v| {
                if let Some(list) = v.list_mut(&path![spec.key]) {
                    if i < list.len() {
                        list.remove(i);
                    }
                }
            })
        };
        view! {
            <fieldset class="item">
                <legend>{name}</legend>
                <div class="fields">{fields}</div>
                <button class="small" on:click=remove>
                    {move || format!("{} {}", e.lang.get().t("Xóa", "Remove"), name.get())}
                </button>
            </fieldset>
        }
    };
    let add = move |_| {
        change(e, |v| {
            let t = template(spec);
            if let Some(list) = v.list_mut(&path![spec.key]) {
                list.push(t);
            } else {
                v.set(&path![spec.key], Value::Arr(vec![t]));
            }
        })
    };
    let add_qd132 = move |_| {
        change(e, |v| {
            if let Some(list) = v.list_mut(&path!["classifications"]) {
                list.push(qd132());
            }
        })
    };
    let has_qd132 = Memo::new(move |_| {
        e.draft.with(|d| {
            d.value
                .list(&path!["classifications"])
                .iter()
                .any(|c| c.field("id").and_then(Value::str) == Some("qd132"))
        })
    });
    let heading = format!("h-{}", spec.key);
    let labelled_by = heading.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <details on:toggle=follow(open)>
                <summary>
                    <h2 id=heading>{e.t(spec.title.0, spec.title.1)} " (" {move || count.get()} ")"</h2>
                </summary>
                <p class="hint">{e.t(spec.hint.0, spec.hint.1)}</p>
                // Built when opened: the figures alone are ~300 inputs.
                {move || open.get().then(|| view! {
                    <For each=move || 0..count.get() key=|i| *i let:i>
                        {item(i)}
                    </For>
                    <div class="row-actions">
                        <button class="action" on:click=add>
                            {move || format!("{} {}", e.lang.get().t("Thêm", "Add"), e.lang.get().t(spec.item.0, spec.item.1).to_lowercase())}
                        </button>
                        {(spec.key == "classifications").then(|| view! {
                            <button class="action" on:click=add_qd132 disabled=move || has_qd132.get()>
                                {e.t("Thêm cách xếp loại từ 2018 (Quy định 132-QĐ/TW)", "Add the classification from 2018 (Regulation 132-QĐ/TW)")}
                            </button>
                        })}
                    </div>
                })}
            </details>
        </section>
    }
}

#[component]
fn Sentences() -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    let keys = Memo::new(move |_| {
        e.draft.with(|d| {
            d.value
                .at(&path!["sentences"])
                .map(|s| {
                    s.fields()
                        .iter()
                        .map(|(k, _)| k.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let new_id = RwSignal::new(String::new());
    let add = move |_| {
        let id = new_id.get_untracked().trim().to_string();
        if id.is_empty() || keys.with_untracked(|k| k.contains(&id)) {
            return;
        }
        change(e, |v| {
            v.set(&path!["sentences", id.as_str()], Value::Str(String::new()));
        });
        new_id.set(String::new());
    };
    view! {
        <section class="panel" aria-labelledby="h-sentences">
            <details on:toggle=follow(open)>
                <summary>
                    <h2 id="h-sentences">{e.t("Câu nguồn", "Source sentences")} " (" {move || keys.with(Vec::len)} ")"</h2>
                </summary>
                <p class="hint">{e.t(
                    "Nguyên văn câu trong văn bản nguồn. Mỗi trích dẫn của một số liệu phải nằm trong câu nguồn của nó.",
                    "The source document's sentences, verbatim. Each figure's quote must be part of its source sentence.",
                )}</p>
                {move || open.get().then(|| view! {
                    <For each=move || keys.get() key=|k| k.clone() let:k>
                        {
                            let id = k.clone();
                            let remove = move |_| {
                                let id = id.clone();
                                change(e, move |v| {
                                    if let Value::Obj(fields) = v.at_mut(&path!["sentences"]).unwrap_or(&mut Value::Null) {
                                        fields.retain(|(f, _)| *f != id);
                                    }
                                })
                            };
                            let label = Box::leak(k.clone().into_boxed_str()) as &'static str;
                            view! {
                                <div class="sentence">
                                    <Field path=path!["sentences", k.as_str()] kind=Kind::Long label=(label, label)/>
                                    <button class="small" on:click=remove>{move || format!("{} {label}", e.lang.get().t("Xóa câu", "Remove sentence"))}</button>
                                </div>
                            }
                        }
                    </For>
                    <div class="row-actions">
                        <label for="new-sentence-id">{e.t("Mã câu mới", "New sentence id")}</label>
                        <input id="new-sentence-id" type="text" prop:value=move || new_id.get()
                            on:input=move |ev| new_id.set(event_target_value(&ev))/>
                        <button class="action" on:click=add>{e.t("Thêm câu", "Add sentence")}</button>
                    </div>
                })}
            </details>
        </section>
    }
}

const ARTICLE: [(&str, Kind, (&str, &str)); 13] = [
    ("title", Kind::Text, ("Tiêu đề bài", "Title")),
    ("author", Kind::Text, ("Tác giả", "Author")),
    (
        "date",
        Kind::Text,
        ("Ngày (YYYY-MM-DD)", "Date (YYYY-MM-DD)"),
    ),
    (
        "date_as_written",
        Kind::Text,
        ("Ngày như bài ghi", "Date as written"),
    ),
    ("views", Kind::Count, ("Lượt xem", "Views")),
    (
        "publisher.vi",
        Kind::Text,
        ("Nơi đăng (tiếng Việt)", "Publisher (Vietnamese)"),
    ),
    (
        "publisher.en",
        Kind::Text,
        ("Nơi đăng (tiếng Anh)", "Publisher (English)"),
    ),
    (
        "unit.vi",
        Kind::Text,
        ("Đơn vị (tiếng Việt)", "Unit (Vietnamese)"),
    ),
    (
        "unit.en",
        Kind::Text,
        ("Đơn vị (tiếng Anh)", "Unit (English)"),
    ),
    ("period.from", Kind::Year, ("Từ năm", "From year")),
    ("period.to", Kind::Year, ("Đến năm", "To year")),
    (
        "source",
        Kind::Text,
        ("Câu nguồn (mã)", "Source sentence (id)"),
    ),
    ("quote", Kind::Text, ("Trích dẫn", "Quote")),
];

#[component]
fn Article() -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    view! {
        <section class="panel" aria-labelledby="h-article">
            <details on:toggle=follow(open)>
                <summary><h2 id="h-article">{e.t("Bài báo và nguồn", "Article and source")}</h2></summary>
                {move || open.get().then(|| view! {
                    <div class="fields">
                        {ARTICLE.iter().map(|(f, kind, label)| view! {
                            <Field path=sub(path!["article"], f) kind=*kind label=*label/>
                        }).collect_view()}
                    </div>
                })}
            </details>
        </section>
    }
}

/// Everything but the yearly table (which comes first, with the paste panel after it).
#[component]
pub fn Sections() -> impl IntoView {
    view! {
        <ListEditor spec=&CLASSIFICATIONS/>
        <ListEditor spec=&DOCUMENTS/>
        <Sentences/>
        <ListEditor spec=&FIGURES/>
        <ListEditor spec=&SUMS/>
        <Article/>
    }
}
