//! The map's layers, drawn in order over one another: neighbours, control fills, water, rivers and water names, borders, zones,
//! cities, labels, highlight. Each draws through the [`Projector`]; adding a layer never means
//! editing the map widget.

use egui::{self, Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, TextureId, pos2, vec2};

use super::Projector;
use super::cache::Caching;
use super::labels::{LabelLayer, draw_with_halo};
use super::occupancy::Occupancy;
use crate::style::{self, ControlPaint};
use atlas_core::geometry::{AreaShape, MapGeometry, MapRect, Outline};
use atlas_core::layers::{Layer, LayerSet};
use atlas_core::model::{Atlas, Language, PlaceId, PlaceKind};

/// What every layer may read for one frame.
pub struct MapScene<'a> {
    pub atlas: &'a Atlas,
    pub geometry: &'a MapGeometry,
    /// `paints[place]`: how the place is coloured on the current date.
    pub paints: &'a [ControlPaint],
    /// `visible[place]`: whether the place is drawn on the current date (zones come and go).
    pub visible: &'a [bool],
    pub language: Language,
    pub hovered: Option<PlaceId>,
    /// Places outlined on the map: the selected one, or a tour step's.
    pub highlights: &'a [PlaceId],
    /// A repeating stripe texture for places held by several sides.
    pub hatch_texture: TextureId,
    /// Text size multiplier (1 at a desk; larger on a projector).
    pub text_scale: f32,
    /// The optional layers that are on.
    pub layers: LayerSet,
    /// The shaded relief's texture and the map rectangle it covers, once loaded.
    pub relief: Option<(TextureId, atlas_core::geometry::MapRect)>,
    /// How thick the fills are laid on: a setting of the screen, not of the text size.
    pub look: crate::DisplayLook,
}

impl MapScene<'_> {
    pub(super) fn paint(&self, place: PlaceId) -> ControlPaint {
        self.paints.get(place.index()).copied().unwrap_or(ControlPaint::of(&[]))
    }

    pub(super) fn shows(&self, layer: Layer) -> bool {
        self.layers.contains(layer)
    }

    /// A place's name as the map shows it: the present-day name where asked for and known.
    pub(super) fn name_of(&self, place: PlaceId) -> &str {
        let place = self.atlas.place(place);
        match &place.modern_name {
            Some(modern) if self.shows(Layer::ModernNames) && !modern.get(self.language).is_empty() => {
                modern.get(self.language)
            }
            _ => place.name.get(self.language),
        }
    }

    fn is_visible(&self, place: PlaceId) -> bool {
        self.visible.get(place.index()).copied().unwrap_or(true)
    }

    /// Area places of one kind with their shapes, in atlas order.
    pub(super) fn areas_of_kind(&self, kind: PlaceKind) -> impl Iterator<Item = (PlaceId, &AreaShape)> + '_ {
        self.atlas
            .place_ids()
            .filter(move |&id| self.atlas.place(id).kind == kind && self.is_visible(id))
            .filter_map(|id| Some((id, self.geometry.area(id)?)))
    }
}

/// How opaque the area fills are: on a projector colours are laid on thicker, because
/// projectors wash them out.
fn fill_alpha(scene: &MapScene<'_>) -> u8 {
    match scene.look {
        crate::DisplayLook::Projector => 235,
        crate::DisplayLook::Screen => style::AREA_FILL_ALPHA,
    }
}

/// One layer of the map.
pub trait MapLayer {
    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>);

    /// What the layer's drawing depends on besides the view, so that the map can keep it
    /// between frames (see [`super::cache`]).
    fn caching(&self) -> Caching {
        Caching::PerDate
    }
}

/// The layers in drawing order. Water comes after the control fills because the lakes
/// (Balkhash, Issyk-Kul, Zaisan, Alakol) lie inside oblasts.
/// Rivers come after the water and before the borders, so that a border along a river stays
/// visible. Relief shades the fills from above, as hill shading does on a printed atlas;
/// present-day borders go over the historical ones. Every name is drawn last, by one layer that
/// places them all without collisions ([`LabelLayer`]).
pub const LAYERS: [&dyn MapLayer; 11] = [
    &ContextLayer,
    &ControlLayer,
    &ReliefLayer,
    &WaterLayer,
    &RiverLayer,
    &BorderLayer,
    &ModernBorderLayer,
    &ZoneLayer,
    &CityLayer,
    &LabelLayer,
    &HighlightLayer,
];

