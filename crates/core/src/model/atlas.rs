//! The whole loaded atlas.

use std::collections::HashMap;

use geo::MultiPolygon;

use super::{
    ControlIndex, ControlPeriod, Date, Event, EventId, Force, ForceId, Names, PeriodId, Person, PersonId, Place,
    PlaceId, Resolution, Side,
};

/// Index of a source in [`Atlas::sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u32);

impl SourceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A work that periods and events cite.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub url: Option<String>,
    /// What the source is and what the atlas took from it; empty when the file says nothing.
    pub note: Names,
}

/// A sea or lake, drawn for orientation only.
#[derive(Clone, Debug)]
pub struct WaterBody {
    pub id: String,
    pub name: Names,
    pub area: MultiPolygon<f64>,
}

/// A river, drawn for orientation only: its course from source to mouth, in degrees.
#[derive(Clone, Debug)]
pub struct River {
    pub id: String,
    /// Empty for the unnamed streams of the river network.
    pub name: Names,
    pub course: geo::MultiLineString<f64>,
    /// How important it is, from 1 (the named rivers, drawn at every zoom) to [`River::MINOR`]
    /// (small streams, drawn only when zoomed in), so the map reads like an atlas at any scale.
    pub rank: u8,
}

impl River {
    /// The least important rank a river file may give.
    pub const MINOR: u8 = 4;
}

/// A neighbour of 1917 (a governorate, oblast, khanate or country) drawn around the atlas for
/// orientation only, in a neutral tone, with no history.
#[derive(Clone, Debug)]
pub struct ContextArea {
    pub id: String,
    pub name: Names,
    pub area: MultiPolygon<f64>,
}

/// What a free-standing map label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    Mountains,
    Upland,
    Desert,
    Lowland,
    /// A present-day country (shown with the present-day borders).
    Country,
}

impl LabelKind {
    pub fn from_id(id: &str) -> Option<LabelKind> {
        match id {
            "mountains" => Some(LabelKind::Mountains),
            "upland" => Some(LabelKind::Upland),
            "desert" => Some(LabelKind::Desert),
            "lowland" => Some(LabelKind::Lowland),
            "country" | "label" => Some(LabelKind::Country),
            _ => None,
        }
    }
}

/// A name written on the map at a point: a mountain range, a desert, a present-day country.
#[derive(Clone, Debug)]
pub struct MapLabel {
    pub id: String,
    pub name: Names,
    pub at: super::LonLat,
    /// Rotation of the text, degrees counter-clockwise from east.
    pub angle_degrees: f32,
    pub kind: LabelKind,
}

/// A present-day international border, drawn only as an optional overlay.
#[derive(Clone, Debug)]
pub struct BorderLine {
    pub id: String,
    pub course: geo::MultiLineString<f64>,
}

/// The parts an [`Atlas`] is made of, their references already resolved (by the loader).
#[derive(Clone, Debug, Default)]
pub struct AtlasParts {
    pub places: Vec<Place>,
    pub forces: Vec<Force>,
    pub sources: Vec<Source>,
    pub periods: Vec<ControlPeriod>,
    /// In any order: the atlas sorts them by date.
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub water: Vec<WaterBody>,
    pub rivers: Vec<River>,
    pub context: Vec<ContextArea>,
    pub ranges: Vec<MapLabel>,
    pub modern_borders: Vec<BorderLine>,
    pub modern_labels: Vec<MapLabel>,
}

