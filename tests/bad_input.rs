//! Bad input, one file broken at a time in a copy of `maps/` (issue 9): every case must give a
//! clear problem naming the file and the line (`check --data DIR` prints it), and the rest of the
//! data must still load, so that the window starts with the problem shown.
//!
//! The table is `CASES`; the inputs that once crashed a fuzz target (`fuzz/`) are replayed from
//! `tests/fuzz_regressions/` at the end.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use eframe::egui;
use steppe_atlas::data::load_from as load_data;
use steppe_atlas::data::{FILE_NAMES, Problem};
use steppe_atlas::model::Atlas;
use steppe_atlas::ui::{AtlasApp, StartOptions};

fn maps_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("maps")
}

/// A copy of the shipped data, tours included, in a temporary folder.
fn copy_of_maps() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in FILE_NAMES {
        std::fs::copy(maps_dir().join(name), dir.path().join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("tours")).unwrap();
    for entry in std::fs::read_dir(maps_dir().join("tours")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join("tours").join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// How much of each kind of thing loaded, to tell that the rest of the data is still there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Counts {
    places: usize,
    outlines: usize,
    forces: usize,
    sources: usize,
    periods: usize,
    events: usize,
    water: usize,
    rivers: usize,
    context: usize,
    borders: usize,
    ranges: usize,
    people: usize,
    tours: usize,
}

impl Counts {
    fn of(atlas: &Atlas) -> Counts {
        Counts {
            places: atlas.places().len(),
            outlines: atlas.places().iter().filter(|place| place.area.is_some()).count(),
            forces: atlas.forces.len(),
            sources: atlas.sources.len(),
            periods: atlas.periods().len(),
            events: atlas.events().len(),
            water: atlas.water.len(),
            rivers: atlas.rivers.len(),
            context: atlas.context.len(),
            borders: atlas.modern_borders.len(),
            ranges: atlas.ranges.len(),
            people: atlas.people.len(),
            tours: atlas.tours.len(),
        }
    }

    fn named(&self) -> [(&'static str, usize); 13] {
        [
            ("places", self.places),
            ("outlines", self.outlines),
            ("forces", self.forces),
            ("sources", self.sources),
            ("periods", self.periods),
            ("events", self.events),
            ("water", self.water),
            ("rivers", self.rivers),
            ("context", self.context),
            ("borders", self.borders),
            ("ranges", self.ranges),
            ("people", self.people),
            ("tours", self.tours),
        ]
    }
}

/// What a broken file is made of, and on which line the problem must be reported.
struct Broken {
    bytes: Vec<u8>,
    /// `None` where a line means nothing (a file too large to read).
    line: Option<usize>,
}

/// Appends `entry` to `text`; the line of the entry's `marker` (the first line containing it).
fn append(text: &str, entry: &str, marker: &str) -> Broken {
    let mut out = text.to_owned();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let first = out.lines().count() + 1;
    out.push_str(entry);
    let offset =
        entry.lines().position(|line| line.contains(marker)).unwrap_or_else(|| panic!("{marker:?} not in entry"));
    Broken { bytes: out.into_bytes(), line: Some(first + offset) }
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|line| line.contains(needle)).unwrap_or_else(|| panic!("{needle:?} not found")) + 1
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let bom: &[u8] = if bom { &[0xFF, 0xFE] } else { &[] };
    bom.iter().copied().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

const PERIOD: &str = "\n[[period]]\nplace = \"omsk\"\nstart = \"START\"\nend = \"END\"\nforces = [{ force = \"FORCE\", role = \"military\" }]\nconfidence = \"low\"\nsources = [\"seed\"]\nnote = \"bad input test\"\n";

/// A town of the given id at `lonlat` (written as TOML), for breaking places.toml.
fn city(id: &str, lonlat: &str) -> String {
    format!(
        "\n[[place]]\nid = \"{id}\"\nkind = \"city\"\nname = {{ kk = \"{id}\", ru = \"{id}\", en = \"{id}\" }}\nlonlat = {lonlat}\n"
    )
}

/// A force of the given id whose side is given by `sides` (one or more TOML lines).
fn force(id: &str, sides: &str) -> String {
    format!("\n[[force]]\nid = \"{id}\"\n{sides}\nname = {{ kk = \"a\", ru = \"b\", en = \"c\" }}\n")
}

fn period(start: &str, end: &str, force: &str) -> String {
    PERIOD.replace("START", start).replace("END", end).replace("FORCE", force)
}

/// One row of the table: the file to break, how, what the problem must say, and which counts
/// may differ from the clean load because of it.
struct Case {
    name: &'static str,
    /// A data file, or `tours/NAME.toml`.
    file: &'static str,
    /// From the file's shipped text ("" for a new tour file) to the broken bytes.
    breaks: fn(&str) -> Broken,
    message: &'static str,
    may_change: &'static [&'static str],
}

/// The byte ranges of the `[lon, lat]` positions of the first ring of the feature `id` in a
/// GeoJSON text, however the file is laid out.
fn ring_positions(text: &str, id: &str) -> Vec<std::ops::Range<usize>> {
    let feature = text.find(&format!("\"{id}\"")).unwrap();
    let ring = feature + text[feature..].find("[[[").unwrap() + 2;
    let end = ring + text[ring..].find("]]").unwrap() + 1;
    let mut positions = Vec::new();
    let mut at = ring;
    while let Some(open) = text[at..end].find('[') {
        let start = at + open;
        let close = start + text[start..].find(']').unwrap() + 1;
        positions.push(start..close);
        at = close;
    }
    positions
}

const CASES: &[Case] = &[
    Case {
        name: "empty places file",
        file: "places.toml",
        breaks: |_| Broken { bytes: Vec::new(), line: Some(1) },
        message: "the file is empty: expected `[[place]]` entries",
        may_change: &["places", "outlines", "periods", "events", "tours"],
    },
    Case {
        name: "empty control file",
        file: "control.toml",
        breaks: |_| Broken { bytes: b"\n\n".to_vec(), line: Some(1) },
        message: "the file is empty: expected `[[period]]` entries",
        may_change: &["periods"],
    },
    Case {
        name: "empty GeoJSON file",
        file: "areas.geojson",
        breaks: |_| Broken { bytes: Vec::new(), line: Some(1) },
        message: "not valid JSON: EOF while parsing a value at line 1",
        may_change: &["outlines"],
    },
    Case {
        name: "truncated TOML: cut inside a note",
        file: "control.toml",
        breaks: |text| {
            let mut from = text.len() / 2;
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            // Cut just after the opening quote of a note's English text: the string never ends.
            let at = from + text[from..].find("en = \"").unwrap() + "en = \"".len();
            Broken { bytes: text.as_bytes()[..at].to_vec(), line: Some(text[..at].matches('\n').count() + 1) }
        },
        message: "not valid TOML:",
        may_change: &["periods"],
    },
    Case {
        name: "truncated GeoJSON",
        file: "areas.geojson",
        breaks: |text| {
            let mut cut = text.len() / 2;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let cut_text = &text[..cut];
            Broken { bytes: cut_text.as_bytes().to_vec(), line: Some(cut_text.matches('\n').count() + 1) }
        },
        message: "not valid JSON: EOF while parsing",
        may_change: &["outlines"],
    },
    Case {
        name: "truncated tour",
        file: "tours/1918.toml",
        breaks: |text| {
            let cut = text.find("[[step]]").unwrap() + "[[step]]\ndate = \"19".len();
            Broken { bytes: text.as_bytes()[..cut].to_vec(), line: Some(line_of(text, "[[step]]") + 1) }
        },
        message: "not a valid tour:",
        may_change: &["tours"],
    },
    Case {
        name: "UTF-16 with a byte order mark",
        file: "places.toml",
        breaks: |text| Broken { bytes: utf16le(text, true), line: Some(1) },
        message: "the file is UTF-16 text; save it as UTF-8",
        may_change: &["places", "outlines", "periods", "events", "tours"],
    },
    Case {
        name: "UTF-16 without a byte order mark",
        file: "forces.toml",
        breaks: |text| Broken { bytes: utf16le(text, false), line: Some(1) },
        message: "the file holds NUL bytes: is it UTF-16 text? Save it as UTF-8",
        may_change: &["forces", "periods"],
    },
    Case {
        name: "Latin-1 bytes in UTF-8 text",
        file: "control.toml",
        breaks: |text| {
            let mut broken = append(text, &period("1919-03-01", "1919-03-02", "red_army"), "note = ");
            let at = broken.bytes.windows(14).rposition(|w| w == b"bad input test").unwrap();
            broken.bytes[at + 3] = 0xE9; // "bad\xE9input": é in Latin-1
            broken
        },
        message: "the file is not UTF-8 text: byte 0xE9 at column 12 (Latin-1 or Windows-1251?); save it as UTF-8",
        may_change: &["periods"],
    },
    Case {
        name: "a UTF-8 byte order mark is fine",
        file: "sources.toml",
        breaks: |text| {
            let mut bytes = vec![0xEF, 0xBB, 0xBF];
            bytes.extend(text.as_bytes());
            append(&String::from_utf8(bytes).unwrap(), "[[source]]\nid = \"seed\"\ntitle = \"x\"\n", "id =")
        },
        message: "`id`: source `seed` is defined twice (first on line",
        may_change: &[],
    },
    Case {
        name: "a file of 100 MB",
        file: "control.toml",
        breaks: |_| Broken { bytes: Vec::new(), line: None }, // made sparse in `write_broken`
        message: "the file is 100 MB, more than the 64 MB a data file may have",
        may_change: &["periods"],
    },
    Case {
        name: "NaN as a city's coordinate",
        file: "places.toml",
        breaks: |text| append(text, &city("nan_town", "[nan, 50.0]"), "lonlat"),
        message: "`lonlat` of `nan_town`: [NaN, 50.0] is not a longitude and latitude in degrees",
        may_change: &[],
    },
    Case {
        name: "huge coordinate of a city",
        file: "places.toml",
        breaks: |text| append(text, &city("far_town", "[1e300, -1e300]"), "lonlat"),
        message: "`lonlat` of `far_town`: [1e300, -1e300] is not a longitude and latitude in degrees",
        may_change: &[],
    },
    Case {
        name: "huge coordinate in an outline",
        file: "areas.geojson",
        breaks: |text| {
            // the first longitude of the oblast's ring becomes 1e300
            let first = ring_positions(text, "uralsk_oblast")[0].clone();
            let comma = first.start + text[first.clone()].find(',').unwrap();
            let broken = format!("{}[1e300{}", &text[..first.start], &text[comma..]);
            Broken { line: Some(line_of(text, "\"uralsk_oblast\"")), bytes: broken.into_bytes() }
        },
        message: "`geometry` of `uralsk_oblast`: ring 1: [1e300, ",
        may_change: &["outlines"],
    },
    Case {
        name: "a coordinate beyond f64 in GeoJSON",
        file: "rivers.geojson",
        breaks: |text| {
            let line = line_of(text, "[[");
            let at = text.find("[[").unwrap() + 2;
            Broken { bytes: format!("{}1e999, {}", &text[..at], &text[at..]).into_bytes(), line: Some(line) }
        },
        message: "not valid JSON: number out of range",
        may_change: &["rivers"],
    },
    Case {
        name: "NaN in GeoJSON (not JSON at all)",
        file: "water.geojson",
        breaks: |text| {
            let at = text.find("[[").unwrap();
            let line = line_of(text, "[[");
            Broken { bytes: format!("{}[[NaN, NaN], {}", &text[..at], &text[at + 2..]).into_bytes(), line: Some(line) }
        },
        message: "not valid JSON: expected value",
        may_change: &["water"],
    },
    Case {
        name: "self-intersecting ring (two vertices swapped)",
        file: "areas.geojson",
        breaks: |text| {
            // the second and third positions of the oblast's ring change places
            let at = ring_positions(text, "uralsk_oblast");
            let (second, third) = (&text[at[1].clone()], &text[at[2].clone()]);
            let broken = format!(
                "{}{third}{}{second}{}",
                &text[..at[1].start],
                &text[at[1].end..at[2].start],
                &text[at[2].end..]
            );
            Broken { bytes: broken.into_bytes(), line: Some(line_of(text, "\"uralsk_oblast\"")) }
        },
        message: "`geometry` of `uralsk_oblast`: ring 1: crosses or touches itself at [",
        may_change: &["outlines"],
    },
    Case {
        name: "unclosed ring",
        file: "areas.geojson",
        breaks: |text| {
            // the last position no longer repeats the first
            let at = ring_positions(text, "uralsk_oblast");
            let last = at.last().unwrap().clone();
            let broken = format!("{}[10.5,10.5]{}", &text[..last.start], &text[last.end..]);
            Broken { bytes: broken.into_bytes(), line: Some(line_of(text, "\"uralsk_oblast\"")) }
        },
        message: "`geometry` of `uralsk_oblast`: ring 1: is not closed: its last position must repeat the first",
        may_change: &["outlines"],
    },
    Case {
        name: "a date before the atlas",
        file: "control.toml",
        breaks: |text| append(text, &period("1916-05-01", "1917-05-01", "red_army"), "start ="),
        message: "`start` of period for `omsk`: 1916-05-01 is outside the atlas (1917-02-01 to 1920-12-31)",
        may_change: &[],
    },
    Case {
        name: "a date after the atlas",
        file: "events.toml",
        breaks: |text| {
            let event = "\n[[event]]\nid = \"late\"\ndate = \"1921-03-01\"\nprecision = \"day\"\nplaces = [\"omsk\"]\ncategory = \"political\"\ntitle = { kk = \"a\", ru = \"b\", en = \"c\" }\ntext = { kk = \"a\", ru = \"b\", en = \"c\" }\nconfidence = \"low\"\nsources = [\"seed\"]\n";
            append(text, event, "date =")
        },
        message: "`date` of event `late`: 1921-03-01 is outside the atlas (1917-02-01 to 1920-12-31)",
        may_change: &[],
    },
    Case {
        name: "a day that does not exist",
        file: "control.toml",
        breaks: |text| append(text, &period("1918-02-30", "1918-03-05", "red_army"), "start ="),
        message: "`start` of period for `omsk`: `1918-02-30` names a day that does not exist",
        may_change: &[],
    },
    Case {
        name: "a reversed period",
        file: "control.toml",
        breaks: |text| append(text, &period("1919-03-10", "1919-03-01", "red_army"), "end ="),
        message: "period for `omsk` ends 1919-03-01 before it starts 1919-03-10",
        may_change: &[],
    },
    Case {
        name: "an unknown force",
        file: "control.toml",
        breaks: |text| append(text, &period("1919-03-01", "1919-03-02", "martians"), "forces ="),
        message: "`forces` of period for `omsk`: no force has the id `martians` in forces.toml",
        may_change: &[],
    },
    Case {
        name: "a force used before it has a side",
        file: "control.toml",
        breaks: |text| append(text, &period("1917-02-10", "1917-02-20", "orenburg_cossacks"), "forces ="),
        message: "`forces` of period for `omsk`: `orenburg_cossacks` has no side before 1917-03-08, but the period starts 1917-02-10",
        may_change: &[],
    },
    Case {
        name: "a period across a force's change of side",
        file: "control.toml",
        breaks: |text| append(text, &period("1917-11-01", "1917-11-20", "orenburg_cossacks"), "forces ="),
        message: "`orenburg_cossacks` turns from provisional to white on 1917-11-08, inside the period (1917-11-01 to 1917-11-20); split the period on that day",
        may_change: &[],
    },
    Case {
        name: "a note in a language the atlas does not have",
        file: "control.toml",
        breaks: |text| {
            let entry = period("1919-03-01", "1919-03-02", "red_army")
                .replace("note = \"bad input test\"", "note = { kk = \"a\", ru = \"b\", en = \"c\", de = \"d\" }");
            append(text, &entry, "note = ")
        },
        message: "`note` has an unknown language `de`",
        may_change: &[],
    },
    Case {
        name: "a force with both one side and dated sides",
        file: "forces.toml",
        breaks: |text| {
            let sides = "side = \"white\"\nsides = [{ from = \"1918-01-01\", side = \"soviet\" }]";
            append(text, &force("turncoats", sides), "side =")
        },
        message: "force `turncoats` has both `side` and `sides`: keep one",
        may_change: &[],
    },
    Case {
        name: "dated sides out of order",
        file: "forces.toml",
        breaks: |text| {
            let sides = "sides = [{ from = \"1918-05-01\", side = \"white\" },\n  { from = \"1918-01-01\", side = \"soviet\" }]";
            append(text, &force("turncoats", sides), "{ from = \"1918-01-01\"")
        },
        message: "`sides` of force `turncoats`: 1918-01-01 does not come after 1918-05-01",
        may_change: &[],
    },
    Case {
        name: "an unknown place",
        file: "control.toml",
        breaks: |text| {
            append(text, &period("1919-03-01", "1919-03-02", "red_army").replace("omsk", "atlantis"), "place =")
        },
        message: "`place`: no place has the id `atlantis` in places.toml",
        may_change: &[],
    },
    Case {
        name: "an unknown outline id",
        file: "areas.geojson",
        breaks: |text| Broken {
            bytes: text.replacen("\"uralsk_oblast\"", "\"uralsk_oblastt\"", 1).into_bytes(),
            line: Some(line_of(text, "\"uralsk_oblast\"")),
        },
        message: "`properties.id`: no place has the id `uralsk_oblastt`",
        may_change: &["outlines"],
    },
    Case {
        name: "a duplicate place id",
        file: "places.toml",
        breaks: |text| append(text, &city("omsk", "[73.37, 54.98]"), "id ="),
        message: "`id`: place `omsk` is defined twice (first on line",
        may_change: &[],
    },
    Case {
        name: "a duplicate outline",
        file: "areas.geojson",
        breaks: |text| {
            let feature = "{\"type\": \"Feature\", \"properties\": {\"id\": \"uralsk_oblast\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[50, 46], [51, 46], [51, 47], [50, 46]]]}},\n";
            let at = text.find("\n{").unwrap() + 1;
            let broken = format!("{}{feature}{}", &text[..at], &text[at..]);
            // The shipped outline, now the second, is the one reported: at its own line.
            Broken { line: Some(line_of(text, "\"uralsk_oblast\"") + 1), bytes: broken.into_bytes() }
        },
        message: "`properties.id`: `uralsk_oblast` has a second outline",
        may_change: &[],
    },
    Case {
        name: "cyclic parents",
        file: "places.toml",
        breaks: |text| {
            let cycle = "\n[[place]]\nid = \"cycle_a\"\nkind = \"city\"\nparent = \"cycle_b\"\nname = { kk = \"A\", ru = \"A\", en = \"A\" }\nlonlat = [70.0, 50.0]\n\n[[place]]\nid = \"cycle_b\"\nkind = \"city\"\nparent = \"cycle_a\"\nname = { kk = \"B\", ru = \"B\", en = \"B\" }\nlonlat = [70.1, 50.1]\n";
            append(text, cycle, "parent = \"cycle_b\"")
        },
        message: "`parent` of `cycle_a` makes a cycle: cycle_a → cycle_b → cycle_a",
        may_change: &["places"],
    },
    Case {
        name: "a tour pointing to a missing place",
        file: "tours/broken.toml",
        breaks: |_| {
            let tour = "id = \"broken\"\ntitle = { kk = \"a\", ru = \"b\", en = \"c\" }\n\n[[step]]\ndate = \"1918-07-01\"\nfit = [\"omsk\", \"atlantis\"]\ncaption = { kk = \"a\", ru = \"b\", en = \"c\" }\n";
            Broken { bytes: tour.as_bytes().to_vec(), line: Some(6) }
        },
        message: "`fit`: no place has the id `atlantis`",
        may_change: &["tours"],
    },
    Case {
        name: "a tour at NaN",
        file: "tours/broken.toml",
        breaks: |_| {
            let tour = "id = \"broken\"\ntitle = { kk = \"a\", ru = \"b\", en = \"c\" }\n\n[[step]]\ndate = \"1918-07-01\"\ncenter = [nan, 50.0]\nzoom = 2.0\ncaption = { kk = \"a\", ru = \"b\", en = \"c\" }\n";
            Broken { bytes: tour.as_bytes().to_vec(), line: Some(6) }
        },
        message: "`center` must be [longitude, latitude] in degrees",
        may_change: &[],
    },
];

fn write_broken(dir: &Path, case: &Case) -> Option<usize> {
    let path = dir.join(case.file);
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    let broken = (case.breaks)(&shipped);
    std::fs::write(&path, &broken.bytes).unwrap();
    if case.name == "a file of 100 MB" {
        // Sparse: the size is what counts, and no disk is filled.
        std::fs::write(&path, &shipped).unwrap();
        std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(100 * 1024 * 1024).unwrap();
    }
    broken.line
}

fn expected_prefix(dir: &Path, case: &Case, line: Option<usize>) -> String {
    let file = dir.join(case.file).display().to_string();
    match line {
        Some(line) => format!("{file}:{line}: "),
        None => format!("{file}: "),
    }
}

fn check(dir: &Path) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_steppe-atlas"))
        .args(["check", "--data", &dir.display().to_string()])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned())
}

