//! The museum kiosk as visitors and time use it: egui_kittest drives the real frames with
//! touches, and the kiosk's own clock (set by the test) makes minutes and days pass at once.

use std::sync::Mutex;
use std::time::Instant;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use steppe_atlas::data::Problem;
use steppe_atlas::model::{Date, Language};
use steppe_atlas::ui::DisplayLook;
use steppe_atlas::ui::kiosk::{KioskApp, KioskConfig, Screen, TourChoice, usage_log};

/// The tests here run one at a time: the soak test measures the process's memory, which
/// another test's frames running beside it would blur.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn harness(config: KioskConfig) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(None, config);
    app.set_now(0.0);
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size([1920.0, 1080.0])
        .with_context_setup(steppe_atlas::ui::setup_context)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Moves the kiosk's clock to `now` and lets the frames settle.
fn at(harness: &mut Harness<'_, KioskApp>, now: f64) {
    harness.state_mut().set_now(now);
    harness.run();
}

/// A tap at a point: the finger goes down and comes up there.
fn tap_at(harness: &mut Harness<'_, KioskApp>, pos: egui::Pos2) {
    harness.drag_at(pos);
    harness.run();
    harness.drop_at(pos);
    harness.run();
}

fn label_in(harness: &Harness<'_, KioskApp>, key: &str) -> String {
    let app = harness.state();
    app.texts().tr(app.language(), key).to_owned()
}

/// (1) Attract → touch → language → explore (a place, the scrubber, the place list) → idle
/// countdown → (a touch cancels it) → idle again → reset to the attract loop, with date, view,
/// language and panels as at the start.
#[test]
fn a_visitor_from_the_attract_loop_to_the_reset() {
    let _serial = serial();
    let started = Instant::now();
    let mut harness = harness(KioskConfig::default());
    let first_date = harness.state().tour().steps[0].date;
    assert_eq!(harness.state().screen(), Screen::Attract);
    assert_eq!(harness.state().language(), Language::Kk);
    assert_eq!(harness.state().date(), first_date);

    // Nobody there: the tour plays and each step speaks the next language.
    let first_step_seconds = f64::from(harness.state().tour().steps[0].duration_seconds);
    for tenth in 1..=((first_step_seconds + 3.0) * 10.0) as i32 {
        harness.state_mut().advance(f64::from(tenth) / 10.0);
    }
    at(&mut harness, first_step_seconds + 3.0);
    assert_eq!(harness.state().tour_step().0, 1, "the tour did not move on");
    assert_eq!(harness.state().language(), Language::Ru, "the second step speaks Russian");
    let call = label_in(&harness, "kiosk_touch");
    assert_eq!(call, "Коснитесь экрана");

    // A touch: the language screen, three big buttons.
    let now = first_step_seconds + 4.0;
    harness.state_mut().set_now(now);
    harness.get_by_label(&call).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::ChooseLanguage);
    for endonym in ["Қазақша", "Русский", "English"] {
        let button = harness.get_by_label(endonym).rect();
        assert!(button.width() >= 48.0 && button.height() >= 48.0, "{endonym}: {button:?}");
    }
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Explore);
    assert_eq!(harness.state().language(), Language::En);
    let tour_date = harness.state().date();
    assert!(harness.state().explore_view().is_some(), "the map fitted itself");

    // Tap a city: its card opens.
    let omsk = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with("Omsk: ")))
        .next()
        .unwrap_or_else(|| panic!("no Omsk marker"))
        .rect();
    tap_at(&mut harness, omsk.center());
    let omsk_id = harness.state().atlas().place_by_id("omsk");
    assert_eq!(harness.state().selected(), omsk_id);
    assert!(harness.query_by_label("Close").is_some(), "the card has a Close button");

    // The scrubber: a tap three quarters along goes to about the middle of 1920.
    let scrubber = harness.get_by_label("Date").rect();
    assert!(scrubber.height() >= 48.0, "scrubber too thin: {scrubber:?}");
    tap_at(&mut harness, egui::pos2(scrubber.left() + scrubber.width() * 0.75, scrubber.center().y));
    let scrubbed = harness.state().date();
    assert!(scrubbed > date("1919-11-01") && scrubbed < date("1920-02-01"), "scrubbed to {scrubbed}");
    assert_ne!(scrubbed, tour_date);

    // The list of places instead of a search box: tap an oblast, the map goes there.
    let view_before = harness.state().explore_view();
    harness.get_by_label("Find a place").click();
    harness.run();
    assert!(harness.state().picker_open());
    harness.get_by_label("Semipalatinsk Oblast").click();
    harness.run();
    assert!(!harness.state().picker_open());
    assert_eq!(harness.state().selected(), harness.state().atlas().place_by_id("semipalatinsk_oblast"));
    assert_ne!(harness.state().explore_view(), view_before, "the map did not move to the oblast");

    // Left alone: "Still exploring?" after idle_seconds; a touch cancels it.
    let idle = harness.state().config().idle_seconds;
    at(&mut harness, now + idle - 1.0);
    assert_eq!(harness.state().screen(), Screen::Explore);
    let countdown_from = now + idle + 0.5;
    at(&mut harness, countdown_from);
    assert_eq!(harness.state().screen(), Screen::Countdown);
    assert!(harness.query_by_label("Still exploring?").is_some());
    assert!(harness.query_by_label("Starting over in 15 s").is_some());
    harness.get_by_label("Continue").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Explore);
    assert_eq!(harness.state().date(), scrubbed, "cancelling the countdown keeps the visit");

    // Left alone again: countdown, then the reset.
    let countdown = harness.state().config().countdown_seconds;
    at(&mut harness, countdown_from + idle + 1.0);
    assert_eq!(harness.state().screen(), Screen::Countdown);
    at(&mut harness, countdown_from + idle + countdown - 2.5);
    assert!(harness.query_by_label("Starting over in 3 s").is_some());
    at(&mut harness, countdown_from + idle + countdown + 0.5);
    let app = harness.state();
    assert_eq!(app.screen(), Screen::Attract);
    assert_eq!(app.language(), Language::Kk);
    assert_eq!(app.tour_step(), (0, 0.0));
    assert_eq!(app.date(), first_date);
    assert_eq!(app.explore_view(), None, "the view is fitted anew for the next visitor");
    assert_eq!(app.selected(), None);
    assert!(!app.picker_open() && !app.chart_open());
    assert!(harness.query_by_label("Түртіп, зерттеңіз").is_some(), "the call to touch is back, in Kazakh");
    eprintln!("visitor path: {:.1} s", started.elapsed().as_secs_f64());
}

