//! The kiosk's time axis: where each day of the atlas stands along the scrubber's rail. The
//! chart above the scrubber draws on the same axis, so that a date has one x in both and a
//! visitor's finger on the chart and on the scrubber means the same day.

use atlas_core::model::Date;

/// Day 0 (the atlas's first) at `left`, its last day at `right`, in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    pub left: f32,
    pub right: f32,
}

impl TimeAxis {
    /// The number of the atlas's last day.
    pub fn last_day() -> i32 {
        Date::ATLAS_END.days_since(Date::ATLAS_START).max(1)
    }

    /// The x of a day counted from the atlas's first.
    pub fn x_of_day(self, day: i32) -> f32 {
        let day = day.clamp(0, TimeAxis::last_day());
        self.left + (self.right - self.left) * day as f32 / TimeAxis::last_day() as f32
    }

    pub fn x_of(self, date: Date) -> f32 {
        self.x_of_day(date.days_since(Date::ATLAS_START))
    }

    /// The day under `x`, the nearest one inside the atlas.
    pub fn date_at(self, x: f32) -> Date {
        let width = (self.right - self.left).max(1.0);
        let fraction = ((x - self.left) / width).clamp(0.0, 1.0);
        Date::ATLAS_START.add_days((fraction * TimeAxis::last_day() as f32).round() as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_and_its_x_go_both_ways() {
        let axis = TimeAxis { left: 700.0, right: 1880.0 };
        assert_eq!(axis.x_of(Date::ATLAS_START), 700.0);
        assert_eq!(axis.x_of(Date::ATLAS_END), 1880.0);
        for text in ["1917-02-01", "1918-07-01", "1919-11-14", "1920-12-31"] {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(axis.date_at(axis.x_of(date)), date, "{text}");
        }
        assert_eq!(axis.date_at(0.0), Date::ATLAS_START, "left of the axis is its first day");
    }
}
