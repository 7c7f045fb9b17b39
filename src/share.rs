//! What a page tells the world beyond its readers: link previews (Open Graph and Twitter card
//! tags), the schema.org `Dataset` metadata that search engines and catalogues read, and the
//! files it distributes (the data file and two CSVs, each at a real URL). All of it made from the
//! data, by the build (`prerender`) and by the staff editor's publish step alike.

use crate::charts::{self, ChartVm};
use crate::data::Dataset;
use crate::export::{self, Dialect};
use crate::state::{ChartId, YearRange};
use crate::text::html::escape_html as escape;
use crate::text::json_writer::Json;
use crate::text::lang::Lang;

/// The preview picture beside the page: 1200 × 630, the size link previews show whole.
pub const PREVIEW: &str = "preview.png";
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);
/// The data file beside the page (what the editor opens, and the JSON distribution).
pub const DATA_FILE: &str = "dataset.json";

/// The chart the preview shows: the first one, in Vietnamese, all years.
pub fn preview_chart(ds: &Dataset) -> ChartVm {
    charts::build(ds, ChartId::ALL[0], all_years(ds), Lang::Vi)
}

/// The files a page distributes besides itself and its data file: (name, text), each made by the
/// same export code as the page's download buttons (all years, `,` and `.`, Vietnamese column
/// names without accents).
pub fn csv_files(ds: &Dataset) -> Vec<(String, String)> {
    let (yearly, figures) = export::dataset_tables(ds, all_years(ds), Lang::Vi);
    let [yearly_name, figures_name] = csv_names(ds);
    vec![
        (yearly_name, yearly.write(Dialect::Standard)),
        (figures_name, figures.write(Dialect::Standard)),
    ]
}

/// The names of [`csv_files`], without making the files (what the metadata lists).
pub fn csv_names(ds: &Dataset) -> [String; 2] {
    [
        format!("{}.csv", export::file_stem(ds, None, all_years(ds))),
        export::figures_file_name(ds),
    ]
}

fn all_years(ds: &Dataset) -> YearRange {
    let (from, to) = ds.bounds();
    YearRange { from, to }
}

/// The page's public address from the data, else the build's (`TCCS_PAGE_URL`), with a trailing
/// slash; `None`: every URL stays relative (crawlers then show no picture).
pub fn page_url(ds: &Dataset, build: Option<&str>) -> Option<String> {
    let url = ds.page_url.as_deref().or(build)?.trim();
    if !crate::data::validate::is_page_url(url) {
        return None;
    }
    // A page address names a folder (…/thong-ke/) or a file in it (…/thong-ke/index.html).
    let folder = match url.rfind('/') {
        Some(i) if url[i + 1..].contains('.') && i > "https://".len() => &url[..=i],
        _ => url,
    };
    Some(if folder.ends_with('/') {
        folder.to_string()
    } else {
        format!("{folder}/")
    })
}

/// The `<head>` elements: link-preview tags and the dataset's JSON-LD, escaped for HTML.
pub fn head_html(ds: &Dataset, base: Option<&str>) -> String {
    let l = Lang::Vi;
    let at = |name: &str| format!("{}{name}", base.unwrap_or(""));
    let title = crate::sources_html::page_title(ds, l);
    let description = description(ds);
    let vm = preview_chart(ds);
    let (w, h) = PREVIEW_SIZE;
    let mut tags = vec![
        ("og:type", "website".to_string()),
        ("og:title", title),
        ("og:description", description.clone()),
        ("og:image", at(PREVIEW)),
        ("og:image:width", w.to_string()),
        ("og:image:height", h.to_string()),
        ("og:image:alt", format!("{}. {}", vm.title, vm.subtitle)),
        ("og:locale", "vi_VN".into()),
        ("og:locale:alternate", "en_GB".into()),
        ("og:site_name", l.pick(&ds.article.publisher).to_string()),
    ];
    if let Some(b) = base {
        tags.push(("og:url", b.to_string()));
    }
    let mut out = String::new();
    for (k, v) in tags {
        out.push_str(&format!(
            "<meta property=\"{k}\" content=\"{}\">",
            escape(&v)
        ));
    }
    out.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    if let Some(b) = base {
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", escape(b)));
    }
    // `</` cannot end the script early (the same escape as the dataset block); without the
    // indentation, as the block (every reader downloads it; −163 B brotli of the page).
    let ld = crate::data::block::escape(&crate::data::block::compact(&json_ld(
        ds,
        base,
        description,
    )));
    out.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>",
        ld.trim()
    ));
    out
}

