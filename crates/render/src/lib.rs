//! Maps as image files, with no window and no GPU: `steppe-atlas render`, the window's Export,
//! posters and tours. Headless: no clap, no eframe; the command line hands it a typed
//! [`RenderJob`].
//!
//! A page is laid out by egui with the window's own map code ([`atlas_map::print_frame`]),
//! tessellated by egui, and rasterised on the CPU by [`raster`]. The same request gives the same
//! bytes on every machine.

pub mod encode;
pub mod job;
pub mod raster;
mod tour_render;

pub use job::{RenderError, RenderJob, SequenceOutput, execute};
pub use tour_render::{FRAMES_PER_SECOND, subtitles, tour_frames};

use egui::{self, Pos2, Rect, ViewportId, vec2};

use atlas_core::geometry::{MapGeometry, MapRect};
use atlas_core::i18n::Translations;
use atlas_core::layers::LayerSet;
use atlas_core::model::{Atlas, Date, Language, PlaceId};
use atlas_map::MapView;
use atlas_map::date_paint::DatePaint;
use atlas_map::print_frame::{Decorations, PageLayout, PrintFrame, print_frame_ui};
use raster::{Canvas, TextureStore};

/// The largest image `render` makes: 16k on a side (a poster at 300 dpi is about 10k).
pub const MAX_SIDE: u32 = 16_384;

/// The page sizes people ask for by name: screens, and paper at 300 dots per inch, landscape.
/// The desk's Export and `render --size` offer them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizePreset {
    FullHd,
    Uhd4k,
    A4,
    A3,
    A2,
}

impl SizePreset {
    /// Width and height in pixels.
    pub const fn pixels(self) -> [u32; 2] {
        match self {
            SizePreset::FullHd => [1920, 1080],
            SizePreset::Uhd4k => [3840, 2160],
            SizePreset::A4 => [3508, 2480],
            SizePreset::A3 => [4961, 3508],
            SizePreset::A2 => [7016, 4961],
        }
    }

    /// The preset `render --size` names (`hd`, `1080p`, `4k`, `uhd`, `2160p`, `a4`, `a3`, `a2`).
    pub fn from_name(name: &str) -> Option<SizePreset> {
        match name {
            "hd" | "1080p" => Some(SizePreset::FullHd),
            "4k" | "uhd" | "2160p" => Some(SizePreset::Uhd4k),
            "a4" => Some(SizePreset::A4),
            "a3" => Some(SizePreset::A3),
            "a2" => Some(SizePreset::A2),
            _ => None,
        }
    }
}

/// One image to make.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderRequest {
    /// Width and height in pixels.
    pub size: [u32; 2],
    pub date: Date,
    pub language: Language,
    /// Language of the names on the map; the same as `language` when `None`.
    pub map_language: Option<Language>,
    pub layers: LayerSet,
    /// The part of the map to show, in projected kilometres; the whole atlas when `None`.
    pub extent: Option<MapRect>,
    pub highlights: Vec<PlaceId>,
    pub caption: Option<String>,
    pub decorations: Decorations,
    pub show_old_style: bool,
    /// Text size multiplier on top of the size's own scaling (2 on a projector).
    pub text_scale: f32,
}

impl RenderRequest {
    /// A full page of the whole atlas on `date`.
    pub fn new(date: Date, size: [u32; 2]) -> RenderRequest {
        RenderRequest {
            size,
            date,
            language: Language::En,
            map_language: None,
            layers: LayerSet::default(),
            extent: None,
            highlights: Vec::new(),
            caption: None,
            decorations: Decorations::Full,
            show_old_style: true,
            text_scale: 1.0,
        }
    }

    /// The page's size in egui points.
    pub fn size_in_points(&self) -> egui::Vec2 {
        let [width, height] = self.size.map(|side| side.clamp(1, MAX_SIDE));
        vec2(width as f32, height as f32) / self.pixels_per_point()
    }

    /// egui points per pixel: a 1080-pixel-high image is laid out at 1:1, larger ones are scaled
    /// up so that text keeps its size relative to the map, as on a 4K screen.
    pub fn pixels_per_point(&self) -> f32 {
        (self.size[0].min(self.size[1]) as f32 / 1080.0).clamp(0.5, 16.0)
    }
}

