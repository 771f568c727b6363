//! Keeps each map layer's tessellated meshes from one frame to the next.
//!
//! egui tessellates every shape again every frame, which is right for a UI but not for a map of
//! thousands of outlines that only move when the view does. So a layer states what its drawing
//! depends on ([`Caching`]); the map hashes those inputs into a key, and while the key stays the
//! same the layer is not drawn again: its meshes (tessellated once, by egui's own tessellator
//! with the context's options, so the pixels are the same) and its text and disc shapes (whose
//! layout and placement are the costly part; egui draws them from its font atlas) are handed to
//! egui as they are, in the order the layer drew them (a town split into slices is a disc
//! under meshes).
//!
//! The first frame with a new key draws the layer as usual, takes its shapes back out of the
//! paint list and replaces them with the tessellated meshes, so cached and fresh frames paint
//! exactly the same thing.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::epaint::ClippedShape;
use egui::layers::ShapeIdx;
use egui::{self, Mesh, Painter, Rect, Shape, TextureId, epaint};

/// What a layer's drawing depends on, besides the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// Drawn every frame (it follows the pointer, or is cheap).
    Never,
    /// The same for every date: base geography, names of nature.
    PerView,
    /// Changes only when places appear or go (free zones): borders, names.
    PerVisibility,
    /// Changes with who holds what: colours.
    PerDate,
}

