//! The Sources page as HTML: the article, the audit of every reported rate (disagreements first),
//! what the article leaves unexplained, and every figure with its verbatim sentence. A pure
//! function of the dataset and the language (tested natively); the app sets it as `innerHTML`,
//! which keeps this long, static page out of the wasm's view code.

use crate::data::audit::{self, RateCheck, RateOf, Severity};
use crate::data::fields::YearField;
use crate::data::model::{date_as_written, Place};
use crate::data::Dataset;
use crate::html;
use crate::text::format;
use crate::text::html::{Html, Markup};
use crate::text::lang::Lang;

/// Opens a scrollable, keyboard-focusable table region named by the heading `id` (the table's
/// class too), with its column headers; the caller writes the rows and closes it.
fn open_table(h: &mut Html, id: &str, columns: &[&str]) {
    html!(
        h,
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{}\"><table class=\"{}\"><thead><tr>",
        id,
        id
    );
    for c in columns {
        html!(h, "<th scope=\"col\">{}</th>", c);
    }
    h.markup("</tr></thead><tbody>");
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

pub fn sources_html(ds: &Dataset, l: Lang) -> String {
    let a = &ds.article;
    let mut h = Html::new();
    html!(
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
        let lang = Markup(if vi { " lang=\"vi\"" } else { "" });
        html!(h, "<dt>{}</dt><dd{}>{}</dd>", k, lang, v);
    }
    h.markup("</dl>");
    revisions_html(&mut h, ds, l);
    html!(
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
        html!(
            h,
            "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{} / {} = {}</td><td>{}{}</td></tr>",
            Markup(if dis { " class=\"disagreement\"" } else { "" }),
            rate_name(&r.of, ds, l),
            format::written_percent(&r.reported, l),
            format::int(r.count, l),
            format::int(r.total, l),
            format::percent(r.computed, 4, l),
            Markup(if dis {
                "<span aria-hidden=\"true\">! </span>"
            } else {
                ""
            }),
            r.check.words(l)
        );
    }
    h.markup("</tbody></table></div><ul class=\"audit-notes\">");
    // A figure its own quote does not write (a correction the sentence predates): named first.
    // A correction marked by its publication is a note; an unexplained one, a disagreement.
    for d in audit::quote_diffs(ds) {
        h.markup(match d.correction {
            Some(_) => "<li>",
            None => "<li class=\"disagreement\"><span aria-hidden=\"true\">! </span>",
        });
        html!(h, "{}</li>", d.words(ds, l));
    }
    if let Some(u) = audit::unreconciled(ds) {
        html!(
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
        // The groups by their own labels: whatever the unit reports.
        let groups: Vec<&str> = ds
            .parts_of(crate::data::roles::MEMBERS_NEW)
            .map(|f| l.pick(&f.label))
            .collect();
        let groups = groups.join(l.t("; ", ", "));
        html!(
            h,
            "<li>{}</li>",
            l.t(
                format!("Các nhóm đảng viên mới ({groups}) chồng lấn: cộng lại {sum} > {whole}. Chúng là tỷ lệ của {whole}, không phải các phần của một tổng."),
                format!("The new-member groups ({groups}) overlap: they add up to {sum} > {whole}. They are shares of {whole}, not parts of a whole."),
            )
        );
    }
    html!(
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
            l.t("Câu nguồn (nguyên văn)", "Source sentence (verbatim)"),
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
        html!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td lang=\"vi\"><q>{}</q></td></tr>",
            r.year,
            value,
            r.quote.as_str()
        );
    }
    for f in &ds.figures {
        // A figure of another source than the article names it.
        let cited = f
            .document
            .as_deref()
            .and_then(|d| ds.document(d))
            .map_or_else(Html::new, |d| {
                let mut p = Html::new();
                html!(
                    p,
                    "<p class=\"cite\" lang=\"{}\">{}</p>",
                    l.code(),
                    document_words(d, l)
                );
                p
            });
        html!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td lang=\"vi\"><q>{}</q>{}<details><summary>{}</summary><p>{}</p></details></td></tr>",
            l.pick(&f.label),
            f.value_text(l),
            f.quote.as_str(),
            cited,
            l.t("Cả câu", "Full sentence"),
            ds.sentences.get(&f.source).map_or("", String::as_str)
        );
    }
    h.markup("</tbody></table></div>");
    lineage_html(&mut h, ds, l);
    h.into_string()
}

