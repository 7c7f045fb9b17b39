//! What can be wrong in a lineage, each named at its place the decoder's way
//! (`dataset.events[chuyen-giao-2025].organisations`) and said in Vietnamese and English.

use crate::text::format::plain;
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum LineageError {
    DuplicateUnit(String),
    /// Events without `lineage_unit`, or one that is not among the units.
    NoOwnUnit,
    UnknownOwnUnit(String),
    DuplicateEvent(String),
    /// A date that is not `YYYY-MM-DD` (or outside the plausible years), at its place.
    BadDate {
        place: String,
        date: String,
    },
    /// Events must be in date order.
    DateBeforePrevious {
        event: String,
        date: String,
        previous: String,
    },
    DecisionAfterEvent {
        event: String,
        decision: String,
        date: String,
    },
    /// A unit named on one side of an event or flow that `units` does not have.
    UnknownUnit {
        place: String,
        unit: String,
    },
    /// An event without the units it needs on one side (a merger into nothing).
    EmptySide {
        event: String,
        side: &'static str,
    },
    UnknownFigure {
        place: String,
        figure: String,
    },
    UnknownDocument {
        event: String,
        document: String,
    },
    /// A figure citing a source document that `documents` does not have.
    UnknownFigureDocument {
        figure: String,
        document: String,
    },
    /// An event's source has no address: readers must be able to check it.
    NoAddress {
        event: String,
        document: String,
    },
    /// A source address that is not `https://…`.
    BadAddress {
        document: String,
        url: String,
    },
    UnknownEvent {
        index: usize,
        event: String,
    },
    /// A flow to a unit its event does not hand to.
    NotRecipient {
        index: usize,
        unit: String,
    },
    /// A flow from a unit its event does not act on.
    NotGiver {
        index: usize,
        unit: String,
    },
    /// The flows of an event do not add up to the event's total the source gives.
    PartsDoNotAdd {
        event: String,
        field: &'static str,
        parts: f64,
        whole: f64,
    },
    /// An event's sentence missing, or its quote not in it.
    UnknownSentence {
        event: String,
        source: String,
    },
    QuoteNotInSentence {
        event: String,
        quote: String,
    },
    /// An event whose quote does not write a total the event gives.
    EventQuoteWithout {
        event: String,
        written: String,
        quote: String,
    },
    /// A lineage figure its quote does not write (and no revision marks it a correction).
    QuoteWithoutFigure {
        figure: String,
        written: String,
        quote: String,
    },
    /// A lineage figure's period must be the date its source counts it on, or `undated`.
    BadPeriod {
        figure: String,
        period: String,
    },
}

