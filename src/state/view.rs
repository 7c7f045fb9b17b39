//! The view state and its URL form. Any query string maps to a valid state; what could not be
//! used is reported as a [`Notice`] so the UI can say so instead of failing.
//!
//! `?time=2010..2017` (also `time=2015`, `time=earliest..latest`), `lang=vi|en`, `chart=<id>`,
//! `tab=dashboard|sources`, `embed=1`, `measure=members` (the lineage drawn in members).

use crate::text::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    pub from: u16,
    pub to: u16,
}

impl YearRange {
    pub fn contains(&self, year: u16) -> bool {
        (self.from..=self.to).contains(&year)
    }
    pub fn is_single(&self) -> bool {
        self.from == self.to
    }
    /// Clamped into `bounds` and ordered.
    pub fn clamp(self, bounds: (u16, u16)) -> YearRange {
        let c = |y: u16| y.clamp(bounds.0, bounds.1);
        let (a, b) = (c(self.from), c(self.to));
        YearRange {
            from: a.min(b),
            to: a.max(b),
        }
    }
}

/// The charts are the data's roles (src/data/roles.rs): the state only chooses among them.
pub use crate::data::roles::ChartId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Dashboard,
    Sources,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewState {
    pub range: YearRange,
    pub lang: Lang,
    /// Show this chart alone.
    pub chart: Option<ChartId>,
    pub tab: Tab,
    /// Inside an iframe: no page chrome.
    pub embed: bool,
    /// The lineage drawn in Party members rather than organisations.
    pub members: bool,
}

impl ViewState {
    pub fn new(bounds: (u16, u16)) -> Self {
        ViewState {
            range: YearRange {
                from: bounds.0,
                to: bounds.1,
            },
            lang: Lang::Vi,
            chart: None,
            tab: Tab::Dashboard,
            embed: false,
            members: false,
        }
    }
}

/// A URL parameter that could not be used as given, and what was used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Unreadable or entirely outside the data: all years shown.
    BadTime(String),
    /// Partly outside the data or reversed: shown as the clamped range.
    AdjustedTime {
        given: String,
        used: YearRange,
    },
    BadLang(String),
    BadChart(String),
    BadTab(String),
    BadMeasure(String),
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        let years = |r: &YearRange| crate::text::format::years(r.from, r.to);
        match self {
            Notice::BadTime(v) => lang.t(
                format!("Không hiểu khoảng năm “{v}”; đang hiển thị tất cả các năm."),
                format!("Could not read the years “{v}”; showing all years."),
            ),
            Notice::AdjustedTime { given, used } => lang.t(
                format!(
                    "Khoảng năm “{given}” nằm ngoài số liệu; đang hiển thị {}.",
                    years(used)
                ),
                format!(
                    "The years “{given}” are outside the data; showing {}.",
                    years(used)
                ),
            ),
            Notice::BadLang(v) => lang.t(
                format!("Không có ngôn ngữ “{v}”; đang dùng tiếng Việt."),
                format!("No language “{v}”; using Vietnamese."),
            ),
            Notice::BadChart(v) => lang.t(
                format!("Không có biểu đồ “{v}”; đang hiển thị tất cả biểu đồ."),
                format!("No chart “{v}”; showing all charts."),
            ),
            Notice::BadTab(v) => lang.t(
                format!("Không có trang “{v}”; đang hiển thị bảng điều khiển."),
                format!("No page “{v}”; showing the dashboard."),
            ),
            Notice::BadMeasure(v) => lang.t(
                format!("Không có cách đo “{v}”; sơ đồ quá trình đang tính theo số tổ chức."),
                format!("No measure “{v}”; the lineage shows organisations."),
            ),
        }
    }
}

/// Decodes one `application/x-www-form-urlencoded` component; invalid escapes stay as written.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn parse_year(s: &str, bounds: (u16, u16), default: u16) -> Option<i64> {
    match s.trim() {
        "" => Some(i64::from(default)),
        "earliest" => Some(i64::from(bounds.0)),
        "latest" => Some(i64::from(bounds.1)),
        t if t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) => t.parse().ok(),
        _ => None,
    }
}

/// Parses a `time=` value against the data's first and last year.
pub fn parse_time(value: &str, bounds: (u16, u16)) -> Result<YearRange, Notice> {
    let v = value.trim();
    let bad = || Notice::BadTime(value.to_string());
    let (a, b) = match v
        .split_once("..")
        .or_else(|| v.split_once('–'))
        .or_else(|| v.split_once('-'))
    {
        Some((a, b)) => (
            parse_year(a, bounds, bounds.0),
            parse_year(b, bounds, bounds.1),
        ),
        None if v.is_empty() => return Err(bad()),
        None => {
            let y = parse_year(v, bounds, bounds.0);
            (y, y)
        }
    };
    let (Some(a), Some(b)) = (a, b) else {
        return Err(bad());
    };
    let (lo, hi) = (a.min(b), a.max(b));
    if hi < i64::from(bounds.0) || lo > i64::from(bounds.1) {
        return Err(bad());
    }
    let clamp = |y: i64| y.clamp(i64::from(bounds.0), i64::from(bounds.1)) as u16;
    let used = YearRange {
        from: clamp(lo),
        to: clamp(hi),
    };
    if i64::from(used.from) != a || i64::from(used.to) != b {
        return Err(Notice::AdjustedTime {
            given: value.to_string(),
            used,
        });
    }
    Ok(used)
}

/// Parses a query string (with or without the leading `?`) into a valid state.
pub fn parse_query(query: &str, bounds: (u16, u16)) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::new(bounds);
    let mut notices = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode_component(k), decode_component(v));
        match k.as_str() {
            "time" => match parse_time(&v, bounds) {
                Ok(r) => state.range = r,
                Err(n) => {
                    if let Notice::AdjustedTime { used, .. } = &n {
                        state.range = *used;
                    }
                    notices.push(n);
                }
            },
            "lang" => match Lang::parse(&v) {
                Some(l) => state.lang = l,
                None => notices.push(Notice::BadLang(v)),
            },
            "chart" => match ChartId::parse(&v) {
                Some(c) => state.chart = Some(c),
                None => notices.push(Notice::BadChart(v)),
            },
            "tab" => match v.as_str() {
                "dashboard" => state.tab = Tab::Dashboard,
                "sources" => state.tab = Tab::Sources,
                _ => notices.push(Notice::BadTab(v)),
            },
            "embed" => state.embed = matches!(v.as_str(), "1" | "true" | ""),
            "measure" => match v.as_str() {
                "members" => state.members = true,
                "organisations" => state.members = false,
                _ => notices.push(Notice::BadMeasure(v)),
            },
            _ => {} // unknown parameters (tracking tags and the like) are not ours to judge
        }
    }
    (state, notices)
}

/// The query string for a state (without `?`), leaving out defaults so links stay short.
pub fn to_query(state: &ViewState, bounds: (u16, u16)) -> String {
    let mut parts = Vec::new();
    let r = state.range;
    if (r.from, r.to) != bounds {
        parts.push(if r.is_single() {
            format!("time={}", r.from)
        } else {
            format!("time={}..{}", r.from, r.to)
        });
    }
    if state.lang != Lang::Vi {
        parts.push(format!("lang={}", state.lang.code()));
    }
    if let Some(c) = state.chart {
        parts.push(format!("chart={}", c.id()));
    }
    if state.tab == Tab::Sources {
        parts.push("tab=sources".into());
    }
    if state.embed {
        parts.push("embed=1".into());
    }
    if state.members {
        parts.push("measure=members".into());
    }
    parts.join("&")
}
