//! The timeline scrubber: a thick rail over the four years that a finger can grab anywhere,
//! with the years written under it and a tick for every event.

use eframe::egui::{self, Align2, Color32, Rect, Sense, Stroke, pos2, vec2};

use super::app::Look;
use super::time_axis::TimeAxis;
use atlas_core::model::{Date, Event};

/// Height of the whole touch target at 1080p.
pub const HEIGHT: f32 = 84.0;

/// What the scrubber did this frame.
pub struct Scrubbed {
    /// The date the finger moved it to.
    pub date: Option<Date>,
    /// Where the days lie along its rail, for the chart above it.
    pub axis: TimeAxis,
}

/// Draws the scrubber over the available width.
pub fn scrubber_ui(ui: &mut egui::Ui, date: Date, events: &[Event], label: &str, look: Look) -> Scrubbed {
    let size = vec2(ui.available_width().max(look.px(200.0)), look.px(HEIGHT));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let last_day = TimeAxis::last_day();
    let day = date.days_since(Date::ATLAS_START).clamp(0, last_day);
    response.widget_info(|| egui::WidgetInfo::slider(true, f64::from(day), label));

    let radius = look.px(22.0);
    let rail_y = rect.top() + look.px(30.0);
    // The knob's centre reaches the rail's ends, so the axis stops a knob's radius short of the edges.
    let axis = TimeAxis { left: rect.left() + radius, right: rect.right() - radius };
    let (left, right) = (axis.left, axis.right);
    let x_of = |day: i32| axis.x_of_day(day);
    let painter = ui.painter_at(rect.expand(look.px(4.0)));

    // Events above the rail, years under it.
    for event in events {
        let x = x_of(event.start.days_since(Date::ATLAS_START).clamp(0, last_day));
        let top = rail_y - look.px(20.0);
        painter.line_segment(
            [pos2(x, top), pos2(x, top + look.px(9.0))],
            Stroke::new(look.px(2.0), Color32::from_gray(0x70)),
        );
    }
    let rail = Rect::from_min_max(pos2(left, rail_y - look.px(7.0)), pos2(right, rail_y + look.px(7.0)));
    painter.rect_filled(rail, look.px(7.0), Color32::from_gray(0xc8));
    let x = x_of(day);
    painter.rect_filled(rail.with_max_x(x), look.px(7.0), look.accent);
    for year in 1917..=1920 {
        let (Some(start), Some(end)) = (Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)) else { continue };
        let (from, to) = (start.max(Date::ATLAS_START), end.min(Date::ATLAS_END));
        let (x0, x1) = (x_of(from.days_since(Date::ATLAS_START)), x_of(to.days_since(Date::ATLAS_START)));
        if year > 1917 {
            painter.line_segment(
                [pos2(x0, rail.top() - look.px(4.0)), pos2(x0, rect.bottom() - look.px(4.0))],
                Stroke::new(look.px(1.5), Color32::from_gray(0x60)),
            );
        }
        let font = egui::FontId::proportional(look.px(22.0));
        painter.text(
            pos2((x0 + x1) / 2.0, rect.bottom()),
            Align2::CENTER_BOTTOM,
            year.to_string(),
            font,
            Color32::from_gray(0x30),
        );
    }
    painter.circle(pos2(x, rail_y), radius, Color32::WHITE, Stroke::new(look.px(5.0), look.accent));

    let moved = response.clicked() || response.dragged() || response.is_pointer_button_down_on();
    let chosen = response.interact_pointer_pos().filter(|_| moved).map(|pointer| axis.date_at(pointer.x));
    Scrubbed { date: chosen.filter(|&chosen| chosen != date), axis }
}
