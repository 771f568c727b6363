//! An export written on its own thread, so that an A3 page at 300 dpi (17 million pixels) does
//! not freeze the window: the thread draws, encodes and writes, and tells the window how far it
//! has got. The offscreen renderer travels with the job and comes back with the result, so that
//! the next export reuses its fonts.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc;

use eframe::egui;

use atlas_core::geometry::MapGeometry;
use atlas_core::model::Atlas;
use atlas_render::{RenderRequest, Renderer};

/// The steps of an export, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportStage {
    Drawing = 0,
    Encoding = 1,
    Writing = 2,
}

impl ExportStage {
    fn from_u8(value: u8) -> ExportStage {
        match value {
            0 => ExportStage::Drawing,
            1 => ExportStage::Encoding,
            _ => ExportStage::Writing,
        }
    }

    /// How much of the work is done when the stage begins (drawing takes most of the time).
    pub fn fraction_done(self) -> f32 {
        match self {
            ExportStage::Drawing => 0.05,
            ExportStage::Encoding => 0.7,
            ExportStage::Writing => 0.9,
        }
    }

    /// The key of the stage's name in the translation table.
    pub fn label_key(self) -> &'static str {
        match self {
            ExportStage::Drawing => "export_stage_drawing",
            ExportStage::Encoding => "export_stage_encoding",
            ExportStage::Writing => "export_stage_writing",
        }
    }
}

/// What a finished export sends back.
/// Why an export wrote nothing; the file that was there, if any, is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Encode(#[from] atlas_render::encode::EncodeError),
    #[error("{}: {source}", folder.display())]
    Folder { folder: std::path::PathBuf, source: std::io::Error },
    #[error(transparent)]
    Write(#[from] atlas_data::atomic_file::WriteError),
}

pub struct ExportOutcome {
    pub written: Result<(), ExportError>,
    pub renderer: Renderer,
}

/// Where an export stands.
pub enum JobState {
    Running,
    Done(Box<ExportOutcome>),
    /// The thread ended without a result (it panicked).
    Died,
}

/// One export under way.
pub struct ExportJob {
    pub path: PathBuf,
    /// The image's size in pixels.
    pub size: [u32; 2],
    /// When it started, in egui's time.
    pub started: f64,
    stage: Arc<AtomicU8>,
    finished: mpsc::Receiver<ExportOutcome>,
}

impl ExportJob {
    /// Starts drawing `request` into `path` on a new thread; `ctx` is woken at each step.
    pub fn start(
        renderer: Option<Renderer>,
        data: (Atlas, MapGeometry),
        request: RenderRequest,
        path: PathBuf,
        ctx: &egui::Context,
    ) -> ExportJob {
        let stage = Arc::new(AtomicU8::new(ExportStage::Drawing as u8));
        let (send, finished) = mpsc::channel();
        let size = request.size;
        let started = ctx.input(|input| input.time);
        let (thread_stage, thread_path, ctx) = (Arc::clone(&stage), path.clone(), ctx.clone());
        std::thread::spawn(move || {
            let (atlas, geometry) = data;
            let mut renderer = renderer.unwrap_or_default();
            let set_stage = |next: ExportStage| {
                thread_stage.store(next as u8, Ordering::Relaxed);
                ctx.request_repaint();
            };
            let canvas = renderer.render(&atlas, &geometry, &request);
            set_stage(ExportStage::Encoding);
            let written = atlas_render::encode::png_bytes(&canvas).map_err(ExportError::from).and_then(|bytes| {
                set_stage(ExportStage::Writing);
                if let Some(folder) = thread_path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder)
                        .map_err(|source| ExportError::Folder { folder: folder.to_owned(), source })?;
                }
                Ok(atlas_data::atomic_file::write_atomically(&thread_path, &bytes)?)
            });
            // The window may have closed meanwhile; then nobody is waiting for the result.
            let _ = send.send(ExportOutcome { written, renderer });
            ctx.request_repaint();
        });
        ExportJob { path, size, started, stage, finished }
    }

    pub fn stage(&self) -> ExportStage {
        ExportStage::from_u8(self.stage.load(Ordering::Relaxed))
    }

    /// The result once the thread is done. A thread that died says so instead of hanging.
    pub fn poll(&self) -> JobState {
        match self.finished.try_recv() {
            Ok(outcome) => JobState::Done(Box::new(outcome)),
            Err(mpsc::TryRecvError::Empty) => JobState::Running,
            Err(mpsc::TryRecvError::Disconnected) => JobState::Died,
        }
    }
}
