//! The usage log: a local CSV file that the museum can open in a spreadsheet, appended to with
//! one line per event and nothing about who the visitor was.
//!
//! ```text
//! timestamp,event,screen,tour_step,detail
//! 2025-05-14T10:22:03Z,touch,attract,4,
//! 2025-05-14T10:22:05Z,language,language,,kk
//! ```
//!
//! Lines are appended at the end of the frame that made them (a few a minute at most), so a
//! kiosk killed by the power or `systemctl stop` loses none; the file is opened for each append
//! and closed again, so no handle stays open for weeks and a rotated file is simply created
//! anew. A disk that refuses the write is tried again every [`RETRY_SECONDS`], the lines kept
//! in a bounded buffer meanwhile: it costs the oldest lines, never the kiosk.

use std::io::Write as _;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageEvent {
    /// The kiosk started.
    Start,
    /// A finger (or a mouse button) went down.
    Touch,
    /// A language was chosen.
    Language,
    /// A place was opened (detail: its id).
    Place,
    /// The attract loop entered a step.
    Step,
    /// "Still exploring?" appeared.
    Countdown,
    /// Back to the attract loop.
    Reset,
    /// Staff quit the kiosk.
    Exit,
}

impl UsageEvent {
    pub fn id(self) -> &'static str {
        match self {
            UsageEvent::Start => "start",
            UsageEvent::Touch => "touch",
            UsageEvent::Language => "language",
            UsageEvent::Place => "place",
            UsageEvent::Step => "step",
            UsageEvent::Countdown => "countdown",
            UsageEvent::Reset => "reset",
            UsageEvent::Exit => "exit",
        }
    }
}

/// The first line of a new file.
pub const HEADER: &str = "timestamp,event,screen,tour_step,detail";
/// Lines kept while the file cannot be written; past this the oldest go.
pub const MAX_PENDING: usize = 1000;
/// Seconds between tries when the file cannot be written.
pub const RETRY_SECONDS: f64 = 10.0;

/// The log: a path (or none, and then nothing is kept) and the lines not yet written.
#[derive(Debug, Default)]
pub struct UsageLog {
    path: Option<PathBuf>,
    pending: Vec<String>,
    /// After a failed write, no new try before this (kiosk seconds).
    retry_at: Option<f64>,
    /// Lines dropped because the file could not be written.
    dropped: u64,
    /// Whether a write error was already reported (once, not every ten seconds).
    error_reported: bool,
}

impl UsageLog {
    pub fn new(path: Option<PathBuf>) -> UsageLog {
        UsageLog { path, pending: Vec::new(), retry_at: None, dropped: 0, error_reported: false }
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Lines waiting to be written.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The buffer's capacity: it must not grow over weeks.
    pub fn capacity(&self) -> usize {
        self.pending.capacity()
    }

    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Adds one line, stamped with the wall clock (UTC).
    pub fn record(&mut self, event: UsageEvent, screen: &str, tour_step: Option<usize>, detail: &str) {
        if self.path.is_none() {
            return;
        }
        let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let line = format_line(seconds, event, screen, tour_step, detail);
        if self.pending.len() >= MAX_PENDING {
            self.pending.remove(0);
            self.dropped += 1;
        }
        self.pending.push(line);
    }

    /// Appends the pending lines, unless a write failed less than [`RETRY_SECONDS`] ago.
    pub fn flush_if_due(&mut self, now: f64) {
        if self.pending.is_empty() || self.retry_at.is_some_and(|at| now < at && now >= at - RETRY_SECONDS) {
            return;
        }
        self.retry_at = if self.flush() { None } else { Some(now + RETRY_SECONDS) };
    }

    /// When the next try is due, for the frame loop to wake then.
    pub fn deadline(&self) -> Option<f64> {
        self.retry_at.filter(|_| !self.pending.is_empty())
    }

    /// Appends the pending lines now; returns whether they were written. On failure they stay
    /// (up to [`MAX_PENDING`]) and the error goes to standard error once.
    pub fn flush(&mut self) -> bool {
        let Some(path) = &self.path else { return true };
        if self.pending.is_empty() {
            return true;
        }
        match append(path, &self.pending) {
            Ok(()) => {
                self.pending.clear();
                if self.pending.capacity() > 64 {
                    self.pending.shrink_to(64);
                }
                self.error_reported = false;
                true
            }
            Err(error) => {
                if !self.error_reported {
                    eprintln!("steppe-atlas kiosk: cannot write the usage log {}: {error}", path.display());
                    self.error_reported = true;
                }
                false
            }
        }
    }
}

impl Drop for UsageLog {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

fn append(path: &std::path::Path, lines: &[String]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    let mut text = String::new();
    if file.metadata()?.len() == 0 {
        text.push_str(HEADER);
        text.push('\n');
    }
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    file.write_all(text.as_bytes())
}

/// One CSV line; `tour_step` is 1-based in the file, as people count.
pub fn format_line(
    unix_seconds: u64,
    event: UsageEvent,
    screen: &str,
    tour_step: Option<usize>,
    detail: &str,
) -> String {
    let step = tour_step.map(|step| (step + 1).to_string()).unwrap_or_default();
    format!("{},{},{},{},{}", timestamp(unix_seconds), event.id(), csv_field(screen), step, csv_field(detail))
}

/// ISO 8601 in UTC, computed with the atlas's own calendar arithmetic (no date crate needed).
pub fn timestamp(unix_seconds: u64) -> String {
    let days = i32::try_from(unix_seconds / 86_400).unwrap_or(i32::MAX);
    let epoch = atlas_core::model::Date::from_ymd(1970, 1, 1).map(|date| date.add_days(days).ymd());
    let second_of_day = unix_seconds % 86_400;
    let (hours, minutes, seconds) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    match epoch {
        Some(ymd) => format!("{ymd}T{hours:02}:{minutes:02}:{seconds:02}Z"),
        None => unix_seconds.to_string(),
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"").replace(['\n', '\r'], " "))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_utc() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_715_682_123), "2024-05-14T10:22:03Z");
    }

    #[test]
    fn lines_are_csv() {
        assert_eq!(format_line(0, UsageEvent::Touch, "attract", Some(3), ""), "1970-01-01T00:00:00Z,touch,attract,4,");
        assert_eq!(
            format_line(0, UsageEvent::Place, "explore", None, "a,b"),
            "1970-01-01T00:00:00Z,place,explore,,\"a,b\""
        );
    }

    #[test]
    fn an_unwritable_log_keeps_a_bounded_buffer() {
        let mut log = UsageLog::new(Some(PathBuf::from("/nonexistent-dir/for/sure/usage.csv")));
        for _ in 0..(MAX_PENDING + 50) {
            log.record(UsageEvent::Touch, "explore", None, "");
            log.flush_if_due(0.0);
        }
        assert_eq!(log.pending(), MAX_PENDING);
        assert_eq!(log.dropped(), 50);
        log.pending.clear(); // nothing to flush on drop
    }
}
