//! A publication as one file to upload (docs/deploying.md, docs/staff-guide.md): a `.zip` holding every file the
//! publication changes at its path in the site folder, and beside each text file the `.gz` and
//! `.br` copies a static host serves in its place (nginx `gzip_static`, `brotli_static`), made
//! afresh with the build's own settings (scripts/compress.mjs: gzip level 9, brotli quality 11).
//! Extracting it over the site folder is the whole update, and no compressed copy of the old
//! page can outlive it. Made in the browser by the publisher wasm (feature `pack`), which staff
//! alone load; readers' wasm holds none of it.
//!
//! The zip's entries are stored, not deflated: the files inside are already compressed where it
//! matters, and a stored entry is two headers and a CRC-32 (APPNOTE.TXT 6.3, sections 4.3–4.4),
//! twenty lines instead of a crate.

/// Which files a host serves compressed: the text files, as scripts/compress.mjs chooses them.
pub fn compressible(name: &str) -> bool {
    const TEXT: [&str; 8] = [
        ".html", ".js", ".css", ".svg", ".wasm", ".json", ".txt", ".csv",
    ];
    TEXT.iter().any(|ext| name.ends_with(ext))
}

/// CRC-32 (IEEE 802.3, reflected, as zip and gzip use it).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// `iso` (YYYY-MM-DD) as MS-DOS writes a date in a zip header (the time is written as
/// midnight); 1980-01-01, DOS's first day, for anything else.
fn dos_date(iso: &str) -> u16 {
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u16>().ok());
    match (part(0..4), part(5..7), part(8..10)) {
        (Some(y), Some(m), Some(d))
            if (1980..2108).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) =>
        {
            ((y - 1980) << 9) | (m << 5) | d
        }
        _ => (1 << 5) | 1,
    }
}

/// A zip file of `entries` (path in the archive, bytes), each stored, dated `iso` (YYYY-MM-DD).
/// Paths are written as given, flagged UTF-8.
pub fn zip(entries: &[(String, Vec<u8>)], iso: &str) -> Vec<u8> {
    let date = dos_date(iso);
    let mut out = Vec::new();
    let mut central = Vec::new();
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for (name, bytes) in entries {
        let offset = n(out.len());
        let (crc, size, name_len) = (crc32(bytes), n(bytes.len()), name.len() as u16);
        // What the local and the central header share, from "version needed" to the name's length.
        let mut common = Vec::with_capacity(26);
        common.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        common.extend_from_slice(&(1u16 << 11).to_le_bytes()); // flags: names in UTF-8
        common.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        common.extend_from_slice(&0u16.to_le_bytes()); // time: midnight
        common.extend_from_slice(&date.to_le_bytes());
        common.extend_from_slice(&crc.to_le_bytes());
        common.extend_from_slice(&size.to_le_bytes()); // compressed size
        common.extend_from_slice(&size.to_le_bytes()); // size
        common.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS attributes
        central.extend_from_slice(&common);
        // extra, comment, disk, internal and external attributes: none
        central.extend_from_slice(&[0u8; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (start, count) = (n(out.len()), entries.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]); // this disk, the central directory's disk
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&n(central.len()).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

/// `bytes` as a gzip file (RFC 1952): deflated at the highest level, no name, no time.
#[cfg(feature = "pack")]
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]; // deflate; "max compression"; OS unknown
    out.extend(miniz_oxide::deflate::compress_to_vec(bytes, 10));
    out.extend_from_slice(&crc32(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

/// `bytes` compressed with brotli at quality 11, the build's setting.
#[cfg(feature = "pack")]
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut input = bytes;
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}

/// The archive of a publication: each of `files` (its path in the site folder, its bytes) and,
/// for each text file, its fresh `.gz` and `.br` copies; dated `iso`.
#[cfg(feature = "pack")]
pub fn publication(files: Vec<(String, Vec<u8>)>, iso: &str) -> Vec<u8> {
    let mut entries = Vec::new();
    for (name, bytes) in files {
        if compressible(&name) {
            entries.push((format!("{name}.gz"), gzip(&bytes)));
            entries.push((format!("{name}.br"), brotli(&bytes)));
        }
        entries.push((name, bytes));
    }
    zip(&entries, iso)
}

/// The archive's file name: the page's name (the data's slug) and the publication's date.
pub fn file_name(slug: &str, iso: &str) -> String {
    format!("{slug}_xuat-ban_{iso}.zip")
}
