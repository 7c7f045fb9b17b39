//! Headline figures as HTML text (not canvas): readable by everyone, selectable, translatable.

use super::tr;
use leptos::prelude::*;

/// (figure id, label vi, label en)
const TILES: [(&str, &str, &str); 5] = [
    (
        "structure.total",
        "tổ chức cơ sở đảng (2018)",
        "grassroots Party organisations (2018)",
    ),
    (
        "management.members",
        "đảng viên được giới thiệu về nơi cư trú: 2.547/2.547",
        "members introduced to their residence: 2,547/2,547",
    ),
    (
        "management.good_excellent",
        "đảng viên hoàn thành tốt, xuất sắc nhiệm vụ (bình quân 10 năm)",
        "members did well or excellently (10-year average)",
    ),
    (
        "management.violations",
        "đảng viên vi phạm tư cách (bình quân 10 năm)",
        "members violated Party conduct (10-year average)",
    ),
    (
        "members.new",
        "đảng viên mới kết nạp 2008–2017",
        "new members admitted 2008–2017",
    ),
];

#[component]
pub fn Headline() -> impl IntoView {
    let s = super::app_state();
    view! {
        <section class="headline" aria-label=tr(s.lang, "Số liệu chính", "Key figures")>
            <ul>
                {TILES
                    .iter()
                    .filter_map(|(id, vi, en)| s.ds.figure(id).map(|f| (f, *vi, *en)))
                    .map(|(f, vi, en)| {
                        view! {
                            <li title=f.quote.clone()>
                                <strong>{move || crate::sources::figure_value(f, s.lang.get())}</strong>
                                <span>{move || s.lang.get().t(vi, en)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
