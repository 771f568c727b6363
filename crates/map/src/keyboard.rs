//! Choosing a place on the map from the keyboard. While the map has the focus, a cursor stands
//! on one place: the arrows move it to the nearest place in that direction, Enter chooses it
//! as a click would, and Ctrl with an arrow pans. The cursor is drawn as the hover
//! highlight and named in the map's accessible label.

use egui::{self, Key, Modifiers, Vec2, vec2};

use super::{MapScene, MapView, Projector};
use atlas_core::geometry::MapPoint;
use atlas_core::model::PlaceId;

/// What the keys did this frame.
#[derive(Default)]
pub struct KeyboardOutcome {
    /// The place the cursor stands on (kept between frames while the map has the focus).
    pub cursor: Option<PlaceId>,
    /// The place chosen with Enter.
    pub chosen: Option<PlaceId>,
}

/// A share of the map's shorter side that one Ctrl+arrow pans by.
const PAN_SHARE: f32 = 0.2;

/// Reads the map's keys while it has the focus; `map_id` is the map widget's id.
pub fn handle_keys(
    ui: &egui::Ui,
    map_id: egui::Id,
    scene: &MapScene<'_>,
    projector: &Projector,
    view: &mut MapView,
) -> KeyboardOutcome {
    let memory_id = cursor_memory_id(map_id);
    if !ui.memory(|memory| memory.has_focus(map_id)) {
        ui.data_mut(|data| data.remove::<Option<PlaceId>>(memory_id));
        return KeyboardOutcome::default();
    }
    // The arrows belong to the map while it has the focus, not to egui's focus movement; so does
    // Escape while a place is open, so that one Escape closes the place and the next leaves the map.
    let escape = !scene.highlights.is_empty();
    let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, escape, ..Default::default() };
    ui.memory_mut(|memory| memory.set_focus_lock_filter(map_id, filter));

    let stored: Option<PlaceId> = ui.data(|data| data.get_temp(memory_id)).flatten();
    let mut cursor =
        stored.filter(|&place| anchor(scene, place).is_some()).or_else(|| starting_place(scene, projector));
    let arrows = [
        (Key::ArrowLeft, vec2(-1.0, 0.0)),
        (Key::ArrowRight, vec2(1.0, 0.0)),
        (Key::ArrowUp, vec2(0.0, -1.0)),
        (Key::ArrowDown, vec2(0.0, 1.0)),
    ];
    let pan = PAN_SHARE * projector.rect.width().min(projector.rect.height());
    let mut chosen = None;
    ui.input_mut(|input| {
        for (key, direction) in arrows {
            if input.consume_key(Modifiers::COMMAND, key) {
                view.pan_by([-direction.x * pan, -direction.y * pan]);
            }
            if input.consume_key(Modifiers::NONE, key) {
                cursor = next_place(scene, projector, cursor, direction).or(cursor);
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Enter) {
            chosen = cursor;
        }
    });
    // Bring a place the arrows reached off screen into view.
    if let Some(point) = cursor.and_then(|place| anchor(scene, place)) {
        let margin = projector.rect.shrink(24.0);
        let screen = projector.screen_from_map(point);
        if !margin.contains(screen) {
            view.centre = point;
        }
    }
    ui.data_mut(|data| data.insert_temp(memory_id, cursor));
    KeyboardOutcome { cursor, chosen }
}

/// Puts the cursor of the map `map_id` on `place` (a screen reader moved there); it shows once
/// the map has the focus.
pub fn set_cursor(ctx: &egui::Context, map_id: egui::Id, place: PlaceId) {
    ctx.data_mut(|data| data.insert_temp(cursor_memory_id(map_id), Some(place)));
}

fn cursor_memory_id(map_id: egui::Id) -> egui::Id {
    map_id.with("keyboard cursor")
}

/// Where a place stands for the keyboard: a town's marker, an area's label point. Places not
/// drawn on the date (a zone before or after its time) have none.
pub(super) fn anchor(scene: &MapScene<'_>, place: PlaceId) -> Option<MapPoint> {
    if !scene.visible.get(place.index()).copied().unwrap_or(true) {
        return None;
    }
    scene.geometry.point(place).or_else(|| scene.geometry.area(place).map(|shape| shape.label_point))
}

/// The place the cursor starts on: the one chosen already, else the one nearest the middle.
fn starting_place(scene: &MapScene<'_>, projector: &Projector) -> Option<PlaceId> {
    if let Some(&selected) = scene.highlights.first()
        && anchor(scene, selected).is_some()
    {
        return Some(selected);
    }
    let centre = projector.rect.center();
    scene
        .atlas
        .place_ids()
        .filter_map(|place| Some((place, projector.screen_from_map(anchor(scene, place)?).distance(centre))))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(place, _)| place)
}

/// The nearest place from `from` in `direction` (a unit vector in screen space): within 60° of
/// it, weighing sideways distance twice, so that → goes along a row rather than to a near
/// place below.
pub fn next_place(
    scene: &MapScene<'_>,
    projector: &Projector,
    from: Option<PlaceId>,
    direction: Vec2,
) -> Option<PlaceId> {
    let origin = projector.screen_from_map(anchor(scene, from?)?);
    let mut best: Option<(PlaceId, f32)> = None;
    for place in scene.atlas.place_ids().filter(|&place| Some(place) != from) {
        let Some(point) = anchor(scene, place) else { continue };
        let offset = projector.screen_from_map(point) - origin;
        let along = offset.dot(direction);
        let sideways = (offset - direction * along).length();
        // tan 60° ≈ 1.73: places further to the side belong to another arrow.
        if along <= 0.5 || sideways > along * 1.73 {
            continue;
        }
        let cost = along + 2.0 * sideways;
        if best.is_none_or(|(_, best_cost)| cost < best_cost) {
            best = Some((place, cost));
        }
    }
    best.map(|(place, _)| place)
}