/// Nothing a visitor can do closes the window; the chord does.
#[test]
fn close_requests_are_refused_and_the_chord_quits() {
    let _serial = serial();
    let mut harness = harness(KioskConfig::default());
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    assert!(!harness.state().is_exiting());

    // Ctrl+Q alone, or Alt+F4, is no way out.
    harness.key_press_modifiers(egui::Modifiers::CTRL, egui::Key::Q);
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::F4);
    harness.run();
    assert!(!harness.state().is_exiting());

    let chord = egui::Modifiers::CTRL | egui::Modifiers::ALT | egui::Modifiers::SHIFT;
    harness.key_press_modifiers(chord, egui::Key::Q);
    harness.run();
    assert!(harness.state().is_exiting());
}

/// A long press in the top-left corner opens the hidden keypad (only with a PIN configured);
/// a wrong PIN does nothing, the right one quits.
#[test]
fn the_hidden_keypad_takes_the_pin() {
    let _serial = serial();
    let config = KioskConfig { exit_pin: Some("2468".into()), ..KioskConfig::default() };
    let mut harness = harness(config);
    let corner = egui::pos2(20.0, 20.0);
    harness.drag_at(corner);
    harness.run();
    for second in 1..=5 {
        at(&mut harness, f64::from(second));
    }
    assert!(harness.state().keypad_open(), "a 5 s press in the corner did not open the keypad");
    harness.drop_at(corner);
    harness.run();
    for digits in [["1", "2", "3", "4"], ["2", "4", "6", "8"]] {
        for digit in digits {
            harness.get_by_label(digit).click();
            harness.run();
        }
        harness.get_by_label("OK").click();
        harness.run();
    }
    assert!(harness.state().is_exiting());
}

fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|field| field.parse().ok()).unwrap_or(0);
    pages * 4096
}

/// One visitor: wakes the kiosk, picks a language, opens a place, scrubs, and walks away.
fn visit(harness: &mut Harness<'_, KioskApp>, now: f64, visit_number: usize) {
    let languages = [Language::Kk, Language::Ru, Language::En];
    at(harness, now);
    let call = label_in(harness, "kiosk_touch");
    harness.get_by_label(&call).click();
    harness.run();
    let language = languages[visit_number % 3];
    harness.get_by_label(language.endonym()).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Explore, "visit {visit_number}");
    let cities: Vec<egui::Rect> = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.contains(": ")) && node.role() == egui::Role::Image)
        .map(|node| node.rect())
        .collect();
    if let Some(city) = cities.get(visit_number % cities.len().max(1)) {
        tap_at(harness, city.center());
    }
    let scrubber = harness.get_by_label(&label_in(harness, "date")).rect();
    let fraction = (visit_number % 10) as f32 / 10.0 + 0.05;
    tap_at(harness, egui::pos2(scrubber.left() + scrubber.width() * fraction, scrubber.center().y));
    if visit_number.is_multiple_of(4) {
        harness.get_by_label(&label_in(harness, "chart")).click();
        harness.run();
    }
}

/// A visitor who opens every card in every language, with the chart and the place list.
fn every_place_in_every_language(harness: &mut Harness<'_, KioskApp>, now: f64, visit_number: usize) {
    visit(harness, now, visit_number);
    let places: Vec<_> = harness.state().atlas().place_ids().collect();
    for language in [Language::Kk, Language::Ru, Language::En] {
        harness.get_by_label(language.endonym()).click();
        harness.run();
        for &place in &places {
            harness.state_mut().select(Some(place));
            harness.run();
        }
        harness.state_mut().select(None);
        harness.get_by_label(&label_in(harness, "kiosk_places")).click();
        harness.run();
        harness.get_by_label(&label_in(harness, "close")).click();
        harness.run();
    }
}

