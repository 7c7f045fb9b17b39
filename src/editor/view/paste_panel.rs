//! Paste from a spreadsheet: the block is shown as a grid before anything changes, each column
//! mapped to a field (guessed from a header row, or by position), each cell with its problem. The
//! grid's cells can be corrected in place. "Apply" is offered only when every cell is right, so a
//! bad paste never touches the draft.

use super::{ed, Msg};
use crate::editor::paste::{self, Column};
use leptos::prelude::*;

#[component]
pub fn PastePanel() -> impl IntoView {
    let e = ed();
    let t = move |vi, en| e.t(vi, en);
    let raw = RwSignal::new(String::new());
    let grid = RwSignal::new(Vec::<Vec<String>>::new());
    let header = RwSignal::new(false);
    let cols = RwSignal::new(Vec::<Column>::new());
    let read = move |text: String| {
        let g = paste::read(&text);
        let (h, c) = paste::guess(&g);
        raw.set(text);
        grid.set(g);
        header.set(h);
        cols.set(c);
    };
    let rows = Memo::new(move |_| {
        let h = header.get();
        grid.with(|g| cols.with(|c| paste::rows(g, h, c)))
    });
    let checks = Memo::new(move |_| {
        e.draft
            .with(|d| rows.with(|r| cols.with(|c| paste::check(&d.value, r, c))))
    });
    // Problems by (data row, cell): the cells' own, then the build's validation of the result.
    let issues_at = move |r: usize, cell: usize| {
        let lang = e.lang.get();
        let mut out: Vec<String> = rows.with(|rows| {
            rows.get(r)
                .map(|row| {
                    row.issues
                        .iter()
                        .filter(|(c, _)| *c == cell)
                        .map(|(_, i)| i.message(lang))
                        .collect()
                })
                .unwrap_or_default()
        });
        checks.with(|checks| {
            if let Some(found) = checks.get(r) {
                out.extend(
                    found
                        .iter()
                        .filter(|(c, _)| *c == cell)
                        .map(|(_, i)| i.message(lang)),
                );
            }
        });
        out
    };
    let problems = Memo::new(move |_| {
        rows.with(|r| r.iter().map(|r| r.issues.len()).sum::<usize>())
            + checks.with(|c| c.iter().map(Vec::len).sum::<usize>())
    });
    let data_rows = Memo::new(move |_| rows.with(Vec::len));
    let apply = move |_| {
        if problems.get_untracked() > 0 {
            return;
        }
        let n = data_rows.get_untracked();
        let next = e
            .draft
            .with_untracked(|d| rows.with_untracked(|r| paste::apply(&d.value, r)));
        e.draft.update(|d| d.replace(next));
        read(String::new());
        e.msg.set(Some(Msg::info(
            format!("Đã áp dụng {n} dòng dán vào bản nháp (Hoàn tác để bỏ)."),
            format!("Applied {n} pasted row(s) to the draft (Undo to take them back)."),
        )));
    };
    let shape = Memo::new(move |_| (data_rows.get(), cols.with(Vec::len)));
    let column_head = move |j: usize| {
        let choose = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if let Some(c) = Column::ALL
                .iter()
                .find(|c| c.key() == v || (v == "skip" && **c == Column::Skip))
            {
                cols.update(|cs| cs[j] = *c);
            }
        };
        let options = move || {
            let lang = e.lang.get();
            let current = cols.with(|c| c.get(j).copied());
            Column::ALL
                .iter()
                .map(|c| {
                    let key = if *c == Column::Skip { "skip" } else { c.key() };
                    view! { <option value=key prop:selected=Some(*c) == current>{c.label(lang)}</option> }
                })
                .collect_view()
        };
        view! {
            <th scope="col">
                <select
                    aria-label=move || e.lang.get().t(format!("Cột {} là", j + 1), format!("Column {} is", j + 1))
                    on:change=choose
                >
                    {options}
                </select>
            </th>
        }
    };
    let cell = move |r: usize, j: usize| {
        let offset = move || usize::from(header.get());
        let value = move || {
            grid.with(|g| {
                g.get(r + offset())
                    .and_then(|row| row.get(j))
                    .cloned()
                    .unwrap_or_default()
            })
        };
        let msgs = move || issues_at(r, j);
        let bad = move || !msgs().is_empty();
        let id = super::field::new_id("p");
        let err = format!("{id}-err");
        let err2 = err.clone();
        view! {
            <td class:invalid=bad>
                <input
                    id=id
                    type="text"
                    aria-label=move || {
                        let lang = e.lang.get();
                        let col = cols.with(|c| c.get(j).map_or("", |c| c.label(lang)));
                        lang.t(format!("Dòng {}, {col}", r + 1), format!("Row {}, {col}", r + 1))
                    }
                    aria-invalid=move || bad().then_some("true")
                    aria-describedby=move || bad().then(|| err2.clone())
                    prop:value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let at = r + offset();
                        grid.update(|g| {
                            if let Some(row) = g.get_mut(at) {
                                if row.len() <= j {
                                    row.resize(j + 1, String::new());
                                }
                                row[j] = v;
                            }
                        });
                    }
                />
                <p class="cell-error" id=err hidden=move || !bad()>{move || msgs().join(" ")}</p>
            </td>
        }
    };
    let table = move || {
        let (n, m) = shape.get();
        (n > 0).then(|| {
            view! {
                <div class="table-scroll">
                    <table class="grid paste">
                        <caption class="sr-only">{t("Xem trước phần dán", "Preview of the pasted rows")}</caption>
                        <thead><tr>{(0..m).map(column_head).collect_view()}<th scope="col">{t("Dòng", "Row")}</th></tr></thead>
                        <tbody>
                            {(0..n).map(|r| {
                                // Problems of the row as a whole (more cells than columns, no year).
                                let whole = move || {
                                    let lang = e.lang.get();
                                    rows.with(|rows| rows.get(r).map(|row| row.issues.iter().filter(|(c, _)| *c >= m).map(|(_, i)| i.message(lang)).collect::<Vec<_>>().join(" ")).unwrap_or_default())
                                };
                                view! { <tr>{(0..m).map(|j| cell(r, j)).collect_view()}<td class="cell-error">{whole}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="h-paste">
            <h2 id="h-paste">{t("Dán từ bảng tính", "Paste from a spreadsheet")}</h2>
            <p class="hint" id="paste-hint">{t(
                "Chép các dòng từ Excel hoặc LibreOffice (có thể kèm dòng tiêu đề) rồi dán vào ô dưới. Số viết kiểu Việt Nam: 1.173; 64,94; 53/78. Kiểm tra từng cột trước khi áp dụng.",
                "Copy rows from Excel or LibreOffice (a header row may come along) and paste them below. Numbers the Vietnamese way: 1.173; 64,94; 53/78. Check each column before applying.",
            )}</p>
            <label for="paste-box">{t("Nội dung dán", "Pasted rows")}</label>
            <textarea
                id="paste-box"
                rows="3"
                aria-describedby="paste-hint"
                prop:value=move || raw.get()
                on:input=move |ev| read(event_target_value(&ev))
            ></textarea>
            {move || (shape.get().0 > 0).then(|| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || header.get() on:change=move |_| header.update(|h| *h = !*h)/>
                    {t("Dòng đầu là tiêu đề", "The first row is a header")}
                </label>
            })}
            {table}
            {move || (shape.get().0 > 0).then(|| view! {
                <div class="row-actions">
                    <button class="action primary" on:click=apply disabled=move || { problems.get() > 0 }>
                        {move || {
                            let n = data_rows.get();
                            e.lang.get().t(format!("Áp dụng {n} dòng"), format!("Apply {n} row(s)"))
                        }}
                    </button>
                    <button class="action" on:click=move |_| read(String::new())>{t("Bỏ phần dán", "Clear the paste")}</button>
                    <p class="status" role="status">{move || {
                        let p = problems.get();
                        (p > 0).then(|| e.lang.get().t(
                            format!("{p} ô cần sửa trước khi áp dụng; bản nháp chưa thay đổi."),
                            format!("{p} cell(s) to fix before applying; the draft is unchanged."),
                        ))
                    }}</p>
                </div>
            })}
        </section>
    }
}
