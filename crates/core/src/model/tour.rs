//! Tours: a lecture or an exhibit as a sequence of steps, each a date, a camera and a caption.
//! The same tours drive `present`, the kiosk's attract loop and `render --tour`.

use super::{Date, LonLat, Names, PlaceId};
use crate::layers::{Layer, LayerSet};

/// Where a step's camera looks.
#[derive(Clone, Debug, PartialEq)]
pub enum Camera {
    /// Fit these places (areas whole, cities with their surroundings).
    Fit(Vec<PlaceId>),
    /// Centre on a point, `zoom` times closer than the whole atlas.
    Centre { centre: LonLat, zoom: f32 },
}

/// One step of a tour.
#[derive(Clone, Debug)]
pub struct TourStep {
    pub date: Date,
    /// While the step plays, the date runs from `date` to `until`.
    pub until: Option<Date>,
    pub camera: Camera,
    pub highlights: Vec<PlaceId>,
    /// The events the step is about.
    pub events: Vec<super::EventId>,
    /// Layers the step turns on (`true`) or off (`false`); the others stay as they were.
    pub layers: Vec<(Layer, bool)>,
    pub caption: Names,
    /// Speaker notes (the presenter view shows them).
    pub notes: Names,
    /// How long the step stays in autoplay (the kiosk's attract loop), in seconds.
    pub duration_seconds: f32,
    /// The line of the step in its file, for messages.
    pub line: usize,
}

impl TourStep {
    /// The date shown `progress` (0 to 1) of the way through the step.
    pub fn date_at(&self, progress: f32) -> Date {
        match self.until {
            Some(until) => {
                let days = until.days_since(self.date) as f32 * progress.clamp(0.0, 1.0);
                self.date.add_days(days.round() as i32)
            }
            None => self.date,
        }
    }

    /// The last date the step shows.
    pub fn end_date(&self) -> Date {
        self.until.unwrap_or(self.date)
    }
}

impl Tour {
    /// The layers step `step` shows: `base` with the changes of every step up to it applied in
    /// order. `present`, the kiosk's attract loop and `render --tour` all ask this.
    pub fn layers_at(&self, step: usize, base: LayerSet) -> LayerSet {
        let mut layers = base;
        for &(layer, on) in self.steps.iter().take(step + 1).flat_map(|step| &step.layers) {
            layers.set(layer, on);
        }
        layers
    }
}

/// A tour as loaded from its file.
#[derive(Clone, Debug)]
pub struct Tour {
    pub id: String,
    pub title: Names,
    pub summary: Names,
    pub steps: Vec<TourStep>,
    /// The file it came from, as shown to the user.
    pub file: String,
}

/// The default duration of a step in autoplay.
pub const DEFAULT_STEP_SECONDS: f32 = 12.0;
