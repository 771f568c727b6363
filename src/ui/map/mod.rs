//! The map widget: draws the layers through a [`Projector`], pans, zooms and hit-tests.
//!
//! Its view state ([`MapView`]) belongs to the caller, like walkers' `MapMemory`, so that the
//! app can reset it, save it or drive it from a tour.

mod layers;
mod projector;
mod textures;
mod view;

pub use layers::{LAYERS, MapLayer, MapScene, relief_overlay};
pub use projector::Projector;
pub use textures::MapTextures;
pub use view::MapView;

use eframe::egui::{self, Rect, Sense, vec2};

use crate::model::{PlaceId, PlaceKind};
use crate::ui::style;

/// What happened on the map this frame.
pub struct MapResponse {
    pub response: egui::Response,
    /// The place under the pointer, if any.
    pub hovered: Option<PlaceId>,
    /// The place clicked this frame, if any.
    pub clicked: Option<PlaceId>,
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
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, label));

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

        let projector = Projector::new(rect, *view);
        let hovered = response.hover_pos().and_then(|pos| hit_test(&scene, &projector, pos));
        scene.hovered = hovered;
        let clicked = if response.clicked() { hovered } else { None };

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, style::BACKGROUND);
        for layer in LAYERS {
            layer.draw(&painter, &projector, &scene);
        }
        expose_cities(ui, &scene, &projector, response.id, describe);
        MapResponse { response, hovered, clicked }
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
        let label = describe(id);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
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
