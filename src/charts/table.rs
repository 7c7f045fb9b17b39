//! A chart's data table as HTML: the table every chart carries as its text alternative.

use super::{ChartVm, Flag};

/// The table body of a chart as HTML (escaped). Built as one string and set as `innerHTML`: a
/// filter change then costs one DOM operation per table instead of one per cell, and the wasm
/// carries no view type per row.
pub fn table_rows_html(vm: &ChartVm) -> String {
    use crate::text::html::escape_html as escape;
    let mut out = String::new();
    for d in &vm.data {
        out.push_str(if d.flag == Flag::Disagreement {
            "<tr class=\"disagreement\">"
        } else {
            "<tr>"
        });
        out.push_str("<th scope=\"row\">");
        out.push_str(&escape(&d.label));
        out.push_str("</th>");
        for c in &d.cells {
            out.push_str("<td>");
            out.push_str(&escape(c));
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out
}
