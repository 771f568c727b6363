//! Playing a tour: where the camera looks and which date shows at each moment of each step.
//! Free of egui, so that `present`, the kiosk and `render --tour` play a tour the same way.
//!
//! Entering a step eases date and camera together from where the previous step ended
//! ([`TRANSITION_SECONDS`]); a step with `until` then runs its dates over the rest of its
//! duration. Nothing ever jumps.

use crate::geometry::{MapGeometry, MapPoint, MapRect};
use crate::model::{Camera, Date, Tour, TourStep};

/// How long the move from one step to the next takes.
pub const TRANSITION_SECONDS: f32 = 1.5;

/// What the map shows at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shot {
    pub date: Date,
    /// The part of the map in view, in projected kilometres.
    pub extent: MapRect,
}

/// The extent a step's camera asks for.
pub fn camera_extent(geometry: &MapGeometry, camera: &Camera) -> MapRect {
    match camera {
        Camera::Fit(places) => geometry.extent_of(places).unwrap_or(geometry.bounds),
        Camera::Centre { centre, zoom } => {
            let centre = geometry.projection.map_from_lonlat(*centre);
            let zoom = zoom.max(0.01);
            let half = [geometry.bounds.width() / zoom / 2.0, geometry.bounds.height() / zoom / 2.0];
            MapRect {
                min: MapPoint::new(centre.x - half[0], centre.y - half[1]),
                max: MapPoint::new(centre.x + half[0], centre.y + half[1]),
            }
        }
    }
}

/// Smooth start and stop (cubic ease-in-out), 0..1 to 0..1.
pub fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 { 4.0 * t * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0 }
}

/// Between two extents: centres move linearly and the size changes geometrically, so that a
/// zoom feels even rather than rushing at the end.
pub fn blend_extent(from: MapRect, to: MapRect, t: f32) -> MapRect {
    let lerp = |a: f32, b: f32| a + (b - a) * t;
    let (c0, c1) = (from.centre(), to.centre());
    let centre = MapPoint::new(lerp(c0.x, c1.x), lerp(c0.y, c1.y));
    let size = |a: f32, b: f32| if a > 0.0 && b > 0.0 { a * (b / a).powf(t) } else { lerp(a, b) };
    let (w, h) = (size(from.width(), to.width()), size(from.height(), to.height()));
    MapRect {
        min: MapPoint::new(centre.x - w / 2.0, centre.y - h / 2.0),
        max: MapPoint::new(centre.x + w / 2.0, centre.y + h / 2.0),
    }
}

fn blend_date(from: Date, to: Date, t: f32) -> Date {
    from.add_days((to.days_since(from) as f32 * t).round() as i32)
}

/// The shot `seconds` after entering `step`, coming from `previous` (where the last step ended;
/// `None` for the first step shown, which starts in place).
pub fn shot_at(geometry: &MapGeometry, step: &TourStep, previous: Option<Shot>, seconds: f32) -> Shot {
    let target = Shot { date: step.date, extent: camera_extent(geometry, &step.camera) };
    let seconds = seconds.max(0.0);
    if let Some(previous) = previous
        && seconds < TRANSITION_SECONDS
    {
        let t = ease(seconds / TRANSITION_SECONDS);
        return Shot {
            date: blend_date(previous.date, target.date, t),
            extent: blend_extent(previous.extent, target.extent, t),
        };
    }
    let start = if previous.is_some() { TRANSITION_SECONDS } else { 0.0 };
    let running = (step.duration_seconds - start).max(1.0);
    let progress = ((seconds - start) / running).clamp(0.0, 1.0);
    Shot { date: step.date_at(progress), extent: target.extent }
}

/// Where step `index` ends: its last date and its camera.
pub fn end_shot(geometry: &MapGeometry, step: &TourStep) -> Shot {
    Shot { date: step.end_date(), extent: camera_extent(geometry, &step.camera) }
}

/// A tour being played: the step shown and how long it has been shown.
#[derive(Clone, Debug)]
pub struct TourPlayer {
    pub step: usize,
    /// Seconds since the step was entered.
    pub seconds: f32,
    /// Where the map was when the step was entered (the transition starts there).
    pub came_from: Option<Shot>,
}

impl TourPlayer {
    pub fn new() -> TourPlayer {
        TourPlayer { step: 0, seconds: 0.0, came_from: None }
    }

    pub fn shot(&self, tour: &Tour, geometry: &MapGeometry) -> Option<Shot> {
        let step = tour.steps.get(self.step)?;
        Some(shot_at(geometry, step, self.came_from, self.seconds))
    }

    /// Goes to step `index` (clamped), easing from wherever the map is now.
    pub fn go_to(&mut self, tour: &Tour, geometry: &MapGeometry, index: usize) {
        let index = index.min(tour.steps.len().saturating_sub(1));
        self.came_from = self.shot(tour, geometry);
        self.step = index;
        self.seconds = 0.0;
    }

    pub fn next(&mut self, tour: &Tour, geometry: &MapGeometry) {
        if self.step + 1 < tour.steps.len() {
            self.go_to(tour, geometry, self.step + 1);
        }
    }

    pub fn previous(&mut self, tour: &Tour, geometry: &MapGeometry) {
        if self.step > 0 {
            self.go_to(tour, geometry, self.step - 1);
        }
    }

    /// Advances the clock; with `autoplay`, moves on when a step's duration is over and loops
    /// back to the first step after the last. Returns whether the step changed.
    pub fn advance(&mut self, tour: &Tour, geometry: &MapGeometry, seconds: f32, autoplay: bool) -> bool {
        self.seconds += seconds.max(0.0);
        let Some(step) = tour.steps.get(self.step) else { return false };
        if autoplay && self.seconds >= step.duration_seconds {
            let next = if self.step + 1 < tour.steps.len() { self.step + 1 } else { 0 };
            self.go_to(tour, geometry, next);
            return true;
        }
        false
    }

    /// Whether the map is still moving (a transition or a date animation is under way).
    pub fn is_moving(&self, tour: &Tour) -> bool {
        let Some(step) = tour.steps.get(self.step) else { return false };
        let transition = self.came_from.is_some() && self.seconds < TRANSITION_SECONDS;
        transition || (step.until.is_some() && self.seconds < step.duration_seconds)
    }
}

impl Default for TourPlayer {
    fn default() -> TourPlayer {
        TourPlayer::new()
    }
}
