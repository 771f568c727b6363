//! Explore: the visitor's map. A bar of big buttons on top (languages, places, chart, whole
//! map), the date and the scrubber with a play button at the bottom, the card of the tapped
//! place on the right. Tap selects, drag pans, pinch zooms.

use eframe::egui::{self, Align2, Color32, RichText, vec2};

use super::app::{KioskApp, Look};
use super::picker::{PickerAction, picker_ui};
use super::style::{big_button, bold};
use crate::map::{MapScene, MapView, MapWidget};

/// Heights and widths of the bars at 1080p.
const TOP_BAR: f32 = 96.0;
const TIMELINE_BAR: f32 = 124.0;
const CHART_HEIGHT: f32 = 300.0;
const CARD_WIDTH: f32 = 600.0;

fn bar_frame(look: Look) -> egui::Frame {
    egui::Frame::new()
        .fill(Color32::from_rgb(0xf6, 0xf3, 0xea))
        .inner_margin(egui::Margin::symmetric(look.px(20.0) as i8, look.px(12.0) as i8))
        .stroke(egui::Stroke::new(look.px(1.0), Color32::from_gray(0xb8)))
}

impl KioskApp {
    pub(super) fn explore_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        self.refresh_paint(self.explore.timeline.date);
        self.explore.screen_rect = Some(ui.ctx().content_rect());
        egui::Panel::top("kiosk_top")
            .exact_size(look.px(TOP_BAR))
            .resizable(false)
            .frame(bar_frame(look))
            .show(ui, |ui| self.top_bar_ui(ui, look));
        egui::Panel::bottom("kiosk_timeline")
            .exact_size(look.px(TIMELINE_BAR))
            .resizable(false)
            .frame(bar_frame(look))
            .show(ui, |ui| self.timeline_bar_ui(ui, look));
        self.explore.chart_rect = None;
        if self.explore.chart_open {
            egui::Panel::bottom("kiosk_chart")
                .exact_size(look.px(CHART_HEIGHT))
                .resizable(false)
                .frame(bar_frame(look))
                .show(ui, |ui| self.chart_ui(ui, look));
        }
        self.explore.card_rect = None;
        if self.explore.selection.is_some() {
            // The card on the far side from the place tapped (see `select_at`).
            let panel = if self.explore.card_on_left {
                egui::Panel::left("kiosk_place_left")
            } else {
                egui::Panel::right("kiosk_place")
            };
            let card = panel
                .exact_size(look.px(CARD_WIDTH))
                .resizable(false)
                .frame(bar_frame(look).inner_margin(look.px(20.0)))
                .show(ui, |ui| self.place_card_panel_ui(ui, look));
            self.explore.card_rect = Some(card.response.rect);
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.explore_map_ui(ui, look));
        if self.explore.picker_open {
            let language = self.explore.language;
            match picker_ui(ui.ctx(), &self.atlas, &self.texts, language, &self.picker_groups, look) {
                Some(PickerAction::Pick(place)) => {
                    self.select(Some(place));
                    self.explore.centre_on = Some(place);
                    self.explore.picker_open = false;
                }
                Some(PickerAction::Close) => self.explore.picker_open = false,
                None => {}
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let language = self.explore.language;
        let tr = |key| self.texts.tr(language, key);
        let (mut reset_view, mut places, mut chart, mut switched_to) = (false, false, false, None);
        ui.horizontal_centered(|ui| {
            if let Some(logo) = &self.logo {
                let size = logo.size_vec2();
                let height = look.px(60.0);
                let width = (size.x / size.y.max(1.0) * height).min(look.px(200.0));
                ui.add(egui::Image::new(logo).fit_to_exact_size(vec2(width, height)));
            }
            let title = match &self.config.title {
                Some(title) => title.get(language).to_owned(),
                None => format!("{} · {}", tr("app_title"), tr("app_subtitle")),
            };
            // The buttons on the right keep their room: the title loses its subtitle, then shrinks,
            // rather than run under them ("Қазақста" under the language buttons).
            let languages = if self.config.languages.len() > 1 { self.config.languages.len() } else { 0 };
            let buttons = 620.0 + if languages > 0 { 24.0 + 150.0 * languages as f32 } else { 0.0 };
            let spacing = ui.spacing().item_spacing.x * (4 + languages) as f32;
            let room = (ui.available_width() - look.px(buttons) - spacing - look.px(16.0)).max(look.px(40.0));
            let font = bold(look.px(30.0));
            let width =
                |text: &str| ui.painter().layout_no_wrap(text.to_owned(), font.clone(), Color32::BLACK).size().x;
            let title =
                if width(&title) > room && self.config.title.is_none() { tr("app_title").to_owned() } else { title };
            let font = if width(&title) > room { bold(font.size * room / width(&title)) } else { font.clone() };
            ui.label(RichText::new(title).font(font).color(crate::style::LABEL));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                reset_view = big_button(ui, tr("reset_view"), vec2(200.0, 64.0), look, false).clicked();
                chart = big_button(ui, tr("chart"), vec2(180.0, 64.0), look, self.explore.chart_open).clicked();
                places = big_button(ui, tr("kiosk_places"), vec2(240.0, 64.0), look, false).clicked();
                if self.config.languages.len() > 1 {
                    ui.add_space(look.px(24.0));
                    for &other in self.config.languages.iter().rev() {
                        if big_button(ui, other.endonym(), vec2(150.0, 64.0), look, other == language).clicked() {
                            switched_to = Some(other);
                        }
                    }
                }
            });
        });
        if reset_view {
            self.explore.view = None;
        }
        if chart {
            self.explore.chart_open = !self.explore.chart_open;
        }
        if places {
            self.explore.picker_open = true;
        }
        if let Some(other) = switched_to.filter(|&other| other != language) {
            self.switch_language(other);
        }
    }

    fn timeline_bar_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let language = self.explore.language;
        let texts = &self.texts;
        let timeline = &mut self.explore.timeline;
        ui.horizontal_centered(|ui| {
            let key = if timeline.playing { "pause" } else { "play" };
            if big_button(ui, texts.tr(language, key), vec2(200.0, 84.0), look, true).clicked() {
                timeline.toggle_play_in(1);
            }
            ui.add_space(look.px(12.0));
            let column = vec2(look.px(430.0), look.px(TIMELINE_BAR - 24.0));
            ui.allocate_ui_with_layout(column, egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_min_size(column);
                super::attract::date_lines_ui(ui, texts, language, timeline.date, look, 38.0);
            });
            ui.add_space(look.px(12.0));
            let label = texts.tr(language, "date");
            let scrubbed = super::scrubber::scrubber_ui(ui, timeline.date, self.atlas.events(), label, look);
            if let Some(date) = scrubbed.date {
                timeline.set_date(date);
                timeline.playing = false;
            }
            self.explore.time_axis = Some(scrubbed.axis);
        });
    }

    fn chart_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let language = self.explore.language;
        ui.label(RichText::new(self.texts.tr(language, "territory_chart")).font(bold(look.px(24.0))));
        let shares =
            self.shares.get_or_insert_with(|| atlas_core::shares::territory_shares(&self.atlas, &self.geometry));
        let date = self.explore.timeline.date;
        // The scrubber's axis (its bar is laid out before this panel, in the same frame), so
        // that a day stands over the same day of the scrubber.
        let rect = ui.available_rect_before_wrap();
        let axis =
            self.explore.time_axis.unwrap_or(super::time_axis::TimeAxis { left: rect.left(), right: rect.right() });
        let label = self.texts.tr(language, "territory_chart");
        self.explore.chart_rect = Some(rect);
        if let Some(day) = super::share_chart::share_chart_ui(ui, shares, date, axis, label, look) {
            self.explore.timeline.set_date(day);
            self.explore.timeline.playing = false;
        }
    }

    fn place_card_panel_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let Some(selection) = &self.explore.selection else { return };
        let (language, date) = (self.explore.language, self.explore.timeline.date);
        let action = super::place_card::place_card_ui(ui, &self.atlas, &self.texts, language, selection, date, look);
        if let Some(day) = action.go_to {
            self.explore.timeline.set_date(day);
            self.explore.timeline.playing = false;
        }
        if action.close {
            self.select(None);
        }
    }

    fn explore_map_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let rect = ui.max_rect();
        let size = [rect.width(), rect.height()];
        let geometry = &self.geometry;
        let view = self.explore.view.get_or_insert_with(|| MapView::fit(geometry.bounds, size));
        if let Some(before) = self.explore.map_rect.replace(rect)
            && before != rect
        {
            keep_map_in_place(view, before, rect);
        }
        if let Some(place) = self.explore.centre_on.take() {
            view.show_place(geometry, place, size);
        }
        // Where the selected place is, so that the legend does not hang over it.
        let selected_at = self.explore.selection.as_ref().and_then(|selection| {
            let point =
                geometry.point(selection.place).or_else(|| Some(geometry.area(selection.place)?.bounds.centre()))?;
            Some(crate::map::Projector::new(rect, *view).screen_from_map(point))
        });
        let (Some(paint), Some(textures)) = (&self.paint, &self.textures) else { return };
        let (language, date) = (self.explore.language, self.explore.timeline.date);
        let highlights = self.explore.selection.as_ref().map(|s| std::slice::from_ref(&s.place)).unwrap_or(&[]);
        let scene = MapScene {
            atlas: &self.atlas,
            geometry,
            paints: &paint.paints,
            visible: &paint.visible,
            language,
            hovered: None,
            highlights,
            hatch_texture: textures.hatch.id(),
            text_scale: look.px(1.6),
            layers: atlas_core::layers::LayerSet::default(),
            relief: textures.relief_id(),
            look: look.map,
        };
        let (atlas, texts) = (&self.atlas, &self.texts);
        let describe = |place| crate::place_info::describe(atlas, texts, language, place, date);
        let map = MapWidget::new(scene, view, &describe).label(texts.tr(language, "map")).show(ui);
        let corner = legend_corner(ui.ctx(), map.response.rect, selected_at, look);
        let room = map.response.rect.height() - look.px(32.0);
        super::attract::legend_box_ui(ui.ctx(), (texts, language), (atlas, date), corner, room, look);
        if let Some(place) = map.clicked {
            let tapped = map.response.interact_pointer_pos().or_else(|| map.response.hover_pos());
            self.select_at(Some(place), tapped);
            // The card is laid out before the map: draw the frame that shows it now, not at
            // the next touch (under Xvfb the card waited for the pointer to move).
            ui.ctx().request_repaint();
        }
    }
}