impl LineageError {
    pub fn message(&self, lang: Lang) -> String {
        use LineageError::*;
        let (vi, en) = match self {
            DuplicateUnit(id) => (
                format!("dataset.units[{id}].id: mã đơn vị {id} bị trùng."),
                format!("dataset.units[{id}].id: the unit id {id} is used twice."),
            ),
            NoOwnUnit => (
                "dataset.lineage_unit: có sự kiện nhưng chưa chọn đơn vị của trang này trong danh sách đơn vị.".into(),
                "dataset.lineage_unit: there are events, but this page's own unit is not chosen among the units.".into(),
            ),
            UnknownOwnUnit(id) => (
                format!("dataset.lineage_unit: không có đơn vị \"{id}\" trong danh sách đơn vị."),
                format!("dataset.lineage_unit: there is no unit \"{id}\" among the units."),
            ),
            DuplicateEvent(id) => (
                format!("dataset.events[{id}].id: mã sự kiện {id} bị trùng."),
                format!("dataset.events[{id}].id: the event id {id} is used twice."),
            ),
            BadDate { place, date } => (
                format!("{place}: \"{date}\" phải là ngày có thật dạng năm-tháng-ngày (vd. 2019-03-01)."),
                format!("{place}: \"{date}\" must be a real date as year-month-day (e.g. 2019-03-01)."),
            ),
            DateBeforePrevious { event, date, previous } => (
                format!("dataset.events[{event}].date: ngày {date} trước ngày {previous} của sự kiện đứng trước; các sự kiện phải theo thứ tự ngày."),
                format!("dataset.events[{event}].date: {date} comes before {previous}, the date of the event before it; events must be in date order."),
            ),
            DecisionAfterEvent { event, decision, date } => (
                format!("dataset.events[{event}].decision_date: quyết định ngày {decision} sau ngày sự kiện {date}."),
                format!("dataset.events[{event}].decision_date: the decision of {decision} comes after the event itself, {date}."),
            ),
            UnknownUnit { place, unit } => (
                format!("{place}: không có đơn vị \"{unit}\" trong danh sách đơn vị."),
                format!("{place}: there is no unit \"{unit}\" among the units."),
            ),
            EmptySide { event, side } => (
                format!("dataset.events[{event}].{side}: sự kiện này cần ít nhất một đơn vị ở đây."),
                format!("dataset.events[{event}].{side}: this event needs at least one unit here."),
            ),
            UnknownFigure { place, figure } => (
                format!("{place}: không có số liệu \"{figure}\" trong danh sách số liệu."),
                format!("{place}: there is no figure \"{figure}\" among the figures."),
            ),
            UnknownDocument { event, document } => (
                format!("dataset.events[{event}].document: không có tài liệu nguồn \"{document}\"."),
                format!("dataset.events[{event}].document: there is no source document \"{document}\"."),
            ),
            UnknownFigureDocument { figure, document } => (
                format!("dataset.figures[{figure}].document: không có tài liệu nguồn \"{document}\"."),
                format!("dataset.figures[{figure}].document: there is no source document \"{document}\"."),
            ),
            NoAddress { event, document } => (
                format!("dataset.events[{event}].document: nguồn \"{document}\" chưa có địa chỉ https:// để người đọc kiểm tra."),
                format!("dataset.events[{event}].document: the source \"{document}\" has no https:// address for readers to check."),
            ),
            BadAddress { document, url } => (
                format!("dataset.documents[{document}].url: \"{url}\" phải là địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http:// nếu trang không có https)."),
                format!("dataset.documents[{document}].url: \"{url}\" must be a full address starting with https:// (or http:// for a site without https)."),
            ),
            UnknownEvent { index, event } => (
                format!("dataset.flows[{index}].event: không có sự kiện \"{event}\"."),
                format!("dataset.flows[{index}].event: there is no event \"{event}\"."),
            ),
            NotRecipient { index, unit } => (
                format!("dataset.flows[{index}].to: sự kiện của dòng chuyển này không chuyển về \"{unit}\" (thêm vào mục “into” của sự kiện)."),
                format!("dataset.flows[{index}].to: this flow's event does not hand anything to \"{unit}\" (add it to the event's “into”)."),
            ),
            NotGiver { index, unit } => (
                format!("dataset.flows[{index}].from: sự kiện của dòng chuyển này không chuyển gì từ \"{unit}\" (thêm vào mục “units” của sự kiện)."),
                format!("dataset.flows[{index}].from: this flow's event hands nothing over from \"{unit}\" (add it to the event's “units”)."),
            ),
            PartsDoNotAdd { event, field, parts, whole } => {
                let (parts, whole) = (plain(*parts, 3), plain(*whole, 3));
                (
                    format!("dataset.events[{event}].{field}: các dòng chuyển cộng lại {parts}, nhưng nguồn ghi tổng {whole}."),
                    format!("dataset.events[{event}].{field}: the flows add up to {parts}, but the source gives the whole as {whole}."),
                )
            }
            UnknownSentence { event, source } => (
                format!("dataset.events[{event}].source: câu nguồn \"{source}\" không có trong mục sentences."),
                format!("dataset.events[{event}].source: the source sentence \"{source}\" is not in sentences."),
            ),
            QuoteNotInSentence { event, quote } => (
                format!("dataset.events[{event}].quote: trích dẫn \"{quote}\" không nằm trong câu nguồn."),
                format!("dataset.events[{event}].quote: the quote \"{quote}\" is not in its source sentence."),
            ),
            EventQuoteWithout { event, written, quote } => (
                format!("dataset.events[{event}].quote: trích dẫn \"{quote}\" không ghi số {written} của sự kiện."),
                format!("dataset.events[{event}].quote: the quote \"{quote}\" does not write the event's {written}."),
            ),
            QuoteWithoutFigure { figure, written, quote } => (
                format!("dataset.figures[{figure}].quote: trích dẫn \"{quote}\" không ghi số {written}."),
                format!("dataset.figures[{figure}].quote: the quote \"{quote}\" does not write {written}."),
            ),
            BadPeriod { figure, period } => (
                format!("dataset.figures[{figure}].period: \"{period}\" phải là ngày nguồn tính số liệu (vd. 2025-02-13), hoặc undated khi nguồn không ghi."),
                format!("dataset.figures[{figure}].period: \"{period}\" must be the date the source counts it on (e.g. 2025-02-13), or undated where the source does not say."),
            ),
        };
        lang.t(vi, en)
    }

    /// The place it is about, as the decoder names places.
    pub fn place(&self) -> String {
        use LineageError::*;
        match self {
            DuplicateUnit(id) => format!("dataset.units[{id}].id"),
            NoOwnUnit | UnknownOwnUnit(_) => "dataset.lineage_unit".into(),
            DuplicateEvent(id) => format!("dataset.events[{id}].id"),
            BadDate { place, .. } | UnknownUnit { place, .. } | UnknownFigure { place, .. } => {
                place.clone()
            }
            DateBeforePrevious { event, .. } => format!("dataset.events[{event}].date"),
            DecisionAfterEvent { event, .. } => format!("dataset.events[{event}].decision_date"),
            EmptySide { event, side } => format!("dataset.events[{event}].{side}"),
            UnknownDocument { event, .. } | NoAddress { event, .. } => {
                format!("dataset.events[{event}].document")
            }
            BadAddress { document, .. } => format!("dataset.documents[{document}].url"),
            UnknownFigureDocument { figure, .. } => format!("dataset.figures[{figure}].document"),
            UnknownEvent { index, .. } => format!("dataset.flows[{index}].event"),
            NotRecipient { index, .. } => format!("dataset.flows[{index}].to"),
            NotGiver { index, .. } => format!("dataset.flows[{index}].from"),
            PartsDoNotAdd { event, field, .. } => format!("dataset.events[{event}].{field}"),
            QuoteWithoutFigure { figure, .. } => format!("dataset.figures[{figure}].quote"),
            UnknownSentence { event, .. } => format!("dataset.events[{event}].source"),
            QuoteNotInSentence { event, .. } | EventQuoteWithout { event, .. } => {
                format!("dataset.events[{event}].quote")
            }
            BadPeriod { figure, .. } => format!("dataset.figures[{figure}].period"),
        }
    }
}
