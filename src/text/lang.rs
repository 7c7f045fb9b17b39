//! Languages. Every user-visible string is written at its call site as a (Vietnamese, English)
//! pair through [`Lang::t`], so a string cannot exist in one language only.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the string for this language.
    pub fn t<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// A localized field of the data file.
    pub fn pick(self, l: &Localized) -> &str {
        self.t(&l.vi, &l.en)
    }

    pub fn other(self) -> Lang {
        self.t(Lang::En, Lang::Vi)
    }
}

/// A text of the data file in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized {
    pub vi: String,
    pub en: String,
}
