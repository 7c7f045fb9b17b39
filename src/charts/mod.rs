//! Charts: a view-model per chart ([`view_model`]), one generic drawing routine ([`draw`]), one look
//! ([`theme`]).

pub mod draw;
pub mod svg;
pub mod theme;
pub mod view_model;

pub use draw::{draw, to_inline_svg, to_svg, DrawOpts, Hits};
pub use theme::Theme;
pub use view_model::{build, table_rows_html, ChartVm, Datum, Flag, Shape};
