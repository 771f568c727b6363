//! The date shown large, the Old Style date beside it, the slider and the play button.

use eframe::egui::{self, RichText};

use crate::i18n::Translations;
use crate::model::{Date, Language};

/// The timeline's state: the current date and whether it plays.
#[derive(Clone, Copy, Debug)]
pub struct Timeline {
    pub date: Date,
    pub playing: bool,
    /// Days to advance per second of playback.
    pub days_per_second: f64,
    /// Fractions of a day played but not yet shown.
    carried_days: f64,
}

impl Timeline {
    pub fn new(date: Date) -> Timeline {
        Timeline {
            date: date.clamp(Date::ATLAS_START, Date::ATLAS_END),
            playing: false,
            days_per_second: 30.0,
            carried_days: 0.0,
        }
    }

    pub fn set_date(&mut self, date: Date) {
        self.date = date.clamp(Date::ATLAS_START, Date::ATLAS_END);
    }

    pub fn step_days(&mut self, days: i32) {
        self.set_date(self.date.add_days(days));
    }

    pub fn toggle_play(&mut self) {
        if !self.playing && self.date >= Date::ATLAS_END {
            self.date = Date::ATLAS_START; // playing from the end starts over
        }
        self.playing = !self.playing;
        self.carried_days = 0.0;
    }

    /// Advances playback by `seconds` of wall time; stops at the end. Returns whether the date changed.
    pub fn advance(&mut self, seconds: f64) -> bool {
        if !self.playing {
            return false;
        }
        self.carried_days += seconds.clamp(0.0, 0.25) * self.days_per_second;
        let whole = self.carried_days.floor();
        self.carried_days -= whole;
        let before = self.date;
        self.set_date(self.date.add_days(whole as i32));
        if self.date >= Date::ATLAS_END {
            self.playing = false;
        }
        self.date != before
    }
}

/// Draws the timeline; returns whether the user changed the date.
pub fn timeline_ui(ui: &mut egui::Ui, timeline: &mut Timeline, texts: &Translations, language: Language) -> bool {
    let tr = |key| texts.tr(language, key);
    let before = timeline.date;
    ui.horizontal(|ui| {
        let date_text = texts.format_date(language, timeline.date.ymd());
        ui.label(
            RichText::new(date_text).size(30.0).strong().family(egui::FontFamily::Name(super::fonts::BOLD.into())),
        );
        if let Some(old_style) = timeline.date.old_style() {
            let old_text = format!("({}: {})", tr("old_style"), texts.format_date(language, old_style));
            ui.label(RichText::new(old_text).size(18.0).italics());
        }
    });
    ui.horizontal(|ui| {
        if ui.button("◀").on_hover_text(tr("previous_day")).clicked() {
            timeline.step_days(-1);
        }
        let play_label = if timeline.playing { tr("pause") } else { tr("play") };
        if ui.button(play_label).clicked() {
            timeline.toggle_play();
        }
        if ui.button("▶").on_hover_text(tr("next_day")).clicked() {
            timeline.step_days(1);
        }
        let last_day = Date::ATLAS_END.days_since(Date::ATLAS_START);
        let mut day = timeline.date.days_since(Date::ATLAS_START);
        ui.spacing_mut().slider_width = (ui.available_width() - 80.0).max(100.0);
        let slider = egui::Slider::new(&mut day, 0..=last_day).show_value(false).text(tr("date"));
        if ui.add(slider).changed() {
            timeline.set_date(Date::ATLAS_START.add_days(day));
        }
    });
    timeline.date != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playback_advances_whole_days_and_stops_at_the_end() {
        let mut timeline = Timeline::new(Date::ATLAS_START);
        timeline.toggle_play();
        assert!(!timeline.advance(0.01)); // 0.3 days: nothing to show yet
        assert!(timeline.advance(0.03)); // 1.2 days in all
        assert_eq!(timeline.date, Date::ATLAS_START.add_days(1));
        timeline.set_date(Date::ATLAS_END.add_days(-2));
        timeline.advance(0.2);
        assert_eq!(timeline.date, Date::ATLAS_END);
        assert!(!timeline.playing);
        timeline.toggle_play();
        assert_eq!(timeline.date, Date::ATLAS_START);
    }
}
