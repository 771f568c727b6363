//! Control periods and the index that answers "who holds this place on this day".

use super::{Date, ForceId, Names, PlaceId, Side, SourceId};

/// Index of a period in [`super::Atlas::periods`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodId(pub u32);

impl PeriodId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of authority a force exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Troops hold the place.
    Military,
    /// The force administers it (possibly under another's military control).
    Civil,
    /// The force claims it, or proclaimed its power there, without exercising it on the ground:
    /// the soviets over the auls of an uezd in 1918, say, while the volost administrations ran them.
    Nominal,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Military, Role::Civil, Role::Nominal];

    pub fn id(self) -> &'static str {
        match self {
            Role::Military => "military",
            Role::Civil => "civil",
            Role::Nominal => "nominal",
        }
    }

    /// The key of the role's name in the translation table.
    pub fn key(self) -> &'static str {
        match self {
            Role::Military => "role_military",
            Role::Civil => "role_civil",
            Role::Nominal => "role_nominal",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.id() == id)
    }
}

/// How sure the sources let us be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    pub fn id(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    /// The key of the confidence's name in the translation table.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "confidence_high",
            Confidence::Medium => "confidence_medium",
            Confidence::Low => "confidence_low",
        }
    }

    pub fn from_id(id: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|confidence| confidence.id() == id)
    }
}

/// One force's part in a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub force: ForceId,
    pub role: Role,
    /// The force's side during the period. A force can change side (a Cossack host stood with the
    /// Provisional Government in 1917 and turned White on its break with Soviet power); the loader
    /// refuses a period that spans such a change, so one side holds for the whole period.
    pub side: Side,
}

/// Who held a place from `start` to `end`, both days included.
#[derive(Clone, Debug)]
pub struct ControlPeriod {
    pub place: PlaceId,
    pub start: Date,
    pub end: Date,
    /// Never empty; several holders at once are normal (dual power, layered authority).
    pub holders: Vec<Holder>,
    pub confidence: Confidence,
    /// Never empty.
    pub sources: Vec<SourceId>,
    /// Why these dates and holders, in the three languages (empty where none was written).
    pub note: Names,
}

impl ControlPeriod {
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether every holder only claims the place (an area's countryside that a power proclaimed
    /// its own but did not run); the map draws it pale.
    pub fn is_nominal_only(&self) -> bool {
        !self.holders.is_empty() && self.holders.iter().all(|holder| holder.role == Role::Nominal)
    }
}

/// Who holds a place on one day, and where that answer comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The period in force, if any place up the parent chain has one.
    pub period: Option<PeriodId>,
    /// The place whose period it is: the place itself, or an ancestor it inherits from.
    pub from_place: Option<PlaceId>,
}

impl Resolution {
    pub const UNKNOWN: Resolution = Resolution { period: None, from_place: None };
}

/// Periods of each place sorted by start, so that resolving a date is a binary search.
#[derive(Clone, Debug, Default)]
pub struct ControlIndex {
    /// `by_place[place]` lists that place's periods, sorted by start, never overlapping.
    by_place: Vec<Vec<PeriodId>>,
    /// `parents[place]` is the place's parent.
    parents: Vec<Option<PlaceId>>,
}

impl ControlIndex {
    /// Builds the index. Periods of one place must not overlap (the loader drops and reports
    /// overlapping ones); `parents` must be free of cycles (the loader guarantees that too).
    pub fn new(periods: &[ControlPeriod], parents: Vec<Option<PlaceId>>) -> ControlIndex {
        let mut by_place = vec![Vec::new(); parents.len()];
        for (index, period) in periods.iter().enumerate() {
            if let Some(list) = by_place.get_mut(period.place.index()) {
                list.push(PeriodId(index as u32));
            }
        }
        for list in &mut by_place {
            list.sort_by_key(|id| periods[id.index()].start);
        }
        ControlIndex { by_place, parents }
    }

    /// The periods of one place, sorted by start.
    pub fn periods_of(&self, place: PlaceId) -> &[PeriodId] {
        self.by_place.get(place.index()).map_or(&[], Vec::as_slice)
    }

