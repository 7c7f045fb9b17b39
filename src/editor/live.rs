//! "Check the live site": after a publication, whether readers get it. For each published file
//! the editor fetches three times from the site beside it (src/editor/view/live_check.rs):
//! - as a reader would (the browser's cache, then any cache between the site and readers);
//! - past every cache (`no-store`, and a query no cache has seen), still compressed as readers
//!   get it (browsers ask for gzip and brotli, and cannot be told not to);
//! - past every cache, uncompressed: a `Range` request, for which browsers ask for the file as
//!   it is (`Accept-Encoding: identity`, the Fetch standard), so a host's `.gz`/`.br` copy is
//!   not what answers.
//!
//! What the three show, against the fingerprint of the file the editor made, names the state.
//! Pure: tested natively (tests/editor.rs).

use crate::text::lang::Lang;

/// What one fetch saw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seen {
    /// The HTTP status; `None` when nothing answered (network, refused, CORS).
    pub status: Option<u16>,
    /// The fingerprint of the body (`data::block::fingerprint`), when the status was a success.
    pub fingerprint: Option<String>,
    /// The response's `Cache-Control` and `Age`, as sent.
    pub cache_control: Option<String>,
    pub age: Option<String>,
}

impl Seen {
    fn is(&self, fingerprint: &str) -> bool {
        self.fingerprint.as_deref() == Some(fingerprint)
    }
}

/// What readers get of one published file.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// The new version.
    New,
    /// The site has the new version; a cache between it and readers still gives the old one.
    Cached {
        cache_control: Option<String>,
        age: Option<String>,
    },
    /// The file is new, but the host serves an old compressed copy beside it in its place.
    OldCompressedCopy,
    /// The site still has the old file: the new one was not uploaded.
    NotUploaded,
    /// The site has no such file.
    Missing,
    /// The site did not answer (or answered with an error).
    Unreachable(Option<u16>),
}

/// Names the state of a file whose new version has `fingerprint`, from the three fetches.
pub fn judge(fingerprint: &str, reader: &Seen, fresh: &Seen, plain: &Seen) -> State {
    match fresh.status {
        None => return State::Unreachable(None),
        Some(404 | 410) => return State::Missing,
        Some(s) if !(200..300).contains(&s) => return State::Unreachable(Some(s)),
        Some(_) => {}
    }
    if fresh.is(fingerprint) {
        return if reader.is(fingerprint) {
            State::New
        } else {
            State::Cached {
                cache_control: reader.cache_control.clone(),
                age: reader.age.clone(),
            }
        };
    }
    if plain.is(fingerprint) {
        State::OldCompressedCopy
    } else {
        State::NotUploaded
    }
}

/// `max-age=600` of a Cache-Control value, in seconds.
fn max_age(cache_control: &str) -> Option<u64> {
    cache_control.split(',').find_map(|d| {
        let d = d.trim();
        let v = d
            .strip_prefix("s-maxage=")
            .or_else(|| d.strip_prefix("max-age="))?;
        v.trim_matches('"').parse().ok()
    })
}

/// A duration in seconds in words: "10 phút" / "10 minutes".
fn duration(seconds: u64, lang: Lang) -> String {
    let (n, vi, en) = if seconds >= 7200 {
        (seconds / 3600, "giờ", "hours")
    } else if seconds >= 120 {
        (seconds / 60, "phút", "minutes")
    } else {
        (seconds, "giây", "seconds")
    };
    lang.t(format!("{n} {vi}"), format!("{n} {en}"))
}

impl State {
    /// The state's name, as the page marks it (`data-state`) for tests and styles.
    pub fn key(&self) -> &'static str {
        match self {
            State::New => "new",
            State::Cached { .. } => "cached",
            State::OldCompressedCopy => "old-compressed-copy",
            State::NotUploaded => "not-uploaded",
            State::Missing => "missing",
            State::Unreachable(_) => "unreachable",
        }
    }

    /// Whether readers get the new version.
    pub fn is_new(&self) -> bool {
        *self == State::New
    }

    /// What staff read: what readers get, the likely cause and what to do, for `file`.
    pub fn words(&self, file: &str, lang: Lang) -> String {
        match self {
            State::New => lang.t(
                "Người đọc đang nhận bản mới.".to_string(),
                "Readers get the new version.".to_string(),
            ),
            State::Cached { cache_control, age } => {
                let kept = cache_control.as_deref().and_then(max_age).map(|s| duration(s, lang));
                let held = age
                    .as_deref()
                    .and_then(|a| a.trim().parse().ok())
                    .map(|s| duration(s, lang));
                let how_long = match (kept, held) {
                    (Some(k), Some(h)) => lang.t(
                        format!(" Bộ nhớ đệm giữ mỗi bản sao tới {k}; bản này đã giữ {h}."),
                        format!(" The cache keeps each copy up to {k}; this one is {h} old."),
                    ),
                    (Some(k), None) => lang.t(
                        format!(" Bộ nhớ đệm giữ mỗi bản sao tới {k}."),
                        format!(" The cache keeps each copy up to {k}."),
                    ),
                    (None, Some(h)) => lang.t(
                        format!(" Bản sao này đã được giữ {h}."),
                        format!(" This copy is {h} old."),
                    ),
                    (None, None) => lang.t(
                        " Bộ nhớ đệm không cho biết giữ bản sao bao lâu.".to_string(),
                        " The cache does not say how long it keeps a copy.".to_string(),
                    ),
                };
                lang.t(
                    format!("Máy chủ đã có bản mới, nhưng người đọc vẫn nhận bản cũ từ một bộ nhớ đệm (của cổng thông tin hoặc mạng phân phối).{how_long} Chờ hết thời gian đó, hoặc nhờ người quản trị xóa bộ nhớ đệm của {file}."),
                    format!("The site has the new version, but readers still get the old one from a cache (the portal's or a delivery network's).{how_long} Wait that long, or ask the administrator to clear the cache of {file}."),
                )
            }
            State::OldCompressedCopy => lang.t(
                format!("Tệp mới đã lên máy chủ, nhưng máy chủ gửi bản nén cũ ({file}.gz hoặc {file}.br) thay cho nó. Giải nén lại tệp xuất bản (có bản nén mới), hoặc xóa {file}.gz và {file}.br trên máy chủ."),
                format!("The new file is on the host, but the host sends an old compressed copy ({file}.gz or {file}.br) in its place. Extract the publication's archive again (it holds new copies), or delete {file}.gz and {file}.br from the host."),
            ),
            State::NotUploaded => lang.t(
                format!("Máy chủ vẫn có {file} cũ: tệp mới chưa được tải lên. Giải nén tệp xuất bản vào thư mục của trang, ghi đè tệp cũ."),
                format!("The host still has the old {file}: the new one was not uploaded. Extract the publication's archive into the site's folder, replacing the old files."),
            ),
            State::Missing => lang.t(
                format!("Không có {file} trên máy chủ. Giải nén tệp xuất bản vào thư mục của trang."),
                format!("There is no {file} on the host. Extract the publication's archive into the site's folder."),
            ),
            State::Unreachable(status) => {
                let why = status.map_or_else(String::new, |s| format!(" (HTTP {s})"));
                lang.t(
                    format!("Không kết nối được trang để kiểm tra {file}{why}. Kiểm tra lại đường mạng hoặc máy chủ rồi thử lại."),
                    format!("The site could not be reached to check {file}{why}. Check the network or the host and try again."),
                )
            }
        }
    }
}
