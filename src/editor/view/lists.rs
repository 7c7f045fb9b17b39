//! The dataset's lists other than the years (classifications, documents, figures, sums): each
//! item a group of fields, folded until opened, with adding (a template, or the 2018
//! classification ready-made) and removing.

use super::choices::choices_for;
use super::ed;
use super::field::{Field, Kind};
use crate::data::tree::{Path, Step, Value};
use crate::path;
use leptos::prelude::*;

/// One list of the dataset: how its items are edited and what a new one starts as.
pub struct ListSpec {
    pub(super) key: &'static str,
    title: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    pub(super) item: (&'static str, &'static str),
    pub(super) fields: &'static [(&'static str, Kind, (&'static str, &'static str))],
}

pub const CLASSIFICATIONS: ListSpec = ListSpec {
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

pub const DOCUMENTS: ListSpec = ListSpec {
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
        (
            "date",
            Kind::OptText,
            ("Ngày đăng (YYYY-MM-DD; trống: không ghi ngày)", "Published (YYYY-MM-DD; empty: undated)"),
        ),
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
        ("url", Kind::OptText, ("Địa chỉ (https://…)", "Address (https://…)")),
        (
            "accessed",
            Kind::OptText,
            ("Ngày truy cập (YYYY-MM-DD)", "Read on (YYYY-MM-DD)"),
        ),
    ],
};

pub const FIGURES: ListSpec = ListSpec {
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
        (
            "document",
            Kind::OptChoice,
            (
                "Tài liệu nguồn (trống: bài báo)",
                "Source document (empty: the article)",
            ),
        ),
    ],
};

pub const UNITS: ListSpec = ListSpec {
    key: "units",
    title: ("Quá trình của đơn vị: các đơn vị", "The unit's story: the units"),
    hint: (
        "Các tổ chức đảng trong quá trình của đơn vị: đơn vị của trang này, các đơn vị hợp nhất, chia tách hay tiếp nhận. Tên ngắn dùng khi sơ đồ hẹp.",
        "The Party organisations in the unit's lineage: this page's unit, and those it merged with, split into or handed over to. The short name is used where the drawing is narrow.",
    ),
    item: ("Đơn vị", "Unit"),
    fields: &[
        ("id", Kind::Text, ("Mã", "Id")),
        ("name.vi", Kind::Text, ("Tên (tiếng Việt)", "Name (Vietnamese)")),
        ("name.en", Kind::Text, ("Tên (tiếng Anh)", "Name (English)")),
        ("short.vi", Kind::Text, ("Tên ngắn (tiếng Việt)", "Short name (Vietnamese)")),
        ("short.en", Kind::Text, ("Tên ngắn (tiếng Anh)", "Short name (English)")),
    ],
};

pub const EVENTS: ListSpec = ListSpec {
    key: "events",
    title: ("Quá trình của đơn vị: các sự kiện", "The unit's story: the events"),
    hint: (
        "Mỗi sự kiện: ngày có hiệu lực, văn bản quyết định, các đơn vị (mã, cách nhau bằng dấu phẩy), số liệu nguồn ghi (mã số liệu; trống: không công bố), tài liệu nguồn có địa chỉ https:// và câu trích dẫn nguyên văn. Các sự kiện theo thứ tự ngày.",
        "Each event: the date it took effect, the deciding document, the units (ids, separated by commas), the figures its source gives (figure ids; empty: not published), a source document with an https:// address, and its verbatim quote. Events in date order.",
    ),
    item: ("Sự kiện", "Event"),
    fields: &[
        ("id", Kind::Text, ("Mã", "Id")),
        ("kind", Kind::Choice, ("Loại", "Kind")),
        ("date", Kind::Text, ("Ngày (YYYY-MM-DD)", "Date (YYYY-MM-DD)")),
        ("decision", Kind::OptText, ("Số quyết định", "Decision number")),
        (
            "decision_date",
            Kind::OptText,
            ("Ngày quyết định (YYYY-MM-DD)", "Decision date (YYYY-MM-DD)"),
        ),
        (
            "decided_by.vi",
            Kind::Text,
            ("Cơ quan quyết định (tiếng Việt)", "Decided by (Vietnamese)"),
        ),
        (
            "decided_by.en",
            Kind::Text,
            ("Cơ quan quyết định (tiếng Anh)", "Decided by (English)"),
        ),
        ("units", Kind::Ids, ("Đơn vị (mã)", "Units (ids)")),
        ("into", Kind::Ids, ("Thành / chuyển về (mã)", "Into / to (ids)")),
        (
            "organisations",
            Kind::OptChoice,
            ("Số tổ chức (số liệu)", "Organisations (figure)"),
        ),
        ("members", Kind::OptChoice, ("Số đảng viên (số liệu)", "Members (figure)")),
        ("document", Kind::Choice, ("Tài liệu nguồn", "Source document")),
        ("source", Kind::Choice, ("Câu nguồn", "Source sentence")),
        ("quote", Kind::Long, ("Trích dẫn (nguyên văn)", "Quote (verbatim)")),
    ],
};

pub const FLOWS: ListSpec = ListSpec {
    key: "flows",
    title: ("Quá trình của đơn vị: các dòng chuyển", "The unit's story: the flows"),
    hint: (
        "Tổ chức và đảng viên một sự kiện chuyển về một đơn vị (hoặc vài đơn vị nguồn ghi chung), từ mọi đơn vị của sự kiện hoặc từ những đơn vị nguồn tách riêng. Các dòng của một sự kiện phải cộng lại bằng tổng sự kiện ghi.",
        "The organisations and members an event hands to one unit (or several the source names together), from every unit of the event or from those the source names apart. The flows of an event must add up to the total the event gives.",
    ),
    item: ("Dòng chuyển", "Flow"),
    fields: &[
        ("event", Kind::Choice, ("Sự kiện", "Event")),
        (
            "from",
            Kind::Ids,
            (
                "Từ đơn vị (mã; trống: mọi đơn vị của sự kiện)",
                "From units (ids; empty: every unit of the event)",
            ),
        ),
        ("to", Kind::Ids, ("Về đơn vị (mã)", "To units (ids)")),
        (
            "organisations",
            Kind::OptChoice,
            ("Số tổ chức (số liệu)", "Organisations (figure)"),
        ),
        ("members", Kind::OptChoice, ("Số đảng viên (số liệu)", "Members (figure)")),
    ],
};

