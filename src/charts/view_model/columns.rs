//! The yearly charts' tables: named columns (a chart that shows fewer picks them by name), each
//! year's cells by column, and the header with the classification when there are several.

use super::*;

/// What a yearly chart needs to know about the classifications in its years.
pub(super) struct Schemes<'a> {
    pub(super) segments: Vec<Segment<'a>>,
    /// The dataset uses more than one classification: tables name it on every row.
    pub(super) several: bool,
}

impl<'a> Schemes<'a> {
    pub(super) fn of(ds: &'a Dataset, range: YearRange) -> Self {
        Schemes {
            segments: ds.segments(range.from, range.to),
            several: ds.several_classifications(),
        }
    }

    /// The one classification of the range, if it has only one.
    pub(super) fn single(&self) -> Option<&'a Classification> {
        match self.segments.as_slice() {
            [one] => one.classification,
            _ => None,
        }
    }

    /// The counted category's name (`pick`: the top or the bottom one) when the years have one
    /// classification, else `fallback`, a name that covers all of them.
    pub(super) fn counted(
        &self,
        lang: Lang,
        pick: fn(&Classification) -> &Localized,
        fallback: (&'static str, &'static str),
    ) -> String {
        self.single().map_or_else(
            || lang.t(fallback.0, fallback.1).to_string(),
            |c| lang.pick(pick(c)).to_string(),
        )
    }

    pub(super) fn top(&self, lang: Lang) -> String {
        self.counted(lang, |c| &c.top, ("loại cao nhất", "the top rating"))
    }

    pub(super) fn bottom(&self, lang: Lang) -> String {
        self.counted(
            lang,
            |c| &c.bottom,
            (
                "yếu kém / không hoàn thành nhiệm vụ",
                "weak / not completing their tasks",
            ),
        )
    }

    /// (index of the first datum of each new classification, its name).
    pub(super) fn breaks(&self, lang: Lang) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        for (k, seg) in self.segments.iter().enumerate() {
            if k > 0 {
                let name = seg.classification.map_or("?", |c| lang.pick(&c.name));
                out.push((i, name.to_string()));
            }
            i += seg.rows.len();
        }
        out
    }

    /// A footnote per break: from which year, under what, and that the series are not joined.
    pub(super) fn notes(&self, lang: Lang) -> Vec<(Flag, String)> {
        let mut out = Vec::new();
        for pair in self.segments.windows(2) {
            let (Some(old), Some(new)) = (pair[0].classification, pair[1].classification) else {
                continue;
            };
            let year = pair[1].first_year();
            // The regulation in full where the data names it, else the scheme's short name.
            let basis = new.basis.as_ref().unwrap_or(&new.name);
            out.push((
                Flag::Break,
                lang.t(
                    format!(
                        "Từ {year}, chất lượng tổ chức đảng được xếp loại theo {}: “{}” thay cho “{}”. Đây là hai thước đo khác nhau; biểu đồ tách chúng ở mốc {year} và không nối liền.",
                        basis.vi, new.top.vi, old.top.vi
                    ),
                    format!(
                        "From {year} Party organisations are rated under {}: “{}” replaces “{}”. These are two different measures; the chart separates them at {year} and never joins them.",
                        basis.en, new.top.en, old.top.en
                    ),
                ),
            ));
        }
        out
    }

    /// Legend entries for the counted category (`pick`: the top or the bottom one): one per
    /// classification with its years, or just `single` when the years have one classification.
    pub(super) fn legend(
        &self,
        lang: Lang,
        marks: [Mark; 2],
        pick: fn(&Classification) -> &Localized,
        single: &str,
    ) -> Vec<(Mark, String)> {
        if self.segments.len() < 2 {
            return vec![(marks[0], format::capitalise(single))];
        }
        self.segments
            .iter()
            .enumerate()
            .map(|(k, seg)| {
                let name = seg.classification.map_or("?", |c| lang.pick(pick(c)));
                (
                    marks[k % 2],
                    format!(
                        "{} ({})",
                        format::capitalise(name),
                        format::years(seg.first_year(), seg.last_year())
                    ),
                )
            })
            .collect()
    }
}

/// A column of a yearly chart's table after the year. Tables are made of named columns, so a
/// chart that shows fewer of them (the rate chart) picks them by name, never by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    /// The counted category (top or bottom).
    Counted,
    Total,
    Reported,
    Recomputed,
    Check,
}

pub(super) const COUNT_COLUMNS: [Col; 5] = [
    Col::Counted,
    Col::Total,
    Col::Reported,
    Col::Recomputed,
    Col::Check,
];
pub(super) const RATE_COLUMNS: [Col; 3] = [Col::Reported, Col::Recomputed, Col::Check];

/// One year's table cells by column (the classification's name is added when the dataset has
/// more than one).
#[derive(Debug, Clone, Default)]
pub(super) struct YearCells {
    pub(super) counted: String,
    pub(super) total: String,
    pub(super) reported: String,
    pub(super) recomputed: String,
    pub(super) check: String,
    pub(super) scheme: Option<String>,
}

impl YearCells {
    /// Marks the counted, total and reported cells of a year that a publication corrected.
    pub(super) fn mark(
        &mut self,
        ds: &Dataset,
        year: u16,
        fields: [YearField; 3],
        tooltip: &mut Vec<String>,
        lang: Lang,
    ) {
        let cells = [&mut self.counted, &mut self.total, &mut self.reported];
        for (cell, field) in cells.into_iter().zip(fields) {
            let at = Place::Year(year, field.key().into());
            mark_correction(ds, &at, cell, tooltip, lang);
        }
    }

    pub(super) fn pick(&self, columns: &[Col]) -> Vec<String> {
        let mut out: Vec<String> = columns
            .iter()
            .map(|c| match c {
                Col::Counted => &self.counted,
                Col::Total => &self.total,
                Col::Reported => &self.reported,
                Col::Recomputed => &self.recomputed,
                Col::Check => &self.check,
            })
            .cloned()
            .collect();
        out.extend(self.scheme.clone());
        out
    }
}

/// The classification's name for the table, when the dataset has more than one.
pub(super) fn scheme_name(
    schemes: &Schemes<'_>,
    c: Option<&Classification>,
    lang: Lang,
) -> Option<String> {
    schemes
        .several
        .then(|| c.map_or_else(String::new, |c| lang.pick(&c.name).to_string()))
}

/// The table header of a yearly chart: the year, the named columns, and the classification when
/// the dataset has more than one.
pub(super) fn yearly_columns(
    schemes: &Schemes<'_>,
    lang: Lang,
    counted: &str,
    cols: &[Col],
) -> Vec<String> {
    let field = |f: YearField| {
        let (vi, en) = f.label();
        lang.t(vi, en).to_string()
    };
    let mut columns = vec![field(YearField::Year)];
    columns.extend(cols.iter().map(|c| match c {
        Col::Counted => format::capitalise(counted),
        Col::Total => field(YearField::Total),
        Col::Reported => field(YearField::Rate),
        Col::Recomputed => lang.t("Tỷ lệ tính lại", "Rate (recomputed)").into(),
        Col::Check => lang.t("Đối chiếu", "Check").into(),
    }));
    if schemes.several {
        columns.push(field(YearField::Classification));
    }
    columns
}
