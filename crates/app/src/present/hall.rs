//! What the hall sees: the map page with the caption and the legend in a column beside the
//! map's subject, the step counter, the pointing, and a line when the tour has problems.

use eframe::egui::{self, Align2, Color32, Rect, RichText, vec2};

use super::{Blank, PROJECTOR_SCALE, PresentApp};
use crate::map::{MapView, Projector};
use crate::print_frame::{Decorations, PageLayout, PrintFrame, column_width, print_frame_ui, view_beside_column};

/// The hall's page as drawn: for the presenter view's thumbnail, and for tests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HallPage {
    pub page: Rect,
    /// The title, date and caption.
    pub caption: Rect,
    pub legend: Option<Rect>,
    /// The part of the map the step is about (its camera's extent) as it lies on the screen.
    pub subject: Rect,
}

/// The text scale of a hall screen of `page`: [`PROJECTOR_SCALE`] at 1080 lines, in proportion
/// below and above (a 768-line projector throws its picture as large as a 1080-line one), but no
/// smaller than the projector's legend needs to stay short.
pub fn hall_scale(page: Rect) -> f32 {
    let scale = PROJECTOR_SCALE * page.height() / 1080.0;
    if scale.is_finite() { scale.clamp(1.5, 4.0) } else { PROJECTOR_SCALE }
}

/// Room kept free at the foot of the page for the attribution and the scale bar, in points at
/// text scale 1: the subject is fitted above it.
const FOOT: f32 = 40.0;

/// The yellow of the line that tells the hall about problems.
const NOTICE_FILL: Color32 = Color32::from_rgb(0xff, 0xf0, 0xb8);

impl PresentApp {
    /// What the hall sees: the map page, or black or white.
    pub(super) fn hall_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.max_rect();
        if let Some(blank) = self.blank {
            let colour = if blank == Blank::Black { Color32::BLACK } else { Color32::WHITE };
            ui.painter().rect_filled(rect, 0.0, colour);
            self.hall_spotlight = None;
            return;
        }
        let scale = hall_scale(rect);
        self.hall_page = self.map_page_ui(ui, scale, Decorations::Full);
        let step_text = format!("{} / {}", self.player.step + 1, self.tour().steps.len());
        let font = egui::FontId::proportional(14.0 * scale);
        let at = rect.right_top() + vec2(-16.0, 90.0 * scale);
        ui.painter().text(at, Align2::RIGHT_TOP, step_text, font, crate::style::LABEL);
        if self.hall_notice_shown() {
            self.notice_ui(ui, scale);
        }
        let subject_centre = self.hall_page.map_or(rect.center(), |page| page.subject.center());
        let response = ui.interact(rect, ui.scope_id().with("pointing"), egui::Sense::drag());
        let pointer = super::pointing::pointer_over(ui, rect);
        self.hall_spotlight = self.pointing.ui(ui, &response, rect, pointer, subject_centre);
    }

    /// One line at the top of the map, over the subject's column: that the tour has problems,
    /// the first of them, and where to read them all.
    fn notice_ui(&self, ui: &mut egui::Ui, scale: f32) {
        let (texts, language) = (&self.texts, self.language);
        let Some(first) = self.problems.first() else { return };
        let page = self.hall_page.map_or(ui.max_rect(), |page| page.page);
        let left = self.hall_page.map_or(page.left(), |page| page.caption.right()) + 12.0 * scale;
        let width = (page.right() - left - 110.0 * scale).max(120.0);
        let mut text = format!("{} {}", texts.tr(language, "present_problems"), first.describe(texts, language));
        if self.problems.len() > 1 {
            text.push_str(&format!(" (+{})", self.problems.len() - 1));
        }
        text.push_str(" — ");
        text.push_str(texts.tr(language, "present_problems_see_presenter"));
        egui::Area::new(ui.scope_id().with("hall_notice"))
            .fixed_pos(egui::pos2(left, page.top() + 12.0 * scale))
            .order(egui::Order::Foreground)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::new()
                    .fill(NOTICE_FILL)
                    .stroke(egui::Stroke::new(1.0, Color32::from_rgb(0xa0, 0x70, 0x00)))
                    .corner_radius(4.0 * scale)
                    .inner_margin(6.0 * scale)
                    .show(ui, |ui| {
                        ui.set_max_width(width);
                        ui.add(egui::Label::new(RichText::new(text).size(12.0 * scale).color(Color32::BLACK)).wrap());
                    });
            });
    }

    /// The map of the current shot as a page at `scale`, its subject beside a column with the
    /// caption (and, with full decorations, the legend), as the hall sees it.
    pub(super) fn map_page_ui(&mut self, ui: &mut egui::Ui, scale: f32, decorations: Decorations) -> Option<HallPage> {
        let shot = self.shot()?;
        if self.paint.as_ref().is_none_or(|paint| paint.date != shot.date) {
            self.paint = Some(crate::date_paint::DatePaint::compute(&self.atlas, shot.date));
        }
        if self.textures.is_none() {
            self.textures = Some(crate::map::MapTextures::load(ui.ctx()));
        }
        let (layers, highlights) = (self.layers(), self.highlights());
        let (Some(paint), Some(textures)) = (&self.paint, &self.textures) else { return None };
        let page = ui.max_rect();
        let column = column_width(ui.ctx(), &self.texts, self.language, page.width(), scale);
        let view = hall_view(shot.extent, page.size(), column, scale);
        let caption =
            self.tour().steps.get(self.player.step).map(|step| self.texts.data_text(self.language, &step.caption));
        let frame = PrintFrame {
            atlas: &self.atlas,
            geometry: &self.geometry,
            texts: &self.texts,
            paint,
            language: self.language,
            map_language: self.language,
            layers,
            view,
            highlights,
            hatch_texture: textures.hatch.id(),
            relief: textures.relief_id(),
            caption: caption.as_deref(),
            show_old_style: true,
            text_scale: scale,
            decorations,
            look: self.look,
            layout: PageLayout::Column(column),
        };
        let rects = print_frame_ui(ui, &frame);
        let subject = Projector::new(rects.map, view).screen_rect(shot.extent);
        Some(HallPage { page, caption: rects.date_box, legend: rects.legend, subject })
    }
}

