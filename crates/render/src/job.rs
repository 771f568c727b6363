//! What a render makes, typed and checked by the caller (the command line parses its
//! arguments into a [`RenderJob`]), and the making of it: stills, posters, animations and tours
//! written to disk, each file atomically.

use std::path::{Path, PathBuf};

use atlas_core::geometry::MapGeometry;
use atlas_core::model::{Atlas, Date, Tour};
use atlas_data::atomic_file::{AtomicFile, WriteError, write_atomically};
use atlas_map::print_frame::Decorations;

use super::encode::{EncodeError, GifWriter, gif_still_bytes, jpeg_bytes, png_bytes};
use super::raster::Canvas;
use super::tour_render::{FRAMES_PER_SECOND, subtitles, tour_frames};
use super::{RenderRequest, Renderer};

/// The most maps a poster holds.
pub const MAX_POSTER_MAPS: usize = 64;
/// The columns of a poster's grid.
pub const COLUMNS: std::ops::RangeInclusive<u32> = 1..=12;

/// The file formats a still or a poster is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
}

impl ImageFormat {
    /// The format an extension names (`.png`, `.jpg`, `.jpeg`, `.gif`, in any letter case).
    pub fn of(path: &Path) -> Option<ImageFormat> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(ImageFormat::Png),
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "gif" => Some(ImageFormat::Gif),
            _ => None,
        }
    }
}

/// Where a sequence of frames goes: an animated GIF, numbered PNGs in a folder, or both.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceOutput {
    pub gif: Option<PathBuf>,
    pub frames_folder: Option<PathBuf>,
    /// Seconds each frame stays on screen in the GIF.
    pub frame_seconds: f32,
}

/// One render, its arguments checked.
#[derive(Clone, Debug)]
pub enum RenderJob {
    Still {
        request: RenderRequest,
        out: PathBuf,
        format: ImageFormat,
    },
    /// A grid of maps, one per date, `columns` wide (1 to 12), under a header.
    Poster {
        request: RenderRequest,
        dates: Vec<Date>,
        columns: u32,
        out: PathBuf,
        format: ImageFormat,
    },
    Animation {
        frames: Vec<RenderRequest>,
        output: SequenceOutput,
    },
    /// A tour played as `present` plays it, at [`FRAMES_PER_SECOND`], with an SRT file of its
    /// captions beside the GIF (or in the frames' folder).
    Tour {
        request: RenderRequest,
        tour: Box<Tour>,
        output: SequenceOutput,
    },
}

/// Why a render wrote nothing (or stopped part way; what it wrote whole stays).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{}: {source}", path.display())]
    Encode { path: PathBuf, source: EncodeError },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("{}: {source}", folder.display())]
    Folder { folder: PathBuf, source: std::io::Error },
    #[error("the poster has no dates")]
    EmptyPoster,
    #[error("give a GIF file or a folder of frames (or both) for an animation")]
    NoOutput,
}

/// Makes `job`; returns the files written, in order.
pub fn execute(
    atlas: &Atlas,
    geometry: &MapGeometry,
    renderer: &mut Renderer,
    job: RenderJob,
) -> Result<Vec<PathBuf>, RenderError> {
    match job {
        RenderJob::Still { request, out, format } => {
            let canvas = renderer.render(atlas, geometry, &request);
            write_image(&out, &canvas, format)?;
            Ok(vec![out])
        }
        RenderJob::Poster { request, dates, columns, out, format } => {
            let canvas = poster(atlas, geometry, renderer, &request, &dates, columns)?;
            write_image(&out, &canvas, format)?;
            Ok(vec![out])
        }
        RenderJob::Animation { frames, output } => {
            write_sequence(atlas, geometry, renderer, frames.into_iter(), &output)
        }
        RenderJob::Tour { request, tour, output } => {
            // A caption the tour lacks in the asked language shows the nearest one, and says so.
            let texts = renderer.texts().clone();
            let frames = tour_frames(geometry, &tour, &request, &texts);
            // A rendered tour is shown at its own pace: one frame every 1/FRAMES_PER_SECOND s.
            let output = SequenceOutput { frame_seconds: 1.0 / FRAMES_PER_SECOND, ..output };
            let mut written = write_sequence(atlas, geometry, renderer, frames.into_iter(), &output)?;
            let srt_path = match (&output.gif, &output.frames_folder) {
                (Some(gif), _) => gif.with_extension("srt"),
                (None, Some(folder)) => folder.join(format!("{}.srt", tour.id)),
                (None, None) => return Ok(written),
            };
            write_atomically(&srt_path, subtitles(&tour, &texts, request.language).as_bytes())?;
            written.push(srt_path);
            Ok(written)
        }
    }
}

