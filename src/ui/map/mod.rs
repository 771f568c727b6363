//! The map widget: draws the layers through a [`Projector`], pans, zooms and hit-tests.
//!
//! Its view state ([`MapView`]) belongs to the caller, like walkers' `MapMemory`, so that the
//! app can reset it, save it or drive it from a tour.

mod cache;
mod keyboard;
mod labels;
mod layers;
mod occupancy;
mod projector;
mod textures;
mod view;

pub use labels::placed_labels;
pub use layers::{LAYERS, MapLayer, MapScene, relief_overlay};
pub use projector::Projector;
pub use textures::MapTextures;
pub use view::MapView;

use eframe::egui::{self, Rect, Sense, vec2};

use crate::model::{PlaceId, PlaceKind};
use crate::ui::style;
use cache::{Caching, SharedLayerCache, key_of};

/// What happened on the map this frame.
pub struct MapResponse {
    pub response: egui::Response,
    /// The place under the pointer, if any.
    pub hovered: Option<PlaceId>,
    /// The place clicked (or chosen with Enter) this frame, if any.
    pub clicked: Option<PlaceId>,
    /// The place the keyboard cursor stands on while the map has the focus, and where it is.
    pub keyboard_cursor: Option<(PlaceId, egui::Pos2)>,
}

/// The map of one frame, built and consumed by [`MapWidget::show`].
pub struct MapWidget<'a> {
    scene: MapScene<'a>,
    view: &'a mut MapView,
    /// The accessible description of a city ("Omsk: White, military control").
    describe: &'a dyn Fn(PlaceId) -> String,
    /// The map's own accessible name, in the interface language.
    label: &'a str,
}

/// Wheel notches are about 50 points; this makes one notch zoom by about 10 %.
const WHEEL_ZOOM_PER_POINT: f32 = 0.002;

impl<'a> MapWidget<'a> {
    pub fn new(scene: MapScene<'a>, view: &'a mut MapView, describe: &'a dyn Fn(PlaceId) -> String) -> Self {
        MapWidget { scene, view, describe, label: "Map" }
    }

    /// The accessible name of the map.
    pub fn label(mut self, label: &'a str) -> Self {
        self.label = label;
        self
    }

    pub fn show(self, ui: &mut egui::Ui) -> MapResponse {
        let MapWidget { mut scene, view, describe, label } = self;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());

        if response.dragged() {
            let delta = response.drag_delta();
            view.pan_by([delta.x, delta.y]);
        }
        if let Some(pointer) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
            let mut factor = pinch * (scroll * WHEEL_ZOOM_PER_POINT).exp();
            if response.double_clicked() {
                factor *= 2.0;
            }
            if factor != 1.0 {
                let anchor = pointer - rect.center();
                view.zoom_about(factor, [anchor.x, anchor.y]);
            }
        }

        let keys = keyboard::handle_keys(ui, response.id, &scene, &Projector::new(rect, *view), view);
        let projector = Projector::new(rect, *view);
        let hovered = response.hover_pos().and_then(|pos| hit_test(&scene, &projector, pos));
        scene.hovered = hovered.or(keys.cursor);
        // Enter on the focused map (and a screen reader's click) also reach egui as a click of the
        // map itself: they choose the keyboard's place, the pointer's only if there is none.
        let clicked = keys.chosen.or(if response.clicked() { hovered.or(keys.cursor) } else { None });
        // A screen reader names the focused map with the place under the keyboard cursor.
        response.widget_info(|| match keys.cursor {
            Some(place) => egui::WidgetInfo::labeled(egui::Role::Canvas, true, format!("{label}: {}", describe(place))),
            None => egui::WidgetInfo::labeled(egui::Role::Canvas, true, label),
        });
        let keyboard_cursor =
            keys.cursor.and_then(|place| Some((place, projector.screen_from_map(keyboard::anchor(&scene, place)?))));

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, style::BACKGROUND);
        draw_layers(&painter, &projector, &scene, response.id);
        if response.has_focus() {
            // The map's own focus ring, inside its edge so that panels do not hide it.
            let stroke = ui.visuals().selection.stroke;
            painter.rect_stroke(rect.shrink(1.0), 0.0, egui::Stroke::new(2.0, stroke.color), egui::StrokeKind::Inside);
        }
        expose_cities(ui, &scene, &projector, response.id, describe);
        MapResponse { response, hovered, clicked, keyboard_cursor }
    }
}