/// The bottom corner of the map where the legend hangs: the left one, unless the selected place
/// lies under the legend there (the card opened at the left, and the place is in the lower middle
/// of the screen); then the right one. The legend is never taller than the map (see
/// [`super::attract::legend_box_ui`]), so it never reaches over the top bar.
fn legend_corner(ctx: &egui::Context, map: egui::Rect, place: Option<egui::Pos2>, look: Look) -> (Align2, egui::Pos2) {
    let margin = look.px(16.0);
    let left = map.left_bottom() + vec2(margin, -margin);
    let size = ctx.memory(|memory| memory.area_rect(egui::Id::unique("kiosk_legend"))).map(|rect| rect.size());
    let covered = size.zip(place).is_some_and(|(size, place)| {
        egui::Rect::from_min_size(left - vec2(0.0, size.y), size).expand(look.px(12.0)).contains(place)
    });
    if covered {
        (Align2::RIGHT_BOTTOM, map.right_bottom() + vec2(-margin, -margin))
    } else {
        (Align2::LEFT_BOTTOM, left)
    }
}

/// Moves the view so that every map point still on screen stays where it was when the map's
/// rectangle changes from `before` to `after` (a panel opened or closed beside it).
fn keep_map_in_place(view: &mut MapView, before: egui::Rect, after: egui::Rect) {
    let shift = before.center() - after.center();
    view.pan_by([shift.x, shift.y]);
}
