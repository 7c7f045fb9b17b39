//! Errors that make the data unusable, from decoding (a wrong type, a missing field) and from
//! validation (a rate that does not match its count, a figure a chart needs). Each message names
//! the figure or year and says what to fix, in Vietnamese and English, and each error names its
//! place the decoder's way, so the editor shows it next to its cell.

use super::roles::ChartId;
use crate::text::format::plain;
use crate::text::lang::Lang;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The page carries no dataset block.
    NoDataset,
    /// The text is not JSON at all (the parser's own message, with its position).
    Format(String),
    /// A field the format needs is absent: `yearly[2018].total`.
    MissingField {
        path: String,
    },
    /// A field the format does not have (a typo, or a file from a newer format).
    UnknownField {
        path: String,
    },
    WrongType {
        path: String,
        expected: Expected,
    },
    UnknownClassification {
        year: u16,
        id: String,
    },
    DuplicateClassification(String),
    /// A classification comes back after another one took over: a change of scheme is one break.
    ClassificationReturns {
        year: u16,
        id: String,
    },
    UnknownDocument {
        year: u16,
        id: String,
    },
    EmptySeries,
    DuplicateYear(u16),
    /// Years must be consecutive and ascending: `next` follows `after`.
    MissingYear {
        after: u16,
        next: u16,
    },
    CountAboveTotal {
        year: u16,
        field: &'static str,
        count: u32,
        total: u32,
    },
    BadRate {
        year: u16,
        field: &'static str,
        written: String,
    },
    RateAbove100 {
        year: u16,
        field: &'static str,
        written: String,
    },
    BottomRateWithoutCount {
        year: u16,
    },
    UnknownSentence {
        figure: String,
        source: String,
    },
    QuoteNotInSentence {
        figure: String,
        quote: String,
    },
    DuplicateFigure(String),
    WrittenMismatch {
        figure: String,
        written: String,
        value: f64,
    },
    UnknownFigure {
        figure: String,
        refers_to: String,
    },
    PartAboveWhole {
        figure: String,
        value: f64,
        whole: f64,
    },
    PercentAbove100 {
        figure: String,
        value: f64,
    },
    SumMismatch {
        whole: String,
        expected: f64,
        parts_sum: f64,
    },
    /// A chart cannot be drawn without this figure (src/data/roles.rs).
    MissingRole {
        chart: ChartId,
        figure: &'static str,
    },
    /// A totals chart has no figure of its group at all.
    EmptyGroup {
        chart: ChartId,
        group: &'static str,
    },
    /// A congress term whose first year comes after its last (`terms[1]`).
    TermReversed {
        index: usize,
        from: u16,
        to: u16,
    },
    /// A headline tile names a figure that does not exist.
    UnknownTile {
        index: usize,
        figure: String,
    },
    /// A chart title for a chart the app does not have.
    UnknownChart(String),
    /// The file-name stem is not lower-case ASCII letters, digits and hyphens.
    BadSlug(String),
    /// The page's public address is not an absolute `https://` URL.
    BadPageUrl(String),
    BadRevisionDate {
        index: usize,
        date: String,
    },
    /// Revisions must be oldest first.
    RevisionOrder {
        index: usize,
        date: String,
        previous: String,
    },
    NoRevisionReason {
        index: usize,
    },
    /// A revision's change summary names a place the data does not have.
    UnknownRevisionPlace {
        index: usize,
        place: String,
    },
    /// A year outside `model::PLAUSIBLE_YEARS`, at its place.
    ImplausibleYear {
        place: String,
        year: u16,
    },
    /// A year rated out of no organisation at all: its rate would divide by zero.
    ZeroTotal {
        year: u16,
    },
    /// What became of the unit (`lineage`): its own messages and places.
    Lineage(super::lineage::error::LineageError),
}

/// What a field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    Number,
    /// A whole number from 0 to the given maximum.
    WholeNumber(u64),
    /// One of these names.
    OneOf(&'static str),
}

impl Expected {
    fn describe(self, lang: Lang) -> String {
        match (self, lang == Lang::Vi) {
            (Expected::Object, true) => "một đối tượng { … }".into(),
            (Expected::Object, false) => "an object { … }".into(),
            (Expected::List, true) => "một danh sách [ … ]".into(),
            (Expected::List, false) => "a list [ … ]".into(),
            (Expected::Text, true) => "chữ trong ngoặc kép".into(),
            (Expected::Text, false) => "text in double quotes".into(),
            (Expected::Number, true) => "một số".into(),
            (Expected::Number, false) => "a number".into(),
            (Expected::WholeNumber(max), true) => format!("số nguyên từ 0 đến {max}"),
            (Expected::WholeNumber(max), false) => format!("a whole number from 0 to {max}"),
            (Expected::OneOf(names), true) => format!("một trong: {names}"),
            (Expected::OneOf(names), false) => format!("one of: {names}"),
        }
    }
}