/// The neighbours of 1917: a neutral tone a little darker than the background, a grey edge.
pub(super) const CONTEXT_FILL: Color32 = Color32::from_rgb(0xe3, 0xdf, 0xd3);
const CONTEXT_EDGE: Color32 = Color32::from_rgb(0xb8, 0xb2, 0xa4);

fn tolerance_km(painter: &Painter, projector: &Projector) -> f32 {
    projector.tolerance_km(painter.pixels_per_point())
}

/// The outline of a shape at the detail this frame needs.
fn outline<'s>(shape: &'s AreaShape, painter: &Painter, projector: &Projector) -> &'s Outline {
    shape.outline_for(tolerance_km(painter, projector))
}

/// A flat-coloured mesh of an area's triangles.
fn fill_mesh(shape: &Outline, projector: &Projector, colour: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(shape.vertices.len());
    mesh.reserve_triangles(shape.triangles.len() / 3);
    for &vertex in &shape.vertices {
        mesh.colored_vertex(projector.screen_from_map(vertex), colour);
    }
    mesh.indices.extend_from_slice(&shape.triangles);
    mesh
}

/// The same triangles textured with band `band` of `count` stripes, tinted `colour`. The
/// pattern is fixed to the screen, so stripes line up across neighbouring areas and match the
/// legend's swatches ([`crate::legend::swatch`]).
fn hatch_mesh(
    shape: &Outline,
    projector: &Projector,
    colour: Color32,
    texture: TextureId,
    (band, count): (usize, usize),
) -> Mesh {
    let period = count as f32 * style::STRIPE_BAND;
    let (phase, row) = (style::band_phase(band, count), style::hatch_row(count));
    let mut mesh = Mesh::with_texture(texture);
    mesh.reserve_vertices(shape.vertices.len());
    for &vertex in &shape.vertices {
        let pos = projector.screen_from_map(vertex);
        mesh.vertices.push(egui::epaint::Vertex {
            pos,
            uv: pos2((pos.x + pos.y) / period - phase, row),
            color: colour,
        });
    }
    mesh.indices.extend_from_slice(&shape.triangles);
    mesh
}

/// An area in its paint: one colour, or the dark lines under a stripe per holder.
fn paint_area(
    painter: &Painter,
    projector: &Projector,
    shape: &Outline,
    paint: ControlPaint,
    alpha: u8,
    texture: TextureId,
) {
    let stripes = paint.stripes();
    // Under stripes the separator is opaque: a translucent one would let the relief lighten it
    // and bring the stripes' mean colour back towards a single side's.
    let alpha = if stripes.is_empty() { alpha } else { 255 };
    painter.add(fill_mesh(shape, projector, with_alpha(paint.fill, alpha)));
    for (band, &colour) in stripes.iter().enumerate() {
        painter.add(hatch_mesh(shape, projector, colour, texture, (band, stripes.len())));
    }
}

fn on_screen(shape: &AreaShape, projector: &Projector, clip: Rect) -> bool {
    projector.screen_rect(shape.bounds).intersects(clip)
}

/// Borders of a unit smaller than this on screen (points, its larger side) are left out: zoomed
/// far out, the lines would be all there is to see of it, and its fill still shows its colour.
const MIN_OUTLINED_SIZE: f32 = 8.0;

/// Units smaller than this on screen are not filled: they are under a pixel or two, and the
/// unit around them (an oblast under its uezds) is.
const MIN_FILLED_SIZE: f32 = 1.5;

/// Whether a shape is on screen and at least `min_size` points across.
fn shown_at(shape: &AreaShape, projector: &Projector, clip: Rect, min_size: f32) -> bool {
    let rect = projector.screen_rect(shape.bounds);
    rect.intersects(clip) && rect.width().max(rect.height()) >= min_size
}

fn ring_shape(ring: &[atlas_core::geometry::MapPoint], projector: &Projector, stroke: Stroke) -> Shape {
    Shape::line(ring.iter().map(|&p| projector.screen_from_map(p)).collect(), stroke)
}

