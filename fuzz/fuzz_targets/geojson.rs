//! The GeoJSON files (outlines of areas, water, neighbours; rivers; present-day borders): the
//! input is given as each of them at once, next to a small places.toml whose ids the seeds use,
//! so that outlines attach to places and the topology checks (geo's boolean operations) run on
//! them. Then the geometry is projected and triangulated as the window does at start.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steppe_atlas::data::{Dataset, load};
use steppe_atlas::geometry::MapGeometry;

const PLACES: &str = include_str!("../fixtures/places.toml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = ["areas.geojson", "water.geojson", "rivers.geojson", "context.geojson", "modern_borders.geojson"];
    let texts = files.into_iter().map(|name| (name, text.to_owned())).chain([("places.toml", PLACES.to_owned())]);
    let loaded = load(&Dataset::from_texts(texts));
    for problem in &loaded.problems {
        std::hint::black_box(problem.to_string());
    }
    let geometry = MapGeometry::new(&loaded.atlas);
    for shape in geometry.areas.iter().flatten().chain(&geometry.water).chain(&geometry.context) {
        std::hint::black_box(shape.contains(shape.label_point));
        std::hint::black_box(shape.area_km2());
    }
});
