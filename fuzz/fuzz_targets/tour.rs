//! Tour files (`maps/tours/*.toml`, `--tour FILE`), loaded against the shipped atlas, then
//! played through as lecture mode does: every step's camera and date, eased from the step before.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use steppe_atlas::data::{DataFile, Dataset, load, load_tour};
use steppe_atlas::geometry::MapGeometry;
use steppe_atlas::model::Atlas;
use steppe_atlas::tour_player::TourPlayer;

fn shipped() -> &'static (Atlas, MapGeometry) {
    static SHIPPED: OnceLock<(Atlas, MapGeometry)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let atlas = load(&Dataset::embedded()).atlas;
        let geometry = MapGeometry::new(&atlas);
        (atlas, geometry)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (atlas, geometry) = shipped();
    let file = DataFile { display_name: "tour.toml".to_owned(), text: text.to_owned() };
    let mut problems = Vec::new();
    let tour = load_tour(atlas, &file, &mut problems);
    for problem in &problems {
        std::hint::black_box(problem.to_string());
    }
    let Some(tour) = tour else { return };
    let mut player = TourPlayer::new();
    for _ in 0..tour.steps.len().min(20) {
        for _ in 0..4 {
            player.advance(&tour, geometry, 0.7, false);
            std::hint::black_box(player.shot(&tour, geometry));
        }
        player.next(&tour, geometry);
    }
    player.previous(&tour, geometry);
    std::hint::black_box(player.shot(&tour, geometry));
});
