//! Axis maths shared by the drawing routine and the tests: round maxima and tick steps.

/// Smallest "nice" axis maximum (1, 2, 2.5, 5 × 10ⁿ steps) at or above `v`.
pub fn nice_max(v: f64) -> f64 {
    if v.is_nan() || v <= 0.0 {
        return 1.0;
    }
    let step = nice_step(v / 4.0);
    (v / step).ceil() * step
}

/// A round tick step near `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    // 10^floor(log10(raw)) by steps: `powf` and `log10` would bring libm's pow into the wasm.
    let mut mag = 1.0;
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    while mag > raw {
        mag /= 10.0;
    }
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}