fn with_alpha(colour: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

/// A shape filled in one colour and outlined, each only where it is large enough to see.
fn fill_and_outline(painter: &Painter, projector: &Projector, shape: &AreaShape, fill: Color32, edge: Stroke) {
    let clip = painter.clip_rect();
    if !shown_at(shape, projector, clip, MIN_FILLED_SIZE) {
        return;
    }
    let outlined = shown_at(shape, projector, clip, MIN_OUTLINED_SIZE);
    let shape = outline(shape, painter, projector);
    painter.add(fill_mesh(shape, projector, fill));
    if outlined {
        for ring in &shape.rings {
            painter.add(ring_shape(ring, projector, edge));
        }
    }
}

pub struct WaterLayer;

impl MapLayer for WaterLayer {
    fn caching(&self) -> Caching {
        Caching::PerView
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        for shape in &scene.geometry.water {
            fill_and_outline(painter, projector, shape, style::WATER, Stroke::new(0.8, style::WATER_EDGE));
        }
    }
}

/// The neighbours of 1917 under everything else, in a neutral tone (their names: [`RiverLayer`]).
pub struct ContextLayer;

impl MapLayer for ContextLayer {
    fn caching(&self) -> Caching {
        Caching::PerView
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        if !scene.shows(Layer::Neighbours) {
            return;
        }
        for shape in &scene.geometry.context {
            fill_and_outline(painter, projector, shape, CONTEXT_FILL, Stroke::new(0.7, CONTEXT_EDGE));
        }
    }
}

/// Rivers as blue lines (their names: [`super::labels::LabelLayer`]).
pub struct RiverLayer;

impl MapLayer for RiverLayer {
    fn caching(&self) -> Caching {
        Caching::PerView
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        if scene.shows(Layer::Rivers) {
            draw_rivers(painter, projector, scene);
        }
    }
}

fn draw_rivers(painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
    let clip = painter.clip_rect();
    // A little wider as one zooms in, never thicker than a border.
    let width = (projector.points_per_km() * 1.5).clamp(0.8, 1.8);
    let shown = visible_river_rank(projector.points_per_km() / scene.text_scale.max(1.0));
    for (river, shape) in scene.atlas.rivers.iter().zip(&scene.geometry.rivers) {
        if river.rank > shown || !projector.screen_rect(shape.bounds).intersects(clip) {
            continue;
        }
        // the lesser streams thinner, as on a printed map
        let stroke =
            Stroke::new(width * [1.0, 0.8, 0.65, 0.5][usize::from(river.rank.clamp(1, 4) - 1)], style::WATER_EDGE);
        for line in shape.lines_for(tolerance_km(painter, projector)) {
            painter.add(Shape::line(line.iter().map(|&p| projector.screen_from_map(p)).collect(), stroke));
        }
    }
}

/// The least important river rank drawn at this scale (screen points per km): the whole network
/// only when zoomed in far enough that it does not turn the steppe into a web.
fn visible_river_rank(points_per_km: f32) -> u8 {
    match points_per_km {
        p if p >= 1.5 => 4,
        p if p >= 0.9 => 3,
        p if p >= 0.3 => 2,
        _ => 1,
    }
}

/// Oblasts (and uezds, where they have outlines) filled by who holds them.
pub struct ControlLayer;

impl MapLayer for ControlLayer {
    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        let clip = painter.clip_rect();
        // An oblast divided into uezds is never filled itself: its own colours (often several
        // sides at once over the whole oblast) would show through the uezds' translucent fills,
        // and each spot must show what its smallest unit says (as `query --near` does). The
        // uezds tile their oblast (a geography test checks it), so every uezd is filled, however
        // small or far off screen its neighbours are.
        for kind in [PlaceKind::Oblast, PlaceKind::Uezd] {
            for (id, shape) in scene.areas_of_kind(kind) {
                if !shown_at(shape, projector, clip, 0.0) || scene.atlas.is_divided(id) {
                    continue;
                }
                let shape = outline(shape, painter, projector);
                paint_area(painter, projector, shape, scene.paint(id), fill_alpha(scene), scene.hatch_texture);
            }
        }
    }
}

pub struct BorderLayer;

impl MapLayer for BorderLayer {
    fn caching(&self) -> Caching {
        Caching::PerVisibility
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        for (kind, width) in [(PlaceKind::Uezd, 0.6), (PlaceKind::Oblast, 1.4)] {
            if kind == PlaceKind::Uezd && !scene.shows(Layer::UezdBorders) {
                continue;
            }
            for (_, shape) in scene.areas_of_kind(kind) {
                if shown_at(shape, projector, painter.clip_rect(), MIN_OUTLINED_SIZE) {
                    for ring in &outline(shape, painter, projector).rings {
                        let width = width * scene.text_scale.max(1.0);
                        painter.add(ring_shape(ring, projector, Stroke::new(width, style::OBLAST_BORDER)));
                    }
                }
            }
        }
    }
}

