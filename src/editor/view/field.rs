//! One editable value of the draft: an input, a text area or a choice, with the build's message
//! for its place right under it. The text stays as typed while it means the same value (no
//! reformatting under the cursor); undo, redo and pastes write their value into it.

use super::ed;
use crate::data::model::parse_written;
use crate::data::tree::{Path, Step, Tree, Value};
use crate::editor::paste;
use crate::text::format;
use crate::text::lang::Lang;
use leptos::prelude::*;

/// What a value is, for reading typed text into the tree and showing the tree as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Several lines (a source sentence).
    Long,
    /// Empty means absent (`null`).
    OptText,
    Year,
    /// A whole number as Vietnamese write it: 1.173.
    Count,
    OptCount,
    /// A rate as written: 64,94 (a `%` typed after it is dropped).
    Rate,
    OptRate,
    /// A figure as written; its `value` beside it follows.
    AsWritten,
    /// One of `choices`.
    Choice,
    /// One of `choices`, or none.
    OptChoice,
    /// A list of ids separated by commas.
    Ids,
}

/// The tree's value for typed text. Text that is not a valid number stays text, so that the
/// build's decoder names the problem at this place.
pub fn read(kind: Kind, raw: &str) -> Value {
    let t = raw.trim();
    let opt = matches!(
        kind,
        Kind::OptText | Kind::OptCount | Kind::OptRate | Kind::OptChoice
    );
    if t.is_empty() && opt {
        return Value::Null;
    }
    match kind {
        Kind::Year | Kind::Count | Kind::OptCount => match paste::count(t) {
            Ok(Some(n)) => Value::Num(n.into()),
            Ok(None) => Value::Null,
            Err(_) => Value::Str(t.into()),
        },
        Kind::Rate | Kind::OptRate => Value::Str(t.trim_end_matches('%').trim_end().into()),
        Kind::Ids => Value::Arr(
            t.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::Str(s.into()))
                .collect(),
        ),
        Kind::Long => Value::Str(raw.into()),
        _ => Value::Str(t.into()),
    }
}

/// The tree's value as text in the input.
pub fn show(kind: Kind, v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::Num(n)) if kind == Kind::Year => format::plain(*n, 0),
        Some(Value::Num(n)) if n.fract() == 0.0 && *n >= 0.0 => format::int(*n, Lang::Vi),
        Some(Value::Num(n)) => format::number(*n, 6, Lang::Vi),
        Some(Value::Str(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Arr(items)) => items
            .iter()
            .filter_map(Value::str)
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Obj(_)) => String::new(),
    }
}