impl DataError {
    /// The message in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        use DataError::*;
        let (v, e) = match self {
            Format(m) => (format!("Tệp dữ liệu sai định dạng: {m}"), format!("The data file is malformed: {m}")),
            NoDataset => (
                "Trang không có khối dữ liệu <script type=\"application/json\" id=\"dataset\">.".into(),
                "The page has no <script type=\"application/json\" id=\"dataset\"> block.".into(),
            ),
            MissingField { path } => (
                format!("{path}: thiếu trường này."),
                format!("{path}: this field is missing."),
            ),
            UnknownField { path } => (
                format!("{path}: trường này không có trong định dạng dữ liệu (gõ sai, hoặc tệp của phiên bản mới hơn)."),
                format!("{path}: not a field of the data format (a typo, or a file from a newer version)."),
            ),
            WrongType { path, expected } => (
                format!("{path}: phải là {}.", expected.describe(Lang::Vi)),
                format!("{path}: must be {}.", expected.describe(Lang::En)),
            ),
            UnknownClassification { year, id } => (
                format!("Năm {year}: cách xếp loại \"{id}\" không có trong mục classifications."),
                format!("Year {year}: classification \"{id}\" is not in classifications."),
            ),
            DuplicateClassification(id) => (
                format!("Cách xếp loại {id} bị trùng."),
                format!("Classification {id} is defined twice."),
            ),
            ClassificationReturns { year, id } => (
                format!("Năm {year}: cách xếp loại \"{id}\" đã được thay thế ở năm trước, không thể quay lại."),
                format!("Year {year}: classification \"{id}\" was already replaced by another in an earlier year."),
            ),
            UnknownDocument { year, id } => (
                format!("Năm {year}: tài liệu \"{id}\" không có trong mục documents."),
                format!("Year {year}: document \"{id}\" is not in documents."),
            ),
            EmptySeries => ("Chuỗi số liệu theo năm trống.".into(), "The yearly series is empty.".into()),
            DuplicateYear(y) => (format!("Năm {y} xuất hiện hai lần."), format!("Year {y} appears twice.")),
            MissingYear { after, next } => (
                format!("Thiếu năm hoặc sai thứ tự: sau {after} là {next}."),
                format!("A year is missing or out of order: {next} follows {after}."),
            ),
            CountAboveTotal { year, field, count, total } => (
                format!("Năm {year}: {field} = {count} lớn hơn tổng số {total}."),
                format!("Year {year}: {field} = {count} is greater than the total {total}."),
            ),
            BadRate { year, field, written } => (
                format!("Năm {year}: tỷ lệ {field} \"{written}\" không phải số viết kiểu Việt Nam (vd. 64,94)."),
                format!("Year {year}: rate {field} \"{written}\" is not a number written the Vietnamese way (e.g. 64,94)."),
            ),
            RateAbove100 { year, field, written } => (
                format!("Năm {year}: tỷ lệ {field} {written}% vượt quá 100%."),
                format!("Year {year}: rate {field} {written}% is above 100%."),
            ),
            BottomRateWithoutCount { year } => (
                format!("Năm {year}: có tỷ lệ loại thấp nhất (bottom_rate) nhưng không có số lượng (bottom)."),
                format!("Year {year}: a bottom rate is given without a bottom count."),
            ),
            UnknownSentence { figure, source } => (
                format!("{figure}: câu nguồn \"{source}\" không có trong mục sentences."),
                format!("{figure}: source sentence \"{source}\" is not in sentences."),
            ),
            QuoteNotInSentence { figure, quote } => (
                format!("{figure}: trích dẫn \"{quote}\" không nằm trong câu nguồn."),
                format!("{figure}: quote \"{quote}\" is not in its source sentence."),
            ),
            DuplicateFigure(id) => (format!("Mã số liệu {id} bị trùng."), format!("Figure id {id} is used twice.")),
            WrittenMismatch { figure, written, value } => {
                let value = plain(*value, 6);
                (
                format!("{figure}: giá trị {value} không khớp với cách viết \"{written}\"."),
                format!("{figure}: value {value} does not match \"{written}\" as written."),
            )
            }
            UnknownFigure { figure, refers_to } => (
                format!("{figure}: tham chiếu tới số liệu không tồn tại \"{refers_to}\"."),
                format!("{figure}: refers to a figure that does not exist, \"{refers_to}\"."),
            ),
            PartAboveWhole { figure, value, whole } => {
                let (value, whole) = (plain(*value, 6), plain(*whole, 6));
                (
                format!("{figure}: {value} lớn hơn tổng {whole}."),
                format!("{figure}: {value} is greater than its whole {whole}."),
            )
            }
            PercentAbove100 { figure, value } => {
                let value = plain(*value, 6);
                (
                format!("{figure}: tỷ lệ {value}% vượt quá 100%."),
                format!("{figure}: share {value}% is above 100%."),
            )
            }
            SumMismatch { whole, expected, parts_sum } => {
                let (expected, parts_sum) = (plain(*expected, 6), plain(*parts_sum, 6));
                (
                format!("{whole}: các thành phần cộng lại {parts_sum}, nhưng tổng là {expected}."),
                format!("{whole}: the parts add up to {parts_sum}, but the whole is {expected}."),
            )
            }
            MissingRole { chart, figure } => (
                format!("{} cần số liệu `{figure}` (mã này đã bị đổi hoặc xóa)." , chart.name().0),
                format!("{} needs the figure `{figure}` (its id was changed or it was removed).", chart.name().1),
            ),
            EmptyGroup { chart, group } => (
                format!("{} cần ít nhất một số liệu thuộc nhóm `{group}`.", chart.name().0),
                format!("{} needs at least one figure of the group `{group}`.", chart.name().1),
            ),
            TermReversed { index, from, to } => (
                format!("terms[{index}]: nhiệm kỳ bắt đầu năm {from}, sau năm kết thúc {to}."),
                format!("terms[{index}]: the term starts in {from}, after it ends in {to}."),
            ),
            UnknownTile { index, figure } => (
                format!("headline[{index}]: ô số liệu chính dùng số liệu không tồn tại \"{figure}\"."),
                format!("headline[{index}]: the key-figure tile names a figure that does not exist, \"{figure}\"."),
            ),
            UnknownChart(chart) => (
                format!("chart_titles: không có biểu đồ \"{chart}\" (có: {})." , chart_ids()),
                format!("chart_titles: there is no chart \"{chart}\" (there are: {}).", chart_ids()),
            ),
            BadSlug(slug) => (
                format!("article.slug: \"{slug}\" phải chỉ gồm chữ thường không dấu, số và dấu gạch ngang (vd. to-chuc-co-so-dang)."),
                format!("article.slug: \"{slug}\" must be lower-case letters without accents, digits and hyphens (e.g. to-chuc-co-so-dang)."),
            ),
            BadPageUrl(url) => (
                format!("page_url: \"{url}\" phải là địa chỉ đầy đủ bắt đầu bằng https:// (vd. https://example.gov.vn/thong-ke/)."),
                format!("page_url: \"{url}\" must be a full address starting with https:// (e.g. https://example.gov.vn/thong-ke/)."),
            ),
            BadRevisionDate { index, date } => (
                format!("revisions[{index}].date: \"{date}\" phải là ngày dạng năm-tháng-ngày (vd. 2026-12-02)."),
                format!("revisions[{index}].date: \"{date}\" must be a date as year-month-day (e.g. 2026-12-02)."),
            ),
            RevisionOrder { index, date, previous } => (
                format!("revisions[{index}].date: lần cập nhật ngày {date} đứng sau lần ngày {previous}; danh sách phải theo thứ tự ngày, cũ trước."),
                format!("revisions[{index}].date: the update of {date} comes after the one of {previous}; the list must be in date order, oldest first."),
            ),
            NoRevisionReason { index } => (
                format!("revisions[{index}].reason: cần một câu nói lý do cập nhật."),
                format!("revisions[{index}].reason: needs one sentence saying why the data was updated."),
            ),
            UnknownRevisionPlace { index, place } => (
                format!("revisions[{index}].changes: chỗ \"{place}\" không có trong dữ liệu."),
                format!("revisions[{index}].changes: the place \"{place}\" does not exist in the data."),
            ),
            ImplausibleYear { place, year } => {
                let (a, b) = (super::model::PLAUSIBLE_YEARS.start(), super::model::PLAUSIBLE_YEARS.end());
                (
                    format!("{place}: năm {year} không thể đúng với loại số liệu này (phải từ {a} đến {b})."),
                    format!("{place}: the year {year} cannot be right for this kind of record (it must be from {a} to {b})."),
                )
            }
            ZeroTotal { year } => (
                format!("Năm {year}: tổng số tổ chức là 0; phải lớn hơn 0."),
                format!("Year {year}: the total of organisations is 0; it must be more than 0."),
            ),
            Lineage(e) => return e.message(lang),
        };
        lang.t(v, e)
    }
}

