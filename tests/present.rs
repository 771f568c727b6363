//! Lecture mode as a lecturer drives it: clicker keys through whole tours, blanking, pointing.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use steppe_atlas::model::Language;
use steppe_atlas::tour_player::TRANSITION_SECONDS;
use steppe_atlas::ui::present::{Blank, PresentApp, PresentOptions};

/// Seconds of egui time per harness step: a transition is over in a few steps.
const STEP_SECONDS: f32 = 0.25;

fn harness_for(tour: Option<&str>) -> Harness<'static, PresentApp> {
    let options = PresentOptions { tour: tour.map(Into::into), language: Some(Language::En), ..Default::default() };
    harness_of(PresentApp::new(&options).unwrap_or_else(|e| panic!("{e}")))
}

/// Lecture mode on a 720p projector, two frames in.
fn harness_of(app: PresentApp) -> Harness<'static, PresentApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 720.0])
        .with_step_dt(STEP_SECONDS)
        .with_context_setup(steppe_atlas::ui::setup_context)
        .build_ui_state(|ui, app: &mut PresentApp| app.ui(ui), app);
    harness.run_steps(2);
    harness
}

/// Lets the transition into a step finish.
fn settle(harness: &mut Harness<'_, PresentApp>) {
    harness.run_steps((TRANSITION_SECONDS / STEP_SECONDS).ceil() as usize + 2);
}

#[test]
fn the_clicker_walks_every_built_in_tour_step_by_step() {
    for tour in ["maps/tours/1917.toml", "maps/tours/1918.toml", "maps/tours/1919_1920.toml"] {
        let mut harness = harness_for(Some(tour));
        assert!(harness.state().problems().is_empty(), "{tour}: {:?}", harness.state().problems());
        let steps = harness.state().tour().steps.clone();
        assert!((8..=15).contains(&steps.len()), "{tour} has {} steps", steps.len());
        for (index, step) in steps.iter().enumerate() {
            if index > 0 {
                // Alternate the keys a clicker sends.
                harness.key_press([Key::PageDown, Key::ArrowRight, Key::Space][index % 3]);
                settle(&mut harness);
            }
            let app = harness.state();
            assert_eq!(app.step(), index, "{tour}");
            let shot = app.shot().unwrap_or_else(|| panic!("{tour}: no shot"));
            assert!(
                step.date <= shot.date && shot.date <= step.end_date(),
                "{tour} step {}: the map shows {} instead of {}..{}",
                index + 1,
                shot.date,
                step.date,
                step.end_date()
            );
            assert_eq!(app.highlights(), step.highlights.as_slice(), "{tour} step {}", index + 1);
        }
        // At the end, next stays on the last step; back goes back one.
        harness.key_press(Key::PageDown);
        settle(&mut harness);
        assert_eq!(harness.state().step(), steps.len() - 1);
        harness.key_press(Key::PageUp);
        settle(&mut harness);
        assert_eq!(harness.state().step(), steps.len() - 2);
    }
}

#[test]
fn home_end_and_number_keys_jump() {
    let mut harness = harness_for(None);
    let last = harness.state().tour().steps.len() - 1;
    harness.key_press(Key::End);
    settle(&mut harness);
    assert_eq!(harness.state().step(), last);
    harness.key_press(Key::Num3);
    settle(&mut harness);
    assert_eq!(harness.state().step(), 2);
    harness.key_press(Key::Home);
    settle(&mut harness);
    assert_eq!(harness.state().step(), 0);
}

#[test]
fn moving_between_steps_eases_the_date_instead_of_jumping() {
    let mut harness = harness_for(Some("maps/tours/1918.toml"));
    let steps = harness.state().tour().steps.clone();
    let from = harness.state().shot().map(|shot| shot.date).unwrap_or_else(|| panic!("no shot"));
    let to = steps[1].date;
    assert!(to.days_since(from).abs() > 2, "the test needs two steps some days apart");
    harness.key_press(Key::PageDown);
    harness.run_steps(3); // halfway through the transition
    let middle = harness.state().shot().map(|shot| shot.date);
    let middle = middle.unwrap_or_else(|| panic!("no shot"));
    assert!(from.min(to) < middle && middle < from.max(to), "{middle} is not between {from} and {to}");
}