    /// The place's own period on `date`, without looking at parents.
    pub fn own_period(&self, periods: &[ControlPeriod], place: PlaceId, date: Date) -> Option<PeriodId> {
        let list = self.periods_of(place);
        // The last period starting on or before `date` is the only one that can contain it.
        let after = list.partition_point(|id| periods[id.index()].start <= date);
        let candidate = *list.get(after.checked_sub(1)?)?;
        periods[candidate.index()].contains(date).then_some(candidate)
    }

    /// Who holds `place` on `date`: its own period, else its parent's, and so on up.
    pub fn resolve(&self, periods: &[ControlPeriod], place: PlaceId, date: Date) -> Resolution {
        let mut current = Some(place);
        // The chain is acyclic, but bound the walk anyway so that no data can hang the atlas.
        for _ in 0..=self.parents.len() {
            let Some(here) = current else { break };
            if let Some(period) = self.own_period(periods, here, date) {
                return Resolution { period: Some(period), from_place: Some(here) };
            }
            current = self.parents.get(here.index()).copied().flatten();
        }
        Resolution::UNKNOWN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn period(place: u32, start: &str, end: &str, force: u32) -> ControlPeriod {
        ControlPeriod {
            place: PlaceId(place),
            start: day(start),
            end: day(end),
            holders: vec![Holder { force: ForceId(force), role: Role::Military, side: Side::Soviet }],
            confidence: Confidence::High,
            sources: vec![SourceId(0)],
            note: Names::default(),
        }
    }

    /// Place 0 is an oblast, place 1 a city in it, place 2 a city in the city (a chain of three).
    fn index(periods: &[ControlPeriod]) -> ControlIndex {
        ControlIndex::new(periods, vec![None, Some(PlaceId(0)), Some(PlaceId(1))])
    }

    #[test]
    fn resolves_the_period_containing_the_date_inclusive_at_both_ends() {
        // Given out of order on purpose: the index sorts.
        let periods = vec![period(1, "1918-06-07", "1919-11-13", 2), period(1, "1917-12-01", "1918-06-06", 1)];
        let index = index(&periods);
        let at = |date| index.resolve(&periods, PlaceId(1), day(date)).period;
        assert_eq!(at("1917-12-01"), Some(PeriodId(1)));
        assert_eq!(at("1918-06-06"), Some(PeriodId(1)));
        assert_eq!(at("1918-06-07"), Some(PeriodId(0)));
        assert_eq!(at("1919-11-13"), Some(PeriodId(0)));
        assert_eq!(at("1919-11-14"), None);
        assert_eq!(at("1917-11-30"), None);
    }

    #[test]
    fn a_place_without_a_period_takes_its_parents_up_the_chain() {
        let periods = vec![period(0, "1917-03-15", "1920-12-31", 0), period(1, "1918-06-07", "1919-11-13", 2)];
        let index = index(&periods);
        // The city's own period wins where it has one...
        let own = index.resolve(&periods, PlaceId(1), day("1919-01-01"));
        assert_eq!((own.period, own.from_place), (Some(PeriodId(1)), Some(PlaceId(1))));
        // ...and in a gap it takes the oblast's, saying where the answer comes from.
        let inherited = index.resolve(&periods, PlaceId(1), day("1920-01-01"));
        assert_eq!((inherited.period, inherited.from_place), (Some(PeriodId(0)), Some(PlaceId(0))));
        // Two levels up, too.
        assert_eq!(index.resolve(&periods, PlaceId(2), day("1920-01-01")).from_place, Some(PlaceId(0)));
        // Before anything is known: unknown, not a panic.
        assert_eq!(index.resolve(&periods, PlaceId(2), day("1917-02-01")), Resolution::UNKNOWN);
    }

    #[test]
    fn a_cycle_in_parents_cannot_hang_the_resolver() {
        let periods = vec![period(0, "1918-01-01", "1918-01-31", 0)];
        let index = ControlIndex::new(&periods, vec![Some(PlaceId(1)), Some(PlaceId(0))]);
        assert_eq!(index.resolve(&periods, PlaceId(1), day("1919-01-01")), Resolution::UNKNOWN);
    }
}
