//! A minimal pretty JSON writer for the JSON download. Writing JSON is easy (RFC 8259 string
//! escaping is the only rule that bites); serde_json's serializer and its error machinery cost
//! kilobytes of wasm for it, so the app writes its own and the tests parse the result with
//! serde_json natively.

use crate::text::format;

/// A JSON value, borrowed from the dataset where possible.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Int(i64),
    /// Written with up to 6 decimals, trailing zeros dropped (the data has at most 4).
    Num(f64),
    Str(&'a str),
    String(String),
    Arr(Vec<Json<'a>>),
    Obj(Vec<(&'a str, Json<'a>)>),
}

impl Json<'_> {
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Int(i) => out.push_str(&i.to_string()),
            Json::Num(v) if v.is_finite() => out.push_str(&format::plain(*v, 6)),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => string(out, s),
            Json::String(s) => string(out, s),
            Json::Arr(items) => {
                let items = items.iter().map(|v| (None, v));
                container(out, depth, '[', ']', items);
            }
            Json::Obj(fields) => {
                let fields = fields.iter().map(|(k, v)| (Some(*k), v));
                container(out, depth, '{', '}', fields);
            }
        }
    }
}

fn container<'a, 'b: 'a>(
    out: &mut String,
    depth: usize,
    open: char,
    close: char,
    items: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Json<'b>)>,
) {
    out.push(open);
    if items.len() == 0 {
        out.push(close);
        return;
    }
    for (i, (key, value)) in items.enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        indent(out, depth + 1);
        if let Some(k) = key {
            string(out, k);
            out.push_str(": ");
        }
        value.write(out, depth + 1);
    }
    out.push('\n');
    indent(out, depth);
    out.push(close);
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// RFC 8259 §7: quote, backslash and control characters escaped; everything else as UTF-8.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