/// "Báo Gia Lai, “…” (không ghi ngày)": a source other than the article, in words.
fn document_words(d: &crate::data::model::Document, l: Lang) -> String {
    let publisher = d.publisher.as_ref().map_or("", |p| l.pick(p));
    let sep = if publisher.is_empty() { "" } else { ", " };
    format!("{}: {publisher}{sep}{}", l.t("Nguồn", "Source"), d.cited(l))
}

/// What became of the unit, with its sources: each event with its date, its deciding document
/// and its verbatim quote, and every source with its address and the day it was read.
fn lineage_html(h: &mut Html, ds: &Dataset, l: Lang) {
    if !ds.has_lineage() {
        return;
    }
    // After the data's last year (2017 for the article): what the yearly series does not cover.
    let last = ds.bounds().1;
    html!(
        h,
        "<h2 id=\"lineage-events\">{}</h2>",
        l.t(
            format!("Sau năm {last}: các sự kiện và nguồn"),
            format!("After {last}: the events and their sources")
        )
    );
    if let Some(s) = crate::charts::fate_line(ds, l, true) {
        html!(h, "<p>{}</p>", s);
    }
    open_table(
        h,
        "events",
        &[
            l.t("Ngày", "Date"),
            l.t("Sự kiện", "Event"),
            l.t("Trích dẫn (nguyên văn)", "Quote (verbatim)"),
            l.t("Nguồn", "Source"),
        ],
    );
    for ev in &ds.events {
        let (vi, en) = ev.kind.words();
        let mut what = l.t(vi, en).to_string();
        if let Some(d) = &ev.decision {
            what.push_str(&format!(" — {d}"));
            if let Some(date) = &ev.decision_date {
                what.push_str(&format!(" ({})", date_as_written(date)));
            }
        }
        let source = ds
            .document(&ev.document)
            .map_or_else(String::new, |d| document_words(d, l));
        html!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td lang=\"vi\"><q>{}</q></td><td>{}</td></tr>",
            date_as_written(&ev.date),
            what,
            ev.quote.as_str(),
            source
        );
    }
    h.markup("</tbody></table></div>");
    html!(
        h,
        "<h3 id=\"documents\">{}</h3><ul class=\"documents\">",
        l.t("Các nguồn ngoài bài báo", "Sources other than the article")
    );
    for d in &ds.documents {
        match &d.url {
            Some(url) => html!(
                h,
                "<li><a href=\"{}\" rel=\"noopener\" lang=\"vi\">{}</a>",
                url,
                d.title
            ),
            None => html!(h, "<li><span lang=\"vi\">{}</span>", d.title),
        }
        let publisher = d.publisher.as_ref().map_or("", |p| l.pick(p));
        let published = d.date.as_deref().map_or_else(
            || {
                l.t("không ghi ngày đăng", "no publication date given")
                    .to_string()
            },
            |d| {
                l.t(
                    format!("đăng ngày {}", date_as_written(d)),
                    format!("published {}", date_as_written(d)),
                )
            },
        );
        let read = d.accessed.as_deref().map_or_else(String::new, |a| {
            l.t(
                format!("; truy cập ngày {}", date_as_written(a)),
                format!("; read on {}", date_as_written(a)),
            )
        });
        html!(h, " — {}, {}{}", publisher, published, read);
        if let Some(u) = &d.url {
            html!(h, " <span class=\"url\">{}</span>", u);
        }
        h.markup("</li>");
    }
    h.markup("</ul>");
}

/// A place of the data named for readers: "2014 — Số đạt", a figure by its label.
fn place_label(ds: &Dataset, p: &Place, l: Lang) -> String {
    match p {
        Place::Year(y, f) => match YearField::by_key(f) {
            Some(k) => {
                let (vi, en) = k.label();
                format!("{y} — {}", l.t(vi, en))
            }
            None => format!("{y} — {f}"),
        },
        Place::Figure(id, f) => match ds.figure(id) {
            Some(fig) if f == "value" => l.pick(&fig.label).to_string(),
            Some(fig) => format!("{} ({f})", l.pick(&fig.label)),
            None => p.name(),
        },
        Place::Other(_) => p.name(),
    }
}

