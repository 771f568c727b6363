//! Benchmarks: `cargo bench --bench atlas`. Numbers and the machine they were measured on are in
//! BENCHMARKS.md.
//!
//! - load: parse the embedded data into an atlas;
//! - start: everything the app computes before its first frame;
//! - geometry: project and triangulate every outline;
//! - resolve: who holds every place on one date;
//! - frame: one full frame of the window (UI, map, tessellation; no GPU) at 1920x1080 and
//!   3840x2160, still and while the date moves;
//! - export: `render` of a 1920x1080 PNG (layout, tessellation, CPU rasteriser, PNG encoder);
//! - scale: load, resolve and the 1080p frame on synthetic datasets 1x, 10x and 100x the shipped
//!   one (see `synthetic`), with the number of map vertices as throughput.
//!
//! `cargo bench --bench atlas -- scale` runs one group alone; `STEPPE_BENCH_SCALES=1,10` chooses the
//! synthetic scales.

mod synthetic;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eframe::egui;
use steppe_atlas::data::{Dataset, load};
use steppe_atlas::geometry::MapGeometry;
use steppe_atlas::model::{Atlas, Date};
use steppe_atlas::render::{RenderRequest, Renderer, encode};
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
    c.bench_function("resolve every place on a date", |b| b.iter(|| resolve_all(&atlas, black_box(date))));
}

fn resolve_all(atlas: &Atlas, date: Date) -> usize {
    atlas.place_ids().map(|id| atlas.resolve(id, date)).filter(|r| r.period.is_some()).count()
}

/// A headless window: an egui context with the atlas's fonts and style, and the app.
struct Window {
    ctx: egui::Context,
    app: AtlasApp,
    size: [f32; 2],
    /// egui's clock, advanced a 60th of a second a frame, so that animations (the pulse of
    /// changed places) run and end as on screen.
    time: f64,
}

impl Window {
    fn new(options: StartOptions, size: [f32; 2]) -> Window {
        let ctx = egui::Context::default();
        steppe_atlas::ui::setup_context(&ctx);
        let options = StartOptions { date: Date::parse("1918-07-01").ok(), ..options };
        let mut window = Window { ctx, app: AtlasApp::new(options), size, time: 0.0 };
        // Warm up: fonts, textures, the first fit of the view.
        for _ in 0..3 {
            window.frame();
        }
        window
    }

    /// One frame of the window: egui's pass and tessellation, what a CPU does before the GPU draws.
    fn frame(&mut self) -> Vec<egui::ClippedPrimitive> {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(self.size[0], self.size[1]))),
            time: Some(self.time),
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        output.textures_delta.clear(); // no GPU to upload them to
        self.ctx.tessellate(output.shapes, output.pixels_per_point)
    }

    /// A frame after moving the date a day on (wrapping round the atlas's years), as in playback.
    fn playing_frame(&mut self, day: &mut i32) -> Vec<egui::ClippedPrimitive> {
        *day = (*day + 1) % 1430;
        self.app.set_date(Date::ATLAS_START.add_days(*day));
        self.frame()
    }
}

fn frame(c: &mut Criterion) {
    for (name, size) in [("1080p", [1920.0, 1080.0]), ("4k", [3840.0, 2160.0])] {
        let mut window = Window::new(StartOptions::default(), size);
        c.bench_function(&format!("frame {name} still"), |b| b.iter(|| black_box(window.frame())));
        let mut day = 0;
        c.bench_function(&format!("frame {name} playing"), |b| b.iter(|| black_box(window.playing_frame(&mut day))));
    }
}

