//! Every name on the map, placed in one pass so that no two overlap, in a fixed order of
//! priority: the oblasts first (the map's subject), then the towns, the seas and lakes, the
//! ranges and deserts, the rivers, the uezds, the neighbours of 1917 and last the settlements.
//! A name that cannot be placed without covering one placed before is left out; one pass over
//! one occupancy grid is what keeps "Uralsk" from running into "Ural".

use egui::{self, Align2, Color32, FontId, Painter, Pos2, Rect, vec2};

use super::Projector;
use super::cache::Caching;
use super::layers::{MapLayer, MapScene, city_radius_for, label_gap, visible_cities};
use super::occupancy::Occupancy;
use crate::style;
use atlas_core::geometry::{AreaShape, MapPoint, MapRect};
use atlas_core::layers::Layer;
use atlas_core::model::{Names, PlaceId, PlaceKind};

/// The neighbours' names: a warm grey, quieter than the atlas's own names but 4.5:1 on the
/// neighbours' fill (the lighter #8a8478 of before was 2.7:1).
const CONTEXT_LABEL: Color32 = Color32::from_rgb(0x5f, 0x5a, 0x50);
/// The names of rivers, lakes and seas: a dark water blue.
const WATER_LABEL: Color32 = Color32::from_rgb(0x2f, 0x5f, 0x8a);
/// The names of ranges, uplands and deserts: the brown of a printed atlas's relief.
const RANGE_LABEL: Color32 = Color32::from_rgb(0x6b, 0x4f, 0x2e);
/// Uezd names: quieter than the oblasts'.
const UEZD_LABEL: Color32 = Color32::from_rgb(0x4a, 0x44, 0x3a);

/// The smallest name on the map, in points at a desk (the interface's smallest text too).
const MIN_LABEL_SIZE: f32 = crate::fonts::MIN_TEXT_SIZE;

/// How the name of a natural feature or a neighbour looks, and how much room it needs.
struct FeatureLook {
    /// Text size in points at a desk.
    size: f32,
    colour: Color32,
    /// Drawn only if the feature is this many times wider than its name.
    room: f32,
    halo: bool,
}

const WATER_NAMES: FeatureLook = FeatureLook { size: 12.0, colour: WATER_LABEL, room: 1.5, halo: true };
const NEIGHBOUR_NAMES: FeatureLook = FeatureLook { size: 12.5, colour: CONTEXT_LABEL, room: 1.3, halo: false };

/// Screen points per km from which settlements get their names: about twice the whole-map scale
/// of a 1600-point-wide window.
const SETTLEMENT_LABELS_FROM: f32 = 0.75;

/// Names of every kind, placed without collisions.
pub struct LabelLayer;

impl MapLayer for LabelLayer {
    fn caching(&self) -> Caching {
        Caching::PerVisibility
    }

    fn draw(&self, painter: &Painter, projector: &Projector, scene: &MapScene<'_>) {
        let mut labels = Labels {
            painter,
            projector,
            scene,
            placed: Occupancy::new(40.0 * scene.text_scale),
            minor_markers: Occupancy::new(40.0 * scene.text_scale),
            drawn: Vec::new(),
        };
        let radius = city_radius_for(scene);
        let clip = painter.clip_rect();
        // Town markers on screen are obstacles from the start, so that no name hides a town.
        // Settlements' markers become obstacles only after the towns are named: a town's name
        // has priority over the dots of the stanitsas around it (Verny among its stanitsas).
        let cities = visible_cities(scene, projector, clip, radius);
        let is_settlement = |id: PlaceId| scene.atlas.place(id).kind == PlaceKind::Settlement;
        let marker_of = |centre: Pos2| Rect::from_center_size(centre, vec2(radius, radius) * 2.0);
        let (towns, settlements): (Vec<_>, Vec<_>) = cities.into_iter().partition(|(id, _)| !is_settlement(*id));
        for &(_, centre) in &towns {
            labels.placed.insert(marker_of(centre));
        }
        // Names of units go round every dot, settlements' too; they have room to move.
        for &(_, centre) in &settlements {
            labels.minor_markers.insert(marker_of(centre));
        }
        labels.units(PlaceKind::Oblast);
        if scene.shows(Layer::CityLabels) {
            for &(id, centre) in &towns {
                labels.city(id, centre, marker_of(centre), 13.0);
            }
        }
        let geometry = scene.geometry;
        if scene.shows(Layer::Rivers) {
            let waters = scene.atlas.water.iter().zip(&geometry.water);
            labels
                .shape_names(waters.map(|(water, shape)| (&water.name, shape.label_point, shape.bounds)), &WATER_NAMES);
        }
        if scene.shows(Layer::Relief) {
            labels.ranges();
        }
        if scene.shows(Layer::Rivers) {
            let rivers = scene.atlas.rivers.iter().zip(&geometry.rivers);
            labels
                .shape_names(rivers.map(|(river, shape)| (&river.name, shape.label_point, shape.bounds)), &WATER_NAMES);
        }
        labels.units(PlaceKind::Uezd);
        if scene.shows(Layer::Neighbours) {
            let lands = scene.atlas.context.iter().zip(&geometry.context);
            labels.shape_names(
                lands.map(|(land, shape)| (&land.name, shape.label_point, shape.bounds)),
                &NEIGHBOUR_NAMES,
            );
        }
        for &(_, centre) in &settlements {
            labels.placed.insert(marker_of(centre));
        }
        let settlements_named = projector.points_per_km() / scene.text_scale.max(1.0) >= SETTLEMENT_LABELS_FROM;
        if scene.shows(Layer::CityLabels) && settlements_named {
            for &(id, centre) in &settlements {
                labels.city(id, centre, marker_of(centre), MIN_LABEL_SIZE);
            }
        }
        let drawn = labels.drawn;
        painter.ctx().data_mut(|data| {
            let stored = data.get_temp_mut_or_default::<PlacedLabels>(egui::Id::unique(PLACED_LABELS));
            stored.retain(|(rect, _)| *rect != clip);
            stored.push((clip, std::sync::Arc::new(drawn)));
            // The main map and Compare's: a kiosk's changing layouts must not grow memory.
            if stored.len() > MAX_REMEMBERED_MAPS {
                stored.remove(0);
            }
        });
    }
}

