//! Control periods and the index that answers "who holds this place on this day".

use super::{Date, ForceId, PlaceId, SourceId};

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
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Military, Role::Civil];

    pub fn id(self) -> &'static str {
        match self {
            Role::Military => "military",
            Role::Civil => "civil",
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

    pub fn from_id(id: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|confidence| confidence.id() == id)
    }
}

/// One force's part in a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub force: ForceId,
    pub role: Role,
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
    pub note: String,
}

impl ControlPeriod {
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
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
