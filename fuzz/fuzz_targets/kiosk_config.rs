//! The museum kiosk's configuration (`kiosk.toml`), written by staff: parsed as
//! `steppe-atlas kiosk --config FILE` parses it.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use steppe_atlas::ui::kiosk::KioskConfig;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (config, problems) = KioskConfig::parse(text, "kiosk.toml", Some(Path::new("/srv/exhibit")));
    for problem in &problems {
        std::hint::black_box(problem.to_string());
    }
    std::hint::black_box(config.has_pin());
    std::hint::black_box(config.on_accent());
});
