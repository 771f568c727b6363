//! Colours of the map: sides, unknown, water, land, borders.

use egui::{Color32, ColorImage};

use atlas_core::model::Side;

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
/// The dark edge around the highlight, so that it shows on light ground too.
pub const HIGHLIGHT_CASING: Color32 = LABEL;

/// How much of a side's colour an area fill shows, so that labels and borders stay legible.
pub const AREA_FILL_ALPHA: u8 = 170;

/// At most this many sides are drawn in the stripes of shared control; a fifth at once has not
/// happened in the data, and narrower bands would no longer read as colours.
pub const MAX_STRIPES: usize = 4;

/// The dark line between two stripes. It keeps each band's colour from blending with the next
/// into a mean that looks like another side (red and blue would read as the Provisional
/// Government's lavender), and it gives shared control a texture no single side has.
pub const STRIPE_SEPARATOR: Color32 = Color32::from_rgb(0x3a, 0x34, 0x2c);

/// The share of each band (one side's stripe and the line after it) taken by the dark line.
pub const STRIPE_SEPARATOR_SHARE: f32 = 0.3;

/// Screen points along a horizontal line from the start of one band to the start of the next.
pub const STRIPE_BAND: f32 = 11.0;

/// How a place is painted: one colour, or stripes in each holder's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ControlPaint {
    /// The area's colour; under stripes, the colour of the lines between them.
    pub fill: Color32,
    /// The holders' colours, military first, when several sides hold the place at once.
    stripes: [Color32; MAX_STRIPES],
    stripe_count: u8,
}

impl ControlPaint {
    pub fn of(sides: &[Side]) -> ControlPaint {
        let mut paint = ControlPaint { fill: UNKNOWN, stripes: [UNKNOWN; MAX_STRIPES], stripe_count: 0 };
        match sides {
            [] => {}
            [only] => paint.fill = side_colour(*only),
            several => {
                paint.fill = STRIPE_SEPARATOR;
                for (slot, &side) in paint.stripes.iter_mut().zip(several) {
                    *slot = side_colour(side);
                }
                paint.stripe_count = several.len().min(MAX_STRIPES) as u8;
            }
        }
        paint
    }

    /// The stripes' colours, empty when one side (or nobody known) holds the place.
    pub fn stripes(&self) -> &[Color32] {
        &self.stripes[..usize::from(self.stripe_count)]
    }

    /// The colour a small mark (a strip too narrow for stripes) takes: the first holder's.
    pub fn main_colour(&self) -> Color32 {
        self.stripes().first().copied().unwrap_or(self.fill)
    }

    /// The paint of a place whose period has only low confidence: the colours washed out
    /// halfway to the unknown grey, so that doubt shows on the map itself.
    pub fn faded(self) -> ControlPaint {
        self.washed(0.55)
    }

    /// The paint of an area whose holders only claimed it: paler still than doubt, since the
    /// claim says who would have ruled, not who did.
    pub fn claimed(self) -> ControlPaint {
        self.washed(0.82)
    }

    fn washed(self, t: f32) -> ControlPaint {
        let fade = |colour: Color32| lerp_colour(colour, UNKNOWN, t);
        ControlPaint { fill: fade(self.fill), stripes: self.stripes.map(fade), ..self }
    }
}

/// Where band `band` of `count` starts, as a fraction of the stripe pattern's period, for the
/// map's texture coordinates and the legend's polygons alike.
pub fn band_phase(band: usize, count: usize) -> f32 {
    band as f32 / count.max(1) as f32
}

fn lerp_colour(from: Color32, to: Color32, t: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(mix(from.r(), to.r()), mix(from.g(), to.g()), mix(from.b(), to.b()))
}

/// Rows of the stripe texture for one to [`MAX_STRIPES`] bands, each this many pixels high.
const STRIPE_ROWS: usize = 4;
/// Pixels across one period of the stripe texture.
const STRIPE_TEXELS: usize = 64;

/// The stripe texture: white on transparency, tinted by the vertex colour when drawn. Row block
/// `n - 1` holds the pattern for `n` bands: one band's stripe at the start of the period (its
/// share is `1 / n` less the separator), so that band `k` is drawn by shifting the texture by
/// [`band_phase`]`(k, n)`. One band alone (a free zone in its holder's colour) is half stripe, half gap.
pub fn hatch_image() -> ColorImage {
    let height = STRIPE_ROWS * MAX_STRIPES;
    let pixels = (0..STRIPE_TEXELS * height)
        .map(|i| {
            let (x, row) = (i % STRIPE_TEXELS, i / STRIPE_TEXELS);
            let bands = row / STRIPE_ROWS + 1;
            let stripe_share = if bands == 1 { 0.5 } else { (1.0 - STRIPE_SEPARATOR_SHARE) / bands as f32 };
            let u = (x as f32 + 0.5) / STRIPE_TEXELS as f32;
            if u < stripe_share { Color32::WHITE } else { Color32::TRANSPARENT }
        })
        .collect();
    ColorImage::new([STRIPE_TEXELS, height], pixels)
}

/// The texture's `v` coordinate for the pattern of `bands` bands: the middle of its rows, so
/// that linear filtering never reaches the next pattern.
pub fn hatch_row(bands: usize) -> f32 {
    let block = bands.clamp(1, MAX_STRIPES) - 1;
    (block * STRIPE_ROWS) as f32 / (STRIPE_ROWS * MAX_STRIPES) as f32
        + 0.5 * STRIPE_ROWS as f32 / (STRIPE_ROWS * MAX_STRIPES) as f32
}

