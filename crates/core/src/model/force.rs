//! Sides and the forces that belong to them.

use super::{Date, Names};

/// Index of a force in [`super::Atlas::forces`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ForceId(pub u32);

impl ForceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The fixed set of sides; their ids are part of `query --json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Soviet,
    White,
    Alash,
    Partisan,
    Provisional,
    Kokand,
}

impl Side {
    /// In the order the legend lists them.
    pub const ALL: [Side; 6] =
        [Side::Soviet, Side::White, Side::Alash, Side::Partisan, Side::Provisional, Side::Kokand];

    pub fn id(self) -> &'static str {
        match self {
            Side::Soviet => "soviet",
            Side::White => "white",
            Side::Alash => "alash",
            Side::Partisan => "partisan",
            Side::Provisional => "provisional",
            Side::Kokand => "kokand",
        }
    }

    /// The key of the side's name in the translation table.
    pub fn key(self) -> &'static str {
        match self {
            Side::Soviet => "side_soviet",
            Side::White => "side_white",
            Side::Alash => "side_alash",
            Side::Partisan => "side_partisan",
            Side::Provisional => "side_provisional",
            Side::Kokand => "side_kokand",
        }
    }

    pub fn from_id(id: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|side| side.id() == id)
    }

    /// The side's map colour as sRGB.
    ///
    /// Chosen to stay apart under protanopia, deuteranopia and tritanopia as well as in full
    /// colour (a test simulates each and requires a CIELAB distance of at least 14 between any two
    /// sides and the unknown grey): red and blue for the two main sides differ in lightness too,
    /// Alash is a blue-green, partisans an amber that reads next to Soviet red, the Provisional
    /// Government a muted lavender, the Kokand autonomy a dark green. Layered control is striped
    /// in each holder's colour with dark lines between the stripes, so it never depends on colour
    /// alone, and a test (`ui::style`) keeps the stripes' mean colour away from every other side.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Side::Soviet => [0xd6, 0x3a, 0x2f],
            Side::White => [0x4a, 0x78, 0xc2],
            Side::Alash => [0x1f, 0x9e, 0x89],
            Side::Partisan => [0xe8, 0xa0, 0x20],
            Side::Provisional => [0x9b, 0x8a, 0xc4],
            Side::Kokand => [0x40, 0x80, 0x30],
        }
    }
}

/// From `from` on, a force belongs to `side`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SideFrom {
    pub from: Date,
    pub side: Side,
}

/// An army, government or movement that can hold a place.
#[derive(Clone, Debug)]
pub struct Force {
    pub id: String,
    /// The sides the force took, sorted by date and never empty: a force of one side has one
    /// entry from the atlas's first day; before the first entry the force has no side.
    pub sides: Vec<SideFrom>,
    pub name: Names,
    /// The force's own colour, where it should stand out from its side's.
    pub rgb: Option<[u8; 3]>,
}

impl Force {
    /// A force that keeps one side on every day of the atlas.
    pub fn of_side(id: &str, side: Side, name: Names) -> Force {
        Force { id: id.to_owned(), sides: vec![SideFrom { from: Date::ATLAS_START, side }], name, rgb: None }
    }

    /// The force's side on `date`; `None` before its first side.
    pub fn side_on(&self, date: Date) -> Option<Side> {
        self.sides.iter().rev().find(|entry| entry.from <= date).map(|entry| entry.side)
    }

    /// The first day after `start`, up to `end`, on which the force changes side, if any.
    pub fn change_within(&self, start: Date, end: Date) -> Option<SideFrom> {
        self.sides.iter().copied().find(|entry| start < entry.from && entry.from <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour_science::{VISIONS, delta_e76, lab, linear, simulate};

    /// The unknown grey of the map (`ui::style::UNKNOWN`), repeated here so that the model's
    /// test needs no UI.
    const UNKNOWN_RGB: [u8; 3] = [0xc9, 0xc4, 0xb8];

    #[test]
    fn sides_stay_apart_for_colour_blind_viewers() {
        let mut colours: Vec<(&str, [u8; 3])> = Side::ALL.iter().map(|side| (side.id(), side.rgb())).collect();
        colours.push(("unknown", UNKNOWN_RGB));
        for (vision, matrix) in VISIONS {
            let seen: Vec<[f64; 3]> = colours.iter().map(|(_, rgb)| lab(simulate(&matrix, linear(*rgb)))).collect();
            for i in 0..seen.len() {
                for j in i + 1..seen.len() {
                    let distance = delta_e76(seen[i], seen[j]);
                    assert!(
                        distance >= 14.0,
                        "{vision}: {} and {} are only {distance:.1} apart",
                        colours[i].0,
                        colours[j].0
                    );
                }
            }
        }
    }
}
