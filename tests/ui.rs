//! The window as a user drives it, through egui_kittest: find widgets by label, click, drag, hover.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use steppe_atlas::model::{Date, Language};
use steppe_atlas::ui::{AtlasApp, StartOptions};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn harness(start: &str) -> Harness<'static, AtlasApp> {
    harness_with(StartOptions { date: Some(date(start)), language: Some(Language::En), ..Default::default() })
}

/// The window at 1400×900, run until it settles.
fn harness_with(options: StartOptions) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1400.0, 900.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        // Changed places pulse for 1.6 s (about 100 frames) after a date change.
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(options));
    harness.run();
    harness
}

/// The accessible label of a city marker: "Omsk: White (military control), ...".
fn city_label(harness: &Harness<'_, AtlasApp>, name: &str) -> String {
    let prefix = format!("{name}: ");
    harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with(&prefix)))
        .next()
        .and_then(|node| node.accesskit_node().label())
        .unwrap_or_else(|| panic!("no city marker labelled {prefix:?}"))
}

#[test]
fn dragging_the_slider_changes_who_holds_omsk() {
    let mut harness = harness("1918-04-01");
    assert!(city_label(&harness, "Omsk").contains("Soviet"), "{}", city_label(&harness, "Omsk"));

    // Drag the date slider to about 1 January 1919: Omsk is then White-held.
    let slider = harness.get_by_label("Date").rect();
    let span = Date::ATLAS_END.days_since(Date::ATLAS_START) as f32;
    let fraction = date("1919-01-01").days_since(Date::ATLAS_START) as f32 / span;
    let from = slider.left_center() + egui::vec2(slider.width() * 0.1, 0.0);
    let to = egui::pos2(slider.left() + slider.width() * fraction, slider.center().y);
    harness.drag_at(from);
    harness.run();
    harness.drop_at(to);
    harness.run();

    let now = harness.state().date();
    assert!(now > date("1918-10-01") && now < date("1919-04-01"), "slider left the date at {now}");
    assert!(city_label(&harness, "Omsk").contains("White"), "{}", city_label(&harness, "Omsk"));
}

#[test]
fn hovering_a_city_shows_who_holds_it() {
    let mut harness = harness("1918-09-01");
    let omsk = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with("Omsk: ")))
        .next()
        .unwrap_or_else(|| panic!("no Omsk marker"))
        .rect();
    harness.hover_at(omsk.center());
    harness.run();
    let omsk_id = harness.state().atlas().place_by_id("omsk");
    assert_eq!(harness.state().hovered(), omsk_id);
    // The tooltip names the holder's role and how sure we are. (City markers' own labels say
    // "(military control)"; the tooltip says "<force> — military control".)
    assert!(harness.query_all_by_label_contains(" — military control").next().is_some(), "no tooltip with the holder");
    assert!(harness.query_all_by_label_contains("confidence").next().is_some(), "no confidence in the tooltip");
}

#[test]
fn the_big_date_shows_old_style_before_the_reform_only() {
    let mut harness = harness("1917-11-07");
    assert!(harness.query_by_label("7 November 1917").is_some());
    assert!(harness.query_by_label("(Old Style: 25 October 1917)").is_some());
    harness.state_mut().set_date(date("1918-02-14"));
    harness.run();
    assert!(harness.query_by_label("14 February 1918").is_some());
    // The big date has no Old Style beside it any more (event dates in the side panel still may).
    let big_old_style =
        harness.query_all_by(|node| node.label().is_some_and(|label| label.starts_with("(Old Style"))).count();
    assert_eq!(big_old_style, 0);
}

#[test]
fn play_animates_and_pause_stops() {
    let mut harness = harness("1917-03-01");
    harness.get_by_label("Play").click();
    harness.run_steps(30);
    let played_to = harness.state().date();
    assert!(played_to > date("1917-03-05"), "playback did not move: {played_to}");
    harness.get_by_label("Pause").click();
    harness.run();
    let paused_at = harness.state().date();
    harness.run_steps(10);
    assert_eq!(harness.state().date(), paused_at);
}

#[test]
fn switching_language_renames_the_map() {
    let mut harness = harness("1918-07-01");
    assert!(city_label(&harness, "Semipalatinsk").len() > 5);
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("Қазақша").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::Kk);
    assert!(city_label(&harness, "Семей").contains("Ақ гвардияшылар") || city_label(&harness, "Семей").contains(':'));
    // The title, and the window itself for screen readers.
    assert!(harness.query_all_by_label("Дала атласы").next().is_some());
}

#[test]
fn kazakh_in_latin_letters_is_a_fourth_language() {
    let mut harness = harness("1918-07-01");
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("Qazaqşa").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::KkLatn);
    assert!(harness.query_all_by_label("Dala atlasy").next().is_some(), "the interface is generated in Latin letters");
    // The map, the legend and the place names follow: Семей is Semei.
    assert!(city_label(&harness, "Semei").contains(':'));
    assert!(harness.query_by_label("Aq gvardiiaşylar").is_some(), "the legend names the sides in Latin letters");
}

#[test]
fn what_changed_reads_forwards_after_going_back_in_time() {
    let mut harness = harness("1920-05-25");
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().date(), date("1920-04-25"));
    assert!(
        harness.query_by_label("From 25 April 1920 to 25 May 1920:").is_some(),
        "the changes of a step back are headed by both dates in time order"
    );
    assert!(harness.query_all_by_label_contains("Since 25 May 1920").next().is_none());
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    harness.run();
    assert!(harness.query_by_label("Since 25 April 1920").is_some());
}

#[test]
fn the_first_run_opens_on_a_date_that_shows_the_war() {
    let harness = harness_with(StartOptions { language: Some(Language::En), ..Default::default() });
    assert_eq!(harness.state().date(), date("1918-07-01"));
    assert!(city_label(&harness, "Omsk").contains("White"), "{}", city_label(&harness, "Omsk"));
    assert!(city_label(&harness, "Tashkent").contains("Soviet"), "{}", city_label(&harness, "Tashkent"));
}

#[test]
fn arrow_keys_step_one_day() {
    let mut harness = harness("1918-07-01");
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().date(), date("1918-07-02"));
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().date(), date("1918-06-30"));
}

