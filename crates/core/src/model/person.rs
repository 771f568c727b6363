//! People the seed names, with short entries that events and the search can link to.

use super::{Names, SourceId};

/// Index of a person in [`super::Atlas::people`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonId(pub u32);

impl PersonId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A date known to the year, the month or the day, as the sources give it ("1871", "1879-08",
/// "1866-03-05"). Gregorian.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible day.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, len: usize| -> Option<u32> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok()).flatten()
        };
        let year = number(parts.first()?, 4)? as i32;
        match parts.as_slice() {
            [_] => Some(PartialDate { year, month: None, day: None }),
            [_, month] => {
                let month = number(month, 2).filter(|m| (1..=12).contains(m))?;
                Some(PartialDate { year, month: Some(month), day: None })
            }
            [_, month, day] => {
                let (month, day) = (number(month, 2)?, number(day, 2)?);
                super::Date::from_ymd(year, month, day)?;
                Some(PartialDate { year, month: Some(month), day: Some(day) })
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// A person named in the seed.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: Names,
    pub born: Option<PartialDate>,
    pub died: Option<PartialDate>,
    pub summary: Names,
    pub sources: Vec<SourceId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_to_the_precision_the_sources_allow() {
        assert_eq!(PartialDate::parse("1871").map(|d| d.to_string()), Some("1871".into()));
        assert_eq!(PartialDate::parse("1879-08").map(|d| d.to_string()), Some("1879-08".into()));
        assert_eq!(PartialDate::parse("1866-03-05").map(|d| d.to_string()), Some("1866-03-05".into()));
        assert_eq!(PartialDate::parse("1866-02-30"), None);
        assert_eq!(PartialDate::parse("66"), None);
        assert_eq!(PartialDate::parse("1866-13"), None);
        assert_eq!(PartialDate::parse(""), None);
    }
}
