//! A tour as frames, played exactly as `present` plays it, and its captions as SubRip
//! subtitles: values that [`crate::job::execute`] writes for `render --tour`.

use std::fmt::Write as _;

use super::RenderRequest;
use atlas_core::geometry::MapGeometry;
use atlas_core::model::Tour;
use atlas_core::tour_player::{end_shot, shot_at};

/// Frames per second of a rendered tour.
pub const FRAMES_PER_SECOND: f32 = 10.0;

/// Every frame of the tour at [`FRAMES_PER_SECOND`]: each step for its duration, entering it
/// with the same eased transition as `present`.
pub fn tour_frames(
    geometry: &MapGeometry,
    tour: &Tour,
    base: &RenderRequest,
    texts: &atlas_core::i18n::Translations,
) -> Vec<RenderRequest> {
    let mut frames = Vec::new();
    let mut previous = None;
    for (index, step) in tour.steps.iter().enumerate() {
        let layers = tour.layers_at(index, base.layers);
        let count = (step.duration_seconds * FRAMES_PER_SECOND).round().max(1.0) as usize;
        for frame in 0..count {
            let shot = shot_at(geometry, step, previous, frame as f32 / FRAMES_PER_SECOND);
            frames.push(RenderRequest {
                date: shot.date,
                extent: Some(shot.extent),
                layers,
                highlights: step.highlights.clone(),
                caption: Some(texts.data_text(base.language, &step.caption)),
                ..base.clone()
            });
        }
        previous = Some(end_shot(geometry, step));
    }
    frames
}

/// The captions as SubRip subtitles, timed like the frames.
pub fn subtitles(tour: &Tour, texts: &atlas_core::i18n::Translations, language: atlas_core::model::Language) -> String {
    let mut srt = String::new();
    let mut start = 0.0_f32;
    for (index, step) in tour.steps.iter().enumerate() {
        let frames = (step.duration_seconds * FRAMES_PER_SECOND).round().max(1.0);
        let end = start + frames / FRAMES_PER_SECOND;
        let _ = write!(
            srt,
            "{}\n{} --> {}\n{}\n\n",
            index + 1,
            timestamp(start),
            timestamp(end),
            texts.data_text(language, &step.caption)
        );
        start = end;
    }
    srt
}

fn timestamp(seconds: f32) -> String {
    let millis = (seconds * 1000.0).round() as u64;
    format!("{:02}:{:02}:{:02},{:03}", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
}

#[cfg(test)]
mod tests {
    use super::{subtitles, timestamp};
    use atlas_core::i18n::Translations;
    use atlas_core::model::Language;
    use atlas_data::{DataFile, Dataset, load, load_tour};

    #[test]
    fn subtitle_timestamps_are_srt() {
        assert_eq!(timestamp(0.0), "00:00:00,000");
        assert_eq!(timestamp(3725.5), "01:02:05,500");
    }

    #[test]
    fn subtitles_of_a_tour_in_one_language_say_which_language_they_show() {
        let atlas = load(&Dataset::embedded()).atlas;
        let text = "id = \"english\"\ntitle = { en = \"My lecture\" }\n\n[[step]]\ndate = \"1918-06-01\"\nfit = [\"omsk\"]\ncaption = { en = \"Omsk falls\" }\n";
        let file = DataFile { display_name: "english.toml".into(), text: text.into() };
        let tour = load_tour(&atlas, &file, &mut Vec::new()).unwrap_or_else(|| panic!("the tour loads"));
        let texts = Translations::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert!(subtitles(&tour, &texts, Language::En).contains("\nOmsk falls\n"));
        assert!(subtitles(&tour, &texts, Language::Ru).contains("\nOmsk falls (только на английском)\n"));
        assert!(subtitles(&tour, &texts, Language::KkLatn).contains("\nOmsk falls (tek ağylşyn tılınde)\n"));
    }
}
