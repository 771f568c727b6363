//! Lecture mode as a lecturer drives it: clicker keys through whole tours, blanking, pointing,
//! the tour picker, problems shown on both screens, and the hall's page on a small projector.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use steppe_atlas::model::Language;
use steppe_atlas::tour_player::TRANSITION_SECONDS;
use steppe_atlas::ui::DisplayLook;
use steppe_atlas::ui::present::{Blank, PresentApp, PresentError, PresentOptions};

/// Seconds of egui time per harness step: a transition is over in a few steps.
const STEP_SECONDS: f32 = 0.25;

fn harness_for(tour: Option<&str>) -> Harness<'static, PresentApp> {
    let options = PresentOptions { tour: tour.map(Into::into), language: Some(Language::En), ..Default::default() };
    harness_of(PresentApp::new(&options).unwrap_or_else(|e| panic!("{e}")))
}

/// Lecture mode on a 720p projector, two frames in.
fn harness_of(app: PresentApp) -> Harness<'static, PresentApp> {
    harness_at(app, [1280.0, 720.0])
}

/// Lecture mode on a projector of `size`, two frames in.
fn harness_at(app: PresentApp, size: [f32; 2]) -> Harness<'static, PresentApp> {
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size(size)
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

fn app_for(tour: &str) -> Result<PresentApp, PresentError> {
    let options = PresentOptions { tour: Some(tour.into()), language: Some(Language::En), ..Default::default() };
    PresentApp::new(&options)
}

/// `present --tour 1918` plays the 1918 tour, not a file called 1918 nor the first tour; each
/// built-in tour answers to its file's stem and its id, and the lecture's look is a projector's.
#[test]
fn a_built_in_tour_plays_by_its_name() {
    for name in ["1917", "1918", "1919_1920"] {
        let app = app_for(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(app.tour().id, name);
        assert!(app.problems().is_empty(), "{name}: {:?}", app.problems());
        assert!(!app.hall_notice_shown());
        assert_eq!(app.look(), DisplayLook::Projector);
    }
}

#[test]
fn a_name_that_is_no_tour_is_refused_with_the_built_in_names() {
    match app_for("1921") {
        Err(PresentError::Usage(message)) => {
            assert!(message.contains("`1921`") && message.contains("1917, 1918, 1919_1920"), "{message}");
        }
        Err(other) => panic!("not a usage error: {other}"),
        Ok(app) => panic!("1921 played {}", app.tour().id),
    }
}

/// A tour file that is not TOML leaves the first built-in tour on the screen, and says so to the
/// lecturer (the presenter view lists the problem with its file and line) and to the hall (a
/// line on its screen until the lecturer moves on).
#[test]
fn a_broken_tour_file_is_shown_to_the_lecturer_and_the_hall() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, "id = \"broken\"\ntitle = { en = \"Broken\" }\n\n[[step]]\ndate = \n")
        .unwrap_or_else(|e| panic!("{e}"));
    let app = app_for(&path.to_string_lossy()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.tour().id, "1917", "the lecture starts on the first built-in tour");
    let problem = app.problems().first().map(ToString::to_string).unwrap_or_default();
    assert!(problem.starts_with(&format!("{}:", path.display())), "{problem}");
    assert!(app.hall_notice_shown());
    let mut harness = harness_of(app);
    let file = path.display().to_string();
    // The presenter view's list, read as assistive technology reads the window.
    let listed = |harness: &Harness<'_, PresentApp>| {
        // A label's text is its node's value.
        let label = egui::accesskit::Role::Label;
        harness
            .query_all_by(|node| node.role() == label && node.value().is_some_and(|text| text.starts_with(&file)))
            .count()
    };
    // The hall's line, as painted over the map.
    let painted = |harness: &Harness<'_, PresentApp>| {
        let hall_line = |text: &str| text.starts_with("Problems found (file, line, field): ") && text.contains(&file);
        shapes(harness)
            .iter()
            .filter(|shape| matches!(shape, egui::Shape::Text(text) if hall_line(text.galley.text())))
            .count()
    };
    assert_eq!(painted(&harness), 1, "the hall's line");
    assert_eq!(listed(&harness), 1, "the presenter view's list");
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    assert!(!harness.state().hall_notice_shown(), "moving on takes the line off the hall");
    assert_eq!(painted(&harness), 0);
    assert_eq!(listed(&harness), 1, "the lecturer still sees it");
}

