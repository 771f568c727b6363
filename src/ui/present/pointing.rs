//! Pointing at the projected map: a spotlight that dims all but a circle under the pointer, and
//! a pen whose lines stay until the step changes.

use eframe::egui::{self, Color32, Pos2, Rect, Stroke};

/// Radius of the spotlight's bright circle, in points.
const SPOTLIGHT_RADIUS: f32 = 160.0;
const PEN: Stroke = Stroke { width: 6.0, color: Color32::from_rgb(0xe0, 0x10, 0x60) };

#[derive(Default)]
pub struct Pointing {
    pub spotlight: bool,
    pub pen: bool,
    /// Finished lines and the one being drawn, in points relative to the map's top-left corner.
    lines: Vec<Vec<Pos2>>,
    drawing: bool,
}

impl Pointing {
    pub fn clear_drawing(&mut self) {
        self.lines.clear();
        self.drawing = false;
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Draws with the pen while dragging, and paints the lines and the spotlight over `rect`.
    pub fn ui(&mut self, ui: &egui::Ui, response: &egui::Response, rect: Rect) {
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
        if self.spotlight
            && let Some(pointer) = ui.input(|input| input.pointer.hover_pos())
        {
            // A ring so wide that its outer edge is beyond every corner: all dark but the hole.
            let reach = rect.width().hypot(rect.height()) * 2.0;
            let stroke = Stroke::new(reach, Color32::from_black_alpha(170));
            painter.circle_stroke(pointer, SPOTLIGHT_RADIUS + reach / 2.0, stroke);
            ui.ctx().request_repaint();
        }
    }
}
