//! The publication's archive, opened by other programs than ours: Python's zipfile checks its
//! CRCs and extracts it, Python's gzip and Node's zlib decompress the copies inside, and each
//! gives back the bytes that went in. (The archive made in the editor, extracted over a site
//! that a real nginx serves, is tests/e2e/publication.test.mjs.)
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use tccs_dashboard::archive;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tccs-archive-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("the program runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn crc32_is_the_standard_one() {
    // The check value of CRC-32/ISO-HDLC (zip's and gzip's).
    assert_eq!(archive::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(archive::crc32(b""), 0);
}

#[test]
fn the_archive_opens_elsewhere_and_gives_back_every_file_and_its_copies() {
    let page = "<!DOCTYPE html><html lang=\"vi\"><title>Tổ chức cơ sở đảng</title>".repeat(200);
    let files = vec![
        ("index.html".to_string(), page.clone().into_bytes()),
        ("dataset.json".to_string(), b"{\"a\": [1, 2, 3]}".to_vec()),
        (
            "preview.png".to_string(),
            vec![0x89, b'P', b'N', b'G', 0, 255, 7],
        ),
    ];
    let zip = archive::publication(files.clone(), "2026-12-07");
    let dir = temp("open");
    let path = dir.join(archive::file_name("to-chuc-co-so-dang", "2026-12-07"));
    assert!(path.ends_with("to-chuc-co-so-dang_xuat-ban_2026-12-07.zip"));
    std::fs::write(&path, &zip).unwrap();
    // Every entry's CRC checks out, and the list is the files with the text files' copies.
    let out = dir.join("out");
    let listed = run(Command::new("python3").args(["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint('\\n'.join(f'{i.filename} {i.date_time[0]}-{i.date_time[1]}-{i.date_time[2]}' for i in z.infolist()))\nz.extractall(sys.argv[2])"]).arg(&path).arg(&out));
    let mut names: Vec<&str> = listed.lines().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "dataset.json 2026-12-7",
            "dataset.json.br 2026-12-7",
            "dataset.json.gz 2026-12-7",
            "index.html 2026-12-7",
            "index.html.br 2026-12-7",
            "index.html.gz 2026-12-7",
            "preview.png 2026-12-7",
        ]
    );
    for (name, bytes) in &files {
        assert_eq!(&std::fs::read(out.join(name)).unwrap(), bytes, "{name}");
        if !archive::compressible(name) {
            continue;
        }
        let gz = out.join(format!("{name}.gz"));
        let gunzipped = Command::new("python3")
            .args([
                "-c",
                "import gzip, sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())",
            ])
            .arg(&gz)
            .output()
            .unwrap();
        assert_eq!(&gunzipped.stdout, bytes, "{name}.gz");
        let br = out.join(format!("{name}.br"));
        let unbrotli = Command::new("node")
            .args(["-e", "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(process.argv[1])))"])
            .arg(&br)
            .output()
            .unwrap();
        assert_eq!(&unbrotli.stdout, bytes, "{name}.br");
    }
    // Compressed as the build compresses: the page's copies are far smaller than the page.
    let html = page.len() as f64;
    assert!((std::fs::read(out.join("index.html.br")).unwrap().len() as f64) < html / 10.0);
    assert!((std::fs::read(out.join("index.html.gz")).unwrap().len() as f64) < html / 10.0);
    std::fs::remove_dir_all(&dir).unwrap();
}
