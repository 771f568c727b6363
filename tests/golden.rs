//! What the map should look like, fixed in golden images: `steppe-atlas render`'s CPU rasteriser
//! must give these very pixels. The renderer gives the same bytes on every machine (no GPU, no
//! system fonts), so the comparison is exact: any changed pixel is a changed map.
//!
//! After a change that is meant to alter the map, look at the images written beside the goldens
//! (`NAME.new.png`, and `NAME.diff.png` with the changed pixels in red), then accept them with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and commit the new goldens with the change.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One golden image: its name and the `render` arguments that make it.
struct Golden {
    name: &'static str,
    args: &'static [&'static str],
}

const GOLDENS: [Golden; 4] = [
    // Before the calendar reform: the Old Style date beside the date, the Provisional
    // Government's months, English.
    Golden { name: "1917-06-01-en", args: &["--date", "1917-06-01", "--lang", "en", "--size", "640x400"] },
    // The Kolchak summer, in Kazakh, on a zoomed view with a highlighted town and the
    // present-day borders over the uezds.
    Golden {
        name: "1919-08-15-semirechye-kk",
        args: &[
            "--date",
            "1919-08-15",
            "--lang",
            "kk",
            "--view",
            "semirechye_oblast",
            "--highlight",
            "verny",
            "--layers",
            "relief,neighbours,rivers,uezd_borders,city_labels,modern_borders",
            "--size",
            "640x400",
        ],
    },
    // The end of the war, in Russian with Latin Kazakh names on the map.
    Golden {
        name: "1920-09-01-ru-latin-names",
        args: &["--date", "1920-09-01", "--lang", "ru", "--map-lang", "kk-latn", "--size", "560x400"],
    },
    // A poster: six maps of 1918 in three columns under a header.
    Golden {
        name: "poster-1918-en",
        args: &[
            "--poster",
            "--from",
            "1918-01-01",
            "--to",
            "1918-11-01",
            "--step",
            "2m",
            "--columns",
            "3",
            "--lang",
            "en",
            "--size",
            "300x200",
        ],
    },
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// The image's pixels as RGBA bytes, with its size.
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8() | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buffer).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    buffer.truncate(info.buffer_size());
    assert_eq!(info.color_type, png::ColorType::Rgba, "{}", path.display());
    (info.width, info.height, buffer)
}

fn write_png(path: &Path, width: u32, height: u32, rgba: &[u8]) {
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap_or_else(|e| panic!("{e}"));
    writer.write_image_data(rgba).unwrap_or_else(|e| panic!("{e}"));
}

/// Renders `golden` and compares it with its file; the differing pixels' count, or `None` when
/// it is the same image.
fn compare(golden: &Golden, scratch: &Path) -> Option<String> {
    let rendered = scratch.join(format!("{}.png", golden.name));
    let output = Command::new(env!("CARGO_BIN_EXE_steppe-atlas"))
        .arg("render")
        .args(golden.args)
        .arg("--out")
        .arg(&rendered)
        .output()
        .unwrap_or_else(|e| panic!("cannot run steppe-atlas: {e}"));
    assert!(output.status.success(), "{}: {}", golden.name, String::from_utf8_lossy(&output.stderr));

    let expected_path = golden_dir().join(format!("{}.png", golden.name));
    let new_path = golden_dir().join(format!("{}.new.png", golden.name));
    let diff_path = golden_dir().join(format!("{}.diff.png", golden.name));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::copy(&rendered, &expected_path).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let _ = std::fs::remove_file(&new_path);
        let _ = std::fs::remove_file(&diff_path);
        return None;
    }
    if !expected_path.exists() {
        let _ = std::fs::copy(&rendered, &new_path);
        return Some(format!(
            "{}: no golden image; look at {} and accept it with UPDATE_GOLDEN=1",
            golden.name,
            new_path.display()
        ));
    }
    let (width, height, actual) = decode(&rendered);
    let (expected_width, expected_height, expected) = decode(&expected_path);
    if (width, height) != (expected_width, expected_height) {
        let _ = std::fs::copy(&rendered, &new_path);
        return Some(format!(
            "{}: {width}×{height} pixels, the golden image is {expected_width}×{expected_height}",
            golden.name
        ));
    }
    let mut diff = Vec::with_capacity(actual.len());
    let mut differing = 0usize;
    let mut largest = 0u8;
    for (a, e) in actual.chunks_exact(4).zip(expected.chunks_exact(4)) {
        let difference = (0..4).map(|i| a[i].abs_diff(e[i])).max().unwrap_or(0);
        largest = largest.max(difference);
        if difference > 0 {
            differing += 1;
            diff.extend_from_slice(&[255, 0, 0, 255]);
        } else {
            // The unchanged map, faded, so the red stands out where it changed.
            diff.extend(a[..3].iter().map(|&c| 192 + c / 4));
            diff.push(255);
        }
    }
    if differing == 0 {
        let _ = std::fs::remove_file(&new_path);
        let _ = std::fs::remove_file(&diff_path);
        return None;
    }
    let _ = std::fs::copy(&rendered, &new_path);
    write_png(&diff_path, width, height, &diff);
    Some(format!(
        "{}: {differing} of {} pixels differ (by up to {largest} in a channel); see {} and {}",
        golden.name,
        width * height,
        new_path.display(),
        diff_path.display()
    ))
}

#[test]
fn the_renderer_draws_the_golden_images_pixel_for_pixel() {
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let failures: Vec<String> = GOLDENS.iter().filter_map(|golden| compare(golden, scratch.path())).collect();
    assert!(failures.is_empty(), "the map changed:\n{}", failures.join("\n"));
}