/// Renders each request and writes the GIF and/or the numbered PNGs of `output`. Every frame
/// is rendered; none is skipped or dropped. The GIF appears only when it is whole.
pub fn write_sequence(
    atlas: &Atlas,
    geometry: &MapGeometry,
    renderer: &mut Renderer,
    frames: impl Iterator<Item = RenderRequest>,
    output: &SequenceOutput,
) -> Result<Vec<PathBuf>, RenderError> {
    if output.gif.is_none() && output.frames_folder.is_none() {
        return Err(RenderError::NoOutput);
    }
    if let Some(folder) = &output.frames_folder {
        std::fs::create_dir_all(folder).map_err(|source| RenderError::Folder { folder: folder.clone(), source })?;
    }
    let encode_error = |path: &Path| {
        let path = path.to_owned();
        move |source| RenderError::Encode { path, source }
    };
    let mut gif: Option<GifWriter<std::io::BufWriter<AtomicFile>>> = None;
    let mut written = Vec::new();
    let mut last: Option<(RenderRequest, Canvas)> = None;
    for (index, request) in frames.enumerate() {
        // A held frame (the same request again) is the same image: draw it once.
        let canvas = match last.take() {
            Some((previous, canvas)) if previous == request => canvas,
            _ => renderer.render(atlas, geometry, &request),
        };
        if let Some(folder) = &output.frames_folder {
            let path = folder.join(format!("frame-{:05}.png", index + 1));
            write_image(&path, &canvas, ImageFormat::Png)?;
            written.push(path);
        }
        if let Some(path) = &output.gif {
            let writer = match gif.take() {
                Some(writer) => writer,
                None => {
                    let file = std::io::BufWriter::new(AtomicFile::create(path)?);
                    GifWriter::new(file, canvas.width, canvas.height, output.frame_seconds)
                        .map_err(encode_error(path))?
                }
            };
            let mut writer = writer;
            writer.add(&canvas).map_err(encode_error(path))?;
            gif = Some(writer);
        }
        last = Some((request, canvas));
    }
    if let (Some(writer), Some(path)) = (gif, &output.gif) {
        let file = writer.finish().map_err(encode_error(path))?;
        let file =
            file.into_inner().map_err(|error| WriteError::Write { path: path.clone(), source: error.into_error() })?;
        file.commit()?;
        written.push(path.clone());
    }
    Ok(written)
}

/// A grid of small maps, one per date, under a header with the title and the legend.
pub fn poster(
    atlas: &Atlas,
    geometry: &MapGeometry,
    renderer: &mut Renderer,
    request: &RenderRequest,
    dates: &[Date],
    columns: u32,
) -> Result<Canvas, RenderError> {
    if dates.is_empty() {
        return Err(RenderError::EmptyPoster);
    }
    // Fewer maps than columns: the grid is as wide as the maps.
    let columns = columns.clamp(*COLUMNS.start(), *COLUMNS.end()).min(dates.len() as u32);
    let rows = (dates.len() as u32).div_ceil(columns);
    let [cell_width, cell_height] = request.size;
    let header = renderer.render_header(request, cell_width * columns);
    let mut canvas =
        Canvas::new(cell_width * columns, header.height + cell_height * rows, atlas_map::style::BACKGROUND);
    canvas.blit(&header, 0, 0);
    for (index, &date) in dates.iter().enumerate() {
        let cell = RenderRequest { date, decorations: Decorations::DateOnly, ..request.clone() };
        let image = renderer.render(atlas, geometry, &cell);
        let (column, row) = (index as u32 % columns, index as u32 / columns);
        canvas.blit(&image, column * cell_width, header.height + row * cell_height);
    }
    Ok(canvas)
}

/// Writes an image in `format` atomically (a temporary file renamed into place).
pub fn write_image(path: &Path, canvas: &Canvas, format: ImageFormat) -> Result<(), RenderError> {
    let bytes = match format {
        ImageFormat::Png => png_bytes(canvas),
        ImageFormat::Jpeg => jpeg_bytes(canvas),
        ImageFormat::Gif => gif_still_bytes(canvas),
    };
    let bytes = bytes.map_err(|source| RenderError::Encode { path: path.to_owned(), source })?;
    Ok(write_atomically(path, &bytes)?)
}

/// A step between the dates of an animation or a poster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Days(i32),
    Months(i32),
}

/// Every date from `from` to `to` (both included when `to` falls on a step). Months are counted
/// from `from`, so 1917-01-31 + 1m gives the last day of each month, not a drifting day.
pub fn dates(from: Date, to: Date, step: Step) -> Vec<Date> {
    let mut dates = Vec::new();
    for k in 0.. {
        let date = match step {
            Step::Days(days) => from.add_days(days * k),
            Step::Months(months) => from.add_months(months * k),
        };
        if date > to || dates.len() > 100_000 {
            break;
        }
        dates.push(date);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn months_do_not_drift() {
        let got: Vec<String> =
            dates(day("1918-01-31"), day("1918-05-31"), Step::Months(1)).iter().map(|d| d.to_string()).collect();
        assert_eq!(got.first().map(String::as_str), Some("1918-01-31"));
        assert_eq!(got.last().map(String::as_str), Some("1918-05-31"));
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn every_day_of_a_range_is_a_frame() {
        let from = day("1919-07-01");
        assert_eq!(dates(from, from.add_days(9), Step::Days(1)).len(), 10);
    }
}