#[test]
fn wheel_zooms_and_drag_pans_the_map() {
    let mut harness = harness("1918-07-01");
    let map = harness.get_by_label("Map").rect();
    let before = harness.state().view().unwrap_or_else(|| panic!("no view after the first frame"));
    harness.hover_at(map.center());
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run_steps(10);
    let zoomed = harness.state().view().unwrap_or(before);
    assert!(zoomed.km_per_point < before.km_per_point * 0.9, "wheel did not zoom in: {before:?} -> {zoomed:?}");

    harness.drag_at(map.center());
    harness.run_steps(10);
    harness.hover_at(map.center() + egui::vec2(120.0, 0.0));
    harness.run_steps(10);
    harness.drop_at(map.center() + egui::vec2(120.0, 0.0));
    harness.run_steps(10);
    let panned = harness.state().view().unwrap_or(zoomed);
    // Dragging the map to the right shows land farther west: the centre moves west.
    assert!(panned.centre.x < zoomed.centre.x - 50.0 * zoomed.km_per_point, "{zoomed:?} -> {panned:?}");
}

#[test]
fn clicking_a_city_opens_its_panel_and_the_strip_moves_the_slider() {
    let mut harness = harness("1918-09-01");
    harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with("Semipalatinsk: ")))
        .next()
        .unwrap_or_else(|| panic!("no Semipalatinsk marker"))
        .click();
    harness.run_steps(4);
    assert_eq!(harness.state().selected(), harness.state().atlas().place_by_id("semipalatinsk"));
    assert!(harness.query_by_label("Periods of control").is_some(), "no place panel");
    let heading = |name: &str| {
        harness
            .query_all_by(|node| node.role() == egui::accesskit::Role::Heading && node.label().as_deref() == Some(name))
            .next()
            .is_some()
    };
    assert!(heading("Semipalatinsk"), "no heading with the name");
    // The modern name, in all three languages, each marked with its language.
    for (name, language) in [("Семей", "kk"), ("Семей", "ru"), ("Semey", "en")] {
        assert!(
            harness.query_all_by_label(name).any(|node| node.accesskit_node().data().language() == Some(language)),
            "no {name} in {language}"
        );
    }

    // Clicking the strip near its left end moves the slider to early 1917.
    let strip = harness.get_by_label("Who held it, 1917–1920").rect();
    let near_start = strip.left_center() + egui::vec2(strip.width() * 0.02, 0.0);
    harness.drag_at(near_start);
    harness.run_steps(1);
    harness.drop_at(near_start);
    harness.run_steps(4);
    assert!(harness.state().date() < date("1917-05-01"), "{}", harness.state().date());

    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn typing_a_date_in_any_language_goes_there() {
    let mut harness = harness("1917-03-01");
    for (typed, expected) in [("июль 1919", "1919-07-01"), ("1918 шілде", "1918-07-01"), ("1920-03-15", "1920-03-15")]
    {
        let input = harness
            .query_all_by(|node| node.role() == egui::accesskit::Role::TextInput)
            .next()
            .unwrap_or_else(|| panic!("no date box"));
        input.focus();
        harness.run_steps(2);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness
            .query_all_by(|node| node.role() == egui::accesskit::Role::TextInput)
            .next()
            .unwrap_or_else(|| panic!("no date box"))
            .type_text(typed);
        harness.run_steps(2);
        harness.key_press(egui::Key::Enter);
        harness.run_steps(3);
        assert_eq!(harness.state().date(), date(expected), "typed {typed:?}");
    }
}

#[test]
fn page_down_steps_to_the_next_event_and_f1_opens_help() {
    let mut harness = harness("1917-12-01");
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    let next = harness.state().date();
    assert!(next > date("1917-12-01"));
    let starts: Vec<Date> = harness.state().atlas().events().iter().map(|e| e.start).collect();
    assert!(starts.contains(&next), "{next} is not an event's date");
    assert!(!starts.iter().any(|&s| s > date("1917-12-01") && s < next), "skipped an event");
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(2);
    assert!(harness.state().date() < next);

    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    assert!(harness.query_by_label("One month forward / back").is_some(), "no help window");
}

#[test]
fn search_moves_map_and_slider() {
    let mut harness = harness("1917-03-01");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(3);
    harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::SearchInput)
        .next()
        .unwrap_or_else(|| panic!("no search box"))
        .type_text("Uralsk 1919");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().date(), date("1919-01-01"));
    let selected = harness.state().selected().map(|id| harness.state().atlas().place(id).id.clone());
    assert!(selected.as_deref().is_some_and(|id| id.starts_with("uralsk")), "{selected:?}");
}

#[test]
fn the_window_remembers_date_language_place_and_view_but_the_command_line_wins() {
    let mut harness = harness("1919-07-10");
    // Through the settings file, as the window reads it at start and writes it at exit.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("settings.toml");
    assert!(!harness.state_mut().load_settings(path.clone(), &StartOptions::default()), "no file yet");
    harness.state_mut().save_settings();
    assert!(!path.exists(), "nothing changed, nothing to write");
    harness.state_mut().set_language(Language::Ru);
    // A view of the user's own (the whole map is not saved: the next run fits its own window).
    harness.key_press(egui::Key::Plus);
    harness.run_steps(2);
    let uralsk = harness.state().atlas().place_by_id("uralsk");
    harness.state_mut().select(uralsk);
    harness.run_steps(2);
    harness.state_mut().save_settings();
    assert!(path.exists());
    // An unchanged session writes nothing more (the window saves every 30 s).
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    harness.state_mut().save_settings();
    assert!(!path.exists(), "rewrote unchanged settings");
    let saved = harness.state().saved_state();
    let text = steppe_atlas::settings_file::to_text(&saved).unwrap_or_else(|e| panic!("{e}"));
    steppe_atlas::settings_file::save(&path, &text).unwrap_or_else(|e| panic!("{e}"));

    let mut restored = AtlasApp::new(StartOptions::default());
    assert!(restored.load_settings(path.clone(), &StartOptions::default()));
    assert_eq!(restored.date(), date("1919-07-10"));
    assert_eq!(restored.language(), Language::Ru);
    assert_eq!(restored.selected(), uralsk);
    assert_eq!(restored.view(), harness.state().view());

    let asked = StartOptions { date: Some(date("1918-01-01")), ..Default::default() };
    let mut overridden = AtlasApp::new(asked.clone());
    overridden.restore(saved, &asked);
    assert_eq!(overridden.date(), date("1918-01-01"));
}

