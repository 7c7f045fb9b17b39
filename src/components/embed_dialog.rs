//! The "Embed" dialog: the iframe snippet for the current view (chart, years, language) with the
//! host script that sizes it, and a copy button.

use super::tr;
use crate::state::{to_query, ChartId, Tab};
use crate::web;
use leptos::html;
use leptos::prelude::*;

/// The snippet a portal editor pastes into an article.
pub fn snippet(base: &str, query: &str, title: &str, height: u32) -> String {
    let esc = crate::text::html::escape_html;
    format!(
        "<iframe src=\"{}?{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        esc(base),
        esc(query),
        esc(title),
        esc(base)
    )
}

#[component]
pub fn EmbedButton(id: ChartId, title: Memo<String>) -> impl IntoView {
    let s = crate::state::app_state();
    let lang = s.lang;
    let dialog = NodeRef::<html::Dialog>::new();
    let copied = RwSignal::new(None::<bool>);
    let code = move || {
        let mut v = s.view.get();
        v.chart = Some(id);
        v.embed = true;
        v.tab = Tab::Dashboard;
        let loc = window().location();
        let base = format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        );
        let height = if id.is_yearly() { 560 } else { 520 };
        snippet(
            &base,
            &to_query(&v, s.data().bounds()),
            &title.get(),
            height,
        )
    };
    // The snippet is only computed while the dialog is open: seven cards rebuilding their snippet
    // (URL, query, escaping) on every year-filter step took part of the frame for nothing.
    let is_open = RwSignal::new(false);
    let shown_code = move || if is_open.get() { code() } else { String::new() };
    let open = move |_| {
        copied.set(None);
        is_open.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let dialog_title = format!("embed-title-{}", id.id());
    let labelled_by = dialog_title.clone();
    view! {
        <button class="embed-open" on:click=open>
            {tr(lang, "Nhúng vào trang khác", "Embed")}
        </button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=labelled_by on:close=move |_| { let _ = is_open.try_set(false); }>
            <h2 id=dialog_title>{tr(lang, "Nhúng biểu đồ này", "Embed this chart")}</h2>
            <p>
                {tr(lang, "Dán đoạn mã sau vào bài viết. Khung tự điều chỉnh chiều cao; năm và ngôn ngữ như đang chọn.", "Paste this code into an article. The frame sizes itself; years and language as selected now.")}
            </p>
            <textarea class="embed-code" readonly rows="6" aria-label=tr(lang, "Mã nhúng", "Embed code") prop:value=shown_code></textarea>
            <div class="dialog-actions">
                <button
                    class="embed-copy"
                    on:click=move |_| {
                        web::download::copy_text(&code(), move |ok| copied.set(Some(ok)));
                    }
                >
                    {tr(lang, "Chép mã", "Copy code")}
                </button>
                <button class="embed-close" on:click=close>
                    {tr(lang, "Đóng", "Close")}
                </button>
                <span role="status">{move || match copied.get() {
                    Some(true) => lang.get().t("Đã chép.", "Copied."),
                    Some(false) => lang.get().t("Trình duyệt không cho chép; hãy chọn và chép mã.", "The browser refused; select and copy the code."),
                    None => "",
                }}</span>
            </div>
        </dialog>
    }
}