/// Everything the atlas knows, with every reference resolved to an index.
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    places: Vec<Place>,
    pub forces: Vec<Force>,
    pub sources: Vec<Source>,
    periods: Vec<ControlPeriod>,
    /// Sorted by start date.
    events: Vec<Event>,
    pub water: Vec<WaterBody>,
    /// Rivers (context only, no history).
    pub rivers: Vec<River>,
    /// Neighbours drawn as context.
    pub context: Vec<ContextArea>,
    /// Mountain ranges, deserts and lowlands, named on the relief layer.
    pub ranges: Vec<MapLabel>,
    /// Present-day borders and country names, for the optional overlay.
    pub modern_borders: Vec<BorderLine>,
    pub modern_labels: Vec<MapLabel>,
    /// People the seed names, with short entries; events link to them.
    pub people: Vec<Person>,
    /// Tours for lectures and the kiosk, in file-name order.
    pub tours: Vec<super::Tour>,
    index: ControlIndex,
    place_by_id: HashMap<String, PlaceId>,
    /// `period_sides[period]`: [`Atlas::sides_of`] each period, worked out once, because
    /// painting every place on every day of playback asks for it thousands of times a second.
    period_sides: Vec<Vec<Side>>,
}

impl Atlas {
    /// Assembles an atlas from parts whose references are already valid, and builds its indexes.
    /// The one way an atlas is made (the loader calls it; so may a test): its indexes stay true
    /// only if nothing changes `places`, `periods` or `events` afterwards.
    pub fn new(parts: AtlasParts) -> Atlas {
        let AtlasParts {
            places,
            forces,
            sources,
            periods,
            mut events,
            people,
            water,
            rivers,
            context,
            ranges,
            modern_borders,
            modern_labels,
        } = parts;
        let parents = places.iter().map(|place| place.parent.filter(|_| place.kind.inherits_control())).collect();
        let index = ControlIndex::new(&periods, parents);
        let place_by_id = places.iter().enumerate().map(|(i, place)| (place.id.clone(), PlaceId(i as u32))).collect();
        events.sort_by_key(|event| (event.start, event.end));
        let mut atlas = Atlas {
            places,
            forces,
            sources,
            periods,
            events,
            water,
            rivers,
            context,
            ranges,
            modern_borders,
            modern_labels,
            people,
            tours: Vec::new(),
            index,
            place_by_id,
            period_sides: Vec::new(),
        };
        atlas.period_sides = atlas.periods.iter().map(|period| atlas.sides_of(period)).collect();
        atlas
    }

    /// The same atlas with its tours, which are read against it (they name its places and
    /// events).
    pub fn with_tours(mut self, tours: Vec<super::Tour>) -> Atlas {
        self.tours = tours;
        self
    }