/// One frame of the window on `dir`, headless: it must start, show the problems and draw the map.
fn window_starts(dir: &Path) -> Vec<Problem> {
    let ctx = egui::Context::default();
    steppe_atlas::ui::setup_context(&ctx);
    let mut app = AtlasApp::new(StartOptions { data_dir: Some(dir.to_owned()), ..Default::default() });
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.ui(ui));
    output.textures_delta.clear(); // no GPU to upload them to
    assert!(!ctx.tessellate(output.shapes, output.pixels_per_point).is_empty(), "the window drew nothing");
    app.problems().to_vec()
}

#[test]
fn the_shipped_data_has_no_problem() {
    let dir = copy_of_maps();
    let loaded = load_data(Some(dir.path()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn every_bad_input_is_reported_at_its_file_and_line_and_the_rest_loads() {
    let clean = Counts::of(&load_data(Some(copy_of_maps().path())).atlas);
    let mut failures = Vec::new();
    for case in CASES {
        let dir = copy_of_maps();
        let line = write_broken(dir.path(), case);
        let prefix = expected_prefix(dir.path(), case, line);
        let wanted = format!("{prefix}{}", case.message);

        // The library: the problem, and everything else loaded.
        let loaded = load_data(Some(dir.path()));
        let shown: Vec<String> = loaded.problems.iter().map(Problem::to_string).collect();
        let Some(found) = shown.iter().find(|problem| problem.starts_with(&prefix) && problem.contains(case.message))
        else {
            failures.push(format!("{}: expected {wanted:?} among\n  {}", case.name, shown.join("\n  ")));
            continue;
        };
        // `cargo test --test bad_input -- --nocapture` prints the table as a user sees it.
        eprintln!("{:<45} {}", case.name, found.replace(&dir.path().display().to_string(), "DIR"));
        let counts = Counts::of(&loaded.atlas);
        for ((name, now), (_, before)) in counts.named().into_iter().zip(clean.named()) {
            if now != before && !case.may_change.contains(&name) {
                failures.push(format!("{}: {name} went from {before} to {now}", case.name));
            }
        }
        assert!(loaded.atlas.places().len() + loaded.atlas.periods().len() + loaded.atlas.water.len() > 0);

        // The command line: exit 1 and the same line.
        let (code, out) = check(dir.path());
        if code != Some(1) || !out.lines().any(|l| l.starts_with(&prefix) && l.contains(case.message)) {
            failures.push(format!("{}: `check` exited {code:?} without {wanted:?}:\n{out}", case.name));
        }

        // The window: starts, draws, shows the problem.
        let problems = window_starts(dir.path());
        if !problems.iter().any(|problem| problem.to_string().starts_with(&prefix)) {
            failures.push(format!("{}: the window does not show {wanted:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), CASES.len(), failures.join("\n\n"));
}

#[test]
fn a_file_of_100_mb_of_text_is_refused_without_being_read() {
    let dir = copy_of_maps();
    let path = dir.path().join("events.toml");
    // Real text this time, repeated: a mistaken export rather than a sparse file.
    let shipped = std::fs::read(&path).unwrap();
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut written = 0;
    while written < 100 * 1024 * 1024 {
        std::io::Write::write_all(&mut file, &shipped).unwrap();
        written += shipped.len();
    }
    drop(file);
    let started = std::time::Instant::now();
    let loaded = load_data(Some(dir.path()));
    let elapsed = started.elapsed();
    let expected = format!("{}: the file is 100 MB, more than the 64 MB a data file may have", path.display());
    assert!(loaded.problems.iter().any(|p| p.to_string() == expected), "{:?}", loaded.problems);
    assert!(loaded.atlas.events().is_empty() && !loaded.atlas.periods().is_empty());
    assert!(elapsed.as_secs() < 20, "refusing took {elapsed:?}");
}

#[test]
fn the_window_shows_the_problem_in_its_banner() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    let dir = copy_of_maps();
    let path = dir.path().join("control.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, append(&text, &period("1919-03-10", "1919-03-01", "red_army"), "end =").bytes).unwrap();
    let options = StartOptions {
        data_dir: Some(dir.path().to_owned()),
        language: Some(steppe_atlas::model::Language::En),
        ..Default::default()
    };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1400.0, 900.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(options));
    harness.run();
    assert!(harness.query_all_by_label_contains("Problems in the data: 1.").next().is_some());
    assert!(!harness.state().atlas().periods().is_empty(), "the rest of the data loaded");
}

/// The window's settings file, broken in each way a power cut, a disk error or a hand edit can
/// break it: each is reported at its line (and field, where it has one), moved aside rather
/// than deleted, and the window starts on its defaults.
#[test]
fn a_broken_settings_file_is_reported_kept_aside_and_the_window_starts_on_defaults() {
    use steppe_atlas::settings_file::{Loaded, broken_path, load};
    use steppe_atlas::ui::SavedState;
    let utf16: Vec<u8> = "date = \"1919-01-01\"\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cases: &[(&str, &[u8], Option<usize>, &str)] = &[
        ("truncated", b"date = \"1919-01-01\"\nview = [1.0, 2.", Some(2), ""),
        ("UTF-16", &utf16, Some(1), "UTF-8"),
        ("Latin-1", b"date = \"1919-01-01\"\nselected = \"caf\xe9\"\n", Some(2), "UTF-8"),
        ("wrong type", b"date = \"1919-01-01\"\ndays_per_second = \"fast\"\n", Some(2), "`days_per_second`"),
        ("unknown language", b"language = \"tlh\"\n", Some(1), "`language`"),
        ("unknown layer", b"layers = \"railways,dragons\"\n", Some(1), "`layers`"),
        ("binary", &[0, 159, 146, 150, 10, 255], Some(1), "UTF-8"),
    ];
    for (name, bytes, line, field) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, bytes).unwrap();
        let Loaded::Broken(problem) = load::<SavedState>(&path) else { panic!("{name}: the broken file was read") };
        assert_eq!(problem.line, *line, "{name}: {problem}");
        assert!(problem.message.contains(field), "{name}: {problem}");
        assert!(problem.to_string().starts_with(&path.display().to_string()), "{name}: {problem}");
        assert_eq!(std::fs::read(broken_path(&path)).unwrap(), *bytes, "{name}: the file is kept");
    }
    // Values that parse but make no sense (a date out of range, a deleted place, a NaN view)
    // are preferences, not data: dropped quietly.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "date = \"1066-10-14\"\nselected = \"atlantis\"\nview = [nan, 1.0, 2.0]\ndays_per_second = -3.0\nwindow = [1e30, 5.0]\n").unwrap();
    let Loaded::Read(saved) = load::<SavedState>(&path) else { panic!("odd values are not a broken file") };
    assert_eq!(saved.window_size(), None);
    let mut app = AtlasApp::new(StartOptions::default());
    app.restore(saved, &StartOptions::default());
    assert_eq!(app.date(), steppe_atlas::ui::DEFAULT_DATE, "a date outside the atlas is dropped");
    assert_eq!(app.selected(), None);
}

#[test]
fn a_settings_file_of_100_mb_is_refused_without_being_read() {
    use steppe_atlas::settings_file::{Loaded, load};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let Loaded::Broken(problem) = load::<steppe_atlas::ui::SavedState>(&path) else { panic!("read 100 MB") };
    assert!(problem.message.contains("larger than 64 KiB"), "{problem}");
}

#[test]
fn the_window_shows_a_broken_settings_file_in_its_banner() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "date = \"1919-01-01\"\nlanguage = 7\n").unwrap();
    let options = StartOptions { language: Some(steppe_atlas::model::Language::En), ..Default::default() };
    let mut app = AtlasApp::new(options.clone());
    assert!(app.load_settings(path.clone(), &options));
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1400.0, 900.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run();
    assert!(harness.query_all_by_label_contains("The saved settings could not be read").next().is_some());
    harness.get_by_label("Show problems").click();
    harness.run();
    let expected = format!("{}:2: Settings file: field `language`", path.display());
    assert!(harness.query_all_by_label_contains(&expected).next().is_some(), "no problem line {expected:?}");
    // The next save writes a good file; the broken one stays beside it.
    harness.state_mut().save_settings();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("language = \"en\""), "{written}");
    assert!(steppe_atlas::settings_file::broken_path(&path).exists());
}

