//! The attract loop: the tour plays by itself over the whole screen, with the date and the
//! step's caption large, and a call to touch in every offered language.

use eframe::egui::{self, Align2, Color32, RichText, vec2};

use super::app::{KioskApp, Look};
use super::style::{bold, card_frame};
use crate::map::{MapScene, MapView, MapWidget};
use atlas_core::model::{Date, Language};

/// The band over the map that the title takes, and the band under it that the caption takes,
/// at 1080p: the tour's extent is fitted between them.
const TITLE_BAND: f32 = 130.0;
const CAPTION_BAND: f32 = 300.0;
/// The width of the call to touch, at 1080p.
const CALL_WIDTH: f32 = 520.0;

impl KioskApp {
    /// The tour on the whole screen, with its caption, the title and the call to touch.
    pub(super) fn attract_ui(&mut self, ui: &mut egui::Ui, look: Look) {
        let Some(shot) = self.attract_shot() else { return };
        let language = self.attract_language();
        self.refresh_paint(shot.date);
        let highlights =
            self.tour.steps.get(self.attract.player.step).map(|step| step.highlights.clone()).unwrap_or_default();
        let layers = self.attract_layers();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let rect = ui.max_rect();
            let mut view = framed_view(shot.extent, rect, look);
            let (Some(paint), Some(textures)) = (&self.paint, &self.textures) else { return };
            let scene = MapScene {
                atlas: &self.atlas,
                geometry: &self.geometry,
                paints: &paint.paints,
                visible: &paint.visible,
                language,
                hovered: None,
                highlights: &highlights,
                hatch_texture: textures.hatch.id(),
                text_scale: look.px(1.6),
                layers,
                relief: textures.relief_id(),
                look: look.map,
            };
            let describe = |place| crate::place_info::describe(&self.atlas, &self.texts, language, place, shot.date);
            let map_label = self.texts.tr(language, "map");
            MapWidget::new(scene, &mut view, &describe).label(map_label).show(ui);
        });
        let screen = ui.ctx().content_rect();
        // Over the map, under the boxes: the tour's map neither pans nor shows what a resting
        // mouse hovers; a touch anywhere wakes the kiosk (the app reads it before drawing).
        egui::Area::new(egui::Id::unique("kiosk_attract_cover"))
            .fixed_pos(screen.min)
            .order(egui::Order::Middle)
            .show(ui.ctx(), |ui| ui.allocate_rect(screen, egui::Sense::click_and_drag()));
        self.title_box_ui(ui.ctx(), language, look);
        let legend_at = screen.right_top() + vec2(-look.px(24.0), look.px(24.0));
        legend_box_ui(
            ui.ctx(),
            (&self.texts, language),
            (&self.atlas, shot.date),
            (Align2::RIGHT_TOP, legend_at),
            // Above the date box at the bottom of the screen.
            screen.height() * 0.55,
            look,
        );
        // Under the language choice, only the moving map: the caption would compete with it.
        if self.screen() == super::Screen::Attract {
            self.caption_box_ui(ui.ctx(), language, shot.date, look);
            self.call_to_touch_ui(ui.ctx(), language, look);
        }
    }

    /// The exhibit's title (or the atlas's) and logo, top left.
    pub(super) fn title_box_ui(&self, ctx: &egui::Context, language: Language, look: Look) {
        let at = ctx.content_rect().min + vec2(look.px(24.0), look.px(24.0));
        egui::Area::new(egui::Id::unique("kiosk_title"))
            .fixed_pos(at)
            .order(egui::Order::Middle)
            .interactable(false)
            .show(ctx, |ui| {
                card_frame(look).inner_margin(look.px(16.0)).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if let Some(logo) = &self.logo {
                            let size = logo.size_vec2();
                            let height = look.px(64.0);
                            let width = (size.x / size.y.max(1.0) * height).min(look.px(240.0));
                            ui.add(egui::Image::new(logo).fit_to_exact_size(vec2(width, height)));
                        }
                        ui.vertical(|ui| self.title_lines_ui(ui, language, look));
                    });
                });
            });
    }

    fn title_lines_ui(&self, ui: &mut egui::Ui, language: Language, look: Look) {
        let tr = |key| self.texts.tr(language, key);
        match &self.config.title {
            Some(title) => {
                let title = RichText::new(title.get(language)).font(bold(look.px(32.0))).color(crate::style::LABEL);
                ui.add(egui::Label::new(title).extend());
                let atlas = format!("{} · {}", tr("app_title"), tr("app_subtitle"));
                ui.add(egui::Label::new(RichText::new(atlas).size(look.px(20.0))).extend());
            }
            None => {
                let title = RichText::new(tr("app_title")).font(bold(look.px(32.0))).color(crate::style::LABEL);
                ui.add(egui::Label::new(title).extend());
                ui.add(egui::Label::new(RichText::new(tr("app_subtitle")).size(look.px(22.0))).extend());
            }
        }
    }

    /// The date, large, and the step's caption, bottom left.
    fn caption_box_ui(&self, ctx: &egui::Context, language: Language, date: Date, look: Look) {
        let screen = ctx.content_rect();
        let margin = look.px(32.0);
        let width = (screen.width() - 3.0 * margin - look.px(CALL_WIDTH)).max(look.px(400.0));
        let caption =
            self.tour.steps.get(self.attract.player.step).map(|step| self.texts.data_text(language, &step.caption));
        egui::Area::new(egui::Id::unique("kiosk_caption"))
            .pivot(Align2::LEFT_BOTTOM)
            .fixed_pos(screen.left_bottom() + vec2(margin, -margin))
            .order(egui::Order::Middle)
            .interactable(false)
            .show(ctx, |ui| {
                card_frame(look).show(ui, |ui| {
                    ui.set_max_width(width);
                    date_lines_ui(ui, &self.texts, language, date, look, 60.0);
                    if let Some(caption) = caption.filter(|caption| !caption.is_empty()) {
                        ui.add_space(look.px(6.0));
                        let text = RichText::new(caption).size(look.px(30.0)).color(crate::style::LABEL);
                        ui.add(egui::Label::new(text).wrap());
                    }
                });
            });
    }

    /// "Touch to explore", large, in the step's language, with the other languages under it.
    fn call_to_touch_ui(&self, ctx: &egui::Context, language: Language, look: Look) {
        let screen = ctx.content_rect();
        let margin = look.px(32.0);
        let others: Vec<&str> = self
            .config
            .languages
            .iter()
            .filter(|&&other| other != language)
            .map(|&other| self.texts.tr(other, "kiosk_touch"))
            .collect();
        egui::Area::new(egui::Id::unique("kiosk_call"))
            .pivot(Align2::RIGHT_BOTTOM)
            .fixed_pos(screen.right_bottom() - vec2(margin, margin))
            .order(egui::Order::Middle)
            .show(ctx, |ui| {
                let frame = egui::Frame::new()
                    .fill(look.accent)
                    .corner_radius(look.px(60.0))
                    .inner_margin(egui::Margin::symmetric(look.px(40.0) as i8, look.px(26.0) as i8))
                    .shadow(egui::Shadow { offset: [0, 6], blur: 24, spread: 0, color: Color32::from_black_alpha(90) });
                frame.show(ui, |ui| {
                    ui.set_width(look.px(CALL_WIDTH) - look.px(80.0));
                    ui.vertical_centered(|ui| {
                        // The whole screen wakes the kiosk; this button is the part that says so
                        // (and gives a screen reader something to press).
                        let call = RichText::new(self.texts.tr(language, "kiosk_touch"))
                            .font(bold(look.px(44.0)))
                            .color(look.on_accent);
                        ui.add(egui::Button::new(call).frame(false).wrap());
                        if !others.is_empty() {
                            let rest = RichText::new(others.join(" · ")).size(look.px(22.0)).color(look.on_accent);
                            ui.add(egui::Label::new(rest).wrap());
                        }
                    });
                });
            });
    }
}

