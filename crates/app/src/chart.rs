//! The territory chart (egui_plot): the share of the land each side held, stacked, over the four
//! years, with a cursor at the current date; a click moves the slider there.

use eframe::egui;
use egui_plot::{FilledArea, Plot, VLine};

use super::style::{self, side_colour};
use atlas_core::i18n::Translations;
use atlas_core::model::{Date, Language, Side};
use atlas_core::shares::{BUCKETS, TerritoryShares, UNKNOWN_BUCKET};

/// Days between plotted points: a week keeps every band under 210 points and loses nothing a
/// reader can see at this size.
const STEP_DAYS: usize = 7;

/// What the reader did with the chart this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChartResponse {
    /// The date clicked, to move the slider to.
    pub clicked: Option<Date>,
    /// The side whose band is under the pointer (`None` over the unknown band or outside).
    pub hovered_side: Option<Side>,
}

/// The time the chart spans and where on screen: the slider's window of days and the x of its
/// handle at the window's two ends, so that a day stands above itself on the slider.
#[derive(Clone, Copy, Debug)]
pub struct TimeAxis {
    pub window: (i32, i32),
    pub rail: Option<(f32, f32)>,
}

/// Draws the chart of `shares` (territory or population); reports a click and the band hovered.
pub fn share_chart_ui(
    ui: &mut egui::Ui,
    shares: &TerritoryShares,
    date: Date,
    axis: TimeAxis,
    (texts, language): (&Translations, Language),
) -> ChartResponse {
    let tr = |key| texts.tr(language, key);
    let last = shares.days.len().saturating_sub(1);
    let (first_day, last_day) = (axis.window.0.max(0) as usize, (axis.window.1.max(1) as usize).min(last.max(1)));
    let mut samples: Vec<usize> = (first_day..=last_day).step_by(STEP_DAYS).collect();
    if samples.last() != Some(&last_day) {
        samples.push(last_day);
    }
    let xs: Vec<f64> = samples.iter().map(|&day| day as f64).collect();
    // Grid marks fall anywhere in a year: label each with its month and year.
    let month_year = |x: f64| {
        let date = Date::ATLAS_START.add_days(x.round() as i32).ymd();
        format!("{:02}.{}", date.month, date.year)
    };
    // The plot's frame spans exactly the slider's handle travel below it (no y axis on the left:
    // the values are in the tooltip), and its x bounds are the slider's window with no margin,
    // so it neither starts before 1917 nor runs into 1921.
    let height = ui.available_height().max(80.0);
    let area = ui.available_rect_before_wrap();
    let (left, right) = axis.rail.filter(|(left, right)| right > left).unwrap_or((area.left(), area.right()));
    let rect = egui::Rect::from_min_max(egui::pos2(left, area.top()), egui::pos2(right, area.top() + height));
    let scoped = ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        Plot::new("territory_chart")
            .width(rect.width())
            .height(height)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .show_axes([true, false])
            .show_x(false)
            .show_y(false)
            .set_margin_fraction(egui::Vec2::ZERO)
            .default_x_bounds(first_day as f64, last_day as f64)
            .default_y_bounds(0.0, 100.0)
            .x_axis_formatter(move |mark, _| month_year(mark.value))
            // No legend inside the plot: it would cover the bands; the window's legend names the colours.
            .show(ui, |plot| {
                let mut lower = vec![0.0; samples.len()];
                for bucket in 0..BUCKETS {
                    let upper: Vec<f64> = samples
                        .iter()
                        .zip(&lower)
                        .map(|(&day, below)| below + 100.0 * f64::from(shares.days[day][bucket]))
                        .collect();
                    let (name, colour) = match Side::ALL.get(bucket) {
                        Some(&side) => (tr(side.key()), side_colour(side)),
                        None => (tr("unknown"), style::UNKNOWN),
                    };
                    if bucket == UNKNOWN_BUCKET || upper.iter().zip(&lower).any(|(u, l)| u - l > 0.01) {
                        plot.add(FilledArea::new(name, &xs, &lower, &upper).fill_color(colour));
                    }
                    lower = upper;
                }
                plot.add(
                    VLine::new(tr("date"), date.days_since(Date::ATLAS_START) as f64)
                        .color(egui::Color32::BLACK)
                        .width(2.0),
                );
                let clicked = plot.response().clicked();
                (plot.pointer_coordinate(), clicked)
            })
    });
    let response = scoped.inner;
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, tr("territory_chart")));
    // What the hover shows, for the date on the slider: a screen reader cannot hover.
    let today = date.days_since(Date::ATLAS_START).max(0) as usize;
    if let Some(buckets) = shares.days.get(today) {
        let text = shares_text(buckets, today, (texts, language));
        response.response.ctx.accesskit_node_builder(response.response.id, |node| node.set_description(text));
    }
    let (pointer, clicked) = response.inner;
    let Some(point) = pointer else { return ChartResponse::default() };
    let day = point.x.clamp(0.0, last as f64).round() as usize;
    let hovered_side = shares.days.get(day).and_then(|buckets| band_at(buckets, point.y / 100.0));
    if let Some(buckets) = shares.days.get(day) {
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| values_ui(ui, buckets, day, hovered_side, (texts, language)));
    }
    ChartResponse { clicked: clicked.then(|| Date::ATLAS_START.add_days(day as i32)), hovered_side }
}