/// `steppe-atlas render --date 1918-07-01 --size hd`: the image and its PNG bytes, in process.
fn export(c: &mut Criterion) {
    let atlas = load(&Dataset::embedded()).atlas;
    let geometry = MapGeometry::new(&atlas);
    let date = Date::parse("1918-07-01").unwrap_or(Date::ATLAS_START);
    let request = RenderRequest::new(date, [1920, 1080]);
    let mut renderer = Renderer::new();
    // Warm up: fonts laid out and textures uploaded once per renderer, as for a frame sequence.
    black_box(renderer.render(&atlas, &geometry, &request));
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.bench_function("render 1920x1080", |b| b.iter(|| black_box(renderer.render(&atlas, &geometry, &request))));
    let canvas = renderer.render(&atlas, &geometry, &request);
    group.bench_function("encode PNG 1920x1080", |b| b.iter(|| black_box(encode::png_bytes(&canvas))));
    group.bench_function("render and encode 1920x1080 PNG", |b| {
        b.iter(|| black_box(encode::png_bytes(&renderer.render(&atlas, &geometry, &request))))
    });
    group.bench_function("first render in a new renderer (fonts, textures)", |b| {
        b.iter(|| black_box(encode::png_bytes(&Renderer::new().render(&atlas, &geometry, &request))))
    });
    group.finish();
}

/// Vertices of the meshes egui hands to the GPU for one frame.
fn mesh_vertices(primitives: &[egui::ClippedPrimitive]) -> usize {
    primitives
        .iter()
        .map(|primitive| match &primitive.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// The scales to run: `STEPPE_BENCH_SCALES=1,10` leaves out the 100x dataset (whose setup takes
/// a while even when criterion's filter skips its benchmarks).
fn scales() -> Vec<usize> {
    let chosen = std::env::var("STEPPE_BENCH_SCALES").unwrap_or_default();
    let scales: Vec<usize> = chosen.split(',').filter_map(|n| n.trim().parse().ok()).collect();
    if scales.is_empty() { vec![1, 10, 100] } else { scales }
}

fn scale(c: &mut Criterion) {
    for n in scales() {
        let Ok(dir) = tempfile::tempdir() else { return };
        if let Err(error) = synthetic::write_scaled(n, dir.path()) {
            eprintln!("cannot write the {n}x dataset: {error}");
            return;
        }
        // One-off timings (a 100x load takes too long for many samples).
        let started = Instant::now();
        let (dataset, _) = Dataset::from_dir(dir.path());
        let loaded = load(&dataset);
        let load_time = started.elapsed();
        let atlas = loaded.atlas;
        let started = Instant::now();
        let geometry = MapGeometry::new(&atlas);
        let geometry_time = started.elapsed();
        let vertices = geometry.vertex_count();
        let started = Instant::now();
        let mut window =
            Window::new(StartOptions { data_dir: Some(dir.path().to_owned()), ..Default::default() }, [1920.0, 1080.0]);
        let start_time = started.elapsed();
        let drawn = mesh_vertices(&window.frame());
        eprintln!(
            "scale {n}x: {} places, {} periods, {} events, {vertices} vertices ({drawn} in the 1080p frame's meshes), {} problems; \
             read+load {load_time:.2?}, geometry {geometry_time:.2?}, app start + 3 frames {start_time:.2?}",
            atlas.places().len(),
            atlas.periods().len(),
            atlas.events().len(),
            loaded.problems.len(),
        );
        for problem in loaded.problems.iter().take(5) {
            eprintln!("  {problem}");
        }
        let mut group = c.benchmark_group(format!("scale {n}x"));
        group.sample_size(10).warm_up_time(Duration::from_millis(500));
        let date = Date::parse("1919-07-10").unwrap_or(Date::ATLAS_START);
        group.throughput(Throughput::Elements(atlas.places().len() as u64));
        group.bench_function("resolve every place on a date", |b| b.iter(|| resolve_all(&atlas, black_box(date))));
        group.throughput(Throughput::Elements(vertices as u64));
        group.bench_function("frame 1080p still", |b| b.iter(|| black_box(window.frame())));
        let mut day = 0;
        group.bench_function("frame 1080p playing", |b| b.iter(|| black_box(window.playing_frame(&mut day))));
        group.finish();
    }
}

criterion_group!(benches, model, frame, export, scale);
criterion_main!(benches);