/// Free zones (partisan districts): hatched in their holder's colour with a dashed edge.
pub struct ZoneLayer;

impl MapLayer for ZoneLayer {
    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        if !scene.shows(Layer::Zones) {
            return;
        }
        for (id, shape) in scene.areas_of_kind(PlaceKind::Zone) {
            if !on_screen(shape, projector, painter.clip_rect()) {
                continue;
            }
            let paint = scene.paint(id);
            let shape = outline(shape, painter, projector);
            // A zone is hatched, never solid, so the oblast's own holder shows between its stripes.
            let colours = if paint.stripes().is_empty() { std::slice::from_ref(&paint.fill) } else { paint.stripes() };
            painter.add(fill_mesh(shape, projector, with_alpha(paint.main_colour(), 90)));
            for (band, &colour) in colours.iter().enumerate() {
                painter.add(hatch_mesh(shape, projector, colour, scene.hatch_texture, (band, colours.len())));
            }
            for ring in &shape.rings {
                let points: Vec<Pos2> = ring.iter().map(|&p| projector.screen_from_map(p)).collect();
                painter.extend(Shape::dashed_line(&points, Stroke::new(1.5, style::ZONE_BORDER), 6.0, 4.0));
            }
        }
    }
}

/// The radius of a city marker in points.
pub fn city_radius_for(scene: &MapScene<'_>) -> f32 {
    5.0 * scene.text_scale
}

/// The cities drawn in this frame and where: those on screen (with a margin of `margin`
/// points), leaving out any whose marker would sit more than half on one already drawn. Zoomed
/// far out over a dense atlas, hundreds of towns fall on the same few pixels; drawing them all
/// costs time and shows nothing more. The atlas order decides which one stays.
pub fn visible_cities(scene: &MapScene<'_>, projector: &Projector, clip: Rect, margin: f32) -> Vec<(PlaceId, Pos2)> {
    let radius = city_radius_for(scene);
    let area = clip.expand(margin);
    let mut drawn = Occupancy::new(radius * 4.0);
    let mut cities = Vec::new();
    // Towns before settlements, so that a village never pushes out its town.
    let towns = scene.atlas.place_ids().filter(|&id| scene.atlas.place(id).kind != PlaceKind::Settlement);
    let settlements = scene.atlas.place_ids().filter(|&id| scene.atlas.place(id).kind == PlaceKind::Settlement);
    for id in towns.chain(settlements) {
        let Some(point) = scene.geometry.point(id) else { continue };
        let centre = projector.screen_from_map(point);
        if !area.contains(centre) {
            continue;
        }
        let core = Rect::from_center_size(centre, vec2(radius, radius));
        if drawn.overlaps(core, None) {
            continue;
        }
        drawn.insert(core);
        cities.push((id, centre));
    }
    cities
}

pub struct CityLayer;

/// A settlement's marker is smaller than a town's, so that the towns stay the landmarks.
fn marker_radius(scene: &MapScene<'_>, id: PlaceId, town_radius: f32) -> f32 {
    if scene.atlas.place(id).kind == PlaceKind::Settlement { town_radius * 0.7 } else { town_radius }
}

/// The width of the dark edge around a city marker, in points.
const MARKER_EDGE: f32 = 1.2;

impl MapLayer for CityLayer {
    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        let radius = city_radius_for(scene);
        for (id, centre) in visible_cities(scene, projector, painter.clip_rect(), radius * 2.0) {
            let paint = scene.paint(id);
            let radius = marker_radius(scene, id, radius);
            // A dark disc under a coloured one rather than a stroked circle: egui draws a filled
            // disc as one square from its atlas, a stroke as dozens of vertices.
            painter.circle_filled(centre, radius + MARKER_EDGE, style::OBLAST_BORDER);
            if paint.stripes().is_empty() {
                painter.circle_filled(centre, radius, paint.fill);
            } else {
                // A town held by several sides is split into a slice per holder: too small for stripes.
                paint_slices(painter, centre, radius, paint.stripes());
            }
        }
    }
}

