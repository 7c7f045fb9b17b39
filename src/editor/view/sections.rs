//! The folded sections after the yearly table and the paste panel: classifications, documents,
//! source sentences, other figures, sums and the article. With the yearly table (`yearly.rs`),
//! every value of the dataset file can be edited; lists can grow and shrink (`lists.rs`).

use super::choices::sentence_keys;
use super::ed;
use super::field::{Field, Kind};
use super::lists::{
    follow, sub, ListEditor, CHART_TITLES, CLASSIFICATIONS, DOCUMENTS, EVENTS, FIGURES, FLOWS,
    HEADLINE, SUMS, TERMS, UNITS,
};
use crate::data::tree::Value;
use crate::path;
use leptos::prelude::*;

#[component]
fn Sentences() -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    let keys = Memo::new(move |_| e.draft.with(|d| sentence_keys(&d.value)));
    let new_id = RwSignal::new(String::new());
    let add = move |_| {
        let id = new_id.get_untracked().trim().to_string();
        if id.is_empty() || keys.with_untracked(|k| k.contains(&id)) {
            return;
        }
        e.change(|v| {
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
                                e.change(move |v| {
                                    if let Value::Obj(fields) = v.at_mut(&path!["sentences"]).unwrap_or(&mut Value::Null) {
                                        fields.retain(|(f, _)| *f != id);
                                    }
                                })
                            };
                            let label = k.clone();
                            view! {
                                <div class="sentence">
                                    <Field path=path!["sentences", k.as_str()] kind=Kind::Long label=k.clone()/>
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

pub(super) const ARTICLE: [(&str, Kind, (&str, &str)); 14] = [
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
    (
        "slug",
        Kind::Text,
        (
            "Tên tệp tải về (không dấu, vd. to-chuc-co-so-dang)",
            "Download file name (no accents, e.g. to-chuc-co-so-dang)",
        ),
    ),
];

/// A folded section of fixed fields under one place of the file (`article`, the file's top).
#[component]
fn FieldGroup(
    /// The heading's id (`h-article`).
    id: &'static str,
    title: (&'static str, &'static str),
    #[prop(optional)] hint: Option<(&'static str, &'static str)>,
    /// Where the fields are, from the file's top (`article`; empty: the top itself).
    under: &'static str,
    fields: &'static [(&'static str, Kind, (&'static str, &'static str))],
) -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    let base = move || {
        if under.is_empty() {
            path![]
        } else {
            path![under]
        }
    };
    view! {
        <section class="panel" aria-labelledby=id>
            <details on:toggle=follow(open)>
                <summary><h2 id=id>{e.t(title.0, title.1)}</h2></summary>
                {hint.map(|(vi, en)| view! { <p class="hint">{e.t(vi, en)}</p> })}
                {move || open.get().then(|| view! {
                    <div class="fields">
                        {fields.iter().map(|(f, kind, label)| view! {
                            <Field path=sub(base(), f) kind=*kind label=*label/>
                        }).collect_view()}
                    </div>
                })}
            </details>
        </section>
    }
}

/// Where the page is published and what place its figures are about: for link previews and the
/// dataset's metadata (crawlers need the page's full https:// address).
pub(super) const PUBLICATION: [(&str, Kind, (&str, &str)); 3] = [
    (
        "page_url",
        Kind::OptText,
        (
            "Địa chỉ công khai của trang (https://…)",
            "The page's public address (https://…)",
        ),
    ),
    (
        "place.vi",
        Kind::OptText,
        ("Địa bàn (tiếng Việt)", "Place (Vietnamese)"),
    ),
    (
        "place.en",
        Kind::OptText,
        ("Địa bàn (tiếng Anh)", "Place (English)"),
    ),
];

pub(super) const LINEAGE_UNIT: [(&str, Kind, (&str, &str)); 1] = [(
    "lineage_unit",
    Kind::OptText,
    ("Mã đơn vị của trang", "This page's unit id"),
)];

/// Everything but the yearly table (which comes first, with the paste panel after it).
#[component]
pub fn Sections() -> impl IntoView {
    view! {
        <ListEditor spec=&CLASSIFICATIONS/>
        <ListEditor spec=&DOCUMENTS/>
        <Sentences/>
        <ListEditor spec=&FIGURES/>
        <ListEditor spec=&SUMS/>
        <ListEditor spec=&TERMS/>
        <ListEditor spec=&HEADLINE/>
        <ListEditor spec=&CHART_TITLES/>
        <ListEditor spec=&UNITS/>
        <ListEditor spec=&EVENTS/>
        <ListEditor spec=&FLOWS/>
        <FieldGroup
            id="h-lineage"
            title=("Quá trình của đơn vị: đơn vị của trang", "The unit's story: this page's unit")
            hint=(
                "Mã của đơn vị trang này trong danh sách đơn vị: sơ đồ quá trình bắt đầu từ đó. Trống khi không có sự kiện.",
                "The id of this page's unit among the units: the lineage starts from it. Empty when there are no events.",
            )
            under=""
            fields=&LINEAGE_UNIT
        />
        <FieldGroup id="h-article" title=("Bài báo và nguồn", "Article and source") under="article" fields=&ARTICLE/>
        <FieldGroup
            id="h-publication"
            title=("Trang công khai", "Public page")
            hint=(
                "Địa chỉ đầy đủ của trang khi đã đăng (vd. https://example.gov.vn/thong-ke/). Có địa chỉ này thì đường dẫn dán vào Zalo, Facebook hiện tiêu đề, mô tả và ảnh biểu đồ.",
                "The page's full address once published (e.g. https://example.gov.vn/thong-ke/). With it, a link pasted into Zalo or Facebook shows the title, the description and the chart picture.",
            )
            under=""
            fields=&PUBLICATION
        />
    }
}