/// Draws the page of `request` over `ui`: what `render` rasterises, and what a test draws
/// through egui_kittest's GPU renderer to check that both give the same pixels.
pub fn draw_page(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    geometry: &MapGeometry,
    texts: &Translations,
    map_textures: &atlas_map::MapTextures,
    request: &RenderRequest,
) {
    let size_points = request.size_in_points();
    let extent = request.extent.filter(|extent| !extent.is_empty()).unwrap_or(geometry.bounds);
    let paint = DatePaint::compute(atlas, request.date);
    let frame = PrintFrame {
        atlas,
        geometry,
        texts,
        paint: &paint,
        language: request.language,
        map_language: request.map_language.unwrap_or(request.language),
        layers: request.layers,
        view: MapView::fit(extent, [size_points.x, size_points.y]),
        highlights: &request.highlights,
        hatch_texture: map_textures.hatch.id(),
        relief: map_textures.relief_id(),
        caption: request.caption.as_deref(),
        show_old_style: request.show_old_style,
        text_scale: request.text_scale,
        decorations: request.decorations,
        look: atlas_map::DisplayLook::Screen,
        layout: PageLayout::Overlay,
    };
    print_frame_ui(ui, &frame);
}

/// Makes images; keeps egui's fonts and textures between images, so a sequence of frames
/// lays out fonts once.
pub struct Renderer {
    ctx: egui::Context,
    textures: TextureStore,
    map_textures: atlas_map::MapTextures,
    texts: Translations,
}

impl Default for Renderer {
    fn default() -> Renderer {
        Renderer::new()
    }
}

impl Renderer {
    /// A renderer that writes its pages with the embedded translation table. That table is
    /// checked by the tests, so it reads; were a build to ship it broken, the pages would show
    /// the keys, and `render` and `check` say why before (see [`Renderer::with_texts`]).
    pub fn new() -> Renderer {
        Renderer::with_texts(Translations::embedded().unwrap_or_default())
    }

    /// A renderer that writes its pages with `texts`.
    pub fn with_texts(texts: Translations) -> Renderer {
        let ctx = egui::Context::default();
        atlas_map::setup_context(&ctx);
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        let map_textures = atlas_map::MapTextures::load(&ctx);
        Renderer { ctx, textures: TextureStore::default(), map_textures, texts }
    }

    /// The interface's texts the pages are written with.
    pub fn texts(&self) -> &Translations {
        &self.texts
    }

    /// Draws one page.
    pub fn render(&mut self, atlas: &Atlas, geometry: &MapGeometry, request: &RenderRequest) -> Canvas {
        let [width, height] = request.size.map(|side| side.clamp(1, MAX_SIDE));
        let pixels_per_point = request.pixels_per_point();
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, request.size_in_points())),
            max_texture_side: Some(MAX_SIDE as usize),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(pixels_per_point);
        }
        let (texts, map_textures) = (&self.texts, &self.map_textures);
        run_egui(&self.ctx, &mut self.textures, input, [width, height], |ui| {
            draw_page(ui, atlas, geometry, texts, map_textures, request);
        })
    }
}

impl Renderer {
    /// The header strip of a poster, `width` pixels wide, scaled like the poster's cells.
    pub fn render_header(&mut self, request: &RenderRequest, width: u32) -> Canvas {
        let pixels_per_point = request.pixels_per_point();
        let height = (150.0 * pixels_per_point * request.text_scale).round() as u32;
        let size_points = vec2(width as f32, height as f32) / pixels_per_point;
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size_points)),
            max_texture_side: Some(MAX_SIDE as usize),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(pixels_per_point);
        }
        let (texts, language, scale) = (&self.texts, request.language, request.text_scale);
        run_egui(&self.ctx, &mut self.textures, input, [width, height], |ui| {
            atlas_map::print_frame::poster_header_ui(ui, texts, language, scale);
        })
    }
}

/// Runs egui three times over `input` and rasterises the last. A new floating area (the legend)
/// is measured in an invisible first pass, and one anchored to a corner is only placed by its
/// measured size in the pass after that; with two passes a fresh renderer drew the legend
/// lower than a renderer that had drawn a page before.
fn run_egui(
    ctx: &egui::Context,
    textures: &mut TextureStore,
    input: egui::RawInput,
    [width, height]: [u32; 2],
    mut ui_fn: impl FnMut(&mut egui::Ui),
) -> Canvas {
    let mut output = None;
    for _ in 0..3 {
        let mut full = ctx.run_ui(input.clone(), |ui| {
            egui::CentralPanel::no_frame().show(ui, |ui| ui_fn(ui));
        });
        textures.apply(&full.textures_delta);
        full.textures_delta.clear();
        output = Some(full);
    }
    let mut canvas = Canvas::new(width, height, atlas_map::style::BACKGROUND);
    if let Some(output) = output {
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        canvas.draw(&primitives, textures, output.pixels_per_point);
    }
    canvas
}