/// A disc cut into equal slices, one per colour, the first from the top, clockwise.
fn paint_slices(painter: &Painter, centre: Pos2, radius: f32, colours: &[Color32]) {
    const STEPS_PER_SLICE: usize = 8;
    let count = colours.len().max(1) as f32;
    for (slice, &colour) in colours.iter().enumerate() {
        let start = slice as f32 / count * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
        let mut points = vec![centre];
        points.extend((0..=STEPS_PER_SLICE).map(|step| {
            let angle = start + step as f32 / STEPS_PER_SLICE as f32 * std::f32::consts::TAU / count;
            centre + radius * vec2(angle.cos(), angle.sin())
        }));
        painter.add(Shape::convex_polygon(points, colour, Stroke::NONE));
    }
}

/// The width of the highlight's line, in points at a desk.
pub const HIGHLIGHT_WIDTH: f32 = 3.0;
/// The dark edge on each side of the highlight's yellow, in points.
const HIGHLIGHT_CASING: f32 = 1.0;

/// The gap between a town's centre and its name: the marker, its edge and the highlight's ring.
pub fn label_gap(scene: &MapScene<'_>) -> f32 {
    city_radius_for(scene) + MARKER_EDGE + HIGHLIGHT_WIDTH * scene.text_scale.max(1.0) + 2.0 * HIGHLIGHT_CASING + 1.0
}

/// The hovered and the highlighted place, outlined.
pub struct HighlightLayer;

impl MapLayer for HighlightLayer {
    /// It follows the pointer, and is a few lines.
    fn caching(&self) -> Caching {
        Caching::Never
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        let highlighted = scene.highlights.iter().map(|&place| (place, HIGHLIGHT_WIDTH));
        for (place, width) in highlighted.chain(scene.hovered.map(|place| (place, 2.5))) {
            let width = width * scene.text_scale.max(1.0);
            // Yellow in a dark casing: the yellow stands out on the dark fills, the casing on
            // the light steppe (yellow alone is about 1.1:1 on it; WCAG asks 3:1 of a symbol).
            let strokes = [
                Stroke::new(width + 2.0 * HIGHLIGHT_CASING, style::HIGHLIGHT_CASING),
                Stroke::new(width, style::HIGHLIGHT),
            ];
            for stroke in strokes {
                if let Some(shape) = scene.geometry.area(place) {
                    for ring in &outline(shape, painter, projector).rings {
                        painter.add(ring_shape(ring, projector, stroke));
                    }
                }
                if let Some(point) = scene.geometry.point(place) {
                    let centre = projector.screen_from_map(point);
                    // Hugging the marker, inside the gap left before a town's name, so it never
                    // covers the name's first letters.
                    let ring = city_radius_for(scene) + MARKER_EDGE + HIGHLIGHT_CASING + width / 2.0;
                    painter.circle_stroke(centre, ring, stroke);
                }
            }
        }
    }
}

/// Hill shading over the fills: dark where slopes face away from the light, light where they
/// face it, transparent on flat ground, so colours stay true on the steppe.
pub struct ReliefLayer;

impl MapLayer for ReliefLayer {
    fn caching(&self) -> Caching {
        Caching::PerView
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        let Some((texture, bounds)) = scene.relief.filter(|_| scene.shows(Layer::Relief)) else { return };
        let rect = projector.screen_rect(bounds);
        let full = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        let screen_pixels_per_km = projector.points_per_km() * painter.ctx().pixels_per_point();
        let zoomed_in = crate::relief::Relief::shipped()
            .is_some_and(|base| base.magnification(screen_pixels_per_km) > crate::relief::Relief::DETAIL_FROM);
        let detail = zoomed_in
            .then(|| detail_texture(painter.ctx()))
            .flatten()
            .map(|(detail, detail_bounds)| (detail, projector.screen_rect(detail_bounds)))
            .filter(|(_, detail_rect)| rect.contains_rect(*detail_rect) && detail_rect.intersects(painter.clip_rect()));
        let Some((detail, detail_rect)) = detail else {
            painter.image(texture, rect, full, Color32::WHITE);
            return;
        };
        // The base round the detail's rectangle, the detail inside it: each spot shaded once.
        let uv_of = |piece: Rect| {
            Rect::from_min_max(
                pos2((piece.min.x - rect.min.x) / rect.width(), (piece.min.y - rect.min.y) / rect.height()),
                pos2((piece.max.x - rect.min.x) / rect.width(), (piece.max.y - rect.min.y) / rect.height()),
            )
        };
        let (d, r) = (detail_rect, rect);
        for piece in [
            Rect::from_min_max(r.min, pos2(r.max.x, d.min.y)),
            Rect::from_min_max(pos2(r.min.x, d.max.y), r.max),
            Rect::from_min_max(pos2(r.min.x, d.min.y), pos2(d.min.x, d.max.y)),
            Rect::from_min_max(pos2(d.max.x, d.min.y), pos2(r.max.x, d.max.y)),
        ] {
            if piece.is_positive() && piece.intersects(painter.clip_rect()) {
                painter.image(texture, piece, uv_of(piece), Color32::WHITE);
            }
        }
        painter.image(detail, detail_rect, full, Color32::WHITE);
    }
}

