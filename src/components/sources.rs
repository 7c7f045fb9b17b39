//! The Sources view: the article, every figure with the sentence it comes from, and the audit
//! (disagreements first, then rounding notes, then what the article leaves unexplained).

use super::app::AppState;
use super::tr;
use crate::data::audit::{self, RateCheck, RateOf, Severity};
use crate::format;
use crate::i18n::Lang;
use leptos::prelude::*;

fn rate_name(of: &RateOf, ds: &crate::data::Dataset, lang: Lang) -> String {
    match of {
        RateOf::CleanStrong(y) => lang.t(
            format!("{y}: tỷ lệ trong sạch vững mạnh"),
            format!("{y}: clean-and-strong rate"),
        ),
        RateOf::Weak(y) => lang.t(format!("{y}: tỷ lệ yếu kém"), format!("{y}: weak rate")),
        RateOf::Share(id) => ds
            .figure(id)
            .map_or(id.clone(), |f| lang.pick(&f.label).to_string()),
    }
}

fn check_text(c: RateCheck, lang: Lang) -> &'static str {
    match c {
        RateCheck::Matches => lang.t("Khớp", "Matches"),
        RateCheck::FewerDecimals => lang.t(
            "Ghi ít chữ số thập phân (làm tròn)",
            "Fewer decimals (rounded)",
        ),
        RateCheck::Truncated => lang.t("Cắt bớt chữ số, không làm tròn", "Truncated, not rounded"),
        RateCheck::Imprecise => lang.t("Chênh lệch nhỏ (< 0,1 điểm)", "Slightly off (< 0.1 point)"),
        RateCheck::Disagreement => lang.t(
            "Mâu thuẫn: khác số đếm hơn 0,1 điểm",
            "Disagreement: off by more than 0.1 point",
        ),
    }
}