/// The names last placed on each map, by the map's rectangle.
type PlacedLabels = Vec<(Rect, std::sync::Arc<Vec<(String, Rect)>>)>;
const PLACED_LABELS: &str = "placed map labels";
const MAX_REMEMBERED_MAPS: usize = 2;

/// Where the names placed on the map in `map_rect` were last drawn, as text and rectangle, in
/// the order of priority they were placed in: for tests, and for reading the map aloud.
pub fn placed_labels(ctx: &egui::Context, map_rect: Rect) -> Vec<(String, Rect)> {
    let stored: Option<PlacedLabels> = ctx.data(|data| data.get_temp(egui::Id::unique(PLACED_LABELS)));
    stored
        .and_then(|maps| maps.into_iter().find(|(rect, _)| *rect == map_rect))
        .map(|(_, labels)| labels.as_ref().clone())
        .unwrap_or_default()
}

struct Labels<'a> {
    painter: &'a Painter,
    projector: &'a Projector,
    scene: &'a MapScene<'a>,
    placed: Occupancy,
    /// Settlements' dots, kept clear by the names of units though not by towns' names.
    minor_markers: Occupancy,
    /// The names drawn so far and where.
    drawn: Vec<(String, Rect)>,
}

impl Labels<'_> {
    fn clip(&self) -> Rect {
        self.painter.clip_rect()
    }

    fn free(&self, rect: Rect, except: Option<Rect>) -> bool {
        self.clip().contains_rect(rect) && !self.placed.overlaps(rect, except)
    }

    fn galley(&self, text: String, font: FontId, colour: Color32) -> std::sync::Arc<egui::Galley> {
        self.painter.layout_no_wrap(text, font, colour)
    }

    /// The names of the oblasts (or uezds) on screen: at the unit's label point or, if a name
    /// is there, a little above, below or beside it; on two lines if one is too wide. A place
    /// counts only if the name's middle and both ends lie inside the unit.
    fn units(&mut self, kind: PlaceKind) {
        let scene = self.scene;
        let (size, bold, colour) = match kind {
            PlaceKind::Oblast => (15.0, true, style::LABEL),
            _ => (MIN_LABEL_SIZE, false, UEZD_LABEL),
        };
        let family =
            if bold { egui::FontFamily::Name(crate::fonts::BOLD.into()) } else { egui::FontFamily::Proportional };
        let font = FontId::new(size * scene.text_scale, family);
        for (id, shape) in scene.areas_of_kind(kind) {
            let extent = self.projector.screen_rect(shape.bounds);
            if !extent.intersects(self.clip()) || extent.width().max(extent.height()) < 30.0 * scene.text_scale {
                continue;
            }
            let name = scene.name_of(id);
            let text = if kind == PlaceKind::Oblast { scene.language.uppercase(name) } else { name.to_owned() };
            let mut layouts = vec![text.clone()];
            if let Some((first, rest)) = text.split_once(' ') {
                layouts.push(format!("{first}\n{rest}"));
            }
            let centre = self.projector.screen_from_map(shape.label_point);
            // Tried in turn: the full size, wholly inside; smaller, wholly inside; smaller, with
            // only its middle inside (a narrow unit such as the Bukey Horde still gets its name).
            let passes = [(1.0, true), (0.8, true), (0.8, false)];
            'layouts: for ((scale, whole), text) in
                passes.into_iter().flat_map(|pass| layouts.iter().map(move |text| (pass, text)))
            {
                let smallest = MIN_LABEL_SIZE * scene.text_scale;
                let font = FontId::new((font.size * scale).max(smallest), font.family.clone());
                let galley = self.painter.layout(text.clone(), font, colour, f32::INFINITY);
                let size = galley.size();
                for offset in unit_label_offsets(size) {
                    let rect = Align2::CENTER_CENTER.anchor_size(centre + offset, size);
                    let inside = if whole {
                        self.inside(shape, rect)
                    } else {
                        shape.contains(self.projector.map_from_screen(rect.center()))
                    };
                    if self.free(rect, None) && !self.minor_markers.overlaps(rect, None) && inside {
                        let colour = if kind == PlaceKind::Oblast { with_alpha(colour, 170) } else { colour };
                        draw_with_halo(self.painter, rect.min, &galley, colour);
                        self.placed.insert(rect);
                        self.drawn.push((text.replace('\n', " "), rect));
                        break 'layouts;
                    }
                }
            }
        }
    }

    /// Whether a label's middle and the middles of its two ends lie inside `shape`.
    fn inside(&self, shape: &AreaShape, rect: Rect) -> bool {
        let inset = rect.height() * 0.3;
        [rect.center(), rect.left_center() + vec2(inset, 0.0), rect.right_center() - vec2(inset, 0.0)]
            .into_iter()
            .all(|point| shape.contains(self.projector.map_from_screen(point)))
    }

    /// A town's or settlement's name beside its marker: right, left, above, below, then the
    /// four diagonals.
    fn city(&mut self, id: PlaceId, centre: Pos2, own_marker: Rect, size: f32) {
        if !self.clip().contains(centre) {
            return;
        }
        let galley = self.galley(
            self.scene.name_of(id).to_owned(),
            FontId::proportional(size * self.scene.text_scale),
            style::LABEL,
        );
        let gap = label_gap(self.scene);
        let size = galley.size();
        let candidates = [
            Align2::LEFT_CENTER.anchor_size(centre + vec2(gap, 0.0), size),
            Align2::RIGHT_CENTER.anchor_size(centre - vec2(gap, 0.0), size),
            Align2::CENTER_BOTTOM.anchor_size(centre - vec2(0.0, gap), size),
            Align2::CENTER_TOP.anchor_size(centre + vec2(0.0, gap), size),
            Align2::LEFT_BOTTOM.anchor_size(centre + vec2(gap * 0.7, -gap * 0.7), size),
            Align2::LEFT_TOP.anchor_size(centre + vec2(gap * 0.7, gap * 0.7), size),
            Align2::RIGHT_BOTTOM.anchor_size(centre + vec2(-gap * 0.7, -gap * 0.7), size),
            Align2::RIGHT_TOP.anchor_size(centre + vec2(-gap * 0.7, gap * 0.7), size),
        ];
        if let Some(rect) = candidates.into_iter().find(|rect| self.free(*rect, Some(own_marker))) {
            draw_with_halo(self.painter, rect.min, &galley, style::LABEL);
            self.placed.insert(rect);
            self.drawn.push((galley.text().to_owned(), rect));
        }
    }

    /// A feature's name centred on its label point, if the feature (`extent` on screen) is
    /// wider than `look.room` times the name and the spot is free.
    fn centred(&mut self, text: &str, (point, extent): (MapPoint, Rect), look: &FeatureLook) {
        if text.is_empty() {
            return;
        }
        let font = FontId::proportional(look.size * self.scene.text_scale);
        let galley = self.galley(text.to_owned(), font, look.colour);
        let rect = Align2::CENTER_CENTER.anchor_size(self.projector.screen_from_map(point), galley.size());
        if extent.width().max(extent.height()) > galley.size().x * look.room && self.free(rect, None) {
            if look.halo {
                draw_with_halo(self.painter, rect.min, &galley, look.colour);
            } else {
                self.painter.galley(rect.min, galley, look.colour);
            }
            self.placed.insert(rect);
            self.drawn.push((text.to_owned(), rect));
        }
    }

    /// Names centred on their shapes: seas and lakes, rivers, neighbouring lands.
    fn shape_names<'n>(&mut self, named: impl Iterator<Item = (&'n Names, MapPoint, MapRect)>, look: &FeatureLook) {
        for (name, point, bounds) in named {
            let at = (point, self.projector.screen_rect(bounds));
            self.centred(name.get(self.scene.language), at, look);
        }
    }

    /// The names of ranges and deserts, turned as the data says; the bounding box of the turned
    /// name is what they occupy.
    fn ranges(&mut self) {
        let scene = self.scene;
        let font = FontId::proportional(MIN_LABEL_SIZE * scene.text_scale);
        for (label, &point) in scene.atlas.ranges.iter().zip(&scene.geometry.ranges) {
            let centre = self.projector.screen_from_map(point);
            if !self.clip().contains(centre) {
                continue;
            }
            let text = scene.language.uppercase(label.name.get(scene.language));
            let galley = self.galley(text, font.clone(), RANGE_LABEL);
            // Rotate about the label's centre; egui turns text clockwise, the data counter-clockwise.
            let angle = -label.angle_degrees.to_radians();
            let half = galley.size() / 2.0;
            let (sin, cos) = angle.sin_cos();
            let offset = vec2(half.x * cos - half.y * sin, half.x * sin + half.y * cos);
            let turned = vec2(half.x * cos.abs() + half.y * sin.abs(), half.x * sin.abs() + half.y * cos.abs());
            let rect = Rect::from_center_size(centre, turned * 2.0);
            if self.free(rect, None) {
                self.drawn.push((galley.text().to_owned(), rect));
                self.painter.add(egui::epaint::TextShape::new(centre - offset, galley, RANGE_LABEL).with_angle(angle));
                self.placed.insert(rect);
            }
        }
    }
}