#[test]
fn the_window_saves_its_settings_once_they_settle_without_waiting_for_exit() {
    let mut harness = harness("1919-07-10");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("settings.toml");
    harness.state_mut().load_settings(path.clone(), &StartOptions::default());
    harness.key_press(egui::Key::ArrowRight);
    // kittest steps a quarter of a second.
    harness.run_steps(4);
    assert!(!path.exists(), "written before the settings settled");
    harness.run_steps(6);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("date = \"1919-07-11\""), "{text}");
    assert!(!dir.path().join("settings.toml.partial").exists());
}

#[test]
fn explain_lists_what_changed_since_the_previous_date() {
    let mut harness = harness("1918-05-01");
    harness.state_mut().set_date(date("1918-08-01"));
    harness.run_steps(3);
    assert!(harness.query_by_label("What changed?").is_some());
    assert!(harness.query_by_label("Omsk").is_some(), "Omsk is not among the changes");
    assert!(harness.query_all_by_label_contains("Soviet → White").next().is_some(), "no Soviet → White change");
    // One step on, the changes are counted from the day before.
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(40);
    assert!(harness.query_by_label("Since 1 August 1918").is_some());
}

#[test]
fn the_chart_shows_territory_and_a_click_moves_the_slider() {
    let mut harness = harness("1917-03-01");
    harness.get_by_label("Chart").click();
    harness.run_steps(3);
    let chart = harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::Figure)
        .next()
        .unwrap_or_else(|| panic!("no chart"))
        .rect();
    // A click three quarters of the way along: about the end of 1919.
    let at = egui::pos2(chart.left() + chart.width() * 0.75, chart.center().y);
    harness.drag_at(at);
    harness.run_steps(1);
    harness.drop_at(at);
    harness.run_steps(3);
    let now = harness.state().date();
    assert!(now > date("1919-06-01") && now < date("1920-06-01"), "{now}");
}

#[test]
fn compare_shows_two_dates_side_by_side_panning_together() {
    let mut harness = harness("1919-07-01");
    harness.get_by_label("Compare").click();
    harness.run_steps(3);
    assert_eq!(harness.state().compare_date(), Some(date("1918-07-01")));
    assert!(harness.query_by_label("Comparison map").is_some());
    assert!(harness.query_by_label("1 July 1918").is_some(), "no date over the second map");
    // Omsk appears on both maps, White in 1918 and, in July 1919, still White.
    let omsk_labels: Vec<String> = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with("Omsk: ")))
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert_eq!(omsk_labels.len(), 2, "{omsk_labels:?}");
    // Dragging the second map moves the first: they share one view.
    let before = harness.state().view();
    let right = harness.get_by_label("Comparison map").rect();
    harness.drag_at(right.center());
    harness.run_steps(2);
    harness.hover_at(right.center() + egui::vec2(0.0, 80.0));
    harness.run_steps(2);
    harness.drop_at(right.center() + egui::vec2(0.0, 80.0));
    harness.run_steps(2);
    assert_ne!(harness.state().view(), before);
    harness.get_by_label("Compare").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Comparison map").is_none());
}

/// A copy of the shipped data in a temporary folder, for editing while the atlas runs.
fn copy_of_maps() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let maps = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    for name in steppe_atlas::data::FILE_NAMES {
        std::fs::copy(maps.join(name), dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir
}

/// A reload may order people differently: the open person's card stays on the same person
/// (it used to keep the index, and so showed whoever came first in the new file).
#[test]
fn a_reload_keeps_the_open_persons_card_on_the_same_person() {
    let dir = copy_of_maps();
    let options =
        StartOptions { data_dir: Some(dir.path().to_path_buf()), language: Some(Language::En), ..Default::default() };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1400.0, 900.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(options));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(3);
    harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::SearchInput)
        .next()
        .unwrap_or_else(|| panic!("no search box"))
        .type_text("Bokeikhanov");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let shown = |harness: &Harness<'_, AtlasApp>| {
        harness.state().person_shown().map(|person| harness.state().atlas().person(person).id.clone())
    };
    assert_eq!(shown(&harness).as_deref(), Some("bokeikhanov"));

    // The curator moves Bokeikhanov's entry, the first in the file, to its end.
    let file = dir.path().join("people.toml");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let (head, rest) = text.split_once("[[person]]").unwrap_or_else(|| panic!("no person in people.toml"));
    let (first, others) = rest.split_once("[[person]]").unwrap_or_else(|| panic!("one person only"));
    std::fs::write(&file, format!("{head}[[person]]{others}\n[[person]]{first}")).unwrap_or_else(|e| panic!("{e}"));
    assert!(harness.state_mut().reload_if_changed());
    harness.run();
    assert!(harness.state().problems().is_empty(), "{:?}", harness.state().problems());
    assert_ne!(harness.state().atlas().people[0].id, "bokeikhanov", "the edit did not move the entry");
    assert_eq!(shown(&harness).as_deref(), Some("bokeikhanov"));
}

#[test]
fn an_edit_reloads_and_a_broken_edit_keeps_the_last_good_data() {
    let dir = copy_of_maps();
    let options =
        StartOptions { data_dir: Some(dir.path().to_path_buf()), language: Some(Language::En), ..Default::default() };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1400.0, 900.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), AtlasApp::new(options));
    harness.run();
    let events = harness.state().atlas().events().len();
    let file = dir.path().join("events.toml");
    let original = std::fs::read_to_string(&file).unwrap_or_default();

    // A broken edit: the event ends before it starts.
    let broken = format!(
        "{original}\n[[event]]\nid = \"curator_test\"\ndate = \"1920-06-01\"\nend = \"1920-05-01\"\nprecision = \"day\"\nplaces = [\"petrograd\"]\ncategory = \"political\"\ntitle = {{ kk = \"Сынақ\", ru = \"Проба\", en = \"Test\" }}\ntext = {{ kk = \"Сынақ\", ru = \"Проба\", en = \"Test\" }}\nconfidence = \"low\"\nsources = [\"seed\"]\n"
    );
    std::fs::write(&file, &broken).unwrap_or_else(|e| panic!("{e}"));
    assert!(harness.state_mut().reload_if_changed());
    harness.run();
    assert_eq!(harness.state().atlas().events().len(), events, "the broken edit replaced the data");
    assert!(harness.query_all_by_label_contains("keeps showing the last good data").next().is_some());
    assert!(harness.query_all_by_label_contains("ends 1920-05-01 before it starts 1920-06-01").next().is_some());

    // The curator fixes it: the new event loads and the message goes.
    std::fs::write(&file, broken.replace("end = \"1920-05-01\"", "end = \"1920-07-01\""))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(harness.state_mut().reload_if_changed());
    harness.run();
    assert_eq!(harness.state().atlas().events().len(), events + 1);
    assert!(harness.state().problems().is_empty());
    assert!(!harness.state_mut().reload_if_changed(), "nothing changed since");

    // Without being asked: the watcher thread notices the file within its half-second poll.
    std::fs::write(&file, &original).unwrap_or_else(|e| panic!("{e}"));
    let mut waited = 0;
    while harness.state().atlas().events().len() != events && waited < 50 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.run();
        waited += 1;
    }
    assert_eq!(harness.state().atlas().events().len(), events, "the watcher did not reload within 5 s");
}

