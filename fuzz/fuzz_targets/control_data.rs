//! The TOML data files (places, forces, sources, control periods, events, people, ranges), as
//! `steppe-atlas check` and the window load them: `data::load` over a dataset from memory.
//!
//! The input is the texts of the files in that order, separated by the byte 0xFF (which never
//! occurs in UTF-8). The GeoJSON files are absent (their target is `geojson`); a missing file is
//! only a problem. After loading, the atlas is used as `check` uses it: resolving every place and
//! the coverage report.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steppe_atlas::data::{Dataset, load};
use steppe_atlas::model::Date;

const FILES: [&str; 7] =
    ["places.toml", "forces.toml", "sources.toml", "control.toml", "events.toml", "people.toml", "ranges.toml"];

fuzz_target!(|data: &[u8]| {
    let texts = data
        .split(|&byte| byte == 0xFF)
        .zip(FILES)
        .map(|(part, name)| (name, String::from_utf8_lossy(part).into_owned()));
    let loaded = load(&Dataset::from_texts(texts));
    for problem in &loaded.problems {
        std::hint::black_box(problem.to_string());
    }
    let atlas = &loaded.atlas;
    for day in [0, 200, 500, 900, 1429] {
        let date = Date::ATLAS_START.add_days(day);
        for place in atlas.place_ids() {
            std::hint::black_box(atlas.resolve(place, date));
            std::hint::black_box(atlas.sides_on(place, date));
        }
        std::hint::black_box(atlas.events_on(date).count());
    }
    std::hint::black_box(steppe_atlas::coverage::coverage(atlas));
});
