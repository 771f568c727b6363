//! The kiosk's chart of who held how much of the land, drawn on the scrubber's own time axis:
//! each day stands right above the same day of the scrubber, and a tap on the chart goes to the
//! day under the finger, as a tap on the scrubber does.

use eframe::egui::{self, Align2, Color32, Mesh, Rect, Sense, Stroke, pos2};

use super::app::Look;
use super::time_axis::TimeAxis;
use crate::style::{self, side_colour};
use atlas_core::model::{Date, Side};
use atlas_core::shares::{BUCKETS, TerritoryShares};

/// Days between plotted points: a week loses nothing a visitor can see.
const STEP_DAYS: usize = 7;

/// Draws the stacked shares over the available height, between the axis's ends; returns the
/// day tapped.
pub fn share_chart_ui(
    ui: &mut egui::Ui,
    shares: &TerritoryShares,
    date: Date,
    axis: TimeAxis,
    label: &str,
    look: Look,
) -> Option<Date> {
    let full = ui.available_rect_before_wrap();
    let rect = Rect::from_x_y_ranges(axis.left..=axis.right, full.y_range());
    let response = ui.allocate_rect(full, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, label));
    let painter = ui.painter_at(full);
    let y_of = |share: f32| rect.bottom() - rect.height() * share.clamp(0.0, 1.0);

    let mut days: Vec<usize> = (0..shares.days.len()).step_by(STEP_DAYS).collect();
    if let Some(last) = shares.days.len().checked_sub(1)
        && days.last() != Some(&last)
    {
        days.push(last);
    }
    let mut lower = vec![0.0_f32; days.len()];
    for bucket in 0..BUCKETS {
        let colour = Side::ALL.get(bucket).map_or(style::UNKNOWN, |&side| side_colour(side));
        let upper: Vec<f32> = days.iter().zip(&lower).map(|(&day, below)| below + shares.days[day][bucket]).collect();
        let mut mesh = Mesh::default();
        for i in 1..days.len() {
            let (x0, x1) = (axis.x_of_day(days[i - 1] as i32), axis.x_of_day(days[i] as i32));
            if upper[i - 1] - lower[i - 1] <= 0.0 && upper[i] - lower[i] <= 0.0 {
                continue;
            }
            let base = mesh.vertices.len() as u32;
            for (x, y) in
                [(x0, y_of(lower[i - 1])), (x0, y_of(upper[i - 1])), (x1, y_of(upper[i])), (x1, y_of(lower[i]))]
            {
                mesh.colored_vertex(pos2(x, y), colour);
            }
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base, base + 2, base + 3);
        }
        painter.add(mesh);
        lower = upper;
    }

    // The years as the scrubber marks them, and the shares at a quarter, half and three quarters.
    let grid = Stroke::new(look.px(1.0), Color32::from_black_alpha(90));
    for year in 1918..=1920 {
        if let Some(start) = Date::from_ymd(year, 1, 1) {
            let x = axis.x_of(start);
            painter.line_segment([pos2(x, rect.top()), pos2(x, rect.bottom())], grid);
        }
    }
    let font = egui::FontId::proportional(look.px(16.0));
    for percent in [0, 50, 100] {
        let y = y_of(percent as f32 / 100.0);
        painter.text(
            pos2(rect.left() - look.px(8.0), y),
            Align2::RIGHT_CENTER,
            format!("{percent}%"),
            font.clone(),
            style::LABEL,
        );
    }
    // The date on show: a line over the bands, in line with the scrubber's knob.
    let x = axis.x_of(date);
    painter.line_segment([pos2(x, rect.top()), pos2(x, rect.bottom())], Stroke::new(look.px(3.0), Color32::BLACK));

    let touched = response.clicked() || response.dragged() || response.is_pointer_button_down_on();
    let chosen = response.interact_pointer_pos().filter(|_| touched).map(|pointer| axis.date_at(pointer.x))?;
    (chosen != date).then_some(chosen)
}