#[test]
fn export_saves_the_current_view_as_a_png_of_the_chosen_size() {
    let mut harness = harness("1918-07-01");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    harness.get_by_label("Export image").click();
    harness.run();
    harness.get_by_label("1920 × 1080 (Full HD)").click();
    harness.run();
    let folder = dir.path().display().to_string();
    harness.state_mut().set_export_folder(&folder);
    harness.get_by_label("Save PNG").click();
    harness.run_steps(2);
    // The export runs on its own thread; the window keeps drawing and shows how far it has got.
    let mut waited = 0;
    while harness.state().export_busy() && waited < 600 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
        waited += 1;
    }
    harness.run_steps(2);
    let message = harness.state().export_message().unwrap_or_default().to_owned();
    assert!(message.starts_with("Saved: "), "{message:?}");
    // The window says it, and the live region reads it out.
    assert!(harness.query_all_by_label_contains("Saved: ").count() >= 2, "the window does not say where it saved");
    assert!(harness.state().announcement().starts_with("Saved: "), "{:?}", harness.state().announcement());
    let path = dir.path().join("steppe-atlas-1918-07-01.png");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((reader.info().width, reader.info().height), (1920, 1080));
}

#[test]
fn a_lecturer_makes_a_tour_at_the_desk_that_present_plays() {
    let mut harness = harness("1918-06-01");
    harness.get_by_label("Make a tour").click();
    harness.run();
    harness.get_by_label("Add this view as a step").click();
    harness.run();
    harness.state_mut().set_date(date("1919-07-10"));
    harness.run();
    harness.get_by_label("Add this view as a step").click();
    harness.run();
    {
        let draft = harness.state_mut().tour_draft_mut();
        assert_eq!(draft.steps.len(), 2);
        assert_eq!(draft.steps[1].date, "1919-07-10");
        draft.title = steppe_atlas::model::Names::new("Дәріс", "Лекция", "Lecture");
        for (step, text) in draft.steps.iter_mut().zip(["White summer", "Kazrevkom"]) {
            step.caption = steppe_atlas::model::Names::same(text);
        }
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("lecture.toml");
    let message = harness.state_mut().save_tour_draft(&path.to_string_lossy());
    assert!(message.starts_with("Saved"), "{message}");
    assert!(!message.contains("check says"), "{message}");

    let options = steppe_atlas::ui::present::PresentOptions { tour: Some(path), ..Default::default() };
    let lecture = steppe_atlas::ui::present::PresentApp::new(&options).unwrap_or_else(|e| panic!("{e}"));
    assert!(lecture.problems().is_empty(), "{:?}", lecture.problems());
    let steps = &lecture.tour().steps;
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].date, date("1918-06-01"));
    assert_eq!(steps[1].caption.en, "Kazrevkom");
}

#[test]
fn hovering_a_band_of_the_chart_outlines_that_sides_places() {
    let mut harness = harness("1920-12-01");
    harness.get_by_label("Chart").click();
    harness.run_steps(3);
    let chart = harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::Figure)
        .next()
        .unwrap_or_else(|| panic!("no chart"))
        .rect();
    // Near the end of 1920, low in the stack: the Soviet band, which is drawn first.
    harness.hover_at(egui::pos2(chart.right() - chart.width() * 0.05, chart.bottom() - chart.height() * 0.3));
    harness.run_steps(2);
    assert_eq!(harness.state().chart_hovered_side(), Some(steppe_atlas::model::Side::Soviet));
    // The population chart is one click away.
    harness.get_by_label("People (1897 census)").click();
    harness.run_steps(2);
    harness.hover_at(egui::pos2(10.0, 10.0));
    harness.run_steps(2);
    assert_eq!(harness.state().chart_hovered_side(), None);
}

#[test]
fn searching_a_surname_opens_the_persons_card_with_their_events() {
    let mut harness = harness("1918-01-01");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(3);
    harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::SearchInput)
        .next()
        .unwrap_or_else(|| panic!("no search box"))
        .type_text("Bokeikhanov");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let person = harness.state().person_shown().unwrap_or_else(|| panic!("no person card"));
    assert_eq!(harness.state().atlas().person(person).id, "bokeikhanov");
    // The card's title is a heading (the window's node carries the name too).
    assert!(
        harness
            .query_all_by_label("Alikhan Bokeikhanov")
            .any(|node| node.accesskit_node().role() == egui::accesskit::Role::Heading),
        "no heading with the name"
    );
    // The card lists the events that involve him; clicking one moves the slider there.
    let event = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.contains("Alash autonomy")))
        .next()
        .unwrap_or_else(|| panic!("the card lists no Alash autonomy event"));
    event.click();
    harness.run_steps(3);
    assert!(harness.state().date() >= date("1917-12-18") && harness.state().date() <= date("1917-12-26"));
}

#[test]
fn the_wheel_over_the_timeline_zooms_it_from_years_towards_days() {
    let mut harness = harness("1918-07-01");
    let whole = harness.state().timeline_window();
    let slider = harness.get_by_label("Date").rect();
    for _ in 0..6 {
        harness.hover_at(slider.center());
        harness.run_steps(1);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 120.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        // egui smooths wheel scrolling over several frames.
        harness.run_steps(30);
    }
    let (start, end) = harness.state().timeline_window();
    assert!(end - start < (whole.1 - whole.0) * 2 / 3, "still {start}..{end}");
    let today = harness.state().date().days_since(Date::ATLAS_START);
    assert!(start <= today && today <= end, "the date left the zoomed slider");
    harness.get_by_label("Whole period").click();
    harness.run_steps(2);
    assert_eq!(harness.state().timeline_window(), whole);
}

