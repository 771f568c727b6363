//! Benchmarks: `cargo bench`. Numbers and the machine they were measured on are in BENCHMARKS.md.
//!
//! - load: parse the embedded data into an atlas;
//! - start: everything the app computes before its first frame;
//! - geometry: project and triangulate every outline;
//! - resolve: who holds every place on one date;
//! - frame: one full frame of the window (UI, map, tessellation; no GPU) at 1920x1080 and
//!   3840x2160, still and while the date moves.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use steppe_atlas::data::{Dataset, load};
use steppe_atlas::geometry::MapGeometry;
use steppe_atlas::model::Date;
use steppe_atlas::ui::{AtlasApp, StartOptions};

fn model(c: &mut Criterion) {
    let dataset = Dataset::embedded();
    c.bench_function("load embedded data", |b| b.iter(|| black_box(load(black_box(&dataset)))));
    let atlas = load(&dataset).atlas;
    c.bench_function("project and triangulate geometry", |b| b.iter(|| black_box(MapGeometry::new(black_box(&atlas)))));
    c.bench_function("start the app (load, geometry, territory shares)", |b| {
        b.iter(|| black_box(AtlasApp::new(StartOptions::default())))
    });
    let date = Date::parse("1919-07-10").unwrap_or(Date::ATLAS_START);
    c.bench_function("resolve every place on a date", |b| {
        b.iter(|| atlas.place_ids().map(|id| atlas.resolve(id, black_box(date))).filter(|r| r.period.is_some()).count())
    });
}

/// One frame of the window: egui's pass and tessellation, what a CPU does before the GPU draws.
fn frame(c: &mut Criterion) {
    for (name, size) in [("1080p", [1920.0, 1080.0]), ("4k", [3840.0, 2160.0])] {
        let ctx = egui::Context::default();
        steppe_atlas::ui::setup_context(&ctx);
        let mut app = AtlasApp::new(StartOptions { date: Date::parse("1918-07-01").ok(), ..Default::default() });
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]))),
            ..Default::default()
        };
        let run = |app: &mut AtlasApp| {
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        };
        // Warm up: fonts, textures, the first fit of the view.
        for _ in 0..3 {
            run(&mut app);
        }
        c.bench_function(&format!("frame {name} still"), |b| b.iter(|| run(&mut app)));
        let mut day = 0;
        c.bench_function(&format!("frame {name} playing"), |b| {
            b.iter(|| {
                day = (day + 1) % 1430;
                app.set_date(Date::ATLAS_START.add_days(day));
                run(&mut app)
            })
        });
    }
}

criterion_group!(benches, model, frame);
criterion_main!(benches);
