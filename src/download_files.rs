//! The files only a download needs, made for a view written as its URL query (`chart=` names
//! the chart; none: the whole dataset): the JSON with provenance and audit, and the chart as SVG
//! with its caption. Pure: the reader's on-demand `details` wasm makes them (out of the first
//! load), the editor's preview calls them directly.

use crate::charts::view_model::{build_in, Measure};
use crate::charts::{to_svg, ChartVm};
use crate::data::Dataset;
use crate::export;
use crate::state::parse_query;

/// The file `kind` (`chart_json`, `chart_svg`) for the view `query`, or why not.
pub fn made(ds: &Dataset, kind: &str, query: &str) -> Result<String, String> {
    let (view, _) = parse_query(query, ds.bounds());
    match kind {
        "chart_json" => Ok(export::json(ds, view.chart, view.range)),
        "chart_svg" => {
            let id = view.chart.ok_or("chart_svg needs chart=")?;
            let measure = if view.members {
                Measure::Members
            } else {
                Measure::Organisations
            };
            let vm: ChartVm = build_in(ds, id, view.range, view.lang, measure);
            to_svg(&vm, view.lang, 720, vm.export_height(720.0) as u32, false)
        }
        _ => Err(format!("no file {kind}")),
    }
}