/// The presenter view's picker offers every built-in tour; choosing one starts it from its first
/// step. A file opened there joins the list and plays.
#[test]
fn the_tour_picker_switches_tours_and_opens_files() {
    let mut harness = harness_for(None);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    assert_eq!(harness.state().step(), 1);
    harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::ComboBox)
        .next()
        .unwrap_or_else(|| panic!("no picker"))
        .click();
    harness.run_steps(2);
    harness.get_by_label("1918: The Civil War Begins").click();
    settle(&mut harness);
    assert_eq!(harness.state().tour().id, "1918");
    assert_eq!(harness.state().step(), 0);

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("english.toml");
    let tour = "id = \"english\"\ntitle = { en = \"My lecture\" }\n\n[[step]]\ndate = \"1918-06-01\"\nfit = [\"omsk\"]\ncaption = { en = \"Omsk falls\" }\n";
    std::fs::write(&path, tour).unwrap_or_else(|e| panic!("{e}"));
    fn file_box<'a>(harness: &'a Harness<'static, PresentApp>) -> egui_kittest::Node<'a> {
        let mut boxes = harness.query_all_by(|node| node.role() == egui::accesskit::Role::TextInput);
        let first = boxes.next().unwrap_or_else(|| panic!("no box for a file"));
        assert!(boxes.next().is_none(), "more than one box for a file");
        first
    }
    file_box(&harness).focus();
    harness.run_steps(1);
    file_box(&harness).type_text(&path.to_string_lossy());
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    settle(&mut harness);
    assert_eq!(harness.state().tour().id, "english", "problems: {:?}", harness.state().problems());
    assert_eq!(harness.state().tours().len(), harness.state().atlas().tours.len() + 1);
    assert!(harness.state().problems().is_empty(), "{:?}", harness.state().problems());
}

/// Whether the tessellated frame lays the spotlight's dark over `at`: a triangle of its colour
/// covers the point.
fn darkened(harness: &Harness<'_, PresentApp>, at: egui::Pos2) -> bool {
    let output = harness.output();
    let primitives = harness.ctx.tessellate(output.shapes.clone(), output.pixels_per_point);
    let dark = steppe_atlas::ui::present::SPOTLIGHT_DARK;
    let inside = |p: egui::Pos2, [a, b, c]: [egui::Pos2; 3]| {
        let side = |u: egui::Pos2, v: egui::Pos2, w: egui::Pos2| (v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x);
        // A triangle of no area (the tessellator makes some) covers nothing.
        if side(a, b, c).abs() < 1e-3 {
            return false;
        }
        let (d1, d2, d3) = (side(a, b, p), side(b, c, p), side(c, a, p));
        !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
    };
    primitives.iter().any(|clipped| match &clipped.primitive {
        egui::epaint::Primitive::Mesh(mesh) if clipped.clip_rect.contains(at) => {
            mesh.indices.chunks_exact(3).any(|triangle| {
                let vertices = [0, 1, 2].map(|i| mesh.vertices[triangle[i] as usize]);
                vertices.iter().all(|vertex| vertex.color == dark) && inside(at, vertices.map(|vertex| vertex.pos))
            })
        }
        _ => false,
    })
}

/// Every shape of a frame, flattened.
fn shapes(harness: &Harness<'_, PresentApp>) -> Vec<egui::Shape> {
    let mut flat = Vec::new();
    let mut stack: Vec<egui::Shape> = harness.output().shapes.iter().map(|clipped| clipped.shape.clone()).collect();
    while let Some(shape) = stack.pop() {
        match shape {
            egui::Shape::Vec(inner) => stack.extend(inner),
            other => flat.push(other),
        }
    }
    flat
}