/// The tour's extent fitted between the title band and the caption band.
pub(super) fn framed_view(extent: atlas_core::geometry::MapRect, rect: egui::Rect, look: Look) -> MapView {
    let (top, bottom) = (look.px(TITLE_BAND), look.px(CAPTION_BAND));
    let size = [rect.width() - look.px(64.0), (rect.height() - top - bottom).max(rect.height() * 0.4)];
    let mut view = MapView::fit(extent, size);
    // Move the extent's centre from the screen's centre to the middle of the free band.
    let band_centre_y = rect.top() + top + size[1] / 2.0;
    view.centre.y -= (rect.center().y - band_centre_y) * view.km_per_point;
    view
}

/// The date in bold, the Old Style under it while Russia used it.
pub(super) fn date_lines_ui(
    ui: &mut egui::Ui,
    texts: &atlas_core::i18n::Translations,
    language: Language,
    date: Date,
    look: Look,
    size: f32,
) {
    let text = texts.format_date(language, date.ymd());
    // One line at any length ("1917 жылғы 27 наурыз" is half as long again as "27 March 1917"):
    // a date that would wrap is set smaller, so that it never grows out of its bar.
    let font = bold(look.px(size));
    let width = ui.painter().layout_no_wrap(text.clone(), font.clone(), crate::style::LABEL).size().x;
    let room = ui.available_width();
    let font = if width > room && width > 0.0 { bold(font.size * room / width) } else { font };
    ui.add(egui::Label::new(RichText::new(text).font(font).color(crate::style::LABEL)).extend());
    if let Some(old) = date.old_style() {
        let old = format!("({}: {})", texts.tr(language, "old_style"), texts.format_date(language, old));
        let font = egui::FontId::proportional(look.px((size * 0.42).max(20.0)));
        let width = ui.painter().layout_no_wrap(old.clone(), font.clone(), crate::style::LABEL).size().x;
        let font =
            if width > room && width > 0.0 { egui::FontId::proportional(font.size * room / width) } else { font };
        ui.add(egui::Label::new(RichText::new(old).font(font).italics()).extend());
    }
}

/// The legend of the map on `date` in a card, its `pivot` corner at `at`: the sides and the
/// sets of sides (striped as on the map) that hold something that day.
pub(super) fn legend_box_ui(
    ctx: &egui::Context,
    (texts, language): (&atlas_core::i18n::Translations, Language),
    (atlas, date): (&atlas_core::model::Atlas, Date),
    (pivot, at): (Align2, egui::Pos2),
    max_height: f32,
    look: Look,
) {
    egui::Area::new(egui::Id::unique("kiosk_legend"))
        .pivot(pivot)
        .fixed_pos(at)
        .order(egui::Order::Middle)
        .interactable(false)
        .show(ctx, |ui| {
            card_frame(look).inner_margin(look.px(14.0)).show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = look.px(4.0);
                ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                // Never taller than the room it is given (the chart open on a small screen): the
                // rows that do not fit are cut at the card's edge, the sides first in the list.
                let room = (max_height - look.px(28.0)).max(look.px(60.0));
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .min_scrolled_height(room)
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                    .show(ui, |ui| {
                        let listed = crate::legend::MAX_LISTED_COMBINATIONS;
                        crate::legend::legend_for_date_ui(ui, (texts, language), atlas, &[date], listed);
                    });
            });
        });
}
