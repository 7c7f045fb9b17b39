//! Text the app writes, with no knowledge of the data: number formats (CLDR vi and en), the two
//! languages, HTML escaping and the small JSON writer. Everything else may use it; it uses nothing
//! of the app.

pub mod format;
pub mod html;
pub mod json_writer;
pub mod lang;
