//! The static HTML placed in index.html at build time: the yearly table and the headline figures,
//! readable before the wasm loads, with JavaScript off, or when the wasm fails. Generated from the
//! data file by the same formatting code the app uses; the app replaces it once it runs.

use crate::charts;
use crate::data::audit::{self, Severity};
use crate::data::Dataset;
use crate::format;
use crate::i18n::Lang;
use crate::state::{ChartId, YearRange};

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The fallback section (Vietnamese, the readers' language, with an English caption line).
pub fn static_html(ds: &Dataset) -> String {
    let l = Lang::Vi;
    let (first, last) = ds.bounds();
    let a = &ds.article;
    let mut h = String::new();
    h.push_str("<section class=\"static-data\">");
    h.push_str(&format!(
        "<h1>Tổ chức cơ sở đảng {}</h1><p class=\"kicker\">{}</p>",
        format::years(first, last),
        escape(&a.unit.vi)
    ));
    h.push_str("<ul class=\"static-headline\">");
    for (id, label) in [
        ("structure.total", "tổ chức cơ sở đảng (2018)"),
        ("members.new", "đảng viên mới kết nạp 2008–2017"),
        (
            "management.good_excellent",
            "đảng viên hoàn thành tốt, xuất sắc nhiệm vụ (bình quân)",
        ),
        (
            "management.violations",
            "đảng viên vi phạm tư cách (bình quân)",
        ),
    ] {
        if let Some(f) = ds.figure(id) {
            let v = crate::sources::figure_value(f, l);
            h.push_str(&format!(
                "<li><strong>{}</strong> {}</li>",
                escape(&v),
                label
            ));
        }
    }
    h.push_str("</ul>");
    h.push_str(&first_chart(ds));
    let several = ds.several_classifications();
    let (top, bottom, title) = match ds.classifications.as_slice() {
        [one] => (
            format::capitalise(&one.top.vi),
            format::capitalise(&one.bottom.vi),
            format!(
                "Tổ chức cơ sở đảng đạt {}, {} <span lang=\"en\">(Grassroots Party organisations rated {})</span>",
                escape(&one.top.vi),
                format::years(first, last),
                escape(&one.top.en)
            ),
        ),
        _ => (
            "Loại cao nhất".to_string(),
            "Loại thấp nhất".to_string(),
            format!(
                "Xếp loại chất lượng tổ chức cơ sở đảng, {} <span lang=\"en\">(Quality rating of grassroots Party organisations)</span>",
                format::years(first, last)
            ),
        ),
    };
    h.push_str(&format!(
        "<table class=\"static-table\"><caption>{title}</caption>"
    ));
    h.push_str(&format!(
        "<thead><tr><th scope=\"col\">Năm</th><th scope=\"col\">{}</th><th scope=\"col\">Tổng số</th><th scope=\"col\">Tỷ lệ (bài báo)</th><th scope=\"col\">{}</th>{}</tr></thead><tbody>",
        escape(&top),
        escape(&bottom),
        if several { "<th scope=\"col\">Cách xếp loại</th>" } else { "" }
    ));
    for r in &ds.yearly {
        let flag =
            audit::year_rate(ds, r.year).filter(|x| x.check.severity() == Severity::Disagreement);
        let rate = format::written_percent(&r.rate, l);
        let rate = match flag {
            Some(x) => format!(
                "{rate} <small>(! tính lại {})</small>",
                format::percent(x.computed, 2, l)
            ),
            None => rate,
        };
        let weak = match (r.bottom, &r.bottom_rate) {
            (Some(w), Some(wr)) => format!("{w} ({})", format::written_percent(wr, l)),
            (Some(w), None) => w.to_string(),
            _ => "không báo cáo".into(),
        };
        let scheme = match ds.classification_of(r) {
            Some(c) if several => format!("<td>{}</td>", escape(&c.name.vi)),
            _ => String::new(),
        };
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{scheme}</tr>",
            r.year,
            format::int(r.top, l),
            format::int(r.total, l),
            rate,
            weak
        ));
    }
    h.push_str("</tbody></table>");
    h.push_str(&format!(
        "<p class=\"source\">Nguồn: “{}”, {}, {}, {}.</p></section>",
        escape(&a.title),
        escape(&a.author),
        escape(&a.publisher.vi),
        escape(&a.date_as_written)
    ));
    h
}

/// The first chart (clean and strong, all years) as inline SVG, drawn by the app's own chart code:
/// on a slow phone it is on screen as soon as the HTML arrives, a second or more before the wasm
/// has loaded and painted the interactive canvas (which then replaces it). Phone-sized, because
/// most readers are on phones; it scales with the page. Empty if the chart cannot be drawn.
pub fn first_chart(ds: &Dataset) -> String {
    let (from, to) = ds.bounds();
    let vm = charts::build(ds, ChartId::Quality, YearRange { from, to }, Lang::Vi);
    const WIDTH: f64 = 400.0;
    let (w, h) = (WIDTH as u32, vm.css_height(WIDTH) as u32);
    let label = "role=\"img\" aria-labelledby=\"static-chart-title\"";
    let Ok(svg) = charts::to_inline_svg(&vm, Lang::Vi, w, h, label) else {
        return String::new();
    };
    format!(
        "<figure class=\"static-chart\"><figcaption id=\"static-chart-title\">{} <small>{}</small></figcaption>{}</figure>",
        escape(&vm.title),
        escape(&vm.subtitle),
        svg
    )
}

/// Puts the fallback between the `<!-- prerender:start -->` and `<!-- prerender:end -->` markers.
pub fn inject(index_html: &str, fragment: &str) -> Option<String> {
    const START: &str = "<!-- prerender:start -->";
    const END: &str = "<!-- prerender:end -->";
    let a = index_html.find(START)? + START.len();
    let b = a + index_html[a..].find(END)?;
    Some(format!(
        "{}{}{}",
        &index_html[..a],
        fragment,
        &index_html[b..]
    ))
}