/// Where to try a unit's name, relative to its label point: there, then half a line and a line
/// above and below, then a quarter of its width to either side.
fn unit_label_offsets(size: egui::Vec2) -> [egui::Vec2; 9] {
    let (line, side) = (size.y, size.x * 0.25);
    [
        vec2(0.0, 0.0),
        vec2(0.0, -line * 0.75),
        vec2(0.0, line * 0.75),
        vec2(0.0, -line * 1.5),
        vec2(0.0, line * 1.5),
        vec2(-side, 0.0),
        vec2(side, 0.0),
        vec2(0.0, -line * 2.5),
        vec2(0.0, line * 2.5),
    ]
}

fn with_alpha(colour: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

/// Text with a light halo so that it reads over any fill.
pub fn draw_with_halo(painter: &Painter, pos: Pos2, galley: &std::sync::Arc<egui::Galley>, colour: Color32) {
    for offset in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0)] {
        painter.galley_with_override_text_color(pos + offset, galley.clone(), style::LABEL_HALO);
    }
    painter.galley_with_override_text_color(pos, galley.clone(), colour);
}

#[cfg(test)]
mod contrast_tests {
    use super::*;

    fn ratio(a: Color32, b: Color32) -> f64 {
        atlas_core::colour_science::contrast_ratio([a.r(), a.g(), a.b()], [b.r(), b.g(), b.b()])
    }

