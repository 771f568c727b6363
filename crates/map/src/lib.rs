//! The map as its own layer: egui and epaint only, no eframe, no files. Every output draws
//! through it: the desk, the lecture hall, the kiosk, Export and `render`.
//!
//! - The widget ([`MapWidget`]) draws the layers through a [`Projector`], pans, zooms and
//!   hit-tests. Its view state ([`MapView`]) belongs to the caller, like walkers' `MapMemory`, so
//!   that the app can reset it, save it or drive it from a tour.
//! - [`style`]: the palette and the map's look; [`fonts`]: the embedded fonts and egui's setup;
//!   [`date_paint`]: the colours of every place on a date; [`legend`]; [`relief`]: the shaded
//!   relief; [`print_frame`]: one map as a page (title, date, legend, scale), which the hall's
//!   screen and `render` draw; [`display_look`]: projector or screen fills.

pub mod date_paint;
pub mod display_look;
pub mod fonts;
pub mod legend;
pub mod print_frame;
pub mod relief;
pub mod style;

pub use display_look::DisplayLook;
pub use fonts::{install_fonts, setup_context};

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

use egui::{self, Rect, Sense, vec2};

use atlas_core::model::{PlaceId, PlaceKind};
use cache::{Caching, SharedLayerCache, key_of};

/// What happened on the map this frame.
pub struct MapResponse {
    pub response: egui::Response,
    /// The id of the node that holds the map's keyboard focus ([`focus_id`]).
    pub focus: egui::Id,
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
    /// The name of the list of places under the map's node ("Places on the map").
    places_label: &'a str,
    /// The widget id, when the caller chooses it (to register the map for the focus early).
    id: Option<egui::Id>,
    /// Whether the caller has already registered the map for the keyboard focus this frame
    /// (see [`register_for_focus`]), to put it in the Tab order before widgets drawn earlier.
    focus_registered: bool,
    /// Layers the caller adds over the map's own (see [`MapWidget::with_layer`]).
    overlays: Vec<&'a dyn MapLayer>,
}

/// The id of the node that takes the keyboard focus for the map with widget id `map_id`. It is
/// the map's node for screen readers too (named, with the places inside it).
pub fn focus_id(map_id: egui::Id) -> egui::Id {
    map_id.with("focus")
}

/// Puts the map with widget id `map_id` into the Tab order here, before the widgets drawn after
/// this call: the desk draws its side panel before the map but wants the map first. The map
/// must then be shown with [`MapWidget::id`] and [`MapWidget::focus_registered`].
///
/// The focus is held by a node of its own, made here, rather than by the map's widget: egui
/// drops the focus of a widget that is drawn without asking for it, and a map that asked again
/// when drawn would stand in the Tab order twice.
pub fn register_for_focus(ui: &mut egui::Ui, map_id: egui::Id) {
    let at = egui::Rect::from_min_size(ui.max_rect().min, egui::Vec2::ZERO);
    let builder = egui::UiBuilder::new()
        .id_salt(("map focus", map_id))
        .max_rect(at)
        .accessibility_parent(egui::accesskit_root_id());
    let holder = ui.new_child(builder);
    holder.interact(at, focus_id(map_id), Sense::FOCUSABLE);
}

/// Wheel notches are about 50 points; this makes one notch zoom by about 10 %.
const WHEEL_ZOOM_PER_POINT: f32 = 0.002;

impl<'a> MapWidget<'a> {
    pub fn new(scene: MapScene<'a>, view: &'a mut MapView, describe: &'a dyn Fn(PlaceId) -> String) -> Self {
        MapWidget {
            scene,
            view,
            describe,
            label: "Map",
            places_label: "Places",
            id: None,
            focus_registered: false,
            overlays: Vec::new(),
        }
    }

    /// Adds a layer of the caller's over the map's own layers, as walkers' `with_plugin` does:
    /// drawn after them, in the order added, with the frame's projector and scene, and never
    /// cached (an overlay such as the desk's change pulse differs every frame).
    pub fn with_layer(mut self, layer: &'a dyn MapLayer) -> Self {
        self.overlays.push(layer);
        self
    }

    /// The name of the list of places a screen reader finds inside the map.
    pub fn places_label(mut self, label: &'a str) -> Self {
        self.places_label = label;
        self
    }

    /// The map's widget id.
    pub fn id(mut self, id: egui::Id) -> Self {
        self.id = Some(id);
        self
    }

    /// The map was put in the Tab order already with [`register_for_focus`].
    pub fn focus_registered(mut self) -> Self {
        self.focus_registered = true;
        self
    }

    /// The accessible name of the map.
    pub fn label(mut self, label: &'a str) -> Self {
        self.label = label;
        self
    }