fn chart_ids() -> String {
    ChartId::ALL.map(ChartId::id).join(", ")
}

impl DataError {
    /// The place the error is about, named as the decoder names places
    /// (`dataset.yearly[2018].total`): the editor shows the message next to that cell.
    /// `None` for the file as a whole.
    pub fn place(&self) -> Option<String> {
        use DataError::*;
        let year = |y: &u16, field: &str| format!("dataset.yearly[{y}].{field}");
        // Figures are named by id; the article and the years by what `validate` calls them.
        let figure = |f: &str, field: &str| match f.strip_prefix("yearly ") {
            Some(y) => format!("dataset.yearly[{y}].{field}"),
            None if f == "article" => format!("dataset.article.{field}"),
            None if f.starts_with("sums[") => format!("dataset.{f}"),
            None => format!("dataset.figures[{f}].{field}"),
        };
        Some(match self {
            NoDataset | Format(_) => return None,
            MissingField { path } | UnknownField { path } | WrongType { path, .. } => path.clone(),
            UnknownClassification { year: y, .. } | ClassificationReturns { year: y, .. } => {
                year(y, "classification")
            }
            DuplicateClassification(id) => format!("dataset.classifications[{id}].id"),
            UnknownDocument { year: y, .. } => year(y, "document"),
            EmptySeries => "dataset.yearly".into(),
            DuplicateYear(y) | MissingYear { next: y, .. } => year(y, "year"),
            CountAboveTotal { year: y, field, .. } => {
                year(y, if *field == "top" { "top" } else { "bottom" })
            }
            BadRate { year: y, field, .. } | RateAbove100 { year: y, field, .. } => year(y, field),
            BottomRateWithoutCount { year: y } => year(y, "bottom"),
            UnknownSentence { figure: f, .. } => figure(f, "source"),
            QuoteNotInSentence { figure: f, .. } => figure(f, "quote"),
            DuplicateFigure(id) => format!("dataset.figures[{id}].id"),
            WrittenMismatch { figure: f, .. } => figure(f, "as_written"),
            UnknownFigure { figure: f, .. } => figure(f, "of"),
            PartAboveWhole { figure: f, .. } => figure(f, "value"),
            PercentAbove100 { figure: f, value } if value.is_nan() => figure(f, "reported_share"),
            PercentAbove100 { figure: f, .. } => figure(f, "value"),
            SumMismatch { whole, .. } => figure(whole, "value"),
            MissingRole { .. } | EmptyGroup { .. } => "dataset.figures".into(),
            TermReversed { index, .. } => format!("dataset.terms[{index}].from"),
            UnknownTile { index, .. } => format!("dataset.headline[{index}].figure"),
            UnknownChart(c) => format!("dataset.chart_titles[{c}].chart"),
            BadSlug(_) => "dataset.article.slug".into(),
            BadPageUrl(_) => "dataset.page_url".into(),
            BadRevisionDate { index, .. } | RevisionOrder { index, .. } => {
                format!("dataset.revisions[{index}].date")
            }
            NoRevisionReason { index } => format!("dataset.revisions[{index}].reason"),
            UnknownRevisionPlace { index, .. } => format!("dataset.revisions[{index}].changes"),
            ImplausibleYear { place, .. } => place.clone(),
            ZeroTotal { year: y } => year(y, "total"),
            Lineage(e) => e.place(),
        })
    }

    /// The message without the place it names, for showing next to that place.
    pub fn message_at_place(&self, lang: Lang) -> String {
        let m = self.message(lang);
        match self.place() {
            Some(p) => m
                .strip_prefix(&format!("{p}: "))
                .map_or_else(|| m.clone(), str::to_string),
            None => m,
        }
    }
}

/// The messages as HTML list items (escaped), Vietnamese then English, at most 20.
pub fn items_html(errors: &[DataError]) -> String {
    let mut out = crate::text::html::Html::new();
    for err in errors.iter().take(20) {
        crate::html!(
            out,
            "<li lang=\"vi\">{}<span lang=\"en\"> / {}</span></li>",
            err.message(Lang::Vi),
            err.message(Lang::En)
        );
    }
    if errors.len() > 20 {
        crate::html!(out, "<li>… +{}</li>", errors.len() - 20);
    }
    out.into_string()
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message(Lang::En), self.message(Lang::Vi))
    }
}
