//! The Sources page as HTML: the article, the audit of every reported rate (disagreements first),
//! what the article leaves unexplained, and every figure with its verbatim sentence. A pure
//! function of the dataset and the language (tested natively); the app sets it as `innerHTML`,
//! which keeps this long, static page out of the wasm's view code.

use crate::data::audit::{self, RateCheck, RateOf, Severity};
use crate::data::{Dataset, Unit};
use crate::format;
use crate::format::escape_html as escape;
use crate::i18n::Lang;
use std::fmt::Write;

/// Opens a scrollable, keyboard-focusable table region named by the heading `id` (the table's
/// class too), with its column headers; the caller writes the rows and closes it.
fn open_table(h: &mut String, id: &str, columns: &[&str]) {
    let _ = write!(
        h,
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\"><table class=\"{id}\"><thead><tr>"
    );
    for c in columns {
        let _ = write!(h, "<th scope=\"col\">{c}</th>");
    }
    h.push_str("</tr></thead><tbody>");
}

fn rate_name(of: &RateOf, ds: &Dataset, l: Lang) -> String {
    match of {
        RateOf::Top(y) | RateOf::Bottom(y) => {
            let c = ds.year(*y).and_then(|r| ds.classification_of(r));
            let name = c.map_or("", |c| match of {
                RateOf::Top(_) => l.pick(&c.top),
                _ => l.pick(&c.bottom),
            });
            l.t(format!("{y}: tỷ lệ {name}"), format!("{y}: {name} rate"))
        }
        RateOf::Share(id) => ds
            .figure(id)
            .map_or(id.clone(), |f| l.pick(&f.label).to_string()),
    }
}

pub fn check_text(c: RateCheck, l: Lang) -> &'static str {
    match c {
        RateCheck::Matches => l.t("Khớp", "Matches"),
        RateCheck::FewerDecimals => l.t(
            "Ghi ít chữ số thập phân (làm tròn)",
            "Fewer decimals (rounded)",
        ),
        RateCheck::Truncated => l.t("Cắt bớt chữ số, không làm tròn", "Truncated, not rounded"),
        RateCheck::Imprecise => l.t("Chênh lệch nhỏ (< 0,1 điểm)", "Slightly off (< 0.1 point)"),
        RateCheck::Disagreement => l.t(
            "Mâu thuẫn: khác số đếm hơn 0,1 điểm",
            "Disagreement: off by more than 0.1 point",
        ),
    }
}

/// A figure's value as the reader writes it.
pub fn figure_value(f: &crate::data::Figure, l: Lang) -> String {
    match f.unit {
        Unit::Percent => format::written_percent(&f.as_written, l),
        Unit::Count => format::as_written(&f.as_written, l),
    }
}

