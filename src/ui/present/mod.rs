//! Lecture mode (`steppe-atlas present`).

use std::path::PathBuf;

/// How lecture mode starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct PresentOptions {
    pub data_dir: Option<PathBuf>,
    /// A tour file; the first built-in tour when `None`.
    pub tour: Option<PathBuf>,
    pub language: Option<crate::model::Language>,
    /// The monitor to go fullscreen on (0 = the first).
    pub monitor: Option<usize>,
}

pub fn run_present(options: PresentOptions) -> anyhow::Result<()> {
    let _ = options;
    anyhow::bail!("lecture mode is not built yet")
}
