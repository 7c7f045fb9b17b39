//! The dataset block of a page: `<script type="application/json" id="dataset">…</script>`.
//! The build writes it into index.html and the app reads it at start, so one wasm serves any
//! page that carries a valid dataset (another year, another unit) with no rebuild.
//!
//! The block also records a fingerprint of the text the page was pre-rendered from
//! (`data-rendered-from`). Someone who edits the block by hand changes the text but not the
//! fingerprint: the app still shows the block's numbers, and says in the console that the page
//! should be published again so its pre-rendered part agrees.

/// The element id the app looks for.
pub const ID: &str = "dataset";
const MARK: &str = "<!-- dataset -->";

/// The JSON text made safe inside a `<script>` element: `</` cannot close it and `<!--` cannot
/// start an HTML comment. Both replacements are valid JSON escapes, so `JSON.parse` reads the
/// escaped text as the same data.
pub fn escape(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\u0021--")
}

/// FNV-1a, 64 bit, as 16 hex digits: a fingerprint, not a defence (anyone can write both).
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::with_capacity(16);
    for i in (0..16).rev() {
        let d = ((h >> (i * 4)) & 0xf) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    out
}

/// The JSON text without the whitespace between its tokens (a dataset file is written indented,
/// for the staff who read it; every reader downloads the block). Strings, escapes included, stay
/// exactly as written, so the block is the same data.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// The whole element for a dataset file's text.
pub fn block(json: &str) -> String {
    let text = escape(&compact(json));
    format!(
        "<script type=\"application/json\" id=\"{ID}\" data-rendered-from=\"{}\">{text}</script>",
        fingerprint(&text)
    )
}

/// Where the block is in a page: (start of the element, start of its text, end of its text,
/// end of the element).
fn locate(html: &str) -> Option<(usize, usize, usize, usize)> {
    let open = html.find(&format!("id=\"{ID}\""))?;
    let start = html[..open].rfind("<script")?;
    let text = open + html[open..].find('>')? + 1;
    let close = text + html[text..].find("</script>")?;
    Some((start, text, close, close + "</script>".len()))
}

/// The block's text as it stands in the page (still escaped: `JSON.parse` reads it as is).
pub fn read(html: &str) -> Option<&str> {
    let (_, a, b, _) = locate(html)?;
    Some(&html[a..b])
}

/// Writes the block for `json` into a page: in place of an existing block, or at the
/// `<!-- dataset -->` mark. `None` when the page has neither.
pub fn write(html: &str, json: &str) -> Option<String> {
    let (a, b) = match locate(html) {
        Some((a, _, _, b)) => (a, b),
        None => {
            let a = html.find(MARK)?;
            (a, a + MARK.len())
        }
    };
    Some(format!("{}{}{}", &html[..a], block(json), &html[b..]))
}