/// A hash of everything a map frame is drawn from.
pub fn key_of(parts: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

struct Entry {
    key: u64,
    /// What the layer drew, in its order.
    parts: Vec<Part>,
}

/// One piece of a cached layer.
enum Part {
    /// Tessellated shapes: one mesh per run of the same texture and clip.
    Mesh(Rect, Arc<Mesh>),
    /// Text and discs, kept as shapes: egui draws them against the current font atlas.
    Shape(ClippedShape),
}

/// The cached drawing of each layer of one map widget.
#[derive(Default)]
pub struct LayerCache {
    entries: Vec<Option<Entry>>,
    /// How full the font atlas was: when egui starts a new atlas, cached text and discs point
    /// at glyphs that are gone, so everything is drawn again.
    font_fill: f32,
}

/// A cache shared through egui's temporary memory, one per map widget.
pub type SharedLayerCache = Arc<egui::mutex::Mutex<LayerCache>>;

impl LayerCache {
    /// Forgets everything if the font atlas was started anew since the last frame.
    pub fn check_fonts(&mut self, ctx: &egui::Context) {
        let fill = ctx.fonts(|fonts| fonts.font_atlas_fill_ratio());
        if fill < self.font_fill {
            self.entries.clear();
        }
        self.font_fill = fill;
    }

    /// Draws layer `index` with `draw`, or replays what it drew for the same `key`.
    pub fn draw(&mut self, index: usize, key: Option<u64>, painter: &Painter, draw: impl FnOnce(&Painter)) {
        let Some(key) = key else {
            draw(painter);
            return;
        };
        if self.entries.len() <= index {
            self.entries.resize_with(index + 1, || None);
        }
        if let Some(entry) = self.entries[index].as_ref().filter(|entry| entry.key == key) {
            replay(painter, entry);
            return;
        }
        let ctx = painter.ctx();
        let layer = painter.layer_id();
        let start = ctx.graphics_mut(|graphics| graphics.entry(layer).next_idx().0);
        draw(painter);
        let shapes = take_shapes_from(painter, start);
        let entry = tessellate(ctx, key, shapes);
        replay(painter, &entry);
        self.entries[index] = Some(entry);
    }
}

/// Removes the shapes added to the painter's layer since `start` (leaving no-ops in their place).
fn take_shapes_from(painter: &Painter, start: usize) -> Vec<ClippedShape> {
    painter.ctx().graphics_mut(|graphics| {
        let list = graphics.entry(painter.layer_id());
        let end = list.next_idx().0;
        let mut shapes = Vec::with_capacity(end.saturating_sub(start));
        for index in start..end {
            list.mutate_shape(ShapeIdx(index), |clipped| {
                let shape = std::mem::replace(&mut clipped.shape, Shape::Noop);
                shapes.push(ClippedShape { shape, ..clipped.clone() });
            });
        }
        shapes
    })
}

fn flatten(mut clipped: ClippedShape, out: &mut Vec<ClippedShape>) {
    match std::mem::replace(&mut clipped.shape, Shape::Noop) {
        Shape::Vec(shapes) => {
            for shape in shapes {
                flatten(ClippedShape { shape, ..clipped.clone() }, out);
            }
        }
        Shape::Noop => {}
        shape => out.push(ClippedShape { shape, ..clipped }),
    }
}

/// Tessellates the non-text shapes with egui's tessellator and options.
fn tessellate(ctx: &egui::Context, key: u64, shapes: Vec<ClippedShape>) -> Entry {
    let mut flat = Vec::with_capacity(shapes.len());
    for clipped in shapes {
        flatten(clipped, &mut flat);
    }
    let options = ctx.tessellation_options(|options| *options);
    let atlas_size = ctx.fonts(|fonts| fonts.font_image_size());
    // No pre-rendered discs from the font atlas: circles are tessellated as outlines, the same
    // in every frame whether it is drawn afresh or replayed.
    let mut tessellator = epaint::Tessellator::new(ctx.pixels_per_point(), options, atlas_size, Vec::new());
    let mut parts: Vec<(Rect, Result<Mesh, ClippedShape>)> = Vec::new();
    for clipped in flat {
        // Text and filled discs stay shapes for egui, which draws them from its font atlas (a
        // disc is one textured square there, where an outline would be dozens of vertices);
        // so do callbacks and shapes transformed after tessellation.
        let plain = clipped.transform_after_tessellation == egui::emath::TSTransform::IDENTITY;
        let from_atlas = match &clipped.shape {
            Shape::Text(_) | Shape::Callback(_) => true,
            Shape::Circle(circle) => circle.stroke.is_empty(),
            _ => false,
        };
        if !plain || from_atlas {
            parts.push((clipped.clip_rect, Err(clipped)));
            continue;
        }
        let ClippedShape { clip_rect, shape, .. } = clipped;
        let texture: TextureId = shape.texture_id();
        let same_run =
            matches!(parts.last(), Some((clip, Ok(mesh))) if *clip == clip_rect && mesh.texture_id == texture);
        if !same_run {
            parts.push((clip_rect, Ok(Mesh::with_texture(texture))));
        }
        if let Some((_, Ok(mesh))) = parts.last_mut() {
            tessellator.set_clip_rect(clip_rect);
            tessellator.tessellate_shape(shape, mesh);
        }
    }
    let parts = parts
        .into_iter()
        .filter_map(|(clip, part)| match part {
            Ok(mesh) if mesh.is_empty() => None,
            Ok(mesh) => Some(Part::Mesh(clip, Arc::new(mesh))),
            Err(shape) => Some(Part::Shape(shape)),
        })
        .collect();
    Entry { key, parts }
}

fn replay(painter: &Painter, entry: &Entry) {
    painter.ctx().graphics_mut(|graphics| {
        let list = graphics.entry(painter.layer_id());
        for part in &entry.parts {
            match part {
                Part::Mesh(clip_rect, mesh) => {
                    list.add(*clip_rect, Shape::Mesh(mesh.clone()));
                }
                Part::Shape(shape) => {
                    list.add(shape.clip_rect, shape.shape.clone());
                    if shape.transform_after_tessellation != egui::emath::TSTransform::IDENTITY {
                        let index = ShapeIdx(list.next_idx().0 - 1);
                        list.mutate_shape(index, |added| {
                            added.transform_after_tessellation = shape.transform_after_tessellation
                        });
                    }
                }
            }
        }
    });
}
