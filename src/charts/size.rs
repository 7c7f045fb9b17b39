//! How tall a chart is at a given width: one formula for the stylesheet's rows, the canvas, the
//! exported pictures and the pre-rendered SVG.

use super::draw::{wrap, SOURCE_LINE};
use super::theme::Theme;
use super::view_model::{ChartVm, Shape};

impl ChartVm {
    /// What sizes the chart's box in the page: the stylesheet lays out one empty row per bar
    /// (`bars`, 50 px each) or per legend entry (`legend`: one a row under 420 px, two above, on
    /// top of the plot's own height), and the canvas fills the box. So the pre-rendered page
    /// reserves exactly the space the chart takes, for any number of bars or entries, without a
    /// style attribute (the CSP forbids them) and with the formula of [`Self::css_height`].
    pub fn size_rows(&self) -> (&'static str, usize) {
        match self.shape {
            Shape::HBars => ("bars", self.data.len()),
            // Its legend takes the place of one more row.
            Shape::Lineage => ("bars", self.data.len() + 1),
            _ => ("legend", self.legend.len()),
        }
    }

    /// Height in CSS pixels of an exported picture (PNG, SVG) at a given width: the chart, and
    /// above and below it the title, subtitle and the citation's wrapped lines.
    pub fn export_height(&self, width: f64) -> f64 {
        let lines = wrap(
            &Theme::new(1.0, false),
            10.0,
            &self.source,
            (width - 16.0) as i32,
        );
        self.css_height(width) + 66.0 + SOURCE_LINE * lines.len() as f64
    }

    /// Height in CSS pixels that suits this chart at a given width (what the stylesheet's
    /// height classes compute in the page; used here for exports and the pre-rendered SVG).
    pub fn css_height(&self, width: f64) -> f64 {
        // Legend rows: one entry a row on a phone, two on a wider screen (a break adds one
        // entry per classification, with its years).
        let n = self.legend.len() as f64;
        let legend = if width < 420.0 {
            n * 20.0
        } else {
            (n / 2.0).ceil() * 22.0
        };
        match self.shape {
            Shape::HBars => 16.0 + 50.0 * self.data.len() as f64,
            Shape::Lineage => 16.0 + 50.0 * (self.data.len() + 1) as f64,
            _ => legend + (width * 0.55).clamp(220.0, 320.0),
        }
    }
}