/// Whether the whole map (every historical unit) lies inside the map named `label`.
fn whole_map_fits(harness: &Harness<'_, AtlasApp>, label: &str) -> bool {
    let rect = harness.get_by_label(label).rect();
    let Some(view) = harness.state().view() else { return false };
    let projector = steppe_atlas::ui::map::Projector::new(rect, view);
    let drawn = projector.screen_rect(harness.state().geometry().bounds);
    rect.expand(1.0).contains_rect(drawn)
        && drawn.width().max(drawn.height() * rect.aspect_ratio()) > rect.width() * 0.85
}

#[test]
fn the_whole_map_fits_the_window_and_follows_a_resize_until_the_user_moves_it() {
    let mut harness = harness("1918-07-01");
    assert!(whole_map_fits(&harness, "Map"), "the first view does not show the whole map at 1400×900");
    harness.set_size(egui::vec2(1000.0, 700.0));
    harness.run();
    assert!(whole_map_fits(&harness, "Map"), "the view was not fitted again after a resize");
    // Once the user zooms, a resize keeps their view; "Whole map" goes back to following it.
    let map = harness.get_by_label("Map").rect();
    harness.hover_at(map.center());
    harness.key_press(egui::Key::Plus);
    harness.run();
    let zoomed = harness.state().view();
    harness.set_size(egui::vec2(1300.0, 850.0));
    harness.run();
    assert_eq!(harness.state().view(), zoomed, "a resize threw away the user's view");
    harness.get_by_label("Whole map").click();
    harness.run();
    assert!(whole_map_fits(&harness, "Map"));
}

#[test]
fn every_unit_is_named_and_no_name_covers_another_or_a_town() {
    let harness = harness("1918-07-01");
    let map = harness.get_by_label("Map").rect();
    let labels = steppe_atlas::ui::map::placed_labels(&harness.ctx, map);
    let atlas = harness.state().atlas();
    for oblast in atlas.place_ids().filter(|&p| atlas.place(p).kind == steppe_atlas::model::PlaceKind::Oblast) {
        let name = Language::En.uppercase(atlas.place(oblast).name.en.as_str());
        assert!(labels.iter().any(|(text, _)| *text == name), "{name} has no label: {labels:?}");
    }
    for (i, (text, rect)) in labels.iter().enumerate() {
        assert!(map.contains_rect(*rect), "{text} runs off the map");
        for (other, other_rect) in &labels[i + 1..] {
            assert!(!rect.intersects(*other_rect), "{text} collides with {other}");
        }
    }
    // A town's marker (its accessible node) is covered by no name but, at most, its own.
    // (Settlements' dots give way to towns' names; the nodes include dots not drawn.)
    let is_town = |name: &str| {
        steppe_atlas::search::find_places(atlas, name)
            .places
            .iter()
            .any(|&p| atlas.place(p).kind == steppe_atlas::model::PlaceKind::City)
    };
    let towns: Vec<(String, egui::Rect)> = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.contains(": ")))
        .filter(|node| node.rect().width() < 30.0)
        .filter_map(|node| Some((node.accesskit_node().label()?.split(": ").next()?.to_owned(), node.rect())))
        .filter(|(name, _)| is_town(name))
        .collect();
    assert!(towns.len() > 30, "only {} town markers found", towns.len());
    for (text, rect) in &labels {
        for (town, marker) in &towns {
            let core = egui::Rect::from_center_size(marker.center(), egui::vec2(6.0, 6.0));
            assert!(text == town || !rect.intersects(core), "{text} covers the marker of {town}");
        }
    }
}

#[test]
fn compare_dates_both_maps_lines_them_up_and_fits_the_whole_map_in_each() {
    let mut harness = harness("1919-07-01");
    harness.get_by_label("Compare").click();
    harness.run();
    // Each map has its date over it, and the bottom bar has the main one too.
    assert!(harness.query_all_by_label("1 July 1919").count() >= 2, "no date over the left map");
    assert!(harness.query_by_label("1 July 1918").is_some(), "no date over the right map");
    let (left, right) = (harness.get_by_label("Map").rect(), harness.get_by_label("Comparison map").rect());
    assert!(
        (left.top() - right.top()).abs() < 0.5 && (left.height() - right.height()).abs() < 0.5,
        "{left:?} {right:?}"
    );
    assert!(whole_map_fits(&harness, "Map") && whole_map_fits(&harness, "Comparison map"));
    harness.get_by_label("Compare").click();
    harness.run();
    assert!(whole_map_fits(&harness, "Map"), "closing Compare left the map zoomed out");
}

#[test]
fn the_legend_shows_each_combination_of_sides_on_the_date() {
    let harness = harness("1918-07-03");
    assert!(harness.query_by_label("White + Alash Orda").is_some(), "no stripes of White and Alash Orda in the legend");
    assert!(harness.query_by_label_contains("a stripe in each holder's colour").is_some());
    // Only sides on the map that day: no Kokand autonomy in July 1918.
    assert!(harness.query_by_label("Kokand autonomy").is_none());
}

/// Types `text` into the date box and presses Enter.
fn type_date(harness: &mut Harness<'_, AtlasApp>, text: &str) {
    for step in 0..2 {
        let date_box = harness
            .query_all_by(|node| {
                node.role() == egui::accesskit::Role::TextInput && node.label().as_deref() == Some("Go to date")
            })
            .next()
            .unwrap_or_else(|| panic!("no date box"));
        if step == 0 {
            date_box.focus();
            harness.run_steps(2);
            harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        } else {
            date_box.type_text(text);
        }
    }
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
}