/// The public history of publications, newest first: the date, the staff's reason and each
/// changed value (old → new), and whether a change corrects its source or follows a new one.
fn revisions_html(h: &mut Html, ds: &Dataset, l: Lang) {
    if ds.revisions.is_empty() {
        return;
    }
    html!(
        h,
        "<h2 id=\"revisions\">{}</h2><ol class=\"revisions\" reversed>",
        l.t("Lịch sử cập nhật", "History of updates")
    );
    for (i, r) in ds.revisions.iter().enumerate().rev() {
        html!(
            h,
            "<li><p><strong>{}</strong> — {}</p>",
            date_as_written(&r.date),
            l.pick(&r.reason)
        );
        // A first publication changes nothing: its reason says what it is.
        if r.changes.is_empty() && i == 0 {
            h.markup("</li>");
            continue;
        }
        if r.changes.is_empty() {
            html!(
                h,
                "<p>{}</p></li>",
                l.t("Không thay đổi số liệu nào.", "No figure changed.")
            );
            continue;
        }
        open_table(
            h,
            "revisions",
            &[
                l.t("Số liệu", "Figure"),
                l.t("Cũ", "Old"),
                l.t("Mới", "New"),
                l.t("Loại", "Kind"),
            ],
        );
        for c in &r.changes {
            let kind = if c.corrects_source {
                l.t(
                    "Đính chính nguồn (câu trích dẫn vẫn ghi số cũ)",
                    "Corrects the source (its quote still says the old value)",
                )
            } else {
                l.t("Sửa đổi", "Edit")
            };
            html!(
                h,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                place_label(ds, &c.place, l),
                c.old.as_deref().unwrap_or("—"),
                c.new.as_deref().unwrap_or("—"),
                kind
            );
        }
        h.markup("</tbody></table></div></li>");
    }
    h.markup("</ol>");
}

/// One headline tile: the value, what it counts (the figure's label and period) and its quote.
pub struct Tile<'a> {
    pub value: String,
    pub label: String,
    pub quote: &'a str,
}

/// The tiles the dataset lists under `headline`, made from each figure: its value, its label
/// (a part of a whole adds both counts, `2.547/2.547`: a big number that long would not fit a
/// phone's tile) and its period.
pub fn headline_tiles(ds: &Dataset, l: Lang) -> Vec<Tile<'_>> {
    ds.headline
        .iter()
        .filter_map(|id| ds.figure(id))
        .map(|f| {
            let value = f.value_text(l);
            let whole =
                f.of.as_deref()
                    .and_then(|w| ds.figure(w))
                    .filter(|w| w.unit == f.unit && f.unit == crate::data::Unit::Count);
            let label = match whole {
                Some(w) => format!("{}: {value}/{}", l.pick(&f.label), w.value_text(l)),
                None => l.pick(&f.label).to_string(),
            };
            let period = crate::charts::view_model::period_label(ds, &f.period, l);
            Tile {
                value,
                label: format!("{label} · {period}"),
                quote: &f.quote,
            }
        })
        .collect()
}

/// The document's title: what the page is about, the unit and the years, all from the data.
pub fn page_title(ds: &Dataset, l: Lang) -> String {
    let (a, b) = ds.bounds();
    let years = format::years(a, b);
    let unit = l.pick(&ds.article.unit);
    l.t(
        format!("Tổ chức cơ sở đảng — {unit} {years}"),
        format!("Grassroots Party organisations — {unit}, {years}"),
    )
}

/// The headline tiles as list items (escaped): the value, what it counts, its quote as a tooltip.
pub fn headline_html(ds: &Dataset, l: Lang) -> String {
    let mut h = Html::new();
    for t in headline_tiles(ds, l) {
        html!(
            h,
            "<li title=\"{}\"><strong>{}</strong><span>{}</span></li>",
            t.quote,
            t.value,
            t.label
        );
    }
    h.into_string()
}