    /// Whether `place`, resolved on some date as `resolution`, is on the map that day: a free
    /// zone only while it has a period of its own (it never inherits one, see
    /// [`PlaceKind::inherits_control`]), every other place always.
    pub fn is_shown(&self, place: PlaceId, resolution: &Resolution) -> bool {
        self.place(place).kind.inherits_control() || resolution.from_place == Some(place)
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.index()]
    }

    pub fn force(&self, id: ForceId) -> &Force {
        &self.forces[id.index()]
    }

    pub fn period(&self, id: PeriodId) -> &ControlPeriod {
        &self.periods[id.index()]
    }

    pub fn source(&self, id: super::SourceId) -> &Source {
        &self.sources[id.index()]
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.people[id.index()]
    }

    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }

    /// Every place; a [`PlaceId`] is an index into it. Read-only: the control index and the id
    /// map rest on it.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Every control period; a [`PeriodId`] is an index into it.
    pub fn periods(&self) -> &[ControlPeriod] {
        &self.periods
    }

    /// Every event, sorted by start date; an [`EventId`] is an index into it.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events that name `place`, in date order.
    pub fn events_at(&self, place: PlaceId) -> impl Iterator<Item = &Event> + '_ {
        self.events.iter().filter(move |event| event.places.contains(&place))
    }

    /// Every event's id, in date order.
    pub fn event_ids(&self) -> impl Iterator<Item = EventId> + '_ {
        (0..self.events.len() as u32).map(EventId)
    }

    /// Every person's id, in the order of the file.
    pub fn person_ids(&self) -> impl Iterator<Item = PersonId> + '_ {
        (0..self.people.len() as u32).map(PersonId)
    }

    /// The event with this id in the data (`turgai_imanov_killed`).
    pub fn event_by_id(&self, id: &str) -> Option<EventId> {
        self.events.iter().position(|event| event.id == id).map(|index| EventId(index as u32))
    }

    /// The person with this id in the data (`bokeikhanov`).
    pub fn person_by_id(&self, id: &str) -> Option<PersonId> {
        self.people.iter().position(|person| person.id == id).map(|index| PersonId(index as u32))
    }

    pub fn place_ids(&self) -> impl Iterator<Item = PlaceId> + '_ {
        (0..self.places.len() as u32).map(PlaceId)
    }

    /// The force with this exact id.
    pub fn force_by_id(&self, id: &str) -> Option<&Force> {
        self.forces.iter().find(|force| force.id == id)
    }

    /// The place with this exact id.
    pub fn place_by_id(&self, id: &str) -> Option<PlaceId> {
        self.place_by_id.get(id).copied()
    }

    /// The place's parent, grandparent and so on, nearest first.
    pub fn ancestors(&self, place: PlaceId) -> Vec<PlaceId> {
        let mut chain = Vec::new();
        let mut current = self.place(place).parent;
        while let Some(parent) = current {
            if chain.contains(&parent) || chain.len() > self.places.len() {
                break;
            }
            chain.push(parent);
            current = self.place(parent).parent;
        }
        chain
    }

    /// Whether an area is divided into smaller areas (an oblast into uezds with outlines). The map
    /// fills only undivided areas, so that each spot shows its smallest unit's control.
    pub fn is_divided(&self, place: PlaceId) -> bool {
        self.places
            .iter()
            .any(|part| part.parent == Some(place) && part.kind != super::PlaceKind::Zone && part.area.is_some())
    }

    /// The periods of a place, sorted by start.
    pub fn periods_of(&self, place: PlaceId) -> &[PeriodId] {
        self.index.periods_of(place)
    }

    /// Who holds `place` on `date`, falling back to its parents.
    pub fn resolve(&self, place: PlaceId, date: Date) -> Resolution {
        self.index.resolve(&self.periods, place, date)
    }

    /// The period in force for `place` on `date`, its own or inherited.
    pub fn control_on(&self, place: PlaceId, date: Date) -> Option<&ControlPeriod> {
        self.resolve(place, date).period.map(|id| self.period(id))
    }

    /// The distinct sides holding `place` on `date`, military holders first.
    pub fn sides_on(&self, place: PlaceId, date: Date) -> Vec<Side> {
        let Some(period) = self.control_on(place, date) else {
            return Vec::new();
        };
        self.sides_of(period)
    }

    /// The distinct sides in a period, military holders first.
    pub fn sides_of(&self, period: &ControlPeriod) -> Vec<Side> {
        let mut sides = Vec::new();
        self.sides_into(period, &mut sides);
        sides
    }

    /// [`Atlas::sides_of`] the period with this id, without working it out again.
    pub fn sides_of_period(&self, id: PeriodId) -> &[Side] {
        self.period_sides.get(id.index()).map_or(&[], Vec::as_slice)
    }

    /// Military holders first, then civil ones; nominal holders count only where nobody else
    /// holds the place, since a claim is not control.
    fn sides_into(&self, period: &ControlPeriod, sides: &mut Vec<Side>) {
        use super::Role;
        let order = if period.is_nominal_only() { &[Role::Nominal][..] } else { &[Role::Military, Role::Civil][..] };
        for role in order {
            for holder in period.holders.iter().filter(|holder| holder.role == *role) {
                if !sides.contains(&holder.side) {
                    sides.push(holder.side);
                }
            }
        }
    }

    /// Events under way on `date`.
    pub fn events_on(&self, date: Date) -> impl Iterator<Item = &Event> + '_ {
        self.events.iter().filter(move |event| event.is_on(date))
    }
}