#[test]
fn an_old_style_date_is_understood_and_the_box_says_which_calendar_it_read() {
    let mut harness = harness("1919-01-01");
    type_date(&mut harness, "25 October 1917 OS");
    assert_eq!(harness.state().date(), date("1917-11-07"));
    assert!(
        harness.query_by_label_contains("Old Style = 7 November 1917 New Style").is_some(),
        "no note on the calendar"
    );
    type_date(&mut harness, "25 October 1917");
    assert_eq!(harness.state().date(), date("1917-10-25"));
    assert!(
        harness.query_by_label_contains("Read as New Style").is_some(),
        "an unmarked 1917 date did not say its calendar"
    );
    // The box keeps the focus after Enter, to type the next date; Escape leaves it.
    assert!(focused_label(&harness) == "Go to date", "the date box lost the focus: {:?}", focused_label(&harness));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    // Moving the date another way clears the box's text and note; so it does a refused text's error.
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Read as New Style").is_none(), "a stale note stayed");
    type_date(&mut harness, "not a date");
    assert!(harness.query_by_label("Not a date within 1917–1920").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(3);
    assert!(harness.query_by_label("Not a date within 1917–1920").is_none(), "a stale error stayed");
}

#[test]
fn the_chart_stands_over_the_slider_and_shows_the_values_under_the_pointer() {
    let mut harness = harness("1919-07-01");
    harness.get_by_label("Chart").click();
    harness.run();
    let chart = harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::Figure)
        .next()
        .unwrap_or_else(|| panic!("no chart"))
        .rect();
    // The slider's handle travels between its ends inset by its radius; the chart's first and
    // last day stand right above those points.
    let slider = harness.get_by_label("Date").rect();
    let inset = slider.height() / 2.5;
    assert!((chart.left() - (slider.left() + inset)).abs() < 2.0, "chart {chart:?}, slider {slider:?}");
    assert!((chart.right() - (slider.right() - inset)).abs() < 2.0, "chart {chart:?}, slider {slider:?}");
    // Hovering names the day and each side's share.
    let span = Date::ATLAS_END.days_since(Date::ATLAS_START) as f32;
    let fraction = date("1919-07-01").days_since(Date::ATLAS_START) as f32 / span;
    harness.hover_at(egui::pos2(chart.left() + chart.width() * fraction, chart.center().y));
    harness.run();
    assert!(harness.query_by_label_contains("White: ").is_some(), "no values on hover");
    let near = |text: &str| harness.query_all_by_label_contains(text).next().is_some();
    assert!(near("June 1919") || near("July 1919"), "the hovered day is not named");
}

#[test]
fn escape_closes_search_and_help() {
    let mut harness = harness("1918-07-01");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(3);
    assert!(harness.state().search_open(), "Ctrl+F did not open the search");
    let search_box = harness.query_all_by(|node| node.role() == egui::accesskit::Role::SearchInput).next();
    assert!(search_box.is_some_and(|node| node.is_focused()), "Ctrl+F did not put the focus in the search box");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(!harness.state().search_open(), "Escape did not close the search");
    harness.key_press(egui::Key::F1);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Ctrl + F").is_some(), "F1 did not open Help");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Ctrl + F").is_none(), "Escape did not close Help");
}

/// The label of the widget that has the keyboard focus ("" when it has none). On the focused
/// map a screen reader stands on the place under the map's cursor (the map's active
/// descendant, in its list of places): that reads "Map: Omsk: White …".
fn focused_label(harness: &Harness<'_, AtlasApp>) -> String {
    let Some(node) = harness.query_all_by(|node| node.is_focused()).next() else { return String::new() };
    let node = node.accesskit_node();
    let label = node.label().unwrap_or_default();
    let in_map = node.parent().and_then(|list| list.label()).as_deref() == Some("Places on the map");
    if in_map { format!("Map: {label}") } else { label }
}

#[test]
fn tab_runs_through_the_top_bar_in_reading_order_then_the_timeline_and_reaches_the_map() {
    let mut harness = harness("1918-07-01");
    let mut order = Vec::new();
    for _ in 0..80 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
        order.push(focused_label(&harness));
    }
    let position = |wanted: &str| {
        order
            .iter()
            .position(|label| label == wanted)
            .unwrap_or_else(|| panic!("Tab never reaches {wanted:?}: {order:?}"))
    };
    let top_bar = ["Whole map", "Help", "Make a tour", "Export image", "Search", "Chart", "Compare"];
    let places: Vec<usize> = top_bar.iter().map(|label| position(label)).collect();
    assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "the top bar is not in reading order: {order:?}");
    // The timeline's controls come after the top bar, the box before its button.
    let play = position("Play");
    assert!(play > places[places.len() - 1], "{order:?}");
    let map = order.iter().position(|label| label.starts_with("Map")).unwrap_or_else(|| panic!("{order:?}"));
    assert!(map > play, "the map comes before the timeline: {order:?}");
}

#[test]
fn a_place_is_chosen_on_the_map_from_the_keyboard() {
    let mut harness = harness("1918-07-01");
    // Tab to the map, as a keyboard user does; it keeps the focus once its tooltip opens.
    let mut presses = 0;
    while !focused_label(&harness).starts_with("Map") && presses < 120 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(1);
        presses += 1;
    }
    harness.run_steps(3);
    let label = focused_label(&harness);
    assert!(label.starts_with("Map: "), "Tab did not bring the focus to the map's places: {label:?}");
    // With the map focused, the arrows walk between places and leave the date alone.
    let mut visited = Vec::new();
    for key in [egui::Key::ArrowRight, egui::Key::ArrowRight, egui::Key::ArrowDown, egui::Key::ArrowLeft] {
        harness.key_press(key);
        harness.run_steps(2);
        let label = focused_label(&harness);
        assert!(label.starts_with("Map: "), "the focused map does not name the place under its cursor: {label:?}");
        visited.push(label);
    }
    assert_eq!(harness.state().date(), date("1918-07-01"), "the arrows moved the date while the map had the focus");
    visited.dedup();
    assert!(visited.len() >= 3, "the arrows did not move between places: {visited:?}");
    assert_eq!(harness.state().selected(), None);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let chosen = harness.state().selected().unwrap_or_else(|| panic!("Enter chose nothing"));
    let name = harness.state().atlas().place(chosen).name.get(Language::En).to_owned();
    let last = visited.last().cloned().unwrap_or_default();
    assert!(last.starts_with(&format!("Map: {name}")), "Enter chose {name}, the cursor was on {last:?}");
    assert!(harness.query_by_label("Periods of control").is_some(), "Enter did not open the place panel");
    // Ctrl+arrow pans the map. One Escape closes the place and keeps the map focused; the next
    // leaves the map, and the arrows move the date again.
    let view = harness.state().view();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_ne!(harness.state().view(), view, "Ctrl+→ did not pan the map");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), None, "Escape did not close the place");
    assert!(focused_label(&harness).starts_with("Map"), "the first Escape also left the map");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), date("1918-07-02"));
}

/// Presses Tab until the focused widget is `label` (at most 80 times); panics if it never is.
fn tab_to(harness: &mut Harness<'_, AtlasApp>, label: &str) {
    for _ in 0..80 {
        if focused_label(harness) == label {
            return;
        }
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
    }
    panic!("Tab never reached {label:?}");
}

