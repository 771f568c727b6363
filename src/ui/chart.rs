//! The territory chart (egui_plot): the share of the land each side held, stacked, over the four
//! years, with a cursor at the current date; a click moves the slider there.

use eframe::egui;
use egui_plot::{FilledArea, Legend, Plot, VLine};

use super::legend::side_key;
use super::style::{self, side_colour};
use crate::i18n::Translations;
use crate::model::{Date, Language, Side};
use crate::shares::{BUCKETS, TerritoryShares, UNKNOWN_BUCKET};

/// Days between plotted points: a week keeps every band under 210 points and loses nothing a
/// reader can see at this size.
const STEP_DAYS: usize = 7;

/// Draws the chart; returns the date clicked, if any.
pub fn territory_chart_ui(
    ui: &mut egui::Ui,
    shares: &TerritoryShares,
    date: Date,
    texts: &Translations,
    language: Language,
) -> Option<Date> {
    let tr = |key| texts.tr(language, key);
    let mut samples: Vec<usize> = (0..shares.days.len()).step_by(STEP_DAYS).collect();
    if let Some(last) = shares.days.len().checked_sub(1)
        && samples.last() != Some(&last)
    {
        samples.push(last);
    }
    let xs: Vec<f64> = samples.iter().map(|&day| day as f64).collect();
    let year_of = |x: f64| Date::ATLAS_START.add_days(x.round() as i32).ymd().year;
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
        .x_axis_formatter(move |mark, _| year_of(mark.value).to_string())
        .y_axis_formatter(|mark, _| format!("{}%", mark.value.round()))
        .legend(Legend::default())
        .show(ui, |plot| {
            let mut lower = vec![0.0; samples.len()];
            for bucket in 0..BUCKETS {
                let upper: Vec<f64> = samples
                    .iter()
                    .zip(&lower)
                    .map(|(&day, below)| below + 100.0 * f64::from(shares.days[day][bucket]))
                    .collect();
                let (name, colour) = match Side::ALL.get(bucket) {
                    Some(&side) => (tr(side_key(side)), side_colour(side)),
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
            plot.pointer_coordinate().filter(|_| clicked)
        });
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, tr("territory_chart")));
    let point = response.inner?;
    let last = shares.days.len().saturating_sub(1) as f64;
    Some(Date::ATLAS_START.add_days(point.x.clamp(0.0, last).round() as i32))
}
