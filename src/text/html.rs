//! HTML written as strings (the Sources page, the data tables, the clipboard's table, SVG text,
//! the embed snippet): every value goes in escaped, by one function, whatever validation has
//! checked before. Markup enters only as a `&'static str` (`Markup`) or as `Html` this module
//! built, so a value from the data cannot become markup by mistake.
//!
//! `html!(h, "<td>{}</td>", value)` writes like `write!`, with each argument escaped unless it is
//! `Markup` or `Html`. A value named inside the format string (`{value}`) would bypass that, so
//! the macro refuses such a string at compile time.

use std::fmt::{self, Write};

/// Something `html!` can insert: values are escaped, markup is written as it is.
pub trait Insert {
    fn insert(&self, out: &mut dyn Write) -> fmt::Result;
}

/// What a character becomes in HTML text or an attribute value: the one escaping rule of the
/// app (`& < > " '`), used by `escape_html` and by everything `html!` inserts.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// A writer that escapes what goes through it (a value's `Display` writes into it).
struct Escaping<'a>(&'a mut dyn Write);

impl Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            match entity(c) {
                Some(e) => self.0.write_str(e)?,
                None => self.0.write_char(c)?,
            }
        }
        Ok(())
    }
}

macro_rules! escaped {
    ($($t:ty),*) => {$(
        impl Insert for $t {
            fn insert(&self, out: &mut dyn Write) -> fmt::Result {
                write!(Escaping(out), "{self}")
            }
        }
    )*};
}
escaped!(str, String, char, i32, i64, u16, u32, u64, usize);

impl<T: Insert + ?Sized> Insert for &T {
    fn insert(&self, out: &mut dyn Write) -> fmt::Result {
        (**self).insert(out)
    }
}

/// Markup written in the code: a tag, an attribute, a mark.
#[derive(Clone, Copy)]
pub struct Markup(pub &'static str);

impl Insert for Markup {
    fn insert(&self, out: &mut dyn Write) -> fmt::Result {
        out.write_str(self.0)
    }
}

/// HTML built by `html!` (its values escaped), to be inserted into more of it or handed out.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends markup written in the code.
    pub fn markup(&mut self, m: &'static str) {
        self.0.push_str(m);
    }

    /// Appends a value, escaped.
    pub fn text(&mut self, v: impl Insert) {
        let _ = v.insert(&mut self.0);
    }

    /// Used by `html!`: the arguments are already wrapped in `Value`.
    #[doc(hidden)]
    pub fn write_args(&mut self, args: fmt::Arguments<'_>) {
        let _ = self.0.write_fmt(args);
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl Insert for Html {
    fn insert(&self, out: &mut dyn Write) -> fmt::Result {
        out.write_str(&self.0)
    }
}

/// An argument of `html!`, displayed through its `Insert`.
#[doc(hidden)]
pub struct Value<'a, T: ?Sized>(pub &'a T);

impl<T: Insert + ?Sized> fmt::Display for Value<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.insert(f)
    }
}

/// Whether a format string has only `{}` holes (and `{{`, `}}`): nothing named inside it, which
/// `html!` could not escape.
#[doc(hidden)]
pub const fn only_positional(fmt: &str) -> bool {
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            if i + 1 >= b.len() || (b[i + 1] != b'}' && b[i + 1] != b'{') {
                return false;
            }
            i += 1;
        }
        i += 1;
    }
    true
}

/// `html!(h, "<td>{}</td>", value)`: appends to the `Html` `h`, each argument escaped unless it
/// is `Markup` or `Html`. Only `{}` holes: a name inside the string does not compile.
///
/// ```
/// use tccs_dashboard::text::html::{Html, Markup};
/// let mut h = Html::new();
/// tccs_dashboard::html!(h, "<td{}>{}</td>", Markup(" class=\"n\""), "<b>&");
/// assert_eq!(h.into_string(), "<td class=\"n\">&lt;b&gt;&amp;</td>");
/// ```
///
/// ```compile_fail
/// let mut h = tccs_dashboard::text::html::Html::new();
/// let v = "<b>";
/// tccs_dashboard::html!(h, "<td>{v}</td>"); // refused: `v` would not be escaped
/// ```
#[macro_export]
macro_rules! html {
    ($out:expr, $fmt:literal $(, $arg:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::text::html::only_positional($fmt),
            "html!: pass every value as an argument (only {{}} holes), so that it is escaped"
        );
        $out.write_args(format_args!($fmt $(, $crate::text::html::Value(&$arg))*))
    }};
}

/// Text or an attribute value made safe for HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}