/// (2) A day of attract loop and visitors on an accelerated clock: the kiosk must neither grow
/// (memory, textures, the usage log's buffer) nor panic.
#[test]
fn a_day_of_attract_loop_and_visitors_keeps_memory_flat() {
    let _serial = serial();
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log_path = dir.path().join("usage.csv");
    let config = KioskConfig { usage_log: Some(log_path.clone()), ..KioskConfig::default() };
    let mut harness = harness(config);
    let textures = |harness: &Harness<'_, KioskApp>| harness.ctx.tex_manager().read().num_allocated();

    // Simulated seconds; the tour and timers advance every TICK, egui draws every FRAME, and a
    // visitor comes every VISIT.
    const TICK: f64 = 0.5;
    const FRAME: f64 = 60.0;
    const VISIT: f64 = 1800.0;
    let mut now = 0.0;
    let mut visits = 0;
    fn run_until(harness: &mut Harness<'_, KioskApp>, end: f64, now: &mut f64, visits: &mut usize) {
        let mut next_frame = *now + FRAME;
        let mut next_visit = *now + VISIT / 2.0;
        while *now < end {
            *now += TICK;
            if *now >= next_visit {
                visit(harness, *now, *visits);
                *visits += 1;
                next_visit += VISIT;
            } else if *now >= next_frame {
                at(harness, *now);
                next_frame += FRAME;
            } else {
                harness.state_mut().advance(*now);
            }
        }
    }

    // Warm-up: two hours of the loop (every step in every language), then one visitor who
    // opens every place in every language, so that every glyph and size is in the font atlas.
    run_until(&mut harness, 2.0 * 3600.0, &mut now, &mut visits);
    every_place_in_every_language(&mut harness, now, visits);
    visits += 1;
    let (rss_before, textures_before) = (rss_bytes(), textures(&harness));
    let egui_data = |harness: &Harness<'_, KioskApp>| harness.ctx.memory(|memory| memory.data.len());
    let data_before = egui_data(&harness);
    let warm_visits = visits;

    let hours: f64 = std::env::var("KIOSK_SOAK_HOURS").ok().and_then(|h| h.parse().ok()).unwrap_or(24.0);
    let mut hour = 2.0;
    while hour < 2.0 + hours {
        hour += 6.0;
        run_until(&mut harness, hour * 3600.0, &mut now, &mut visits);
        eprintln!("  after {:.0} h: RSS {:.1} MiB", hour - 2.0, rss_bytes() as f64 / 1048576.0);
    }
    let (rss_after, textures_after) = (rss_bytes(), textures(&harness));
    let data_after = egui_data(&harness);
    let app = harness.state();
    let simulated_hours = (now - 2.0 * 3600.0) / 3600.0;
    eprintln!(
        "soak: {simulated_hours:.0} simulated hours, {} visits, RSS {:.1} MiB -> {:.1} MiB, textures {textures_before} -> {textures_after}, egui memory {data_before} -> {data_after} entries, log pending {} (capacity {}), {:.1} s",
        visits - warm_visits,
        rss_before as f64 / 1048576.0,
        rss_after as f64 / 1048576.0,
        app.usage_log().pending(),
        app.usage_log().capacity(),
        started.elapsed().as_secs_f64(),
    );
    assert!(simulated_hours >= 24.0);
    assert_eq!(textures_after, textures_before, "textures leak");
    assert!(data_after <= data_before, "egui's memory grew from {data_before} to {data_after} entries");
    assert!(app.usage_log().pending() <= usage_log::MAX_PENDING);
    assert!(app.usage_log().capacity() <= usage_log::MAX_PENDING.max(64) * 2);
    assert_eq!(app.usage_log().dropped(), 0);
    let growth = rss_after.saturating_sub(rss_before);
    assert!(growth < 4 * 1024 * 1024, "RSS grew by {:.1} MiB over a simulated day", growth as f64 / 1048576.0);

    // The usage log has the day in it, and no more than it should.
    drop(harness);
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let mut lines = log.lines();
    assert_eq!(lines.next(), Some(usage_log::HEADER));
    let count = |kind: &str| log.lines().filter(|line| line.split(',').nth(1) == Some(kind)).count();
    assert_eq!(count("start"), 1);
    assert!(count("reset") >= visits - 1, "resets {} for {visits} visits", count("reset"));
    let chosen = log.lines().filter(|line| line.split(',').skip(1).take(2).eq(["language", "language"])).count();
    assert_eq!(chosen, visits, "one language chosen per visit");
    assert!(count("step") > 1000, "steps {}", count("step"));
}

/// (3) The example configuration parses cleanly; a broken one gives file:line and defaults.
#[test]
fn configuration_example_parses_and_broken_files_give_file_and_line() {
    let _serial = serial();
    let example = include_str!("../kiosk.example.toml");
    let (config, problems) = KioskConfig::parse(example, "kiosk.example.toml", None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config, KioskConfig::default(), "the example shows the defaults");

    // Every commented-out setting, uncommented, is valid too.
    let uncommented: String = example
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(setting) if setting.contains(" = ") && !setting.starts_with("title") => setting,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let (config, problems) = KioskConfig::parse(&uncommented, "kiosk.toml", Some(std::path::Path::new("/etc/atlas")));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.exit_pin.as_deref(), Some("2468"));
    assert_eq!(config.logo.as_deref(), Some(std::path::Path::new("/etc/atlas/museum-logo.png")));
    assert_eq!(config.usage_log.as_deref(), Some(std::path::Path::new("/var/log/steppe-atlas/usage.csv")));

    // A syntax error: one problem at its line, every default.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("kiosk.toml");
    std::fs::write(&path, "languages = [\"kk\", \"en\"]\nidle_seconds = 60\naccent = #ff0000\n").unwrap_or_default();
    let (config, problems) = KioskConfig::load(&path);
    assert_eq!(config, KioskConfig::default());
    let [problem] = problems.as_slice() else { panic!("{problems:?}") };
    let text = problem.to_string();
    assert!(text.starts_with(&format!("{}:3: ", path.display())), "{text}");
    assert!(text.contains("defaults"), "{text}");

    // Wrong values: each reported at its line, the rest kept.
    let text = "languages = [\"kk\", \"de\"]\nidle_seconds = -5\ncountdown_seconds = 20\ntour = \"1918\"\nexit_chord = \"Q\"\nexit_pin = \"12ab\"\nwhat = 1\n";
    let (config, problems) = KioskConfig::parse(text, "kiosk.toml", None);
    let lines: Vec<Option<usize>> = problems.iter().map(|problem: &Problem| problem.line).collect();
    assert_eq!(lines, [Some(7), Some(1), Some(2), Some(5), Some(6)], "{problems:?}");
    assert!(problems[0].message.contains("unknown setting `what`"), "{problems:?}");
    assert_eq!(config.languages, steppe_atlas::ui::kiosk::DEFAULT_LANGUAGES.to_vec());
    assert_eq!(config.idle_seconds, 90.0);
    assert_eq!(config.countdown_seconds, 20.0);
    assert_eq!(config.tour, TourChoice::Id("1918".into()));
    assert_eq!(config.exit_pin, None);

    // A missing file: one problem, the defaults.
    let (config, problems) = KioskConfig::load(&dir.path().join("missing.toml"));
    assert_eq!(config, KioskConfig::default());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("missing.toml: cannot read"), "{}", problems[0]);
}