/// Inputs that made a fuzz target panic once, replayed as the targets run them:
/// `tests/fuzz_regressions/<target>/<input>`.
#[test]
fn inputs_that_once_crashed_a_fuzz_target_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for target in std::fs::read_dir(&root).into_iter().flatten().flatten().filter(|entry| entry.path().is_dir()) {
        let target_name = target.file_name().to_string_lossy().into_owned();
        for input in std::fs::read_dir(target.path()).unwrap().flatten() {
            let data = std::fs::read(input.path()).unwrap();
            fuzz_like::replay(&target_name, &data);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} fuzz regression input(s)");
}

/// What the fuzz targets in `fuzz/fuzz_targets/` do with an input, without libFuzzer.
mod fuzz_like {
    use steppe_atlas::data::{DataFile, Dataset, load, load_tour};
    use steppe_atlas::geometry::MapGeometry;

    pub fn replay(target: &str, data: &[u8]) {
        match target {
            "control_data" => {
                let files = [
                    "places.toml",
                    "forces.toml",
                    "sources.toml",
                    "control.toml",
                    "events.toml",
                    "people.toml",
                    "ranges.toml",
                ];
                let texts = data
                    .split(|&byte| byte == 0xFF)
                    .zip(files)
                    .map(|(part, name)| (name, String::from_utf8_lossy(part).into_owned()));
                let atlas = load(&Dataset::from_texts(texts)).atlas;
                steppe_atlas::coverage::coverage(&atlas);
            }
            "geojson" => {
                let text = String::from_utf8_lossy(data).into_owned();
                let files =
                    ["areas.geojson", "water.geojson", "rivers.geojson", "context.geojson", "modern_borders.geojson"];
                let places = include_str!("../fuzz/fixtures/places.toml").to_owned();
                let texts = files.into_iter().map(|name| (name, text.clone())).chain([("places.toml", places)]);
                let atlas = load(&Dataset::from_texts(texts)).atlas;
                MapGeometry::new(&atlas);
            }
            "tour" => {
                let atlas = load(&Dataset::embedded()).atlas;
                let file =
                    DataFile { display_name: "tour.toml".into(), text: String::from_utf8_lossy(data).into_owned() };
                load_tour(&atlas, &file, &mut Vec::new());
            }
            "kiosk_config" => {
                steppe_atlas::ui::kiosk::KioskConfig::parse(&String::from_utf8_lossy(data), "kiosk.toml", None);
            }
            "settings" => {
                if let Ok(saved) =
                    steppe_atlas::settings_file::parse::<steppe_atlas::ui::SavedState>("settings.toml", data)
                {
                    steppe_atlas::ui::AtlasApp::new(Default::default()).restore(saved, &Default::default());
                }
            }
            other => panic!("no replay for fuzz target `{other}`"),
        }
    }
}
