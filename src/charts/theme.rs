//! The shared look of every chart: palette (light and dark), fonts, sizes. Sizes are in CSS pixels
//! and multiplied by `scale` (the device pixel ratio on canvas, 2 for PNG export), so the same
//! drawing code is crisp on every screen.

use plotters::style::RGBColor;

/// Font stack with Vietnamese diacritics on every common platform.
pub const FONT: &str = "system-ui, Roboto, Noto Sans, Arial, Helvetica, sans-serif";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub scale: f64,
    pub dark: bool,
    /// Extra factor for font sizes: plotters' SVG backend writes `size / 1.24`, the canvas
    /// backend `size`; [`Theme::for_svg`] compensates so both exports look alike.
    pub text_scale: f64,
}

/// Colours chosen for ≥ 3:1 contrast against their background (checked in tests), and never the
/// only cue: totals are outlined, counts solid, disagreements get a marker and a "!" label.
pub struct Palette {
    pub bg: RGBColor,
    pub fg: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub primary: RGBColor,
    pub secondary: RGBColor,
    pub accent: RGBColor,
    /// The second classification's marks (after a break), next to `primary`'s first.
    pub alt: RGBColor,
    pub highlight: RGBColor,
}

const LIGHT: Palette = Palette {
    bg: RGBColor(255, 255, 255),
    fg: RGBColor(26, 26, 26),
    muted: RGBColor(95, 99, 104),
    grid: RGBColor(226, 228, 231),
    primary: RGBColor(29, 84, 156),
    secondary: RGBColor(118, 124, 132),
    accent: RGBColor(179, 38, 30),
    alt: RGBColor(0, 112, 88),
    highlight: RGBColor(232, 238, 247),
};

const DARK: Palette = Palette {
    bg: RGBColor(22, 24, 28),
    fg: RGBColor(236, 238, 241),
    muted: RGBColor(170, 176, 184),
    grid: RGBColor(52, 56, 62),
    primary: RGBColor(110, 168, 255),
    secondary: RGBColor(150, 156, 164),
    accent: RGBColor(255, 138, 128),
    alt: RGBColor(80, 200, 160),
    highlight: RGBColor(40, 48, 62),
};

impl Theme {
    pub fn new(scale: f64, dark: bool) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.min(4.0)
        } else {
            1.0
        };
        Theme {
            scale,
            dark,
            text_scale: 1.0,
        }
    }

    pub fn for_svg(dark: bool) -> Self {
        Self::for_svg_at(1.0, dark)
    }

    /// An SVG drawn `scale` times its CSS size (the link-preview picture).
    pub fn for_svg_at(scale: f64, dark: bool) -> Self {
        Theme {
            text_scale: 1.24,
            ..Theme::new(scale, dark)
        }
    }

    pub fn palette(&self) -> &'static Palette {
        if self.dark {
            &DARK
        } else {
            &LIGHT
        }
    }

    /// CSS pixels to backend pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    pub fn font_size(&self, css: f64) -> f64 {
        css * self.scale * self.text_scale
    }
}

/// WCAG relative luminance contrast ratio of two colours.
#[expect(
    clippy::disallowed_methods,
    reason = "the tests' contrast check (tests/charts.rs); the reader never calls it, so pow stays out of its wasm"
)]
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn lum(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}