/// A tour that does not exist is reported and the kiosk plays them all; one language skips
/// the language screen.
#[test]
fn an_unknown_tour_and_a_single_language() {
    let _serial = serial();
    let config =
        KioskConfig { tour: TourChoice::Id("1921".into()), languages: vec![Language::Ru], ..KioskConfig::default() };
    let mut harness = harness(config);
    assert!(harness.state().problems().iter().any(|problem| problem.message.contains("`1921`")));
    let all_steps: usize = harness.state().atlas().tours.iter().map(|tour| tour.steps.len()).sum();
    assert_eq!(harness.state().tour().steps.len(), all_steps);
    harness.get_by_label("Коснитесь экрана").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Explore);
    assert_eq!(harness.state().language(), Language::Ru);
}

/// Every target a finger needs is 48 points high at 1080p, and twice that on a 4K screen.
#[test]
fn touch_targets_scale_with_the_screen() {
    let _serial = serial();
    for (size, scale) in [([1920.0, 1080.0], 1.0), ([3840.0, 2160.0], 2.0)] {
        let mut app = KioskApp::new(None, KioskConfig::default());
        app.set_now(0.0);
        let mut harness = Harness::builder()
            .with_theme(egui::Theme::Light)
            .with_size(size)
            .with_context_setup(steppe_atlas::ui::setup_context)
            .with_max_steps(16)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        harness.get_by_label("Түртіп, зерттеңіз").click();
        harness.run();
        harness.get_by_label("English").click();
        harness.run();
        let omsk = harness.state().atlas().place_by_id("omsk");
        harness.state_mut().select(omsk);
        harness.run();
        let min = 48.0 * scale;
        for label in ["Қазақша", "Русский", "English", "Find a place", "Chart", "Whole map", "▶ Play", "Date", "Close"]
        {
            let rect = harness.get_by_label(label).rect();
            assert!(rect.height() >= min && rect.width() >= min, "{label} at {size:?}: {rect:?}");
        }
    }
}

/// The exhibit's logo is drawn beside the title; a logo that is not a PNG is reported, and the
/// kiosk runs without it.
#[test]
fn a_logo_is_shown_and_a_broken_one_reported() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let logo = dir.path().join("logo.png");
    let file = std::fs::File::create(&logo).unwrap_or_else(|e| panic!("{e}"));
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), 4, 2);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap_or_else(|e| panic!("{e}"));
    writer.write_image_data(&[200; 4 * 2 * 3]).unwrap_or_else(|e| panic!("{e}"));
    writer.finish().unwrap_or_else(|e| panic!("{e}"));
    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, "not a picture").unwrap_or_else(|e| panic!("{e}"));

    let with_logo = |path: &std::path::Path| KioskConfig { logo: Some(path.to_owned()), ..KioskConfig::default() };
    let mut shown = harness(with_logo(&logo));
    assert!(shown.state().problems().iter().all(|problem| !problem.file.ends_with("logo.png")));
    shown.run();
    assert!(shown.ctx.tex_manager().read().allocated().any(|(_, meta)| meta.name == "kiosk_logo"));

    let reported = harness(with_logo(&broken));
    let problem = reported.state().problems().iter().find(|problem| problem.file.ends_with("broken.png"));
    assert!(problem.is_some_and(|problem| problem.message.contains("not a PNG")), "{problem:?}");
}