/// Every node in the map's list of places, by label.
fn place_nodes(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    harness
        .query_all_by(|node| node.parent().and_then(|list| list.label()).as_deref() == Some("Places on the map"))
        .filter_map(|node| node.accesskit_node().label())
        .collect()
}

#[test]
fn every_place_on_the_map_is_a_named_node_with_its_holders_and_confidence() {
    use steppe_atlas::model::PlaceKind;
    for day in ["1917-06-01", "1918-07-01", "1919-10-01", "1920-06-01"] {
        let harness = harness(day);
        let labels = place_nodes(&harness);
        let atlas = harness.state().atlas();
        // Every oblast and uezd is there, named with its kind; towns by their name.
        for id in atlas.place_ids() {
            let place = atlas.place(id);
            let kind = match place.kind {
                PlaceKind::Oblast => "oblast",
                PlaceKind::Uezd => "uezd",
                _ => continue,
            };
            let named = |label: &&String| {
                label.split_once(": ").is_some_and(|(head, _)| {
                    head.starts_with(place.name.en.as_str()) && head.to_lowercase().contains(kind)
                })
            };
            assert!(labels.iter().any(|label| named(&label)), "{day}: no node for {} ({kind})", place.name.en);
        }
        // Zones only while they exist.
        let zones = labels.iter().filter(|label| label.contains(" (zone): ")).count();
        let zones_on_day = atlas
            .place_ids()
            .filter(|&id| atlas.place(id).kind == PlaceKind::Zone)
            .filter(|&id| atlas.periods_of(id).iter().any(|&period| atlas.period(period).contains(date(day))))
            .count();
        assert_eq!(zones, zones_on_day, "{day}: zone nodes");
        for label in &labels {
            let (_, said) = label.split_once(": ").unwrap_or_else(|| panic!("{day}: {label:?} has no holder"));
            assert!(!said.trim().is_empty(), "{day}: {label:?} says nothing");
            // A holder named once, and the confidence at the end (or "unknown").
            let holders: Vec<&str> = said.split("; ").collect();
            let mut unique = holders.clone();
            unique.dedup();
            assert_eq!(holders, unique, "{day}: {label:?} repeats itself");
            assert!(said == "Unknown" || said.ends_with(" confidence"), "{day}: {label:?}");
        }
        assert!(labels.len() > 100, "{day}: only {} places", labels.len());
    }
    // Omsk on 1 July 1918: the Whites with force, role and confidence.
    let harness = harness("1918-07-01");
    let omsk = place_nodes(&harness).into_iter().find(|label| label.starts_with("Omsk: ")).unwrap_or_default();
    assert!(omsk.contains("White (") && omsk.contains("military control") && omsk.contains("confidence"), "{omsk}");
}

#[test]
fn a_screen_reader_presses_and_focuses_places_on_the_map() {
    let mut harness = harness("1918-07-01");
    let node = |harness: &Harness<'_, AtlasApp>, prefix: &str| {
        harness
            .query_all_by(|node| {
                node.parent().and_then(|list| list.label()).as_deref() == Some("Places on the map")
                    && node.label().is_some_and(|label| label.starts_with(prefix))
            })
            .next()
            .map(|node| node.accesskit_node().id())
            .unwrap_or_else(|| panic!("no place {prefix:?}"))
    };
    let verny = node(&harness, "Verny: ");
    harness.query_all_by(|n| n.id() == verny).next().unwrap_or_else(|| panic!("gone")).focus();
    harness.run_steps(3);
    assert!(focused_label(&harness).starts_with("Map: Verny: "), "{:?}", focused_label(&harness));
    // The arrows go on from there, and the date stays.
    harness.key_press(egui::Key::ArrowUp);
    harness.run_steps(2);
    assert!(focused_label(&harness).starts_with("Map: "), "{:?}", focused_label(&harness));
    assert!(!focused_label(&harness).starts_with("Map: Verny: "), "↑ did not leave Verny");
    assert_eq!(harness.state().date(), date("1918-07-01"));
    // Pressing a place (a screen reader's click) opens it.
    let turgai = node(&harness, "Turgai Oblast: ");
    harness.query_all_by(|n| n.id() == turgai).next().unwrap_or_else(|| panic!("gone")).click_accesskit();
    harness.run_steps(3);
    assert_eq!(harness.state().selected(), harness.state().atlas().place_by_id("turgai_oblast"));
}

#[test]
fn the_date_slider_reads_a_date_and_the_date_is_announced_once_it_settles() {
    let mut harness = harness("1918-01-20");
    let slider = harness.get_by_label("Date");
    assert_eq!(slider.value().as_deref(), Some("20 January 1918 (Old Style: 7 January 1918)"));
    harness.run_steps(60);
    assert_eq!(harness.state().announcement(), "20 January 1918 (Old Style: 7 January 1918)");
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    // Not at once: dragging or playing would read every day.
    assert_eq!(harness.state().announcement(), "20 January 1918 (Old Style: 7 January 1918)");
    harness.run_steps(60);
    assert_eq!(harness.state().announcement(), "21 January 1918 (Old Style: 8 January 1918)");
    let live = harness.query_all_by(|node| node.role() == egui::accesskit::Role::Status).next();
    assert!(
        live.is_some_and(
            |node| node.accesskit_node().label().as_deref() == Some("21 January 1918 (Old Style: 8 January 1918)")
        ),
        "no live region with the date"
    );
    // After the reform, the date alone.
    harness.state_mut().set_date(date("1919-07-10"));
    harness.run_steps(2);
    assert_eq!(harness.get_by_label("Date").value().as_deref(), Some("10 July 1919"));
}

