//! Charts: a view-model per chart ([`view_model`]), one generic drawing routine ([`draw`]), one look
//! ([`theme`]).

pub mod axis;
pub mod draw;
mod size;
pub mod svg;
pub mod table;
pub mod theme;
pub mod view_model;

pub use draw::{draw, to_inline_svg, to_preview_svg, to_svg, DrawOpts, Hits};
pub use table::table_rows_html;
pub use theme::Theme;
pub use view_model::{build, fate_line, ChartVm, Datum, Flag, Mark, Shape};

/// The error type of our two drawing backends (`svg::Svg`, `web::canvas::Canvas`). Neither can
/// fail in practice (they write text, or call a canvas context), but plotters asks for one.
#[derive(Debug)]
pub struct BackendError;

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("drawing backend error")
    }
}

impl std::error::Error for BackendError {}