/// The summary sentence of all years: the page's description, its link preview's and its
/// dataset's.
pub fn description(ds: &Dataset) -> String {
    crate::summary::sentence(&crate::summary::compute(ds, all_years(ds)), Lang::Vi)
}

/// The schema.org `Dataset` (the fields Google's dataset guidelines ask for, and those that say
/// where the numbers come from): name, description, URL, years, place, unit, sources, creator,
/// publisher, date modified, licence-free distribution of the data file and the CSVs.
fn json_ld(ds: &Dataset, base: Option<&str>, description: String) -> String {
    let l = Lang::Vi;
    let a = &ds.article;
    let at = |name: &str| Json::String(format!("{}{name}", base.unwrap_or("")));
    let (from, to) = ds.bounds();
    let org = |name: &str| {
        Json::Obj(vec![
            ("@type", Json::Str("Organization")),
            ("name", Json::String(name.into())),
        ])
    };
    let mut based_on = vec![Json::Obj(vec![
        ("@type", Json::Str("NewsArticle")),
        ("headline", Json::Str(&a.title)),
        (
            "author",
            Json::Obj(vec![
                ("@type", Json::Str("Person")),
                ("name", Json::Str(&a.author)),
            ]),
        ),
        ("datePublished", Json::Str(&a.date)),
        ("publisher", org(l.pick(&a.publisher))),
    ])];
    // Every other source: a later report, and the lineage's pages (with their addresses).
    based_on.extend(ds.documents.iter().map(|d| {
        let mut work = vec![
            ("@type", Json::Str("CreativeWork")),
            ("name", Json::Str(&d.title)),
        ];
        if let Some(date) = &d.date {
            work.push(("datePublished", Json::Str(date)));
        }
        if let Some(url) = &d.url {
            work.push(("url", Json::Str(url)));
        }
        if let Some(p) = &d.publisher {
            work.push(("publisher", org(l.pick(p))));
        }
        Json::Obj(work)
    }));
    let mut distribution = vec![Json::Obj(vec![
        ("@type", Json::Str("DataDownload")),
        ("encodingFormat", Json::Str("application/json")),
        ("contentUrl", at(DATA_FILE)),
    ])];
    distribution.extend(csv_names(ds).into_iter().map(|name| {
        Json::Obj(vec![
            ("@type", Json::Str("DataDownload")),
            ("encodingFormat", Json::Str("text/csv")),
            ("contentUrl", at(&name)),
        ])
    }));
    let mut fields = vec![
        ("@context", Json::Str("https://schema.org")),
        ("@type", Json::Str("Dataset")),
        ("name", Json::String(crate::sources_html::page_title(ds, l))),
        ("description", Json::String(description)),
        ("inLanguage", Json::Str("vi")),
        ("temporalCoverage", Json::String(format!("{from}/{to}"))),
        ("creator", org(l.pick(&a.unit))),
        ("publisher", org(l.pick(&a.publisher))),
        ("isBasedOn", Json::Arr(based_on)),
        ("image", at(PREVIEW)),
        ("distribution", Json::Arr(distribution)),
    ];
    if let Some(b) = base {
        fields.push(("url", Json::String(b.to_string())));
    }
    if let Some(p) = &ds.place {
        fields.push((
            "spatialCoverage",
            Json::Obj(vec![
                ("@type", Json::Str("Place")),
                ("name", Json::String(l.pick(p).to_string())),
            ]),
        ));
    }
    if let Some(d) = ds.updated() {
        fields.push(("dateModified", Json::Str(d)));
    }
    Json::Obj(fields).pretty()
}