    pub fn show(self, ui: &mut egui::Ui) -> MapResponse {
        let MapWidget { mut scene, view, describe, label, places_label, id, focus_registered, overlays } = self;
        let id = id.unwrap_or_else(|| ui.auto_id_with("map"));
        if !focus_registered {
            register_for_focus(ui, id);
        }
        let focus = focus_id(id);
        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        // Not focusable itself: the focus node above takes the focus (and Space plays, rather
        // than pressing the map).
        let response = ui.interact(rect, id, Sense::CLICK | Sense::DRAG);

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

        let keys = keyboard::handle_keys(ui, focus, &scene, &Projector::new(rect, *view), view);
        let projector = Projector::new(rect, *view);
        let hovered = response.hover_pos().and_then(|pos| hit_test(&scene, &projector, pos));
        scene.hovered = hovered.or(keys.cursor);
        let clicked = keys.chosen.or(if response.clicked() { hovered } else { None });
        // A screen reader names the focused map with the place under the keyboard cursor.
        let name = match keys.cursor {
            Some(place) => format!("{label}: {}", describe(place)),
            None => label.to_owned(),
        };
        ui.ctx().accesskit_node_builder(focus, |node| {
            node.set_role(egui::accesskit::Role::Canvas);
            node.set_label(name);
            node.set_bounds(egui::accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
        });
        let has_focus = ui.memory(|memory| memory.has_focus(focus));
        let keyboard_cursor =
            keys.cursor.and_then(|place| Some((place, projector.screen_from_map(keyboard::anchor(&scene, place)?))));

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, style::BACKGROUND);
        draw_layers(&painter, &projector, &scene, response.id);
        for overlay in overlays {
            overlay.draw(&painter, &projector, &scene);
        }
        if has_focus {
            // The map's own focus ring, inside its edge so that panels do not hide it.
            let stroke = ui.visuals().selection.stroke;
            painter.rect_stroke(rect.shrink(1.0), 0.0, egui::Stroke::new(2.0, stroke.color), egui::StrokeKind::Inside);
        }
        let from_reader = expose_places(ui, &scene, &projector, (focus, places_label), keys.cursor, describe);
        if let Some(place) = from_reader.focused {
            // A screen reader moved to a place: the map takes the focus with its cursor there.
            keyboard::set_cursor(ui.ctx(), focus, place);
            ui.memory_mut(|memory| memory.request_focus(focus));
        }
        let clicked = from_reader.clicked.or(clicked);
        MapResponse { response, focus, hovered, clicked, keyboard_cursor }
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

/// What a screen reader asked of the places' nodes this frame.
#[derive(Default)]
struct ReaderRequests {
    clicked: Option<PlaceId>,
    focused: Option<PlaceId>,
}

/// Gives every place on screen (towns, and the oblasts, uezds and zones drawn on the date) an
/// accessible node, in a list inside the map's node: named with who held it, pressable like a
/// click on the map, and focusable, which puts the map's keyboard cursor on it. The cursor's
/// place is the map's active descendant, so that a screen reader follows the arrows.
fn expose_places(
    ui: &mut egui::Ui,
    scene: &MapScene<'_>,
    projector: &Projector,
    (map_id, places_label): (egui::Id, &str),
    cursor: Option<PlaceId>,
    describe: &dyn Fn(PlaceId) -> String,
) -> ReaderRequests {
    use egui::accesskit::Action;
    let mut requests = ReaderRequests::default();
    // The nodes are only read by assistive technology (and UI tests), so without it there is
    // no need to spend a widget per place per frame.
    if ui.ctx().accesskit_node_builder(map_id, |_| ()).is_none() {
        return requests;
    }
    let rect = projector.rect;
    let radius = layers::city_radius_for(scene);
    let builder = egui::UiBuilder::new()
        .id_salt("places")
        .max_rect(rect)
        .accessibility_parent(map_id)
        .accessibility_role(egui::accesskit::Role::List)
        .accessibility_label(places_label);
    let list = ui.new_child(builder);
    for id in scene.atlas.place_ids() {
        let Some(anchor) = keyboard::anchor(scene, id) else { continue };
        let centre = projector.screen_from_map(anchor);
        let bounds = match scene.geometry.point(id) {
            Some(_) => Rect::from_center_size(centre, vec2(radius, radius) * 2.0),
            None => match scene.geometry.area(id) {
                Some(shape) => projector.screen_rect(shape.bounds).intersect(rect),
                None => continue,
            },
        };
        if !rect.contains(centre) {
            continue;
        }
        let response = list.interact(bounds, map_id.with(("place", id.0)), Sense::hover());
        // A map that describes nothing (a printed page, the hall screen) still names its places.
        let name = Some(describe(id)).filter(|name| !name.is_empty()).unwrap_or_else(|| scene.name_of(id).to_owned());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.add_action(Action::Click);
            node.add_action(Action::Focus);
        });
        let (click, focus) = ui.input(|input| {
            (
                input.has_accesskit_action_request(response.id, Action::Click),
                input.has_accesskit_action_request(response.id, Action::Focus),
            )
        });
        if click {
            requests.clicked = Some(id);
        }
        if focus {
            requests.focused = Some(id);
        }
        if Some(id) == cursor && ui.memory(|memory| memory.has_focus(map_id)) {
            ui.ctx().accesskit_node_builder(map_id, |node| node.set_active_descendant(response.id.accesskit_id()));
        }
    }
    requests
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