#[test]
fn windows_take_the_focus_escape_closes_the_topmost_and_the_focus_goes_back() {
    let mut harness = harness("1918-07-01");
    // Help from its button: the focus goes to its Close button, and back after Escape.
    tab_to(&mut harness, "Help");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(focused_label(&harness), "Close", "Help did not take the focus");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(harness.query_by_label_contains("Ctrl + F").is_none(), "Escape did not close Help");
    assert_eq!(focused_label(&harness), "Help", "the focus did not come back to the Help button");
    // Export: its Save button takes the focus. Search over it: Escape closes Search first.
    tab_to(&mut harness, "Export image");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(focused_label(&harness), "Save PNG", "Export did not take the focus");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(4);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(!harness.state().search_open(), "Escape did not close the search, the window on top");
    assert!(harness.query_by_label("Save PNG").is_some(), "Escape closed Export, under the search");
    assert_eq!(focused_label(&harness), "Save PNG", "the focus did not go back into Export");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(harness.query_by_label("Save PNG").is_none(), "Escape did not close Export");
    assert_eq!(focused_label(&harness), "Export image");
    // The View menu: Escape closes it and the focus stays on its button.
    tab_to(&mut harness, "View");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert!(harness.query_by_label_contains("Text size").is_some(), "the View menu did not open");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert!(harness.query_by_label_contains("Text size").is_none(), "Escape did not close the View menu");
    assert_eq!(focused_label(&harness), "View");
    // The language list: choosing a language keeps the focus on the list's button.
    let language = harness.get_by_label("Language");
    assert_eq!(language.value().as_deref(), Some("English"));
    language.click();
    harness.run_steps(3);
    harness.get_by_label("Русский").click();
    harness.run_steps(4);
    assert_eq!(harness.state().language(), Language::Ru);
    assert_eq!(focused_label(&harness), "Язык", "the focus did not come back to the language list");
}

#[test]
fn with_a_button_focused_the_arrows_step_the_date_and_the_focus_stays() {
    let mut harness = harness("1918-07-01");
    tab_to(&mut harness, "Search");
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), date("1918-07-02"));
    assert_eq!(focused_label(&harness), "Search", "→ moved the focus");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(focused_label(&harness), "Search", "Escape dropped the focus");
    // Glyph buttons and boxes have names and values.
    assert!(harness.query_by_label("Previous day").is_some() && harness.query_by_label("Next day").is_some());
    assert_eq!(harness.get_by_label("Speed").value().as_deref(), Some("1 month a second"));
    assert!(harness.query_by_label("Resize the panel").is_some(), "egui's panel handle is named in English");
}

#[test]
fn the_side_panel_scrolls_to_the_focused_link() {
    let mut harness = harness("1919-07-01");
    let omsk = harness.state().atlas().place_by_id("omsk");
    harness.state_mut().select(omsk);
    harness.run_steps(3);
    let mut seen_low = false;
    for _ in 0..120 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
        let Some(node) = harness.query_all_by(|node| node.is_focused()).next() else { continue };
        let rect = node.rect();
        // The panel starts at x ≈ 1060; the map and the bars are to its left and above.
        if rect.left() > 1000.0 {
            assert!(
                rect.top() >= 0.0 && rect.bottom() <= 900.0,
                "{:?} at {rect:?} is off screen",
                node.accesskit_node().label()
            );
            seen_low |= rect.top() > 500.0;
        }
    }
    assert!(seen_low, "Tab never went down the panel");
}

#[test]
fn text_size_is_a_setting_and_the_layout_holds_at_200_percent() {
    let mut harness = harness("1918-07-01");
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness.get_by_label("200 %").click();
    harness.run_steps(6);
    assert_eq!(harness.state().saved_state().text_size, Some(2.0));
    // The window is 1400×900 pixels, 700×450 points at 200 %: every top-bar control is on screen
    // and none covers the title.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(700.0, 450.0));
    let title = harness
        .query_all_by_label("Steppe Atlas")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Heading)
        .unwrap_or_else(|| panic!("no title"))
        .rect();
    for label in ["Whole map", "Help", "Make a tour", "Export image", "Search", "Chart", "Compare", "View", "Language"]
    {
        let rect = harness.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?} is off screen");
        assert!(!rect.intersects(title), "{label} covers the title");
    }
    for label in ["Play", "Date", "Go to date"] {
        let rect = harness.query_all_by_label(label).next().unwrap_or_else(|| panic!("no {label}")).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?} is off screen");
    }
    // Help fits, with its Close button in sight.
    harness.key_press(egui::Key::F1);
    harness.run_steps(4);
    // The actions stand in a column of their own, wide enough to read (a grid once squeezed
    // them to a few letters a line).
    let action = harness.get_by_label("Play / pause").rect();
    assert!(action.width() > 60.0 && screen.contains_rect(action), "Help's action column: {action:?}");
    // Its × and its Close button.
    let closes: Vec<egui::Rect> = harness.query_all_by_label("Close").map(|node| node.rect()).collect();
    assert_eq!(closes.len(), 2, "{closes:?}");
    for close in closes {
        assert!(screen.contains_rect(close), "Help's Close button at {close:?} is off screen");
    }
}

#[test]
fn ctrl_plus_stops_at_200_percent_and_the_chart_and_tour_fields_speak() {
    let mut harness = harness("1918-07-01");
    for _ in 0..15 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        harness.run_steps(1);
    }
    harness.run_steps(3);
    assert_eq!(harness.state().saved_state().text_size, Some(2.0));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run_steps(3);
    assert_eq!(harness.state().saved_state().text_size, None, "Ctrl+0 did not go back to 100 %");
    // The chart says in words what its hover shows, for the date on the slider.
    harness.state_mut().show_chart(true);
    harness.run_steps(3);
    let chart = harness
        .query_all_by(|node| {
            node.role() == egui::accesskit::Role::Figure && node.label().as_deref() == Some("Share of territory")
        })
        .next()
        .and_then(|node| node.accesskit_node().description())
        .unwrap_or_default();
    assert!(chart.starts_with("1 July 1918: ") && chart.contains(" %"), "{chart:?}");
    // Make a tour: each title box says what it is and in which language.
    harness.state_mut().toggle_tour_editor();
    harness.run_steps(3);
    for language in ["Қазақша", "Русский", "English"] {
        assert!(harness.query_by_label(&format!("Title: {language}")).is_some(), "no title box in {language}");
    }
}

#[test]
fn a_place_opened_at_large_text_is_shown_from_its_name() {
    let mut harness = harness("1919-07-10");
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness.get_by_label("200 %").click();
    harness.run_steps(4);
    let omsk = harness.state().atlas().place_by_id("omsk");
    harness.state_mut().select(omsk);
    harness.run_steps(6);
    let heading = harness
        .query_all_by_label("Omsk")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Heading)
        .unwrap_or_else(|| panic!("no heading"))
        .rect();
    assert!(heading.top() >= 0.0 && heading.bottom() <= 450.0, "the place's name is off screen at {heading:?}");
    assert!(harness.state().announcement().starts_with("Omsk: White"), "{:?}", harness.state().announcement());
}