/// A typo in one key (`idle_second`) is reported at its line and costs only itself: the PIN, the
/// title and every other setting still apply. A value of the wrong type costs only itself too.
#[test]
fn a_typo_in_kiosk_toml_costs_only_itself() {
    let _serial = serial();
    let text = "title = \"Алаш жылдары\"\nexit_pin = \"2468\"\nidle_second = 60\ncountdown_seconds = 20\naccent = 7\nlook = \"projector\"\n";
    let (config, problems) = KioskConfig::parse(text, "/etc/atlas/kiosk.toml", None);
    let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("/etc/atlas/kiosk.toml:3: unknown setting `idle_second`"), "{found:?}");
    assert!(found[1].starts_with("/etc/atlas/kiosk.toml:5: accent: expected text"), "{found:?}");
    assert_eq!(config.exit_pin.as_deref(), Some("2468"));
    assert_eq!(config.title.map(|title| title.ru), Some("Алаш жылдары".to_owned()));
    assert_eq!(config.countdown_seconds, 20.0);
    assert_eq!(config.idle_seconds, KioskConfig::default().idle_seconds);
    assert_eq!(config.look, DisplayLook::Projector);
    let (_, problems) = KioskConfig::parse("look = \"beamer\"\n", "kiosk.toml", None);
    assert!(problems.first().is_some_and(|p| p.line == Some(1) && p.message.contains("`beamer`")), "{problems:?}");
}

/// Every mesh vertex's alpha in the last frame.
fn alphas(harness: &Harness<'_, KioskApp>) -> std::collections::BTreeSet<u8> {
    let mut alphas = std::collections::BTreeSet::new();
    let mut stack: Vec<egui::Shape> = harness.output().shapes.iter().map(|clipped| clipped.shape.clone()).collect();
    while let Some(shape) = stack.pop() {
        match shape {
            egui::Shape::Vec(inner) => stack.extend(inner),
            egui::Shape::Mesh(mesh) => alphas.extend(mesh.vertices.iter().map(|vertex| vertex.color.a())),
            _ => {}
        }
    }
    alphas
}

/// The look is the configuration's: a kiosk on a 4K monitor (text scaled twice over) keeps the
/// screen's translucent fills unless kiosk.toml says `look = "projector"`.
#[test]
fn the_look_is_a_setting_not_the_screens_size() {
    let _serial = serial();
    let projector_alpha = 235;
    for (look, expected) in [(DisplayLook::Screen, false), (DisplayLook::Projector, true)] {
        let mut app = KioskApp::new(None, KioskConfig { look, ..KioskConfig::default() });
        app.set_now(0.0);
        let mut harness = Harness::builder()
            .with_theme(egui::Theme::Light)
            .with_size([3840.0, 2160.0])
            .with_context_setup(steppe_atlas::ui::setup_context)
            .with_max_steps(16)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        assert_eq!(alphas(&harness).contains(&projector_alpha), expected, "{look:?} at 4K");
    }
}

fn explore_in_english() -> Harness<'static, KioskApp> {
    let mut harness = harness(KioskConfig::default());
    harness.get_by_label("Түртіп, зерттеңіз").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness
}

fn marker(harness: &Harness<'_, KioskApp>, name: &str) -> egui::Rect {
    harness
        .query_all_by(|node| node.label().is_some_and(|label| label.starts_with(&format!("{name}: "))))
        .next()
        .unwrap_or_else(|| panic!("no {name} marker"))
        .rect()
}