/// The detail relief's texture and map rectangle, made on first use and kept with the context
/// (the window's or the offscreen renderer's); `None` if it could not be decoded.
fn detail_texture(ctx: &egui::Context) -> Option<(egui::TextureId, MapRect)> {
    type Stored = Option<(egui::TextureHandle, MapRect)>;
    let key = egui::Id::unique("steppe-atlas relief detail");
    let stored = ctx.data(|data| data.get_temp::<Stored>(key)).unwrap_or_else(|| {
        let largest = ctx.input(|input| input.max_texture_side);
        let fits = |relief: &&crate::relief::Relief| relief.width.max(relief.height) <= largest;
        let made: Stored = crate::relief::Relief::shipped_detail().filter(fits).map(|relief| {
            let image = relief_overlay(relief);
            (ctx.load_texture("relief detail", image, egui::TextureOptions::LINEAR), relief.bounds)
        });
        ctx.data_mut(|data| data.insert_temp(key, made.clone()));
        made
    });
    stored.map(|(texture, bounds)| (texture.id(), bounds))
}

/// The relief as premultiplied overlay colours: black with alpha on shaded slopes, white on lit
/// ones, nothing on flat ground.
pub fn relief_overlay(relief: &crate::relief::Relief) -> egui::ColorImage {
    let flat = i32::from(crate::relief::FLAT);
    let pixels = relief
        .shade
        .iter()
        .map(|&value| {
            let difference = i32::from(value) - flat;
            if difference < 0 {
                let alpha = (-difference * 100 / 128).min(110) as u8;
                Color32::from_rgba_premultiplied(0, 0, 0, alpha)
            } else {
                let alpha = (difference * 60 / 31).min(70) as u8;
                Color32::from_rgba_premultiplied(alpha, alpha, alpha, alpha)
            }
        })
        .collect();
    egui::ColorImage::new([relief.width, relief.height], pixels)
}

/// Present-day international borders as dashed lines, with the countries' present names.
pub struct ModernBorderLayer;

const MODERN_BORDER: Color32 = Color32::from_rgb(0x8e, 0x24, 0x8c);

impl MapLayer for ModernBorderLayer {
    fn caching(&self) -> Caching {
        Caching::PerView
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        if !scene.shows(Layer::ModernBorders) {
            return;
        }
        let clip = painter.clip_rect();
        let stroke = Stroke::new(1.6 * scene.text_scale.max(1.0), MODERN_BORDER);
        for shape in &scene.geometry.modern_borders {
            if !projector.screen_rect(shape.bounds).intersects(clip) {
                continue;
            }
            for line in shape.lines_for(tolerance_km(painter, projector)) {
                let points: Vec<Pos2> = line.iter().map(|&p| projector.screen_from_map(p)).collect();
                painter.extend(Shape::dashed_line(&points, stroke, 7.0, 4.0));
            }
        }
        let font = FontId::new(14.0 * scene.text_scale, egui::FontFamily::Name(crate::fonts::BOLD.into()));
        for (label, &point) in scene.atlas.modern_labels.iter().zip(&scene.geometry.modern_labels) {
            let centre = projector.screen_from_map(point);
            let galley = painter.layout_no_wrap(label.name.get(scene.language).to_owned(), font.clone(), MODERN_BORDER);
            let rect = Align2::CENTER_CENTER.anchor_size(centre, galley.size());
            if clip.contains_rect(rect) {
                draw_with_halo(painter, rect.min, &galley, MODERN_BORDER);
            }
        }
    }
}
