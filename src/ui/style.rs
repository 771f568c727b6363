//! Colours of the map: sides, unknown, water, land, borders.

use eframe::egui::{Color32, ColorImage};

use crate::model::Side;

pub fn side_colour(side: Side) -> Color32 {
    let [r, g, b] = side.rgb();
    Color32::from_rgb(r, g, b)
}

/// Places nobody is known to hold.
pub const UNKNOWN: Color32 = Color32::from_rgb(0xc9, 0xc4, 0xb8);
/// Land outside the historical units, and the window behind the map.
pub const BACKGROUND: Color32 = Color32::from_rgb(0xee, 0xea, 0xdf);
pub const WATER: Color32 = Color32::from_rgb(0xa9, 0xcc, 0xe3);
pub const WATER_EDGE: Color32 = Color32::from_rgb(0x6f, 0x9f, 0xc2);
pub const OBLAST_BORDER: Color32 = Color32::from_rgb(0x3a, 0x34, 0x2c);
pub const ZONE_BORDER: Color32 = Color32::from_rgb(0x7a, 0x4a, 0x00);
pub const LABEL: Color32 = Color32::from_rgb(0x1e, 0x1b, 0x16);
pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(0xf6, 0xf3, 0xea, 0xd0);
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0xff, 0xf0, 0x40);

/// How much of a side's colour an area fill shows, so that labels and borders stay legible.
pub const AREA_FILL_ALPHA: u8 = 170;

/// The fill and hatch of a place held by `sides` (military holders first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ControlPaint {
    pub fill: Color32,
    /// Stripes in this colour over the fill when several sides hold the place at once.
    pub hatch: Option<Color32>,
}

impl ControlPaint {
    /// The paint of a place whose period has only low confidence: the colours washed out
    /// halfway to the unknown grey, so that doubt shows on the map itself.
    pub fn faded(self) -> ControlPaint {
        let fade = |colour: Color32| lerp_colour(colour, UNKNOWN, 0.55);
        ControlPaint { fill: fade(self.fill), hatch: self.hatch.map(fade) }
    }

    /// The paint of an area whose holders only claimed it: paler still than doubt, since the
    /// claim says who would have ruled, not who did.
    pub fn claimed(self) -> ControlPaint {
        let fade = |colour: Color32| lerp_colour(colour, UNKNOWN, 0.82);
        ControlPaint { fill: fade(self.fill), hatch: self.hatch.map(fade) }
    }

    pub fn of(sides: &[Side]) -> ControlPaint {
        match sides {
            [] => ControlPaint { fill: UNKNOWN, hatch: None },
            [only] => ControlPaint { fill: side_colour(*only), hatch: None },
            [first, second, ..] => ControlPaint { fill: side_colour(*first), hatch: Some(side_colour(*second)) },
        }
    }
}

fn lerp_colour(from: Color32, to: Color32, t: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(mix(from.r(), to.r()), mix(from.g(), to.g()), mix(from.b(), to.b()))
}

/// Diagonal white stripes on transparency; tinted by the vertex colour when drawn.
pub fn hatch_image() -> ColorImage {
    const SIZE: usize = 16;
    let pixels = (0..SIZE * SIZE)
        .map(|i| {
            let (x, y) = (i % SIZE, i / SIZE);
            if (x + y) % SIZE < 5 { Color32::WHITE } else { Color32::TRANSPARENT }
        })
        .collect();
    ColorImage::new([SIZE, SIZE], pixels)
}