/// The view of a hall page of `size` that shows `extent` beside a column `column` wide and
/// above the foot.
fn hall_view(extent: atlas_core::geometry::MapRect, size: egui::Vec2, column: f32, scale: f32) -> MapView {
    let mut view = view_beside_column(extent, size - vec2(0.0, FOOT * scale), column);
    // The foot is kept free below the subject: lift the subject by half the foot.
    view.pan_by([0.0, -FOOT * scale / 2.0]);
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_core::geometry::{MapPoint, MapRect};

    #[test]
    fn the_hall_scale_follows_the_projectors_lines() {
        let page = |height: f32| Rect::from_min_size(egui::Pos2::ZERO, vec2(height * 4.0 / 3.0, height));
        assert_eq!(hall_scale(page(1080.0)), PROJECTOR_SCALE);
        assert_eq!(hall_scale(page(2160.0)), 2.0 * PROJECTOR_SCALE);
        assert_eq!(hall_scale(page(768.0)), 1.5, "a small projector keeps the legend's compact form");
    }

    #[test]
    fn the_subject_is_fitted_beside_the_column_and_above_the_foot() {
        let extent = MapRect { min: MapPoint::new(-500.0, -300.0), max: MapPoint::new(500.0, 300.0) };
        let size = vec2(1024.0, 768.0);
        let (column, scale) = (400.0, 1.5);
        let view = hall_view(extent, size, column, scale);
        let page = Rect::from_min_size(egui::Pos2::ZERO, size);
        let subject = Projector::new(page, view).screen_rect(extent);
        assert!(subject.left() >= column - 0.5, "{subject:?}");
        assert!(subject.right() <= size.x + 0.5, "{subject:?}");
        assert!(subject.bottom() <= size.y - FOOT * scale + 0.5, "{subject:?}");
        assert!(subject.top() >= -0.5, "{subject:?}");
    }
}