    /// A colour over another at its alpha, as the halo lies over the water.
    fn over(top: Color32, ground: Color32) -> Color32 {
        let alpha = f32::from(top.a()) / 255.0;
        let mix = |t: u8, g: u8| (f32::from(t) + f32::from(g) * (1.0 - alpha)).round().min(255.0) as u8;
        Color32::from_rgb(mix(top.r(), ground.r()), mix(top.g(), ground.g()), mix(top.b(), ground.b()))
    }

    #[test]
    fn map_names_are_4_5_to_1_and_symbols_3_to_1_on_the_ground_they_stand_on() {
        let lands = [style::BACKGROUND, crate::layers::CONTEXT_FILL];
        for ground in lands {
            for (name, colour) in [
                ("oblast and town names", style::LABEL),
                ("uezd names", UEZD_LABEL),
                ("neighbours' names", CONTEXT_LABEL),
                ("ranges and deserts", RANGE_LABEL),
            ] {
                let r = ratio(colour, ground);
                assert!(r >= 4.5, "{name} {colour:?} on {ground:?}: {r:.2}:1");
            }
            // Symbols: town markers' edge, borders, the highlight's casing, the focus ring.
            let focus_ring = {
                let ctx = egui::Context::default();
                crate::fonts::setup_context(&ctx);
                ctx.global_style().visuals.selection.stroke.color
            };
            for (name, colour) in [
                ("marker edge and oblast border", style::OBLAST_BORDER),
                ("zone border", style::ZONE_BORDER),
                ("highlight casing", style::HIGHLIGHT_CASING),
                ("focus ring", focus_ring),
            ] {
                let r = ratio(colour, ground);
                assert!(r >= 3.0, "{name} {colour:?} on {ground:?}: {r:.2}:1");
            }
        }
        // Water names stand on their halo over the water.
        let halo = over(style::LABEL_HALO, style::WATER);
        assert!(ratio(WATER_LABEL, halo) >= 4.5, "water names: {:.2}:1", ratio(WATER_LABEL, halo));
        // The highlight's yellow against its own casing.
        assert!(ratio(style::HIGHLIGHT, style::HIGHLIGHT_CASING) >= 3.0);
    }
}