pub fn sources_html(ds: &Dataset, l: Lang) -> String {
    let a = &ds.article;
    let e = escape;
    let mut h = String::new();
    let _ = write!(
        h,
        "<h2>{}</h2><dl class=\"article-meta\">",
        l.t("Bài báo gốc", "The source article")
    );
    for (k, v, vi) in [
        (l.t("Tiêu đề", "Title"), a.title.clone(), true),
        (l.t("Tác giả", "Author"), a.author.clone(), true),
        (
            l.t("Ngày đăng", "Published"),
            a.date_as_written.clone(),
            false,
        ),
        (
            l.t("Nơi đăng", "Publisher"),
            l.pick(&a.publisher).to_string(),
            false,
        ),
        (l.t("Đơn vị", "Unit"), l.pick(&a.unit).to_string(), false),
        (
            l.t("Lượt xem (khi thu thập)", "Views (when collected)"),
            format::int(a.views as f64, l),
            false,
        ),
    ] {
        let lang = if vi { " lang=\"vi\"" } else { "" };
        let _ = write!(h, "<dt>{k}</dt><dd{lang}>{}</dd>", e(&v));
    }
    h.push_str("</dl>");
    let _ = write!(
        h,
        "<h2 id=\"audit\">{}</h2><p>{}</p>",
        l.t("Đối chiếu tỷ lệ", "Rate checks"),
        l.t(
            "Mỗi tỷ lệ bài báo ghi được so với tỷ lệ tính lại từ chính số đếm của bài. Ứng dụng luôn hiển thị con số bài báo ghi.",
            "Each rate the article reports is compared with the rate its own counts give. The app always shows the article's figure."
        )
    );
    open_table(
        &mut h,
        "audit",
        &[
            l.t("Số liệu", "Figure"),
            l.t("Bài báo ghi", "Reported"),
            l.t("Tính lại", "Recomputed"),
            l.t("Kết quả", "Result"),
        ],
    );
    let mut rows = audit::rates(ds);
    rows.retain(|r| r.check != RateCheck::Matches);
    rows.sort_by_key(|r| std::cmp::Reverse(r.check.severity()));
    for r in rows {
        let dis = r.check.severity() == Severity::Disagreement;
        let _ = write!(
            h,
            "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{} / {} = {}</td><td>{}{}</td></tr>",
            if dis { " class=\"disagreement\"" } else { "" },
            e(&rate_name(&r.of, ds, l)),
            e(&format::written_percent(&r.reported, l)),
            format::int(r.count, l),
            format::int(r.total, l),
            format::percent(r.computed, 4, l),
            if dis {
                "<span aria-hidden=\"true\">! </span>"
            } else {
                ""
            },
            check_text(r.check, l)
        );
    }
    h.push_str("</tbody></table></div><ul class=\"audit-notes\">");
    if let Some(u) = audit::unreconciled(ds) {
        let _ = write!(
            h,
            "<li>{}</li>",
            l.t(
                format!("Thay đổi tổ chức (thành lập {}, giải thể {}, sáp nhập {}, chuyển giao {}) không giải thích được mức tăng tổng số từ {} ({}) lên {} ({}). Bài báo không nói rõ.", u.established, u.dissolved, u.merged, u.transferred, u.first_total, u.first_year, u.last_total, u.last_year),
                format!("The organisational changes (established {}, dissolved {}, merged {}, transferred {}) do not explain the growth of the total from {} ({}) to {} ({}). The article does not say why.", u.established, u.dissolved, u.merged, u.transferred, u.first_total, u.first_year, u.last_total, u.last_year),
            )
        );
    }
    if let Some((sum, whole)) = audit::member_overlap(ds) {
        let (sum, whole) = (format::int(sum, l), format::int(whole, l));
        let _ = write!(
            h,
            "<li>{}</li>",
            l.t(
                format!("Các nhóm đảng viên mới (nữ, dân tộc ít người, độ tuổi đoàn viên, trình độ cao đẳng trở lên) chồng lấn: cộng lại {sum} > {whole}. Chúng là tỷ lệ của {whole}, không phải các phần của một tổng."),
                format!("The new-member groups (women, ethnic minority, youth age, college or higher) overlap: they add up to {sum} > {whole}. They are shares of {whole}, not parts of a whole."),
            )
        );
    }
    let _ = write!(
        h,
        "</ul><h2 id=\"figures\">{}</h2>",
        l.t("Mọi số liệu và câu nguồn", "Every figure and its sentence")
    );
    open_table(
        &mut h,
        "figures",
        &[
            l.t("Số liệu", "Figure"),
            l.t("Giá trị", "Value"),
            l.t(
                "Câu trong bài (nguyên văn)",
                "Sentence in the article (verbatim)",
            ),
        ],
    );
    for r in &ds.yearly {
        let mut value = format!(
            "{}/{} · {}",
            r.top,
            r.total,
            format::written_percent(&r.rate, l)
        );
        if let (Some(w), Some(wr)) = (r.bottom, &r.bottom_rate) {
            let wr = format::written_percent(wr, l);
            let name = ds.classification_of(r).map_or("", |c| l.pick(&c.bottom));
            value.push_str(&format!(" · {name} {w} ({wr})"));
        }
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td lang=\"vi\"><q>{}</q></td></tr>",
            r.year,
            e(&value),
            e(&r.quote)
        );
    }
    for f in &ds.figures {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td lang=\"vi\"><q>{}</q><details><summary>{}</summary><p>{}</p></details></td></tr>",
            e(l.pick(&f.label)),
            e(&figure_value(f, l)),
            e(&f.quote),
            l.t("Cả câu", "Full sentence"),
            e(ds.sentences.get(&f.source).map_or("", String::as_str))
        );
    }
    h.push_str("</tbody></table></div>");
    h
}
