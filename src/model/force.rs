//! Sides and the forces that belong to them.

use super::Names;

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

    pub fn from_id(id: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|side| side.id() == id)
    }

    /// The side's map colour as sRGB.
    ///
    /// Chosen to stay apart under deuteranopia and protanopia as well as in full colour: red and
    /// blue for the two main sides differ in lightness too, Alash is a blue-green, partisans an
    /// amber that reads next to Soviet red, and the two 1917 authorities are muted.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Side::Soviet => [0xd6, 0x3a, 0x2f],
            Side::White => [0x4a, 0x78, 0xc2],
            Side::Alash => [0x1f, 0x9e, 0x89],
            Side::Partisan => [0xe8, 0xa0, 0x20],
            Side::Provisional => [0x9b, 0x8a, 0xc4],
            Side::Kokand => [0x8c, 0x6d, 0x31],
        }
    }
}

/// An army, government or movement that can hold a place.
#[derive(Clone, Debug)]
pub struct Force {
    pub id: String,
    pub side: Side,
    pub name: Names,
    /// The force's own colour, where it should stand out from its side's.
    pub rgb: Option<[u8; 3]>,
}

impl Force {
    pub fn rgb(&self) -> [u8; 3] {
        self.rgb.unwrap_or(self.side.rgb())
    }
}
