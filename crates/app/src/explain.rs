//! "Explain this date": what changed since the previous step (or a chosen date), each change with
//! place, from, to and sources; and the pulse that outlines those places on the map for a moment.

use eframe::egui::{self, Color32, RichText, Stroke};

use super::legend::{SWATCH_SIZE, sides_label, swatch};
use super::map::Projector;
use super::style::ControlPaint;
use atlas_core::changes::Change;
use atlas_core::geometry::MapGeometry;
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Date, Language, PlaceId};

/// At most this many changes are listed; a range over years in a large atlas can change
/// thousands of places, and laying them all out would stall every frame.
const MAX_LISTED_CHANGES: usize = 150;

/// How long changed places pulse on the map, in seconds.
pub const PULSE_SECONDS: f64 = 1.6;

/// The list of changes between `since` and `until`; returns a place the user clicked.
///
/// The changes always run forwards in time (`changes_between` orders the dates), so when the
/// user went back, the heading names both dates in time order rather than "since" the later one.
pub fn explain_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    (since, until): (Date, Date),
    changes: &[Change],
) -> Option<PlaceId> {
    let tr = |key| texts.tr(language, key);
    let mut clicked = None;
    let date = |date: Date| texts.format_date(language, date.ymd());
    let heading = if since <= until {
        format!("{} {}", tr("changes_since"), date(since))
    } else {
        tr("changes_from_to").replace("{from}", &date(until)).replace("{to}", &date(since))
    };
    ui.label(RichText::new(heading).weak());
    if changes.is_empty() {
        ui.label(RichText::new(tr("no_changes")).weak());
    }
    for change in changes.iter().take(MAX_LISTED_CHANGES) {
        ui.horizontal_wrapped(|ui| {
            if ui.link(atlas.place(change.place).name.get(language)).clicked() {
                clicked = Some(change.place);
            }
            // The legend's swatches, so that a change reads as the map and its legend show it.
            for sides in [&change.before, &change.after] {
                let (rect, _) = ui.allocate_exact_size(SWATCH_SIZE, egui::Sense::hover());
                swatch(ui.painter(), rect, ControlPaint::of(sides));
            }
            ui.label(format!(
                "{} → {}",
                sides_label(texts, language, &change.before),
                sides_label(texts, language, &change.after)
            ));
        });
        if let Some(period) = change.period.map(|id| atlas.period(id)) {
            let titles: Vec<&str> = period.sources.iter().map(|&id| atlas.source(id).title.as_str()).collect();
            ui.label(RichText::new(format!("{}: {}", tr("sources"), titles.join("; "))).small().weak());
        }
    }
    if changes.len() > MAX_LISTED_CHANGES {
        ui.label(RichText::new(format!("{} {}", tr("more_changes"), changes.len() - MAX_LISTED_CHANGES)).weak());
    }
    clicked
}

/// The places that just changed hands, outlined over the map as a layer of the desk's own
/// ([`crate::map::MapWidget::with_layer`]), fading as `strength` goes from 1 to 0.
pub struct PulseLayer {
    pub places: Vec<PlaceId>,
    pub strength: f32,
}

impl crate::map::MapLayer for PulseLayer {
    fn draw(&self, painter: &egui::Painter, projector: &Projector, scene: &crate::map::MapScene<'_>) {
        paint_pulse(painter, projector, scene.geometry, &self.places, self.strength);
    }
}

/// Outlines the changed places, fading out as `strength` goes from 1 to 0.
fn paint_pulse(
    painter: &egui::Painter,
    projector: &Projector,
    geometry: &MapGeometry,
    places: &[PlaceId],
    strength: f32,
) {
    let colour = Color32::from_rgba_unmultiplied(0xff, 0x20, 0xa0, (255.0 * strength.clamp(0.0, 1.0)) as u8);
    let width = 2.0 + 4.0 * strength;
    let tolerance = projector.tolerance_km(painter.pixels_per_point());
    let clip = painter.clip_rect();
    for &place in places {
        let shape = geometry.area(place).filter(|shape| projector.screen_rect(shape.bounds).intersects(clip));
        if let Some(shape) = shape {
            for ring in &shape.outline_for(tolerance).rings {
                let points = ring.iter().map(|&p| projector.screen_from_map(p)).collect();
                painter.add(egui::Shape::line(points, Stroke::new(width, colour)));
            }
        }
        if let Some(point) = geometry.point(place).filter(|&point| clip.contains(projector.screen_from_map(point))) {
            painter.circle_stroke(
                projector.screen_from_map(point),
                9.0 + 8.0 * (1.0 - strength),
                Stroke::new(width, colour),
            );
        }
    }
}