/// A place tapped in the east opens its card on the left, one in the west on the right: the
/// card never covers the place tapped.
#[test]
fn the_card_opens_away_from_the_place_tapped() {
    let _serial = serial();
    let mut harness = explore_in_english();
    let screen = harness.ctx.content_rect();
    for (name, card_on_left) in [("Semipalatinsk", true), ("Uralsk", false), ("Verny", true)] {
        let tapped = marker(&harness, name);
        assert_eq!(tapped.center().x > screen.center().x, card_on_left, "{name} is not where the test expects");
        tap_at(&mut harness, tapped.center());
        let card = harness.state().card_rect().unwrap_or_else(|| panic!("{name}: no card"));
        assert_eq!(card.center().x < screen.center().x, card_on_left, "{name}: the card at {card:?}");
        let now = marker(&harness, name);
        assert!(!card.intersects(now), "{name}'s card {card:?} covers it at {now:?}");
        let legend = harness.ctx.memory(|memory| memory.area_rect(egui::Id::unique("kiosk_legend")));
        assert!(legend.is_some_and(|legend| !legend.contains(now.center())), "the legend {legend:?} covers {name}");
        // Closed again, the whole map is back for the next tap.
        harness.get_by_label("Close").click();
        harness.run();
        assert!(harness.state().card_rect().is_none());
    }
}

/// The chart and the scrubber put a day at the same x: a tap on either at one x gives one day.
#[test]
fn the_chart_and_the_scrubber_share_their_time_axis() {
    let _serial = serial();
    let mut harness = explore_in_english();
    harness.get_by_label("Chart").click();
    harness.run();
    let chart = harness.state().chart_rect().unwrap_or_else(|| panic!("no chart"));
    let scrubber = harness.get_by_label("Date").rect();
    let axis = harness.state().time_axis().unwrap_or_else(|| panic!("no time axis"));
    for fraction in [0.1, 0.5, 0.93] {
        let x = axis.left + (axis.right - axis.left) * fraction;
        tap_at(&mut harness, egui::pos2(x, chart.center().y));
        let on_chart = harness.state().date();
        // Away and back, so that the second tap has something to change.
        tap_at(&mut harness, egui::pos2(axis.left + 2.0, scrubber.center().y));
        tap_at(&mut harness, egui::pos2(x, scrubber.center().y));
        let on_scrubber = harness.state().date();
        assert_eq!(
            on_chart, on_scrubber,
            "at {fraction} of the axis the chart says {on_chart}, the scrubber {on_scrubber}"
        );
        assert_eq!(on_chart, axis.date_at(x));
    }
}

/// The attract loop's tour by a built-in tour's name (its file's stem or id) or by a file of the
/// museum's own, relative to kiosk.toml; a name that is neither is reported at its line.
#[test]
fn the_attract_tour_by_name_or_by_file() {
    let _serial = serial();
    let (config, problems) = KioskConfig::parse("tour = \"1918\"\n", "kiosk.toml", None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(KioskApp::new(None, config).tour().id, "1918");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tour = "id = \"ours\"\ntitle = { kk = \"Біздің тур\" }\n\n[[step]]\ndate = \"1919-07-10\"\nfit = [\"turgai\"]\ncaption = { kk = \"Торғай\" }\n";
    std::fs::write(dir.path().join("our-tour.toml"), tour).unwrap_or_else(|e| panic!("{e}"));
    let (config, problems) = KioskConfig::parse("tour = \"our-tour.toml\"\n", "kiosk.toml", Some(dir.path()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.tour, TourChoice::File(dir.path().join("our-tour.toml")));
    let app = KioskApp::new(None, config);
    assert_eq!(app.tour().id, "ours");
    assert!(app.problems().is_empty(), "{:?}", app.problems());

    let (config, _) = KioskConfig::parse("\ntour = \"19l8\"\n", "/etc/atlas/kiosk.toml", None);
    let app = KioskApp::new(None, config);
    let problem = app.problems().first().map(ToString::to_string).unwrap_or_default();
    assert!(problem.starts_with("/etc/atlas/kiosk.toml:2: tour `19l8`"), "{problem}");
    assert!(problem.contains("1917, 1918, 1919_1920"), "{problem}");
    assert_eq!(app.tour().id, "all", "all tours play instead");
}
