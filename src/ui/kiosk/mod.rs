//! Museum kiosk mode (`steppe-atlas kiosk`).

use std::path::PathBuf;

/// How the kiosk starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct KioskOptions {
    /// Load data from this folder instead of the embedded copy.
    pub data_dir: Option<PathBuf>,
    /// The kiosk configuration file (`kiosk.toml`); the built-in defaults when `None`.
    pub config: Option<PathBuf>,
}

/// Opens the kiosk fullscreen and runs it until the exit chord or PIN.
pub fn run_kiosk(options: KioskOptions) -> anyhow::Result<()> {
    let _ = options;
    anyhow::bail!("kiosk mode is not built yet")
}