#[test]
fn b_blacks_the_screen_and_w_whites_it() {
    let mut harness = harness_for(None);
    harness.key_press(Key::B);
    harness.run_steps(1);
    assert_eq!(harness.state().blank(), Some(Blank::Black));
    harness.key_press(Key::B);
    harness.run_steps(1);
    assert_eq!(harness.state().blank(), None);
    harness.key_press(Key::W);
    harness.run_steps(1);
    assert_eq!(harness.state().blank(), Some(Blank::White));
    // Moving on brings the map back.
    harness.key_press(Key::PageDown);
    harness.run_steps(1);
    assert_eq!(harness.state().blank(), None);
}

#[test]
fn the_pen_draws_and_its_lines_clear_when_the_step_changes() {
    let mut harness = harness_for(None);
    // In tests the presenter view is a window over the hall's map; draw where it is not.
    harness.state_mut().show_presenter(false);
    harness.key_press(Key::P);
    harness.run_steps(1);
    assert!(harness.state().pen_on());
    harness.drag_at(egui::pos2(300.0, 300.0));
    harness.run_steps(1);
    harness.hover_at(egui::pos2(400.0, 350.0));
    harness.run_steps(1);
    harness.drop_at(egui::pos2(500.0, 400.0));
    harness.run_steps(1);
    assert_eq!(harness.state().pen_lines(), 1);
    harness.key_press(Key::PageDown);
    harness.run_steps(1);
    assert_eq!(harness.state().pen_lines(), 0);
}

#[test]
fn the_presenter_view_shows_notes_and_the_next_step() {
    let harness = harness_for(Some("maps/tours/1917.toml"));
    let steps = &harness.state().tour().steps;
    let notes = steps[0].notes.en.clone();
    let next = steps[1].caption.en.clone();
    harness.get_by_label("Speaker notes");
    harness.get_by_label(&notes);
    harness.get_by_label(&next);
}

#[test]
fn a_tour_with_a_missing_place_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("broken.toml");
    let text = std::fs::read_to_string("maps/tours/1918.toml").unwrap_or_else(|e| panic!("{e}"));
    let broken = text.replacen("highlight = [", "highlight = [\"atlantis\", ", 1);
    std::fs::write(&path, &broken).unwrap_or_else(|e| panic!("{e}"));
    let options = PresentOptions { tour: Some(path.clone()), ..Default::default() };
    let app = PresentApp::new(&options).unwrap_or_else(|e| panic!("{e}"));
    let problem = app.problems().first().map(ToString::to_string).unwrap_or_default();
    let line = broken.lines().position(|l| l.contains("atlantis")).map(|i| i + 1).unwrap_or(0);
    assert!(problem.contains(&format!("broken.toml:{line}:")), "{problem}");
    assert!(problem.contains("`atlantis`"), "{problem}");
    // The lecture still runs on the rest of the tour.
    assert_eq!(app.tour().id, "1918");
}

/// A lecturer's own tour written only in English plays in a Kazakh, Latin Kazakh or Russian
/// lecture, each caption and note saying that it is the English text.
#[test]
fn a_tour_in_one_language_plays_in_every_language_and_says_which() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("english.toml");
    let tour = "id = \"english\"\ntitle = { en = \"My lecture\" }\n\n[[step]]\ndate = \"1918-06-01\"\nfit = [\"omsk\"]\ncaption = { en = \"Omsk falls\" }\nnotes = { en = \"Say why.\" }\n\n[[step]]\ndate = \"1919-11-14\"\nfit = [\"omsk\"]\ncaption = { en = \"Omsk again\" }\n";
    std::fs::write(&path, tour).unwrap_or_else(|e| panic!("{e}"));
    for (language, only_in) in [
        (Language::Kk, "(тек ағылшын тілінде)"),
        (Language::KkLatn, "(tek ağylşyn tılınde)"),
        (Language::Ru, "(только на английском)"),
    ] {
        let options = PresentOptions { tour: Some(path.clone()), language: Some(language), ..Default::default() };
        let app = PresentApp::new(&options).unwrap_or_else(|e| panic!("{e}"));
        assert!(app.problems().is_empty(), "a missing translation is not a problem: {:?}", app.problems());
        assert_eq!(app.tour().id, "english", "the lecturer's tour plays, not a built-in one");
        let harness = harness_of(app);
        harness.get_by_label(&format!("Say why. {only_in}"));
        harness.get_by_label(&format!("Omsk again {only_in}"));
    }
}