/// The values under the pointer: the day, and each side's share that day, largest first, the
/// band under the pointer in bold.
fn values_ui(
    ui: &mut egui::Ui,
    buckets: &[f32; BUCKETS],
    day: usize,
    hovered: Option<Side>,
    (texts, language): (&Translations, Language),
) {
    let date = Date::ATLAS_START.add_days(day as i32);
    ui.label(egui::RichText::new(texts.format_date(language, date.ymd())).strong());
    let mut rows: Vec<(Option<Side>, f32)> =
        buckets.iter().enumerate().map(|(bucket, &share)| (Side::ALL.get(bucket).copied(), share)).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (side, share) in rows.into_iter().filter(|(_, share)| *share >= 0.0005) {
        let name = side.map_or(texts.tr(language, "unknown"), |side| texts.tr(language, side.key()));
        let text = format!("{name}: {:.1} %", share * 100.0);
        let text = if side.is_some() && side == hovered { egui::RichText::new(text).strong() } else { text.into() };
        ui.horizontal(|ui| {
            super::legend::side_dot(ui, side.map_or(style::UNKNOWN, side_colour));
            ui.label(text);
        });
    }
}

/// The shares of one day in words, largest first: "1 July 1918: White 52.3 %, Alash Orda 20.1 %, …".
fn shares_text(buckets: &[f32; BUCKETS], day: usize, (texts, language): (&Translations, Language)) -> String {
    let date = Date::ATLAS_START.add_days(day as i32);
    let mut rows: Vec<(Option<Side>, f32)> =
        buckets.iter().enumerate().map(|(bucket, &share)| (Side::ALL.get(bucket).copied(), share)).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let parts: Vec<String> = rows
        .into_iter()
        .filter(|(_, share)| *share >= 0.0005)
        .map(|(side, share)| {
            let name = side.map_or(texts.tr(language, "unknown"), |side| texts.tr(language, side.key()));
            format!("{name} {:.1} %", share * 100.0)
        })
        .collect();
    format!("{}: {}", texts.format_date(language, date.ymd()), parts.join(", "))
}

/// The side whose band, stacked in [`Side::ALL`] order, covers the height `share` (0 to 1).
fn band_at(buckets: &[f32; BUCKETS], share: f64) -> Option<Side> {
    let mut top = 0.0;
    for (bucket, &part) in buckets.iter().enumerate() {
        top += f64::from(part);
        if share <= top && part > 0.0 {
            return Side::ALL.get(bucket).copied();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_under_the_pointer_is_found_by_height() {
        // Soviet 50 %, White 30 %, unknown 20 %.
        let buckets = [0.5, 0.3, 0.0, 0.0, 0.0, 0.0, 0.2];
        assert_eq!(band_at(&buckets, 0.2), Some(Side::Soviet));
        assert_eq!(band_at(&buckets, 0.6), Some(Side::White));
        assert_eq!(band_at(&buckets, 0.9), None);
    }
}