#[component]
pub fn Sources() -> impl IntoView {
    let s = expect_context::<AppState>();
    let ds = s.ds;
    let a = &ds.article;
    let lang = s.lang;
    let audit_rows = move || {
        let l = lang.get();
        let mut rows = audit::rates(ds);
        rows.retain(|r| r.check != RateCheck::Matches);
        rows.sort_by_key(|r| std::cmp::Reverse(r.check.severity()));
        rows.into_iter()
            .map(|r| {
                let dis = r.check.severity() == Severity::Disagreement;
                view! {
                    <tr class:disagreement=dis>
                        <th scope="row">{rate_name(&r.of, ds, l)}</th>
                        <td>{format::written_percent(&r.reported, l)}</td>
                        <td>{format!("{} / {} = {}", format::int(r.count, l), format::int(r.total, l), format::percent(r.computed, 4, l))}</td>
                        <td>
                            <span aria-hidden="true">{if dis { "! " } else { "" }}</span>
                            {check_text(r.check, l)}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let other_notes = move || {
        let l = lang.get();
        let mut v = Vec::new();
        if let Some(u) = audit::unreconciled(ds) {
            v.push(l.t(
                format!("Thay đổi tổ chức (thành lập {}, giải thể {}, sáp nhập {}, chuyển giao {}) không giải thích được mức tăng tổng số từ {} ({}) lên {} ({}). Bài báo không nói rõ.", u.established, u.dissolved, u.merged, u.transferred, u.first_total, u.first_year, u.last_total, u.last_year),
                format!("The organisational changes (established {}, dissolved {}, merged {}, transferred {}) do not explain the growth of the total from {} ({}) to {} ({}). The article does not say why.", u.established, u.dissolved, u.merged, u.transferred, u.first_total, u.first_year, u.last_total, u.last_year),
            ));
        }
        if let Some((sum, whole)) = audit::member_overlap(ds) {
            v.push(l.t(
                format!("Các nhóm đảng viên mới (nữ, dân tộc ít người, độ tuổi đoàn viên, trình độ cao đẳng trở lên) chồng lấn: cộng lại {} > {}. Chúng là tỷ lệ của {}, không phải các phần của một tổng.", format::int(sum, l), format::int(whole, l), format::int(whole, l)),
                format!("The new-member groups (women, ethnic minority, youth age, college or higher) overlap: they add up to {} > {}. They are shares of {}, not parts of a whole.", format::int(sum, l), format::int(whole, l), format::int(whole, l)),
            ));
        }
        v.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()
    };
    let figure_rows = move || {
        let l = lang.get();
        let yearly = ds.yearly.iter().map(move |r| {
            let mut value = format!(
                "{}/{} · {}",
                r.clean_strong,
                r.total,
                format::written_percent(&r.rate, l)
            );
            if let (Some(w), Some(wr)) = (r.weak, &r.weak_rate) {
                value.push_str(&l.t(
                    format!(" · yếu kém {w} ({})", format::written_percent(wr, l)),
                    format!(" · weak {w} ({})", format::written_percent(wr, l)),
                ));
            }
            view! {
                <tr>
                    <th scope="row">{r.year}</th>
                    <td>{value}</td>
                    <td lang="vi">
                        <q>{r.quote.clone()}</q>
                    </td>
                </tr>
            }
        });
        let figures = ds.figures.iter().map(move |f| {
            view! {
                <tr>
                    <th scope="row">{l.pick(&f.label).to_string()}</th>
                    <td>{super::headline::tile_value(f, l)}</td>
                    <td lang="vi">
                        <q>{f.quote.clone()}</q>
                        <details>
                            <summary>{l.t("Cả câu", "Full sentence")}</summary>
                            <p>{ds.sentences.get(&f.source).cloned().unwrap_or_default()}</p>
                        </details>
                    </td>
                </tr>
            }
        });
        view! {
            {yearly.collect_view()}
            {figures.collect_view()}
        }
    };
    view! {
        <section class="sources">
            <h2>{tr(lang, "Bài báo gốc", "The source article")}</h2>
            <dl class="article-meta">
                <dt>{tr(lang, "Tiêu đề", "Title")}</dt>
                <dd lang="vi">{a.title.clone()}</dd>
                <dt>{tr(lang, "Tác giả", "Author")}</dt>
                <dd>{a.author.clone()}</dd>
                <dt>{tr(lang, "Ngày đăng", "Published")}</dt>
                <dd>{a.date_as_written.clone()}</dd>
                <dt>{tr(lang, "Nơi đăng", "Publisher")}</dt>
                <dd>{move || lang.get().pick(&a.publisher).to_string()}</dd>
                <dt>{tr(lang, "Đơn vị", "Unit")}</dt>
                <dd>{move || lang.get().pick(&a.unit).to_string()}</dd>
                <dt>{tr(lang, "Lượt xem (khi thu thập)", "Views (when collected)")}</dt>
                <dd>{move || format::int(a.views as f64, lang.get())}</dd>
            </dl>
            <h2 id="audit">{tr(lang, "Đối chiếu tỷ lệ", "Rate checks")}</h2>
            <p>
                {tr(lang, "Mỗi tỷ lệ bài báo ghi được so với tỷ lệ tính lại từ chính số đếm của bài. Ứng dụng luôn hiển thị con số bài báo ghi.", "Each rate the article reports is compared with the rate its own counts give. The app always shows the article's figure.")}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit">
                <table class="audit">
                    <thead>
                        <tr>
                            <th scope="col">{tr(lang, "Số liệu", "Figure")}</th>
                            <th scope="col">{tr(lang, "Bài báo ghi", "Reported")}</th>
                            <th scope="col">{tr(lang, "Tính lại", "Recomputed")}</th>
                            <th scope="col">{tr(lang, "Kết quả", "Result")}</th>
                        </tr>
                    </thead>
                    <tbody>{audit_rows}</tbody>
                </table>
            </div>
            <ul class="audit-notes">{other_notes}</ul>
            <h2 id="figures">{tr(lang, "Mọi số liệu và câu nguồn", "Every figure and its sentence")}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures">
                <table class="figures">
                    <thead>
                        <tr>
                            <th scope="col">{tr(lang, "Số liệu", "Figure")}</th>
                            <th scope="col">{tr(lang, "Giá trị", "Value")}</th>
                            <th scope="col">{tr(lang, "Câu trong bài (nguyên văn)", "Sentence in the article (verbatim)")}</th>
                        </tr>
                    </thead>
                    <tbody>{figure_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
