//! The shaded-relief underlay: a greyscale image already in the atlas's projection
//! (`maps/relief.png`, Natural Earth, public domain), and the map rectangle it covers
//! (`maps/relief.toml`). Decoded once, on first use.
//!
//! A second, finer image of the historical units (`maps/relief_detail.png`, the same source
//! resampled smoothly at 1.6 km a pixel) is drawn instead when zoomed in, where the base's 3.4 km
//! pixels would show as blocks. It is decoded only when first needed, so startup does not pay for it.

use std::sync::OnceLock;

use atlas_core::geometry::{MapPoint, MapRect};

/// A greyscale hillshade: 224 is flat ground, lighter is lit, darker is shaded.
pub struct Relief {
    pub width: usize,
    pub height: usize,
    /// Row 0 is the northern edge.
    pub shade: Vec<u8>,
    /// The map rectangle the image covers, to the outer edges of its pixels.
    pub bounds: MapRect,
}

/// The grey of flat ground: no shading.
pub const FLAT: u8 = 224;

#[derive(serde::Deserialize)]
struct ReliefToml {
    image: ReliefImage,
}

#[derive(serde::Deserialize)]
struct ReliefImage {
    min_x: f32,
    min_y: f32,
    max_x: f32,
    max_y: f32,
}

/// A relief image or its placement that cannot be read; the map is then drawn without relief.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ReliefError {
    /// `maps/relief.png`, `maps/relief_detail.toml`, …
    pub file: String,
    pub message: String,
}

impl Relief {
    /// Decodes a greyscale PNG and its rectangle; errors name the files (`maps/relief.png` and
    /// `maps/relief.toml`).
    pub fn decode(png_bytes: &[u8], toml_text: &str) -> Result<Relief, ReliefError> {
        Relief::decode_named(png_bytes, toml_text, "maps/relief")
    }

    /// As [`Relief::decode`], for the files `{name}.png` and `{name}.toml`.
    pub fn decode_named(png_bytes: &[u8], toml_text: &str, name: &str) -> Result<Relief, ReliefError> {
        let error = |file: &str, message: String| ReliefError { file: format!("{name}.{file}"), message };
        let placement: ReliefToml = toml::from_str(toml_text).map_err(|e| error("toml", e.message().to_owned()))?;
        let image = placement.image;
        let bounds =
            MapRect { min: MapPoint::new(image.min_x, image.min_y), max: MapPoint::new(image.max_x, image.max_y) };
        if bounds.is_empty() || ![image.min_x, image.min_y, image.max_x, image.max_y].iter().all(|v| v.is_finite()) {
            return Err(error("toml", "`[image]` min/max do not make a rectangle".into()));
        }
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().map_err(|e| error("png", e.to_string()))?;
        let (width, height) = (reader.info().width as usize, reader.info().height as usize);
        if width * height > 16_000_000 {
            return Err(error("png", format!("{width}x{height} is larger than a relief needs")));
        }
        let mut buffer = vec![0; reader.output_buffer_size().ok_or_else(|| error("png", "image too large".into()))?];
        let frame = reader.next_frame(&mut buffer).map_err(|e| error("png", e.to_string()))?;
        let channels = frame.color_type.samples();
        let shade = buffer.chunks_exact(channels).take(width * height).map(|pixel| pixel[0]).collect::<Vec<u8>>();
        if shade.len() != width * height {
            return Err(error("png", "the image data is truncated".into()));
        }
        Ok(Relief { width, height, shade, bounds })
    }

    /// The relief shipped in the binary; `None` (and a message on standard error, once) if it
    /// could not be decoded, in which case the map is drawn without relief.
    pub fn shipped() -> Option<&'static Relief> {
        static RELIEF: OnceLock<Option<Relief>> = OnceLock::new();
        RELIEF
            .get_or_init(|| {
                let decoded = Relief::decode(
                    include_bytes!("../../../maps/relief.png"),
                    include_str!("../../../maps/relief.toml"),
                );
                decoded.map_err(|message| eprintln!("steppe-atlas: {message}; the map is drawn without relief")).ok()
            })
            .as_ref()
    }

    /// The finer relief of the historical units, decoded on the first call; `None` (and a message
    /// on standard error, once) if it could not be, in which case the base relief is drawn alone.
    pub fn shipped_detail() -> Option<&'static Relief> {
        static DETAIL: OnceLock<Option<Relief>> = OnceLock::new();
        DETAIL
            .get_or_init(|| {
                let png = include_bytes!("../../../maps/relief_detail.png");
                let decoded =
                    Relief::decode_named(png, include_str!("../../../maps/relief_detail.toml"), "maps/relief_detail");
                decoded.map_err(|message| eprintln!("steppe-atlas: {message}; the base relief is drawn alone")).ok()
            })
            .as_ref()
    }

    /// How many of its own pixels the base relief spans per screen pixel at this scale; above
    /// [`Relief::DETAIL_FROM`] its pixels would show, and the detail is drawn instead.
    pub fn magnification(&self, screen_pixels_per_km: f32) -> f32 {
        screen_pixels_per_km * self.bounds.width() / self.width.max(1) as f32
    }

    /// The magnification of the base relief from which the detail is drawn.
    pub const DETAIL_FROM: f32 = 2.5;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detail_relief_decodes_fits_any_texture_and_is_finer_than_the_base() {
        let (base, detail) =
            (Relief::shipped().expect("relief decodes"), Relief::shipped_detail().expect("detail decodes"));
        assert!(detail.width.max(detail.height) <= 2048, "{}x{}", detail.width, detail.height);
        let km_per_pixel = |relief: &Relief| relief.bounds.width() / relief.width as f32;
        assert!(km_per_pixel(detail) * 2.0 < km_per_pixel(base));
        // it covers the historical units: Guryev in the west, Zaisan in the east, Naryn in the south
        for (x, y) in [(-1200.0, -100.0), (1300.0, 0.0), (700.0, -750.0)] {
            assert!(detail.bounds.contains(MapPoint::new(x, y)), "({x}, {y})");
        }
        // drawn from about 0.73 pixels a kilometre: not for the whole map (0.35 in the window, 0.62
        // in a 1920 × 1080 render), but for Semirechye filling a 1920 × 1080 window (about 1.2)
        assert!(base.magnification(0.62) < Relief::DETAIL_FROM && base.magnification(0.8) > Relief::DETAIL_FROM);
    }

    #[test]
    fn a_broken_detail_names_its_own_file() {
        let error =
            Relief::decode_named(b"not a png", include_str!("../../../maps/relief_detail.toml"), "maps/relief_detail")
                .err()
                .map(|error| error.to_string())
                .unwrap_or_default();
        assert!(error.starts_with("maps/relief_detail.png:"), "{error}");
    }

    #[test]
    fn the_shipped_relief_decodes_and_covers_the_atlas() {
        let relief = Relief::shipped().expect("relief decodes");
        assert!(relief.width >= 1000 && relief.height >= 600, "{}x{}", relief.width, relief.height);
        assert!(relief.bounds.contains(MapPoint::new(-2000.0, -1300.0)));
        assert!(relief.bounds.contains(MapPoint::new(2200.0, 1500.0)));
        // The Tian Shan is rugged: its pixels are far from flat.
        let rugged = relief.shade.iter().filter(|&&v| v.abs_diff(FLAT) > 40).count();
        assert!(rugged > 1000, "{rugged} rugged pixels");
    }

    #[test]
    fn a_broken_image_is_an_error_naming_the_file() {
        let error = Relief::decode(b"not a png", include_str!("../../../maps/relief.toml"))
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(error.starts_with("maps/relief.png"), "{error}");
    }
}
