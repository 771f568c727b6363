//! The place picker: instead of a search box (a kiosk has no keyboard), every oblast and city
//! as a button to tap, cities grouped under their oblast.

use eframe::egui::{self, Color32, RichText, Sense, vec2};

use super::app::Look;
use super::style::{MIN_TARGET, big_button, bold, card_frame};
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Language, PlaceId, PlaceKind};

/// An oblast and the cities in it; `oblast` is `None` for the cities outside every oblast.
#[derive(Clone, Debug)]
pub struct PlaceGroup {
    pub oblast: Option<PlaceId>,
    pub cities: Vec<PlaceId>,
}

/// The groups, built once at start: oblasts in atlas order, then the cities outside them.
pub fn place_groups(atlas: &Atlas) -> Vec<PlaceGroup> {
    let oblast_of =
        |place: PlaceId| atlas.ancestors(place).into_iter().find(|&p| atlas.place(p).kind == PlaceKind::Oblast);
    let cities: Vec<PlaceId> = atlas.place_ids().filter(|&id| atlas.place(id).kind == PlaceKind::City).collect();
    let mut groups: Vec<PlaceGroup> = atlas
        .place_ids()
        .filter(|&id| atlas.place(id).kind == PlaceKind::Oblast)
        .map(|oblast| PlaceGroup {
            oblast: Some(oblast),
            cities: cities.iter().copied().filter(|&city| oblast_of(city) == Some(oblast)).collect(),
        })
        .collect();
    let others: Vec<PlaceId> = cities.into_iter().filter(|&city| oblast_of(city).is_none()).collect();
    if !others.is_empty() {
        groups.push(PlaceGroup { oblast: None, cities: others });
    }
    groups
}

/// What the visitor did in the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerAction {
    Pick(PlaceId),
    Close,
}

/// The picker over the whole screen (the map dimmed under it).
pub fn picker_ui(
    ctx: &egui::Context,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    groups: &[PlaceGroup],
    look: Look,
) -> Option<PickerAction> {
    let tr = |key| texts.tr(language, key);
    let screen = ctx.content_rect();
    let mut action = None;
    egui::Area::new(egui::Id::unique("kiosk_picker")).fixed_pos(screen.min).order(egui::Order::Foreground).show(
        ctx,
        |ui| {
            let backdrop = ui.allocate_rect(screen, Sense::click());
            ui.painter().rect_filled(screen, 0.0, Color32::from_black_alpha(120));
            let card = screen.shrink2(vec2(look.px(120.0), look.px(60.0)));
            // A tap beside the card closes it; a tap between its buttons does not.
            if backdrop.clicked() && backdrop.interact_pointer_pos().is_some_and(|pos| !card.contains(pos)) {
                action = Some(PickerAction::Close);
            }
            ui.scope_builder(egui::UiBuilder::new().max_rect(card), |ui| {
                card_frame(look).show(ui, |ui| {
                    ui.set_min_size(card.size() - vec2(look.px(48.0), look.px(48.0)));
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(tr("kiosk_places")).font(bold(look.px(36.0))));
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if big_button(ui, tr("close"), vec2(160.0, 60.0), look, false).clicked() {
                                action = Some(PickerAction::Close);
                            }
                        });
                    });
                    ui.add_space(look.px(8.0));
                    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                        for group in groups {
                            if let Some(place) = group_ui(ui, atlas, texts, language, group, look) {
                                action = Some(PickerAction::Pick(place));
                            }
                            ui.add_space(look.px(10.0));
                        }
                    });
                });
            });
        },
    );
    action
}

fn group_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    group: &PlaceGroup,
    look: Look,
) -> Option<PlaceId> {
    let mut picked = None;
    match group.oblast {
        Some(oblast) => {
            let name = atlas.place(oblast).name.get(language);
            let button = egui::Button::new(RichText::new(name).font(bold(look.px(26.0))).color(look.on_accent))
                .fill(look.accent)
                .min_size(vec2(look.px(360.0), look.px(MIN_TARGET + 8.0)));
            if ui.add(button).clicked() {
                picked = Some(oblast);
            }
        }
        None => {
            ui.label(RichText::new(texts.tr(language, "kiosk_other_places")).font(bold(look.px(26.0))));
        }
    }
    let mut cities = group.cities.clone();
    cities.sort_by(|&a, &b| atlas.place(a).name.get(language).cmp(atlas.place(b).name.get(language)));
    ui.horizontal_wrapped(|ui| {
        for city in cities {
            let button = egui::Button::new(RichText::new(atlas.place(city).name.get(language)).size(look.px(24.0)))
                .min_size(vec2(look.px(150.0), look.px(MIN_TARGET + 4.0)));
            if ui.add(button).clicked() {
                picked = Some(city);
            }
        }
    });
    picked
}