/// The width a text takes on one line in `ui`, to decide a layout before drawing it (the top
/// bar and the date bar wrap when their parts would not fit).
pub fn text_width(ui: &egui::Ui, text: &egui::RichText) -> f32 {
    egui::WidgetText::from(text.clone())
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body)
        .size()
        .x
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_core::colour_science::{VISIONS, delta_e2000, lab, linear, simulate};

    fn rgb(colour: Color32) -> [u8; 3] {
        [colour.r(), colour.g(), colour.b()]
    }

    /// A single side's area as the map draws it: its colour at [`AREA_FILL_ALPHA`] over the
    /// background, blended in sRGB as egui blends.
    fn single_area(side: Option<Side>) -> [f64; 3] {
        let Some(side) = side else { return linear(rgb(UNKNOWN)) };
        let t = f32::from(AREA_FILL_ALPHA) / 255.0;
        linear(rgb(lerp_colour(BACKGROUND, side_colour(side), t)))
    }

    /// The mean light of an area striped for `sides`, as the eye mixes it when the stripes are
    /// too fine to tell apart: each stripe's share of the texture, and the dark lines between.
    fn stripes_mean(sides: &[Side]) -> [f64; 3] {
        let image = hatch_image();
        let [width, _] = image.size;
        let row = (hatch_row(sides.len()) * image.size[1] as f32) as usize;
        let stripe_share =
            (0..width).filter(|&x| image.pixels[row * width + x] == Color32::WHITE).count() as f64 / width as f64;
        let mut mean = linear(rgb(STRIPE_SEPARATOR)).map(|c| c * (1.0 - stripe_share * sides.len() as f64));
        for &side in sides {
            let colour = linear(side.rgb());
            for k in 0..3 {
                mean[k] += colour[k] * stripe_share;
            }
        }
        mean
    }

    /// The smallest CIEDE2000 difference, in full colour vision (`colour_blind` false) or over
    /// the three kinds of colour blindness, between the stripes of `sides` and any side not
    /// among them (or the unknown grey): `(difference, vision, side)`.
    fn closest_other_side(sides: &[Side], colour_blind: bool) -> (f64, &'static str, &'static str) {
        let others = Side::ALL.into_iter().filter(|side| !sides.contains(side)).map(Some).chain([None]);
        let mut closest = (f64::INFINITY, "", "");
        for other in others {
            for (vision, matrix) in VISIONS.into_iter().filter(|(vision, _)| (*vision != "normal") == colour_blind) {
                let seen = |colour| lab(simulate(&matrix, colour));
                let difference = delta_e2000(seen(stripes_mean(sides)), seen(single_area(other)));
                if difference < closest.0 {
                    closest = (difference, vision, other.map_or("unknown", Side::id));
                }
            }
        }
        closest
    }

    #[test]
    fn the_texture_leaves_a_dark_line_after_every_stripe() {
        for count in 2..=MAX_STRIPES {
            let mean = stripes_mean(&vec![Side::White; count]);
            let white = linear(Side::White.rgb());
            assert!(mean[2] < white[2] * 0.85, "{count} bands: the lines between stripes are missing");
        }
    }

    /// Two sides at once never look like a third (issue 19: red and blue stripes read as the
    /// Provisional Government's lavender): every pair of sides, whether or not the data has it.
    /// A CIEDE2000 difference of 10 reads as another colour; colour-blind viewers, who lose a
    /// whole axis of colour, are held to 4, still well beyond a difference noticed at a glance.
    #[test]
    fn no_two_sides_striped_look_like_another_side() {
        for (i, &first) in Side::ALL.iter().enumerate() {
            for &second in &Side::ALL[i + 1..] {
                for (colour_blind, least) in [(false, 10.0), (true, 4.0)] {
                    let (difference, vision, other) = closest_other_side(&[first, second], colour_blind);
                    assert!(difference >= least, "{first:?} + {second:?} is {difference:.1} from {other} ({vision})");
                }
            }
        }
    }

    /// Every set of sides the data holds together (up to four), on every 30th day, stays further
    /// still from every single side: 12 in full colour, 6 for colour-blind viewers.
    #[test]
    fn every_combination_in_the_data_stays_apart_from_every_other_side() {
        let loaded = atlas_data::load(&atlas_data::Dataset::embedded());
        let atlas = &loaded.atlas;
        let mut combinations: Vec<Vec<Side>> = Vec::new();
        let mut date = atlas_core::model::Date::ATLAS_START;
        while date <= atlas_core::model::Date::ATLAS_END {
            for place in atlas.place_ids() {
                let sides = atlas.sides_on(place, date);
                if sides.len() > 1 && !combinations.contains(&sides) {
                    combinations.push(sides);
                }
            }
            date = date.add_days(30);
        }
        assert!(combinations.len() >= 10, "only {} combinations found", combinations.len());
        for sides in combinations {
            let shown = &sides[..sides.len().min(MAX_STRIPES)];
            for (colour_blind, least) in [(false, 12.0), (true, 6.0)] {
                let (difference, vision, other) = closest_other_side(shown, colour_blind);
                assert!(difference >= least, "{shown:?} is {difference:.1} from {other} ({vision})");
            }
        }
    }
}
