//! Writing images: PNG for stills and posters, GIF for animations. Both encoders are
//! deterministic, so the same frames give the same bytes.

use std::io::Write;

use super::raster::Canvas;

/// Why an image could not be encoded.
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error(transparent)]
    Png(#[from] png::EncodingError),
    #[error(transparent)]
    Jpeg(#[from] image::ImageError),
    #[error(transparent)]
    Gif(#[from] gif::EncodingError),
    #[error("a GIF can be at most 65535 pixels on a side, not {width}x{height}")]
    GifTooLarge { width: u32, height: u32 },
    #[error("all frames of a GIF must have the same size")]
    GifFrameSize,
}

/// Encodes `canvas` as an 8-bit RGBA PNG.
pub fn png_bytes(canvas: &Canvas) -> Result<Vec<u8>, EncodeError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, canvas.width, canvas.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // fdeflate's fast mode: deflating a 1080p page took half of `render`'s time at the
        // balanced level, for files a fifth smaller (2.4 MB against 2.9 MB).
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&canvas.to_rgba_bytes())?;
        writer.finish()?;
    }
    Ok(bytes)
}

/// The JPEG quality of `render --out map.jpg`: text and borders stay crisp, a 1080p page is
/// about a fifth of its PNG.
pub const JPEG_QUALITY: u8 = 90;

/// Encodes `canvas` as a baseline JPEG (no alpha: the page is opaque).
pub fn jpeg_bytes(canvas: &Canvas) -> Result<Vec<u8>, EncodeError> {
    let rgb: Vec<u8> =
        canvas.to_rgba_bytes().chunks_exact(4).flat_map(|pixel| [pixel[0], pixel[1], pixel[2]]).collect();
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY).encode(
        &rgb,
        canvas.width,
        canvas.height,
        image::ExtendedColorType::Rgb8,
    )?;
    Ok(bytes)
}

/// Encodes `canvas` as a GIF of one frame (colours reduced to 256, as in an animation).
pub fn gif_still_bytes(canvas: &Canvas) -> Result<Vec<u8>, EncodeError> {
    let mut bytes = Vec::new();
    let mut writer = GifWriter::new(&mut bytes, canvas.width, canvas.height, 1.0)?;
    writer.add(canvas)?;
    writer.finish()?;
    Ok(bytes)
}

/// An animated GIF, frame by frame, looping forever.
pub struct GifWriter<W: Write> {
    encoder: gif::Encoder<W>,
    width: u16,
    height: u16,
    /// Hundredths of a second each frame stays.
    delay: u16,
    /// The last frame, held back until the next differs, so that a held frame is written once
    /// with a longer delay instead of many times.
    pending: Option<(Canvas, u32)>,
}

impl<W: Write> GifWriter<W> {
    pub fn new(out: W, width: u32, height: u32, frame_seconds: f32) -> Result<GifWriter<W>, EncodeError> {
        let (Ok(width), Ok(height)) = (u16::try_from(width), u16::try_from(height)) else {
            return Err(EncodeError::GifTooLarge { width, height });
        };
        let mut encoder = gif::Encoder::new(out, width, height, &[])?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        let delay = (frame_seconds * 100.0).round().clamp(2.0, 65_535.0) as u16;
        Ok(GifWriter { encoder, width, height, delay, pending: None })
    }

    /// Adds a frame. A frame equal to the one before only lengthens its time on screen.
    pub fn add(&mut self, canvas: &Canvas) -> Result<(), EncodeError> {
        if canvas.width != u32::from(self.width) || canvas.height != u32::from(self.height) {
            return Err(EncodeError::GifFrameSize);
        }
        if let Some((pending, count)) = &mut self.pending
            && pending == canvas
        {
            *count += 1;
            return Ok(());
        }
        self.flush()?;
        self.pending = Some((canvas.clone(), 1));
        Ok(())
    }

    /// Writes the held-back frame; its colours are reduced to 256 by NeuQuant (deterministic).
    fn flush(&mut self) -> Result<(), EncodeError> {
        let Some((canvas, count)) = self.pending.take() else { return Ok(()) };
        let mut rgba = canvas.to_rgba_bytes();
        let mut frame = gif::Frame::from_rgba_speed(self.width, self.height, &mut rgba, 10);
        frame.delay = (u32::from(self.delay) * count).min(u32::from(u16::MAX)) as u16;
        Ok(self.encoder.write_frame(&frame)?)
    }

    /// Writes the last frame and the GIF's trailer, and gives back what it wrote to.
    pub fn finish(mut self) -> Result<W, EncodeError> {
        self.flush()?;
        Ok(self.encoder.into_inner()?)
    }
}
