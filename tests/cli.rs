//! The command line as scripts and museum staff use it: `check`, `query`, and what every command
//! does with arguments it cannot carry out (exit 2, naming the argument).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steppe-atlas"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("cannot run steppe-atlas: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn maps_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("maps")
}

/// A copy of the shipped data in a temporary folder, to break on purpose.
fn copy_of_maps() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in steppe_atlas::data::FILE_NAMES {
        std::fs::copy(maps_dir().join(name), dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir
}

fn append(dir: &Path, name: &str, text: &str) -> usize {
    let path = dir.join(name);
    let mut content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    if !content.ends_with('\n') {
        content.push('\n');
    }
    let first_new_line = content.lines().count() + 1;
    content.push_str(text);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
    first_new_line
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

#[test]
fn shipped_data_is_clean() {
    let output = atlas(&["check"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("ok: "), "{}", stdout(&output));
}

#[test]
fn check_reports_a_reversed_period_with_file_and_line() {
    let dir = copy_of_maps();
    let line = append(
        dir.path(),
        "control.toml",
        "\n[[period]]\nplace = \"kustanai\"\nstart = \"1918-07-03\"\nend = \"1918-06-01\"\nforces = [{ force = \"red_army\", role = \"military\" }]\nconfidence = \"low\"\nsources = [\"seed\"]\n",
    );
    let output = atlas(&["check", "--data", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let expected = format!(
        "control.toml:{}: Dates that do not fit: period for `kustanai` ends 1918-06-01 before it starts 1918-07-03",
        line + 4
    );
    assert!(text.contains(&expected), "expected {expected:?} in:\n{text}");
}

#[test]
fn check_reports_overlapping_periods() {
    let dir = copy_of_maps();
    let period = "\n[[period]]\nplace = \"zhympity\"\nstart = \"1919-03-01\"\nend = \"1919-03-31\"\nforces = [{ force = \"red_army\", role = \"military\" }]\nconfidence = \"low\"\nsources = [\"seed\"]\n";
    append(dir.path(), "control.toml", period);
    let second = append(
        dir.path(),
        "control.toml",
        &period.replace("1919-03-01", "1919-03-15").replace("1919-03-31", "1919-04-10"),
    );
    let output = atlas(&["check", "--data", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.lines().any(|l| l.contains(&format!("control.toml:{}:", second + 1)) && l.contains("overlaps")),
        "{text}"
    );
}

#[test]
fn check_names_the_field_of_an_unknown_reference() {
    let dir = copy_of_maps();
    let line = append(
        dir.path(),
        "control.toml",
        "\n[[period]]\nplace = \"omsk\"\nstart = \"1920-06-01\"\nforces = [{ force = \"martians\", role = \"military\" }]\nconfidence = \"high\"\nsources = [\"seed\"]\n",
    );
    let text = stdout(&atlas(&["check", "--data", &dir.path().display().to_string()]));
    let expected = format!("control.toml:{}: Reference to something undefined: `forces`", line + 4);
    assert!(text.contains(&expected) && text.contains("`martians`"), "{text}");
}

#[test]
fn check_reports_broken_toml_and_json_with_lines() {
    let dir = copy_of_maps();
    std::fs::write(dir.path().join("events.toml"), "[[event]]\nid = \"x\"\ndate = \n")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("water.geojson"), "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let output = atlas(&["check", "--data", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("events.toml:3: File not read: not valid TOML"), "{text}");
    assert!(text.contains("water.geojson:4: File not read: not valid JSON"), "{text}");
}

#[test]
fn check_reports_a_missing_folder_without_panicking() {
    let output = atlas(&["check", "--data", "/no/such/folder"]);
    assert_eq!(output.status.code(), Some(1));
    let expected = "/no/such/folder/places.toml: File not read: cannot read the file";
    assert!(stdout(&output).contains(expected), "{}", stdout(&output));
}

#[test]
fn query_json_has_the_contract_shape() {
    let output = atlas(&["query", "--date", "1917-11-07", "--json"]);
    assert!(output.status.success());
    let report = json(&output);
    assert_eq!(report["date"], "1917-11-07");
    assert_eq!(report["date_old_style"], "1917-10-25");
    let places = report["places"].as_array().unwrap_or_else(|| panic!("no places"));
    assert!(places.len() >= 8 + 35, "{} places", places.len());
    for place in places {
        assert!(["oblast", "uezd", "city", "settlement", "zone"].contains(&place["kind"].as_str().unwrap_or_default()));
        for language in ["kk", "ru", "en"] {
            assert!(place["names"][language].is_string(), "{place}");
        }
        assert!(place["parents"].is_array());
        for control in place["control"].as_array().unwrap_or_else(|| panic!("no control")) {
            let side = control["side"].as_str().unwrap_or_default();
            assert!(["soviet", "white", "alash", "partisan", "provisional", "kokand"].contains(&side), "{control}");
            assert!(["military", "civil", "nominal"].contains(&control["role"].as_str().unwrap_or_default()));
            assert!(["high", "medium", "low"].contains(&control["confidence"].as_str().unwrap_or_default()));
            assert!(!control["sources"].as_array().is_none_or(Vec::is_empty), "{control}");
            assert!(control["force"].is_string());
        }
    }
    // After the calendar reform there is no Old Style date.
    assert!(json(&atlas(&["query", "--date", "1919-07-10", "--json"]))["date_old_style"].is_null());
}

fn sides_of(report: &serde_json::Value, place_id: &str) -> Vec<String> {
    let places = report["places"].as_array().cloned().unwrap_or_default();
    let place = places.iter().find(|p| p["id"] == place_id).unwrap_or_else(|| panic!("{place_id} not in {report}"));
    place["control"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|c| c["side"].as_str().unwrap_or_default().to_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[test]
fn query_finds_a_place_by_any_name_in_any_language() {
    for name in ["semipalatinsk", "Семей", "Семипалатинск", "semey"] {
        let report = json(&atlas(&["query", "--date", "1918-07-01", "--place", name, "--json"]));
        let ids: Vec<&str> =
            report["places"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()).collect();
        assert_eq!(ids, ["semipalatinsk"], "{name}");
    }
    let output = atlas(&["query", "--date", "1918-07-01", "--place", "Atlantis"]);
    assert_eq!(output.status.code(), Some(2), "a place that is not there is a wrong argument");
}

#[test]
fn query_near_a_point_gives_its_oblast_and_nearest_city() {
    // Petropavlovsk's market square, a few km from our city point.
    let report = json(&atlas(&["query", "--date", "1918-07-01", "--near", "69.18,54.86", "--json"]));
    let ids: Vec<&str> = report["places"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()).collect();
    assert!(ids.contains(&"akmolinsk_oblast"), "{ids:?}");
    assert_eq!(ids.last(), Some(&"petropavlovsk"), "{ids:?}");
    // The city's parents, nearest first, end with its oblast.
    let parents = report["places"][ids.len() - 1]["parents"].as_array().cloned().unwrap_or_default();
    assert_eq!(parents.last().and_then(|p| p.as_str()), Some("akmolinsk_oblast"), "{parents:?}");
}

#[test]
fn query_answers_the_turning_points() {
    // Omsk: Soviet from December 1917, taken by the Whites with the Czechoslovak Legion in
    // June 1918, retaken by the Red Army on 14 November 1919 (seed: White takeover of summer 1918;
    // the Red offensive of 1919).
    assert!(
        sides_of(&json(&atlas(&["query", "--date", "1918-07-01", "--place", "omsk", "--json"])), "omsk")
            .contains(&"white".to_owned())
    );
    assert!(
        sides_of(&json(&atlas(&["query", "--date", "1920-01-15", "--place", "omsk", "--json"])), "omsk")
            .contains(&"soviet".to_owned())
    );
    // Verny stayed Soviet through 1918 (seed: "most of Semirechye ... except").
    assert_eq!(
        sides_of(&json(&atlas(&["query", "--date", "1918-09-01", "--place", "verny", "--json"])), "verny"),
        ["soviet"]
    );
}

#[test]
fn query_rejects_bad_dates_clearly() {
    for (date, needle) in [("1918-02-30", "does not exist"), ("July 1918", "YYYY-MM-DD"), ("1921-01-01", "covers")] {
        let output = atlas(&["query", "--date", date]);
        assert_eq!(output.status.code(), Some(2), "{date}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(needle), "{date}: {error}");
    }
}

#[test]
fn query_text_output_speaks_the_chosen_language() {
    let text = stdout(&atlas(&["query", "--date", "1918-07-01", "--place", "semipalatinsk", "--lang", "kk"]));
    assert!(text.starts_with("1918-07-01 (1918 жылғы 1 шілде)\n"), "{text}");
    assert!(text.contains("Семей [semipalatinsk, қала]: "), "{text}");
    // Sides, roles and confidence in words of the language; ids stay ids.
    assert!(text.contains("Ақ гвардияшылар") && text.contains("бақылау") && text.contains("сенімділігі"), "{text}");
    for english in ["white", "military", "medium", "city", "(Old Style"] {
        assert!(!text.contains(english), "`{english}` in the Kazakh output:\n{text}");
    }
    let latin = stdout(&atlas(&["query", "--date", "1917-12-01", "--place", "semipalatinsk", "--lang", "kk-latn"]));
    assert!(
        latin.starts_with("1917-12-01 (1917 jylğy 1 jeltoqsan); eskı stil boiynşa: 1917 jylğy 18 qaraşa\n"),
        "{latin}"
    );
    assert!(latin.contains("Semei [semipalatinsk, qala]: "), "{latin}");
    assert!(!latin.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)), "Cyrillic in Latin Kazakh:\n{latin}");
    let russian = stdout(&atlas(&["query", "--date", "1918-07-01", "--place", "semipalatinsk", "--lang", "ru"]));
    assert!(russian.contains("Семипалатинск [semipalatinsk, город]: ") && russian.contains("Белые"), "{russian}");
}

#[test]
fn a_missing_translation_is_listed_by_check_and_fails_check_strict() {
    let dir = copy_of_maps();
    let line = append(
        dir.path(),
        "events.toml",
        "\n[[event]]\nid = \"english_only\"\ndate = \"1918-05-01\"\nprecision = \"day\"\nplaces = [\"omsk\"]\ncategory = \"political\"\ntitle = { en = \"A meeting\" }\ntext = { ru = \"Собрание.\", en = \"A meeting.\" }\nconfidence = \"low\"\nsources = [\"seed\"]\n",
    );
    let data = dir.path().to_string_lossy().into_owned();
    let relaxed = atlas(&["check", "--data", &data]);
    let text = stdout(&relaxed);
    assert!(relaxed.status.success(), "a missing translation is not an error: {text}");
    let title_line = format!("events.toml:{}: Missing translation: `title.kk` is missing or empty", line + 7);
    assert!(text.contains(&title_line), "wanted {title_line:?} in:\n{text}");
    assert!(text.contains("`title.ru` is missing") && text.contains("`text.kk` is missing"), "{text}");
    assert!(!text.contains("`text.ru`") && !text.contains("`text.en`"), "{text}");
    let strict = atlas(&["check", "--strict", "--data", &data]);
    assert!(!strict.status.success(), "{}", stdout(&strict));
    assert!(stdout(&strict).contains(&title_line), "{}", stdout(&strict));
    // The kind of problem is in the asked language; file, line and field stay as they are.
    let kazakh = stdout(&atlas(&["check", "--lang", "kk", "--data", &data]));
    assert!(kazakh.contains(&format!("events.toml:{}: Аудармасы жоқ: `title.kk`", line + 7)), "{kazakh}");
    // The event loads, and a Kazakh reader sees the nearest text it has.
    let loaded = steppe_atlas::data::load_from(Some(dir.path()));
    let event = loaded.atlas.events().iter().find(|event| event.id == "english_only").expect("the event loads");
    assert_eq!(event.text.get(steppe_atlas::model::Language::Kk), "Собрание.");
    assert_eq!(event.title.get(steppe_atlas::model::Language::Ru), "A meeting");
}

#[test]
fn check_strict_fails_on_a_gap_and_names_the_place_and_its_line() {
    let dir = copy_of_maps();
    // A new city with no parent and no period of its own: every day is a gap.
    let line = append(
        dir.path(),
        "places.toml",
        "\n[[place]]\nid = \"ghost_town\"\nkind = \"city\"\nname = { kk = \"Елес\", ru = \"Призрак\", en = \"Ghost Town\" }\nlonlat = [60.0, 45.0]\n",
    );
    let data = dir.path().to_string_lossy().into_owned();
    let relaxed = atlas(&["check", "--data", &data]);
    assert!(relaxed.status.success(), "without --strict a gap is a note: {}", stdout(&relaxed));
    assert!(stdout(&relaxed).contains("coverage: "), "{}", stdout(&relaxed));
    let strict = atlas(&["check", "--strict", "--data", &data]);
    let text = stdout(&strict);
    assert!(!strict.status.success(), "{text}");
    let expected = format!("places.toml:{}: `ghost_town` has no control data from 1917-02-01 to 1920-12-31", line + 2);
    assert!(text.contains(&expected), "wanted {expected:?} in:\n{text}");

    // Acknowledging the gap (nobody known, with a note) satisfies --strict.
    append(
        dir.path(),
        "control.toml",
        "\n[[period]]\nplace = \"ghost_town\"\nstart = \"1917-02-01\"\nforces = []\nconfidence = \"low\"\nsources = [\"seed\"]\nnote = \"No source names who held it.\"\n",
    );
    let acknowledged = atlas(&["check", "--strict", "--data", &data]);
    assert!(!stdout(&acknowledged).contains("ghost_town"), "{}", stdout(&acknowledged));
}
#[test]
fn the_shipped_data_passes_check_strict() {
    let output = atlas(&["check", "--strict"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(!stdout(&output).contains("coverage"), "{}", stdout(&output));
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that the command was refused as a wrong command line: exit 2, the message on
/// standard error containing each of `needles`.
fn refused(args: &[&str], needles: &[&str]) {
    let output = atlas(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
    for needle in needles {
        assert!(stderr(&output).contains(needle), "{args:?}: wanted {needle:?} in {}", stderr(&output));
    }
}

/// `query --place Akmola` finds Akmolinsk as the window's search does (Ақмола in Latin letters),
/// and a near miss answers for the place it is near, saying so on standard error.
#[test]
fn query_place_uses_the_searchs_matcher() {
    let ids_of = |output: &Output| -> Vec<String> {
        json(output)["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["id"].as_str().map(str::to_owned))
            .collect()
    };
    let output = atlas(&["query", "--date", "1918-07-01", "--place", "Akmola", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(ids_of(&output), ["akmolinsk"]);
    let output = atlas(&["query", "--date", "1918-07-01", "--place", "Petropavlosk", "--json"]);
    assert_eq!(ids_of(&output), ["petropavlovsk"]);
    assert!(stderr(&output).contains("no place is called exactly this; taking Petropavlovsk"), "{}", stderr(&output));
}

/// The window's --date is refused outside the atlas rather than moved into it, and a --place
/// that names nothing is refused rather than ignored; both before any window opens.
#[test]
fn the_window_refuses_a_date_outside_the_atlas_and_a_place_that_is_not_there() {
    refused(&["--date", "1930-01-01"], &["--date 1930-01-01", "1917-02-01 to 1920-12-31"]);
    refused(&["--date", "1918-02-30"], &["--date 1918-02-30"]);
    refused(&["--place", "nowhere"], &["--place nowhere"]);
    refused(&["--lang", "de"], &["--lang de"]);
    refused(&["--layers", "volcanoes"], &["--layers"]);
}

/// Arguments that a command would quietly ignore are refused, each named.
#[test]
fn arguments_a_command_would_ignore_are_refused() {
    refused(&["--date", "1918-07-01", "check"], &["--date before `check`"]);
    refused(&["--lang", "kk", "query", "--date", "1918-07-01"], &["--lang before `query`"]);
    refused(&["query", "--date", "1918-07-01", "--layers", "rivers"], &["--layers does not apply to `query`"]);
    refused(&["check", "--layers", "all"], &["--layers does not apply to `check`"]);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("x.png").to_string_lossy().into_owned();
    let frames = dir.path().join("frames").to_string_lossy().into_owned();
    let still = ["render", "--date", "1918-07-01", "--size", "160x90", "--out", &out];
    refused(&[&still[..], &["--frames", &frames]].concat(), &["--frames does not apply to a still image"]);
    refused(&[&still[..], &["--step", "1w"]].concat(), &["--step does not apply to a still image"]);
    refused(&[&still[..], &["--frame-seconds", "2"]].concat(), &["--frame-seconds does not apply"]);
    let poster =
        ["render", "--poster", "--from", "1918-01-01", "--to", "1918-12-01", "--size", "160x90", "--out", &out];
    refused(&[&poster[..], &["--frames", &frames]].concat(), &["--frames does not apply to a poster"]);
    // Numbers outside what the output can hold are refused, not clamped.
    refused(&[&poster[..], &["--columns", "20"]].concat(), &["--columns 20", "1 to 12"]);
    refused(&[&poster[..], &["--columns", "0"]].concat(), &["--columns 0"]);
    let animation = ["render", "--from", "1918-01-01", "--to", "1918-02-01", "--size", "160x90", "--frames", &frames];
    refused(&[&animation[..], &["--frame-seconds", "0"]].concat(), &["--frame-seconds 0"]);
    refused(&[&animation[..], &["--columns", "3"]].concat(), &["--columns does not apply to an animation"]);
    refused(&["render", "--tour", "1918", "--frames", &frames, "--view", "omsk"], &["--view does not apply to a tour"]);
    assert!(!Path::new(&out).exists() && !Path::new(&frames).exists(), "a refused command wrote files");
}

/// A still is written in the format its extension names; an extension that names none is refused.
#[test]
fn render_writes_the_format_the_extension_names() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, magic) in [
        ("map.png", &b"\x89PNG"[..]),
        ("map.jpg", &b"\xff\xd8\xff"[..]),
        ("map.JPEG", &b"\xff\xd8\xff"[..]),
        ("map.gif", &b"GIF89a"[..]),
    ] {
        let out = dir.path().join(name);
        let output = atlas(&["render", "--date", "1918-07-01", "--size", "160x90", "--out", &out.to_string_lossy()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(magic), "{name} starts with {:?}", &bytes[..bytes.len().min(8)]);
    }
    let poster = dir.path().join("poster.jpg");
    let output = atlas(&[
        "render",
        "--poster",
        "--from",
        "1918-01-01",
        "--to",
        "1918-04-01",
        "--step",
        "1m",
        "--columns",
        "2",
        "--size",
        "160x90",
        "--out",
        &poster.to_string_lossy(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read(&poster).unwrap_or_default().starts_with(b"\xff\xd8\xff"), "the poster is not a JPEG");
    let bmp = dir.path().join("map.bmp");
    refused(
        &["render", "--date", "1918-07-01", "--out", &bmp.to_string_lossy()],
        &["map.bmp", ".png, .jpg (or .jpeg) or .gif"],
    );
    refused(&["render", "--date", "1918-07-01", "--out", &dir.path().join("map").to_string_lossy()], &[".png"]);
    assert!(!bmp.exists());
}

/// A render that fails at its work, not at its arguments, exits 1.
#[test]
fn a_render_that_cannot_write_exits_1() {
    let output = atlas(&["render", "--date", "1918-07-01", "--size", "160x90", "--out", "/no/such/folder/map.png"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("/no/such/folder/map.png"), "{}", stderr(&output));
}

/// Built-in tours are reachable by name wherever a tour is taken; a name that is neither a file
/// nor a built-in tour is refused, listing the names; a broken tour file fails `render` (exit 1)
/// with its file and line.
#[test]
fn tours_by_name_on_the_command_line() {
    let names = "1917, 1918, 1919_1920";
    refused(&["present", "--tour", "1921"], &["`1921`", names]);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let frames = dir.path().join("frames");
    refused(&["render", "--tour", "1921", "--frames", &frames.to_string_lossy()], &["`1921`", names]);
    assert!(!frames.exists());

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "id = \"broken\"\ntitle = { en = \"Broken\" }\n\n[[step]]\ndate = \"1918-06-01\"\nfit = [\"atlantis\"]\ncaption = { en = \"Nowhere\" }\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let gif = dir.path().join("tour.gif");
    let output = atlas(&["render", "--tour", &broken.to_string_lossy(), "--out", &gif.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("{}:6:", broken.display())), "{}", stderr(&output));
    assert!(!gif.exists());

    // A built-in tour by its name, here its file's stem.
    let output = atlas(&["render", "--tour", "1917", "--size", "128x72", "--frames", &frames.to_string_lossy()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let srt = std::fs::read_to_string(frames.join("1917.srt")).unwrap_or_else(|e| panic!("{e}"));
    assert!(srt.starts_with("1\n00:00:00,000 --> "), "{srt}");
}