/// Draws the layers in order, each replayed from the cache while what it depends on is unchanged.
fn draw_layers(painter: &egui::Painter, projector: &Projector, scene: &MapScene<'_>, map_id: egui::Id) {
    let ctx = painter.ctx();
    let shared: SharedLayerCache =
        ctx.data_mut(|data| data.get_temp_mut_or_default::<SharedLayerCache>(map_id.with("layer cache")).clone());
    let mut cache = shared.lock();
    cache.check_fonts(ctx);
    let view_key = key_of((
        [projector.rect.min.x, projector.rect.min.y, projector.rect.max.x, projector.rect.max.y].map(f32::to_bits),
        [projector.view.centre.x, projector.view.centre.y, projector.view.km_per_point].map(f32::to_bits),
        [painter.clip_rect().min.x, painter.clip_rect().min.y, painter.clip_rect().max.x, painter.clip_rect().max.y]
            .map(f32::to_bits),
        [ctx.pixels_per_point(), painter.opacity(), scene.text_scale].map(f32::to_bits),
        (scene.geometry.generation, scene.layers, scene.language, scene.hatch_texture),
        scene.relief.map(|(texture, bounds)| {
            (texture, [bounds.min.x, bounds.min.y, bounds.max.x, bounds.max.y].map(f32::to_bits))
        }),
    ));
    let visibility_key = key_of((view_key, scene.visible));
    let date_key = key_of((visibility_key, scene.paints));
    for (index, layer) in LAYERS.iter().enumerate() {
        let key = match layer.caching() {
            Caching::Never => None,
            Caching::PerView => Some(key_of((index, view_key))),
            Caching::PerVisibility => Some(key_of((index, visibility_key))),
            Caching::PerDate => Some(key_of((index, date_key))),
        };
        cache.draw(index, key, painter, |painter| layer.draw(painter, projector, scene));
    }
}

/// Gives every city on screen an accessible node, so that screen readers and UI tests can find
/// it by name and read who holds it.
fn expose_cities(
    ui: &mut egui::Ui,
    scene: &MapScene<'_>,
    projector: &Projector,
    map_id: egui::Id,
    describe: &dyn Fn(PlaceId) -> String,
) {
    // The nodes are only read by assistive technology (and UI tests), so without it there is
    // no need to spend a widget per city per frame.
    if ui.ctx().accesskit_node_builder(map_id, |_| ()).is_none() {
        return;
    }
    let rect = projector.rect;
    let radius = layers::city_radius_for(scene);
    for id in scene.atlas.place_ids() {
        let Some(point) = scene.geometry.point(id) else {
            continue;
        };
        let centre = projector.screen_from_map(point);
        if !rect.contains(centre) {
            continue;
        }
        let marker = Rect::from_center_size(centre, vec2(radius, radius) * 2.0);
        let response = ui.interact(marker, map_id.with(("city", id.0)), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, describe(id)));
    }
}

/// The place under a screen position: cities first, then zones, uezds and oblasts.
pub fn hit_test(scene: &MapScene<'_>, projector: &Projector, pos: egui::Pos2) -> Option<PlaceId> {
    let reach = layers::city_radius_for(scene) + 3.0;
    let nearest_city = scene
        .atlas
        .place_ids()
        .filter_map(|id| Some((id, projector.screen_from_map(scene.geometry.point(id)?).distance(pos))))
        .filter(|&(_, distance)| distance <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((id, _)) = nearest_city {
        return Some(id);
    }
    let point = projector.map_from_screen(pos);
    for kind in [PlaceKind::Zone, PlaceKind::Uezd, PlaceKind::Oblast] {
        let found = scene.atlas.place_ids().find(|&id| {
            scene.atlas.place(id).kind == kind
                && scene.visible.get(id.index()).copied().unwrap_or(true)
                && scene.geometry.area(id).is_some_and(|shape| shape.contains(point))
        });
        if found.is_some() {
            return found;
        }
    }
    None
}