/// S turns the spotlight on on the hall's screen with the mouse nowhere near it (on the laptop,
/// as in a lecture): it circles the step's subject; pointing at the presenter view's picture of
/// the hall moves it to the same point of the hall.
#[test]
fn the_spotlight_shows_on_the_hall_with_the_mouse_elsewhere() {
    let mut harness = harness_for(Some("1918"));
    assert_eq!(harness.state().hall_spotlight(), None);
    harness.key_press(Key::S);
    harness.run_steps(2);
    let page = harness.state().hall_page().unwrap_or_else(|| panic!("no hall page"));
    let spot = harness.state().hall_spotlight().unwrap_or_else(|| panic!("the hall draws no spotlight"));
    assert!(spot.distance(page.subject.center()) < 1.0, "{spot:?} is not on the subject {:?}", page.subject);
    // As the screen shows it: the dark lies over the page's corners, and not over the spot.
    let covered = |at: egui::Pos2| darkened(&harness, at);
    assert!(!covered(spot), "the spotlight's circle is dark");
    for corner in [page.page.left_top(), page.page.right_top(), page.page.left_bottom(), page.page.right_bottom()] {
        let inside = corner + (page.page.center() - corner).normalized() * 4.0;
        assert!(covered(inside), "the spotlight leaves {inside:?} lit");
    }
    assert!(covered(spot + egui::vec2(0.0, page.page.height() * 0.4)), "the dark starts too far from the spot");

    let thumbnail = harness
        .query_all_by(|node| {
            node.role() == egui::accesskit::Role::Image && node.label().as_deref() == Some("What the hall sees")
        })
        .next()
        .unwrap_or_else(|| panic!("no picture of the hall"))
        .rect();
    harness.hover_at(thumbnail.min + thumbnail.size() * egui::vec2(0.25, 0.75));
    harness.run_steps(2);
    let spot = harness.state().hall_spotlight().unwrap_or_else(|| panic!("the spotlight went out"));
    let wanted = page.page.min + page.page.size() * egui::vec2(0.25, 0.75);
    assert!(spot.distance(wanted) < 2.0, "the hall's spotlight is at {spot:?}, not {wanted:?}");
}

/// On a 1024×768 projector, every step of every built-in tour: the caption box and the legend do
/// not overlap, and neither covers the map's subject, which lies whole on the screen.
#[test]
fn on_a_small_projector_caption_and_legend_leave_the_subject_in_sight() {
    for tour in ["1917", "1918", "1919_1920"] {
        let mut app = app_for(tour).unwrap_or_else(|e| panic!("{e}"));
        app.show_presenter(false);
        let mut harness = harness_at(app, [1024.0, 768.0]);
        let steps = harness.state().tour().steps.len();
        for step in 0..steps {
            if step > 0 {
                harness.key_press(Key::PageDown);
            }
            settle(&mut harness);
            let page = harness.state().hall_page().unwrap_or_else(|| panic!("{tour}: no hall page"));
            let at = format!("{tour} step {}", step + 1);
            let legend = page.legend.unwrap_or_else(|| panic!("{at}: no legend"));
            let apart = |a: egui::Rect, b: egui::Rect| !a.shrink(0.5).intersects(b.shrink(0.5));
            assert!(apart(page.caption, legend), "{at}: caption {:?} and legend {legend:?} overlap", page.caption);
            assert!(apart(page.subject, page.caption), "{at}: the caption covers the subject {:?}", page.subject);
            assert!(apart(page.subject, legend), "{at}: the legend covers the subject {:?}", page.subject);
            assert!(
                page.page.expand(0.5).contains_rect(page.subject),
                "{at}: the subject {:?} leaves the screen",
                page.subject
            );
        }
    }
}