thread_local! {
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A page-unique element id.
pub fn new_id(prefix: &str) -> String {
    let n = NEXT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{prefix}{n}")
}

/// The messages of the build's validation for one place of the draft.
fn messages_at(place: Memo<String>) -> Memo<Vec<String>> {
    let e = ed();
    Memo::new(move |_| {
        let lang = e.lang.get();
        e.by_place.with(|m| {
            place.with(|p| m.get(p)).map_or_else(Vec::new, |errs| {
                errs.iter().map(|err| err.message_at_place(lang)).collect()
            })
        })
    })
}

/// A field's name in both languages: fixed words, or a name that comes from the data and is the
/// same in both (owned, so a list of such fields holds only the names on screen).
#[derive(Clone)]
pub struct FieldLabel(Oco<'static, str>, Oco<'static, str>);

impl From<(&'static str, &'static str)> for FieldLabel {
    fn from((vi, en): (&'static str, &'static str)) -> Self {
        FieldLabel(Oco::Borrowed(vi), Oco::Borrowed(en))
    }
}

impl From<String> for FieldLabel {
    fn from(name: String) -> Self {
        let name = Oco::from(name);
        FieldLabel(name.clone(), name)
    }
}

#[component]
pub fn Field(
    path: Path,
    kind: Kind,
    /// The field's name, (Vietnamese, English), or a name from the data (a sentence's id).
    #[prop(into)]
    label: FieldLabel,
    /// Where the label is: above the input, or only for assistive technology (table cells,
    /// whose column header says it), with this row name before it.
    #[prop(optional)]
    row: Option<Signal<String>>,
    /// For `Choice` and `OptChoice`: (value, label) pairs.
    #[prop(optional)]
    choices: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let e = ed();
    let id = new_id("f");
    let err_id = format!("{id}-err");
    let path = StoredValue::new(path);
    let place = Memo::new(move |_| e.draft.with(|d| path.with_value(|p| d.value.name(p))));
    let external = Memo::new(move |_| {
        e.draft
            .with(|d| path.with_value(|p| d.value.at(p).cloned()))
    });
    let text = RwSignal::new(show(kind, external.get_untracked().as_ref()));
    // Undo, redo, a paste: the value changed under the input; typing that means the same value
    // does not rewrite the input.
    Effect::new(move |_| {
        let now = external.get().unwrap_or(Value::Null);
        if read(kind, &text.get_untracked()) != now {
            text.set(show(kind, Some(&now)));
        }
    });
    let msgs = messages_at(place);
    let invalid = move || !msgs.with(Vec::is_empty);
    let commit = move |raw: String| {
        text.set(raw.clone());
        let v = read(kind, &raw);
        e.draft.update(|d| {
            path.with_value(|p| {
                d.edit(p, v);
                // A figure's value is what its written form says.
                if kind == Kind::AsWritten {
                    if let Some(w) = parse_written(raw.trim()) {
                        let mut sibling = p.clone();
                        sibling.pop();
                        sibling.push(Step::Key("value".into()));
                        d.value.set(&sibling, Value::Num(w.value));
                    }
                }
            })
        });
    };
    let seal = move |_| e.draft.update_untracked(|d| d.seal());
    let label_text = move || {
        let l = e.lang.get().t(&*label.0, &*label.1);
        match row {
            Some(r) => format!("{} – {l}", r.get()),
            None => l.to_string(),
        }
    };
    let described = {
        let err_id = err_id.clone();
        move || invalid().then(|| err_id.clone())
    };
    let input = match kind {
        Kind::Long => view! {
            <textarea
                id=id.clone()
                rows="3"
                data-place=move || place.get()
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described.clone()
                prop:value=move || text.get()
                on:input=move |ev| commit(event_target_value(&ev))
                on:blur=seal
            ></textarea>
        }
        .into_any(),
        Kind::Choice | Kind::OptChoice => {
            let options = move || {
                let mut list = choices.map(|c| c.get()).unwrap_or_default();
                let current = text.get();
                if kind == Kind::OptChoice {
                    list.insert(
                        0,
                        (
                            String::new(),
                            e.lang.get().t("(bài báo)", "(the article)").into(),
                        ),
                    );
                }
                // A value that is not among the choices stays visible (and its message says why).
                if !list.iter().any(|(v, _)| *v == current) {
                    list.push((current.clone(), format!("{current} ?")));
                }
                list.into_iter()
                    .map(|(v, l)| {
                        let selected = v == current;
                        view! { <option value=v prop:selected=selected>{l}</option> }
                    })
                    .collect_view()
            };
            view! {
                <select
                    id=id.clone()
                    data-place=move || place.get()
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described.clone()
                    on:change=move |ev| {
                        commit(event_target_value(&ev));
                        e.draft.update_untracked(|d| d.seal());
                    }
                >
                    {options}
                </select>
            }
            .into_any()
        }
        _ => {
            let mode = match kind {
                Kind::Year | Kind::Count | Kind::OptCount => "numeric",
                Kind::Rate | Kind::OptRate | Kind::AsWritten => "decimal",
                _ => "text",
            };
            view! {
                <input
                    id=id.clone()
                    type="text"
                    inputmode=mode
                    autocomplete="off"
                    data-place=move || place.get()
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described.clone()
                    prop:value=move || text.get()
                    on:input=move |ev| commit(event_target_value(&ev))
                    on:blur=seal
                />
            }
            .into_any()
        }
    };
    let label_el = if row.is_some() {
        view! { <label for=id.clone() class="sr-only">{label_text}</label> }.into_any()
    } else {
        view! { <label for=id.clone()>{label_text}</label> }.into_any()
    };
    view! {
        <div class="field" class:invalid=invalid>
            {label_el}
            {input}
            <p class="cell-error" id=err_id hidden=move || !invalid()>
                {move || msgs.get().join(" ")}
            </p>
        </div>
    }
}
