//! Calendar dates: Gregorian (New Style) internally, Julian (Old Style) only for display.
//!
//! Russia used the Julian calendar until 31 January 1918 (Old Style); the next day was
//! 14 February 1918 (New Style). Between 1900 and 2100 the Julian calendar runs 13 days behind
//! the Gregorian one, so converting is a subtraction, never a second stored date.

use std::fmt;

/// A day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// ```
/// use atlas_core::model::Date;
/// let d = Date::parse("1917-11-07").unwrap();
/// assert_eq!(d.old_style().unwrap().to_string(), "1917-10-25");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date of the form YYYY-MM-DD")]
    Format(String),
    #[error("`{0}` names a day that does not exist")]
    NoSuchDay(String),
}

/// Day, month and year of a date in one calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearMonthDay {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for YearMonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date before the atlas's first day or after its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0} is outside the atlas ({start} to {end})", start = Date::ATLAS_START, end = Date::ATLAS_END)]
pub struct OutsideAtlas(pub Date);

/// Days between the Julian and the Gregorian calendar from 1 March 1900 to 28 February 2100.
const JULIAN_LAG_DAYS: i32 = 13;

impl Date {
    /// The first day on which Russia used the Gregorian calendar.
    pub const NEW_STYLE_ADOPTED: Date = Date::from_ymd_const(1918, 2, 14);
    /// The first day the atlas shows.
    pub const ATLAS_START: Date = Date::from_ymd_const(1917, 2, 1);
    /// The last day the atlas shows.
    pub const ATLAS_END: Date = Date::from_ymd_const(1920, 12, 31);

    /// Whether the atlas shows this day.
    pub fn is_in_atlas(self) -> bool {
        (Date::ATLAS_START..=Date::ATLAS_END).contains(&self)
    }

    /// This day, if the atlas shows it; else why not. Every check of a date against the
    /// atlas's years (data files, tours, the command line) goes through here.
    pub fn in_atlas(self) -> Result<Date, OutsideAtlas> {
        if self.is_in_atlas() { Ok(self) } else { Err(OutsideAtlas(self)) }
    }

    /// A Gregorian date from its parts, or `None` when that day does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date::from_ymd_const(year, month, day))
    }

    /// Days since 1970-01-01 of a Gregorian date, after Howard Hinnant's `days_from_civil`.
    pub const fn from_ymd_const(year: i32, month: u32, day: u32) -> Date {
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let year_of_era = y - era * 400;
        let m = month as i32;
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Date(era * 146_097 + day_of_era - 719_468)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let format_error = || DateError::Format(text.to_owned());
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format_error());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(format_error());
        }
        let year: i32 = y.parse().map_err(|_| format_error())?;
        let month: u32 = m.parse().map_err(|_| format_error())?;
        let day: u32 = d.parse().map_err(|_| format_error())?;
        Date::from_ymd(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
    }

    /// The date as Gregorian day, month and year (Hinnant's `civil_from_days`).
    pub fn ymd(self) -> YearMonthDay {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        YearMonthDay { year, month, day }
    }

    /// The Julian (Old Style) date of this day, when Russia still used that calendar.
    ///
    /// Returns `None` from 14 February 1918 on, when Old Style was no longer the civil calendar.
    pub fn old_style(self) -> Option<YearMonthDay> {
        if self >= Date::NEW_STYLE_ADOPTED {
            return None;
        }
        Some(self.julian())
    }

    /// The Julian calendar date of this day.
    ///
    /// Right from 14 March 1900 to 13 March 2100 (Gregorian), where the lag is 13 days; the atlas
    /// lies well inside.
    pub fn julian(self) -> YearMonthDay {
        Date(self.0 - JULIAN_LAG_DAYS).ymd()
    }

    /// The Gregorian date of a Julian (Old Style) calendar date.
    pub fn from_old_style(year: i32, month: u32, day: u32) -> Option<Date> {
        let as_if_gregorian = Date::from_ymd(year, month, day)?;
        Some(Date(as_if_gregorian.0 + JULIAN_LAG_DAYS))
    }

    /// This date moved by a number of days.
    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Days from `earlier` to `self` (negative when `self` is earlier).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }

    /// The same day of the month `months` later (clamped to the month's last day).
    pub fn add_months(self, months: i32) -> Date {
        let ymd = self.ymd();
        let index = ymd.year * 12 + ymd.month as i32 - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let day = ymd.day.min(days_in_month(year, month));
        Date::from_ymd_const(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.ymd().fmt(f)
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn round_trips_every_day_of_the_atlas() {
        let mut day = Date::ATLAS_START;
        while day <= Date::ATLAS_END {
            let ymd = day.ymd();
            assert_eq!(Date::from_ymd(ymd.year, ymd.month, ymd.day), Some(day));
            assert_eq!(date(&day.to_string()), day);
            day = day.add_days(1);
        }
        assert_eq!(Date::ATLAS_END.days_since(Date::ATLAS_START), 1429);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        assert!(matches!(Date::parse("1918-02-30"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("1919-13-01"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("1918-2-3"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("summer"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
        assert_eq!(date("1920-02-29").ymd().day, 29);
    }

    #[test]
    fn october_revolution_in_both_styles() {
        // The seed: "24–25 қазанда (6–7 қараша)".
        assert_eq!(Date::from_old_style(1917, 10, 25), Some(date("1917-11-07")));
        assert_eq!(date("1917-11-06").old_style().map(|d| d.to_string()), Some("1917-10-24".into()));
    }

    #[test]
    fn old_style_ends_with_the_calendar_reform() {
        // 31 January 1918 (OS) was followed by 14 February 1918 (NS).
        assert_eq!(date("1918-02-13").old_style().map(|d| d.to_string()), Some("1918-01-31".into()));
        assert_eq!(date("1918-02-14").old_style(), None);
        assert_eq!(date("1918-02-01").old_style().map(|d| d.to_string()), Some("1918-01-19".into()));
        // 1 February 1918 Old Style is the day of the reform's first New Style date minus 13.
        assert_eq!(Date::from_old_style(1918, 2, 1), Some(date("1918-02-14")));
        assert_eq!(date("1917-03-08").old_style().map(|d| d.to_string()), Some("1917-02-23".into()));
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(date("1918-01-31").add_months(1), date("1918-02-28"));
        assert_eq!(date("1918-12-15").add_months(1), date("1919-01-15"));
        assert_eq!(date("1919-01-15").add_months(-1), date("1918-12-15"));
    }
}
