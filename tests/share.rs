//! Link previews and dataset metadata (issue 22), from the data: the tags a page carries, its
//! schema.org `Dataset` against the fields Google's dataset guidelines require, and the files it
//! lists. The built page is checked end to end in tests/e2e/hosting.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use tccs_dashboard::data;
use tccs_dashboard::share;

fn meta(head: &str, property: &str) -> Option<String> {
    let key = format!("<meta property=\"{property}\" content=\"");
    let a = head.find(&key)? + key.len();
    Some(head[a..a + head[a..].find('"')?].to_string())
}

fn json_ld(head: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let a = head.find(open).expect("a JSON-LD block") + open.len();
    let b = a + head[a..].find("</script>").unwrap();
    serde_json::from_str(&head[a..b]).expect("valid JSON")
}

#[test]
fn the_page_address_comes_from_the_data_else_the_build_and_names_a_folder() {
    let ds = data::embedded().unwrap();
    assert_eq!(share::page_url(ds, None), None);
    assert_eq!(
        share::page_url(ds, Some("https://a.vn/tk")).as_deref(),
        Some("https://a.vn/tk/")
    );
    assert_eq!(
        share::page_url(ds, Some("https://a.vn/tk/index.html")).as_deref(),
        Some("https://a.vn/tk/")
    );
    assert_eq!(
        share::page_url(ds, Some("http://a.vn/")),
        None,
        "not https: relative URLs"
    );
    let mut own = ds.clone();
    own.page_url = Some("https://b.vn/".into());
    assert_eq!(
        share::page_url(&own, Some("https://a.vn/")).as_deref(),
        Some("https://b.vn/"),
        "the data's wins"
    );
}

#[test]
fn link_preview_tags_and_the_dataset_are_made_from_the_data() {
    let ds = data::embedded().unwrap();
    let base = "https://thongke.example.vn/tccs/";
    let head = share::head_html(ds, Some(base));
    assert_eq!(
        meta(&head, "og:image").unwrap(),
        format!("{base}preview.png")
    );
    assert_eq!(meta(&head, "og:image:width").unwrap(), "1200");
    assert_eq!(meta(&head, "og:image:height").unwrap(), "630");
    assert_eq!(meta(&head, "og:url").unwrap(), base);
    assert_eq!(meta(&head, "og:locale").unwrap(), "vi_VN");
    assert!(meta(&head, "og:image:alt")
        .unwrap()
        .starts_with("Tổ chức cơ sở đảng đạt trong sạch vững mạnh"));
    let description = meta(&head, "og:description").unwrap();
    assert!(
        description.starts_with("Giai đoạn 2008–2017: bình quân 71,72%"),
        "{description}"
    );
    assert!(head.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));

    let ld = json_ld(&head);
    // Required by Google's dataset guidelines: name, description (50 to 5000 characters).
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Dataset");
    assert!(ld["name"].as_str().unwrap().contains("Gia Lai"));
    let d = ld["description"].as_str().unwrap().chars().count();
    assert!((50..=5000).contains(&d), "{d}");
    assert_eq!(ld["temporalCoverage"], "2008/2017");
    assert_eq!(ld["spatialCoverage"]["name"], "Tỉnh Gia Lai, Việt Nam");
    assert_eq!(
        ld["creator"]["name"],
        "Đảng bộ Khối các cơ quan tỉnh Gia Lai"
    );
    assert_eq!(
        ld["publisher"]["name"],
        "Cổng thông tin điện tử Đảng bộ tỉnh Gia Lai"
    );
    assert_eq!(ld["isBasedOn"][0]["datePublished"], "2018-05-28");
    // The date of the data's latest publication, as the file records it (staff add one with
    // every correction), in ISO form.
    let file: serde_json::Value = serde_json::from_str(data::EMBEDDED_JSON).unwrap();
    let latest = file["revisions"].as_array().and_then(|r| r.last()).unwrap()["date"].clone();
    assert_eq!(ld["dateModified"], latest);
    let d = ld["dateModified"].as_str().unwrap().as_bytes();
    assert!(
        d.len() == 10 && d[4] == b'-' && d[7] == b'-',
        "ISO 8601 date"
    );
    assert_eq!(ld["url"], base);
    let urls: Vec<&str> = ld["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["contentUrl"].as_str().unwrap())
        .collect();
    let mut want = vec![format!("{base}dataset.json")];
    want.extend(
        share::csv_files(ds)
            .into_iter()
            .map(|(n, _)| format!("{base}{n}")),
    );
    assert_eq!(urls, want);
    assert_eq!(urls.len(), 3);
}

#[test]
fn without_an_address_every_url_is_relative_and_nothing_claims_one() {
    let ds = data::embedded().unwrap();
    let head = share::head_html(ds, None);
    assert_eq!(meta(&head, "og:image").unwrap(), "preview.png");
    assert_eq!(meta(&head, "og:url"), None);
    assert!(!head.contains("rel=\"canonical\""));
    assert!(json_ld(&head).get("url").is_none());
}

#[test]
fn the_preview_picture_is_the_first_chart_with_its_title_and_source() {
    let ds = data::embedded().unwrap();
    let vm = share::preview_chart(ds);
    let svg = tccs_dashboard::charts::to_preview_svg(
        &vm,
        tccs_dashboard::text::lang::Lang::Vi,
        share::PREVIEW_SIZE,
    )
    .unwrap();
    assert!(
        svg.starts_with("<svg width=\"1200\" height=\"630\""),
        "{}",
        &svg[..80]
    );
    assert!(svg.contains(&vm.title));
    assert!(svg.contains("Nguồn:") && svg.contains("cập nhật ngày 26/11/2026"));
}
