//! The yearly charts' tables: named columns (a chart that shows fewer picks them by name), each
//! year's cells by column, and the header with the classification when there are several.

use super::yearly::Schemes;
use super::*;

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
