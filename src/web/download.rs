//! Downloads and clipboard, the browser half (the buttons are `components::actions`): everything happens in the browser (there is no server). Files are Blobs
//! handed to a temporary `<a download>`; PNG is the chart re-drawn at 2× with its caption on an
//! off-screen canvas, SVG the same drawing through plotters' SVG backend. The clipboard gets the
//! table as TSV and as an HTML table with its citation, the picture as PNG, or the citation.

use crate::charts::{draw, ChartVm, DrawOpts, Theme};
use crate::text::lang::Lang;
use leptos::prelude::{document, set_timeout, window};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn save_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_class_name("sr-only");
    document().body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: some browsers read the URL after click() returns.
    let u = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Saves text as a file.
pub fn save_text(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    save_blob(&blob, name)
}

/// The chart drawn at 2× with title, subtitle and source on an off-screen canvas: the picture
/// the PNG download saves and "copy picture" puts on the clipboard.
pub fn picture(vm: &ChartVm, lang: Lang) -> Result<web_sys::HtmlCanvasElement, JsValue> {
    let css_w = 720.0;
    let css_h = vm.export_height(css_w);
    picture_at(vm, lang, ((css_w * 2.0) as u32, (css_h * 2.0) as u32))
}

/// The chart with its caption on an off-screen canvas of `size` pixels, laid out at half that
/// size and drawn at 2×: the PNG download, and the editor's link-preview picture (1200 × 630,
/// the same picture the build rasterises from SVG).
pub fn picture_at(
    vm: &ChartVm,
    lang: Lang,
    (w, h): (u32, u32),
) -> Result<web_sys::HtmlCanvasElement, JsValue> {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let backend = super::canvas::Canvas::new(&canvas).ok_or("no 2d context")?;
    draw(
        &backend.into_drawing_area(),
        vm,
        &Theme::new(2.0, false),
        lang,
        DrawOpts {
            highlight: None,
            caption: true,
        },
    )
    .map_err(|e| JsValue::from_str(&e))?;
    Ok(canvas)
}

/// Saves bytes as a file (the editor's publication archive).
pub fn save_bytes(bytes: &[u8], name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    save_blob(&blob, name)
}

/// A canvas's PNG, as a promise of its Blob (rejected when the browser cannot encode it).
fn png_blob(canvas: &web_sys::HtmlCanvasElement) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let fail = reject.clone();
        let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let _ = match blob {
                Some(b) => resolve.call1(&JsValue::NULL, &b),
                None => fail.call0(&JsValue::NULL),
            };
        });
        if canvas.to_blob(cb.unchecked_ref()).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    })
}

/// A canvas as PNG bytes (the editor's publication archive holds the link-preview picture).
pub async fn canvas_png(canvas: web_sys::HtmlCanvasElement) -> Result<Vec<u8>, JsValue> {
    let blob: web_sys::Blob = wasm_bindgen_futures::JsFuture::from(png_blob(&canvas))
        .await?
        .unchecked_into();
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Draws the chart at 2× with title, subtitle and source, and saves it as PNG.
pub fn save_png(vm: &ChartVm, lang: Lang, name: &str) -> Result<(), JsValue> {
    save_canvas(picture(vm, lang)?, name)
}

/// Saves a canvas as a PNG file.
pub fn save_canvas(canvas: web_sys::HtmlCanvasElement, name: &str) -> Result<(), JsValue> {
    let name = name.to_string();
    let cb = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(b) = blob {
            let _ = save_blob(&b, &name);
        }
    });
    canvas.to_blob(cb.unchecked_ref())
}

/// The asynchronous clipboard, where the browser has one (only secure contexts do).
fn clipboard() -> Option<web_sys::Clipboard> {
    let c = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")).ok()?;
    (!c.is_undefined() && !c.is_null()).then(|| c.unchecked_into())
}

/// Reports whether a clipboard write worked (the browser may refuse: no permission, page not
/// focused, no clipboard): a refusal is a message to the user, never an unhandled rejection.
fn report_write(promise: js_sys::Promise, done: impl FnOnce(bool) + 'static) {
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Writes text to the clipboard.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    match clipboard() {
        Some(c) => report_write(c.write_text(text), done),
        None => done(false),
    }
}

/// Writes one clipboard item in several forms at once (`text/plain` and `text/html`, or
/// `image/png`), each a Blob or a promise of one: the program pasted into takes the richest form
/// it reads.
pub fn copy_item(parts: &[(&str, JsValue)], done: impl FnOnce(bool) + 'static) {
    let Some(c) = clipboard() else {
        return done(false);
    };
    let record = js_sys::Object::new();
    for (mime, v) in parts {
        let _ = js_sys::Reflect::set(&record, &JsValue::from_str(mime), v);
    }
    // The constructor throws where ClipboardItem does not exist (older browsers): caught.
    match web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record) {
        Ok(item) => report_write(c.write(&js_sys::Array::of1(&item)), done),
        Err(_) => done(false),
    }
}

pub fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &opts)
}

/// Whether the browser says it can put `mime` on the clipboard (`ClipboardItem.supports`; a
/// browser without the question is asked by trying).
fn clipboard_supports(mime: &str) -> bool {
    let Ok(class) = js_sys::Reflect::get(&window(), &JsValue::from_str("ClipboardItem")) else {
        return false;
    };
    if class.is_undefined() {
        return false;
    }
    match js_sys::Reflect::get(&class, &JsValue::from_str("supports"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        Some(f) => f
            .call1(&class, &JsValue::from_str(mime))
            .is_ok_and(|v| v.is_truthy()),
        None => true,
    }
}

/// Puts the chart's picture (the PNG download's) on the clipboard. The clipboard is given the
/// promise of the PNG at once, so the browser still counts the click as the reason to write.
pub fn copy_picture(vm: &ChartVm, lang: Lang, done: impl FnOnce(bool) + 'static) {
    if !clipboard_supports("image/png") {
        return done(false);
    }
    let Ok(canvas) = picture(vm, lang) else {
        return done(false);
    };
    let png = png_blob(&canvas);
    copy_item(&[("image/png", png.into())], done);
}
