//! `steppe-atlas render` as scripts use it, and the promise that an export has the screen's pixels.

use std::path::Path;
use std::process::{Command, Output};

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steppe-atlas"))
        .arg("render")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run steppe-atlas: {e}"))
}

fn succeeded(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "render failed: {stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn png_size(path: &Path) -> (u32, u32) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().unwrap_or_else(|e| panic!("{e}"));
    (reader.info().width, reader.info().height)
}

fn gif_frames(path: &Path) -> usize {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{e}"));
    let mut frames = 0;
    while decoder.read_next_frame().unwrap_or_else(|e| panic!("{e}")).is_some() {
        frames += 1;
    }
    frames
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_still_has_the_asked_size_and_the_same_bytes_twice() {
    let dir = temp();
    let (first, second) = (dir.path().join("a.png"), dir.path().join("b.png"));
    for out in [&first, &second] {
        let out = out.to_string_lossy();
        let stdout = succeeded(&render(&["--date", "1918-07-01", "--size", "640x360", "--lang", "kk", "--out", &out]));
        assert!(stdout.contains("wrote"), "{stdout}");
    }
    assert_eq!(png_size(&first), (640, 360));
    let bytes = |path: &Path| std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes(&first) == bytes(&second), "the same command gave different bytes");
}

#[test]
fn an_animation_has_one_frame_per_step_and_the_frames_folder_every_frame() {
    let dir = temp();
    let gif = dir.path().join("anim.gif");
    let frames = dir.path().join("frames");
    let output = render(&[
        "--from",
        "1918-05-25",
        "--to",
        "1918-06-05",
        "--step",
        "1d",
        "--size",
        "320x180",
        "--out",
        &gif.to_string_lossy(),
        "--frames",
        &frames.to_string_lossy(),
    ]);
    let stdout = succeeded(&output);
    assert!(stdout.contains("wrote 12 files"), "{stdout}");
    // Every day shows its own date, so no two frames are alike and none is merged away.
    assert_eq!(gif_frames(&gif), 12);
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|entry| entry.ok().map(|entry| entry.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(names.first().map(String::as_str), Some("frame-00001.png"));
    assert_eq!(names.last().map(String::as_str), Some("frame-00012.png"));
    assert!(!dir.path().join("anim.gif.partial").exists());
}

#[test]
fn a_poster_is_a_grid_under_a_header() {
    let dir = temp();
    let out = dir.path().join("poster.png");
    let args = ["--poster", "--from", "1917-03-01", "--to", "1920-12-01", "--step", "3m", "--columns", "4"];
    let out_text = out.to_string_lossy();
    succeeded(&render(&[&args[..], &["--size", "320x240", "--out", &out_text]].concat()));
    let (width, height) = png_size(&out);
    assert_eq!(width, 4 * 320);
    // 16 quarters in 4 rows of 240 pixels, and a header above them.
    assert!(height > 4 * 240 && height < 4 * 240 + 240, "height {height}");
}

/// A short tour in the built-in format: two steps of two seconds, the second animated.
const SHORT_TOUR: &str = r#"
id = "short"
title = { kk = "Қысқа", ru = "Короткий", en = "Short" }

[[step]]
date = "1918-05-20"
fit = ["akmolinsk_oblast"]
highlight = ["omsk"]
caption = { kk = "Омбы", ru = "Омск", en = "Omsk" }
duration = 2

[[step]]
date = "1918-05-25"
until = "1918-06-10"
fit = ["semipalatinsk_oblast", "akmolinsk_oblast"]
caption = { kk = "Ақтар", ru = "Белые", en = "The Whites" }
duration = 2
"#;

#[test]
fn a_tour_renders_with_its_subtitles() {
    let dir = temp();
    let tour = dir.path().join("short.toml");
    std::fs::write(&tour, SHORT_TOUR).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("tour.gif");
    let args =
        ["--tour", &tour.to_string_lossy(), "--size", "256x144", "--lang", "en", "--out", &out.to_string_lossy()];
    succeeded(&render(&args));
    let srt = std::fs::read_to_string(dir.path().join("tour.srt")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(srt, "1\n00:00:00,000 --> 00:00:02,000\nOmsk\n\n2\n00:00:02,000 --> 00:00:04,000\nThe Whites\n\n");
    // The first step holds still (one frame); the second moves camera and dates.
    let frames = gif_frames(&out);
    assert!((5..=21).contains(&frames), "{frames} frames");
}

#[test]
fn every_built_in_tour_is_valid_for_render() {
    let output =
        Command::new(env!("CARGO_BIN_EXE_steppe-atlas")).arg("check").output().unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains(", 3 tours"), "{stdout}");
}

#[test]
fn a_view_of_one_oblast_and_its_highlight_are_accepted() {
    let dir = temp();
    let out = dir.path().join("semirechye.png");
    let args = ["--date", "1920-03-01", "--view", "semirechye_oblast", "--highlight", "Verny", "--size", "480x320"];
    succeeded(&render(&[&args[..], &["--out", &out.to_string_lossy()]].concat()));
    assert_eq!(png_size(&out), (480, 320));
}

#[test]
fn bad_arguments_are_named_and_nothing_is_written() {
    let dir = temp();
    let out = dir.path().join("x.png");
    let out_text = out.to_string_lossy();
    for (args, expected) in [
        (vec!["--date", "1930-01-01"], "the atlas covers"),
        (vec!["--date", "1918-13-01"], "--date 1918-13-01"),
        (vec!["--date", "1918-07-01", "--size", "huge"], "--size huge"),
        (vec!["--date", "1918-07-01", "--view", "Atlantis"], "`Atlantis`"),
        (vec!["--date", "1918-07-01", "--layers", "rivers,volcanoes"], "unknown layer `volcanoes`"),
        (vec!["--from", "1919-01-01", "--to", "1918-01-01"], "before"),
    ] {
        let output = render(&[&args[..], &["--out", &out_text]].concat());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
}

/// The map keeps each layer's tessellation between frames (crates/map/src/cache.rs). A renderer
/// reuses its egui context, so its second page of a date replays the cache: it must paint the
/// very same pixels as a fresh renderer, and a page of another date in between must not leak.
#[test]
fn a_page_replayed_from_the_layer_cache_is_the_same_as_a_fresh_one() {
    use steppe_atlas::data::{Dataset, load};
    use steppe_atlas::geometry::MapGeometry;
    use steppe_atlas::model::Date;
    use steppe_atlas::render::{RenderRequest, Renderer};

    let atlas = load(&Dataset::embedded()).atlas;
    let geometry = MapGeometry::new(&atlas);
    let day = |text| Date::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let summer_1918 = RenderRequest::new(day("1918-07-01"), [640, 360]);
    let winter_1920 = RenderRequest::new(day("1920-02-01"), [640, 360]);
    let mut renderer = Renderer::new();
    let first = renderer.render(&atlas, &geometry, &summer_1918);
    let other = renderer.render(&atlas, &geometry, &winter_1920);
    let replayed = renderer.render(&atlas, &geometry, &summer_1918);
    let fresh = Renderer::new().render(&atlas, &geometry, &summer_1918);
    assert!(first.pixels == replayed.pixels, "the replayed page differs from the first");
    assert!(fresh.pixels == replayed.pixels, "the replayed page differs from a fresh renderer's");
    let differing = first.pixels.iter().zip(&other.pixels).filter(|(a, b)| a != b).count();
    assert!(differing > 1000, "1918 and 1920 look alike ({differing} pixels differ)");
}
