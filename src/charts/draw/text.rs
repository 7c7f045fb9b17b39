//! Text on a chart: styles, widths without font metrics, shortening and wrapping.

use super::*;

/// A drawing error in words (Display: the wasm builds print no `Debug`, see scripts/build.sh).
pub(super) fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Text in the chart's font, at a size in CSS pixels, anchored at (h, v); `bold` or not.
pub(super) fn style(
    theme: &Theme,
    (size, bold): (f64, bool),
    color: RGBColor,
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle {
        font: FontDesc::new(FontFamily::Name(FONT), theme.font_size(size), weight),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Rough text width (no font metrics on every backend); errs wide, so labels never overlap.
pub(super) fn text_width(theme: &Theme, size: f64, text: &str) -> i32 {
    (text.chars().count() as f64 * size * 0.56 * theme.scale).ceil() as i32
}

/// `text` shortened with "…" to fit `width`.
pub(super) fn fit(theme: &Theme, size: f64, text: &str, width: i32) -> String {
    if text_width(theme, size, text) <= width {
        return text.to_string();
    }
    let per = (size * 0.56 * theme.scale).max(1.0);
    let keep = ((f64::from(width) / per) as usize).saturating_sub(1);
    let mut s: String = text.chars().take(keep).collect();
    s.push('…');
    s
}

/// `text` in lines that fit `width`, broken between words: a citation keeps its date. (A single
/// word longer than a line, which no citation has, is shortened with "…".)
pub(crate) fn wrap(theme: &Theme, size: f64, text: &str, width: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(theme, size, &candidate) <= width {
            line = candidate;
        } else {
            lines.push(fit(theme, size, &line, width));
            line = word.to_string();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(fit(theme, size, &line, width));
    }
    lines
}

/// Line height of the citation under an exported chart, in CSS pixels.
pub(crate) const SOURCE_LINE: f64 = 14.0;
