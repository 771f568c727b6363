//! Pointing at the projected map: a spotlight that dims all but a circle, and a pen whose lines
//! stay until the step changes.
//!
//! The spotlight is drawn on the hall's screen wherever the lecturer points: the mouse over the
//! hall, or over the presenter view's thumbnail of it (the lecturer's laptop screen is where the
//! mouse usually is). Until the lecturer points, it circles the map's subject.

use eframe::egui::{self, Color32, Pos2, Rect, Stroke, Vec2};

/// Radius of the spotlight's bright circle, in points of a 1080-line screen.
const SPOTLIGHT_RADIUS: f32 = 160.0;
/// What the spotlight lays over everything but its circle.
pub const SPOTLIGHT_DARK: Color32 = Color32::from_black_alpha(170);
const PEN: Stroke = Stroke { width: 6.0, color: Color32::from_rgb(0xe0, 0x10, 0x60) };

#[derive(Default)]
pub struct Pointing {
    pub spotlight: bool,
    pub pen: bool,
    /// Where the spotlight is, as a fraction of the page's width and height, so that a point on
    /// the thumbnail is the same point on the hall's screen; `None` until the lecturer points.
    spot: Option<Vec2>,
    /// Finished lines and the one being drawn, in points relative to the map's top-left corner.
    lines: Vec<Vec<Pos2>>,
    drawing: bool,
}

/// The pointer, when it is over `rect` of `ui` with nothing lying over it there (when one screen
/// shows both, the presenter view is a window over the hall; the map drawn in the thumbnail is a
/// widget of its own, which a widget's hover would give the pointer to).
pub fn pointer_over(ui: &egui::Ui, rect: Rect) -> Option<Pos2> {
    let pointer = ui.ctx().pointer_hover_pos().filter(|&at| rect.contains(at))?;
    ui.ctx().layer_id_at(pointer).is_none_or(|layer| layer == ui.layer_id()).then_some(pointer)
}

impl Pointing {
    pub fn clear_drawing(&mut self) {
        self.lines.clear();
        self.drawing = false;
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Points the spotlight at `pointer` on a page drawn over `rect` (the hall or its thumbnail).
    pub fn point_at(&mut self, pointer: Pos2, rect: Rect) {
        if rect.contains(pointer) && rect.width() > 0.0 && rect.height() > 0.0 {
            self.spot = Some((pointer - rect.min) / rect.size());
        }
    }

    /// Where the spotlight is on a page drawn over `rect`; `default` until the lecturer points.
    pub fn spot_in(&self, rect: Rect, default: Pos2) -> Pos2 {
        self.spot.map_or(default, |fraction| rect.min + fraction * rect.size())
    }

    /// Draws the spotlight over `rect`, at `centre`, its bright circle `radius` points wide.
    pub fn paint_spotlight(painter: &egui::Painter, rect: Rect, centre: Pos2, radius: f32) {
        // A ring so wide that its outer edge is beyond every corner: all dark but the hole. egui
        // strokes a circle outside its path, so the path is the hole's edge (a ring centred on
        // `radius + reach / 2`, as once drawn, left the whole screen inside the hole).
        let reach = rect.width().hypot(rect.height()) * 2.0;
        painter.circle_stroke(centre, radius, Stroke::new(reach, SPOTLIGHT_DARK));
    }

    /// Draws with the pen while dragging, and paints the lines and the spotlight over the hall's
    /// `rect`; the spotlight follows `pointer` when it is over the hall, and circles `subject`
    /// until the lecturer points. Returns where the spotlight is drawn.
    pub fn ui(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        rect: Rect,
        pointer: Option<Pos2>,
        subject: Pos2,
    ) -> Option<Pos2> {
        let origin = rect.min.to_vec2();
        if self.pen {
            if response.drag_started() {
                self.lines.push(Vec::new());
                self.drawing = true;
            }
            if self.drawing
                && let (Some(pointer), Some(line)) = (response.interact_pointer_pos(), self.lines.last_mut())
                && line.last().is_none_or(|last| last.distance(pointer - origin) > 1.5)
            {
                line.push(pointer - origin);
            }
            if response.drag_stopped() {
                self.drawing = false;
            }
        }
        let painter = ui.painter_at(rect);
        for line in &self.lines {
            painter.add(egui::Shape::line(line.iter().map(|&p| p + origin).collect(), PEN));
        }
        if !self.spotlight {
            return None;
        }
        if let Some(pointer) = pointer {
            self.point_at(pointer, rect);
        }
        let centre = self.spot_in(rect, subject);
        let radius = SPOTLIGHT_RADIUS * rect.height() / 1080.0;
        Pointing::paint_spotlight(&painter, rect, centre, radius.max(40.0));
        Some(centre)
    }
}