pub const SUMS: ListSpec = ListSpec {
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

pub const TERMS: ListSpec = ListSpec {
    key: "terms",
    title: ("Nhiệm kỳ", "Congress terms"),
    hint: (
        "Mỗi nhiệm kỳ là một nút chọn nhanh khoảng năm. Nhiệm kỳ vượt quá số liệu được cắt theo năm có số liệu; nhiệm kỳ nằm ngoài số liệu không hiện.",
        "Each term is a quick choice of years. A term that runs past the data is cut to the data's years; a term outside the data is not shown.",
    ),
    item: ("Nhiệm kỳ", "Term"),
    fields: &[
        (
            "label.vi",
            Kind::Text,
            ("Tên (tiếng Việt)", "Name (Vietnamese)"),
        ),
        ("label.en", Kind::Text, ("Tên (tiếng Anh)", "Name (English)")),
        ("from", Kind::Year, ("Từ năm", "From year")),
        ("to", Kind::Year, ("Đến năm", "To year")),
    ],
};

pub const HEADLINE: ListSpec = ListSpec {
    key: "headline",
    title: ("Số liệu chính (ô đầu trang)", "Key figures (tiles)"),
    hint: (
        "Các số liệu hiện thành ô lớn, theo thứ tự này. Nhãn và thời kỳ lấy từ chính số liệu.",
        "The figures shown as large tiles, in this order. Their label and period come from the figure itself.",
    ),
    item: ("Ô", "Tile"),
    fields: &[("figure", Kind::Choice, ("Số liệu", "Figure"))],
};

pub const CHART_TITLES: ListSpec = ListSpec {
    key: "chart_titles",
    title: ("Tên biểu đồ riêng", "Chart titles of the unit"),
    hint: (
        "Tùy chọn: tên riêng của đơn vị cho một biểu đồ (ví dụ nêu nghị quyết). Không có thì dùng tên chung.",
        "Optional: the unit's own title for a chart (naming a resolution, say). Without it the chart keeps its general title.",
    ),
    item: ("Tên biểu đồ", "Chart title"),
    fields: &[
        ("chart", Kind::Choice, ("Biểu đồ", "Chart")),
        (
            "title.vi",
            Kind::Text,
            ("Tên (tiếng Việt)", "Title (Vietnamese)"),
        ),
        ("title.en", Kind::Text, ("Tên (tiếng Anh)", "Title (English)")),
    ],
};

/// Keeps `open` in step with a `<details>`: a folded section builds its inputs only when opened.
pub fn follow(open: RwSignal<bool>) -> impl Fn(leptos::ev::Event) {
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
pub fn sub(item: Path, field: &str) -> Path {
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
pub fn ListEditor(spec: &'static ListSpec) -> impl IntoView {
    let e = ed();
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| e.draft.with(|d| d.value.list(&path![spec.key]).len()));
    let item = move |i: usize| {
        let name = Signal::derive(move || {
            e.draft.with(|d| {
                let item = d.value.at(&path![spec.key, i]);
                let id = item
                    .and_then(|v| {
                        v.field("id")
                            .or(v.field("whole"))
                            .or(v.field("figure"))
                            .or(v.field("chart"))
                            .or(v.field("event"))
                    })
                    .and_then(Value::str)
                    .unwrap_or("")
                    .to_string();
                let lang = e.lang.get();
                // A figure a chart cannot be drawn without says so: renaming or removing it is
                // refused by validation, with the chart's name (src/data/roles.rs).
                let needed: Vec<&str> = if spec.key == "figures" {
                    crate::data::roles::needed_by(&id)
                        .map(|c| lang.t(c.name().0, c.name().1))
                        .collect()
                } else {
                    Vec::new()
                };
                let needed = if needed.is_empty() {
                    String::new()
                } else {
                    lang.t(
                        format!(" — bắt buộc: {} cần số liệu này", needed.join(", ")),
                        format!(" — required: {} needs this figure", needed.join(", ")),
                    )
                };
                format!(
                    "{} {}{needed}",
                    lang.t(spec.item.0, spec.item.1),
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
            e.change(|v| {
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
        e.change(|v| {
            let t = template(spec);
            if let Some(list) = v.list_mut(&path![spec.key]) {
                list.push(t);
            } else {
                v.set(&path![spec.key], Value::Arr(vec![t]));
            }
        })
    };
    let add_qd132 = move |_| {
        e.change(|v| {
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
    // Messages about the list as a whole (a chart lacks a figure it needs): at the top of the
    // section, shown folded or not, where staff who renamed or removed the figure look.
    let list_place = format!("dataset.{}", spec.key);
    let place = list_place.clone();
    let list_msgs = Memo::new(move |_| {
        let lang = e.lang.get();
        e.by_place.with(|m| {
            m.get(&place)
                .map(|errs| errs.iter().map(|err| err.message(lang)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <ul class="list-errors" tabindex="-1" data-place=list_place hidden=move || list_msgs.with(Vec::is_empty)>
                {move || list_msgs.get().into_iter().map(|m| view! { <li class="cell-error">{m}</li> }).collect_view()}
            </ul>
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
