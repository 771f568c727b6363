//! The territory chart (egui_plot): the share of the land each side held, stacked, over the four
//! years, with a cursor at the current date; a click moves the slider there.

use eframe::egui;
use egui_plot::{FilledArea, Plot, VLine};

use super::style::{self, side_colour};
use crate::i18n::Translations;
use crate::model::{Date, Language, Side};
use crate::shares::{BUCKETS, TerritoryShares, UNKNOWN_BUCKET};

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

/// Draws the chart of `shares` (territory or population); reports a click and the band hovered.
pub fn share_chart_ui(
    ui: &mut egui::Ui,
    shares: &TerritoryShares,
    date: Date,
    texts: &Translations,
    language: Language,
) -> ChartResponse {
    let tr = |key| texts.tr(language, key);
    let mut samples: Vec<usize> = (0..shares.days.len()).step_by(STEP_DAYS).collect();
    if let Some(last) = shares.days.len().checked_sub(1)
        && samples.last() != Some(&last)
    {
        samples.push(last);
    }
    let xs: Vec<f64> = samples.iter().map(|&day| day as f64).collect();
    // Grid marks fall anywhere in a year: label each with its month and year.
    let month_year = |x: f64| {
        let date = Date::ATLAS_START.add_days(x.round() as i32).ymd();
        format!("{:02}.{}", date.month, date.year)
    };
    let response = Plot::new("territory_chart")
        .height(ui.available_height().max(80.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .include_x(shares.days.len() as f64)
        .x_axis_formatter(move |mark, _| month_year(mark.value))
        .y_axis_formatter(|mark, _| format!("{}%", mark.value.round()))
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
        });
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, tr("territory_chart")));
    let (pointer, clicked) = response.inner;
    let Some(point) = pointer else { return ChartResponse::default() };
    let last = shares.days.len().saturating_sub(1) as f64;
    let day = point.x.clamp(0.0, last).round() as usize;
    let hovered_side = shares.days.get(day).and_then(|buckets| band_at(buckets, point.y / 100.0));
    ChartResponse { clicked: clicked.then(|| Date::ATLAS_START.add_days(day as i32)), hovered_side }
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
