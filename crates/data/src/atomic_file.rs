//! Writing a file so that a power cut never leaves half of it: the bytes go to a temporary file
//! with a unique name beside the target (`tempfile`), are flushed to disk, and the temporary is
//! renamed over the target, then the folder is flushed. A rename within one folder is atomic, so
//! a reader sees the old file or the new one, never a mix; two writers never share a temporary;
//! and a temporary that is not committed (an error, an early return, a panic) is removed when
//! it is dropped.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written; the old file, if any, is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: cannot create a file in its folder: {source}", path.display())]
    Create { path: PathBuf, source: std::io::Error },
    #[error("{}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{}: cannot replace the file: {source}", path.display())]
    Replace { path: PathBuf, source: std::io::Error },
}

/// A file being written beside its final place. [`AtomicFile::commit`] puts it in place;
/// dropped without that, it is removed and the old file stays.
pub struct AtomicFile {
    temporary: tempfile::NamedTempFile,
    path: PathBuf,
}

impl AtomicFile {
    /// Starts writing `path`: a new, uniquely named hidden file in the same folder, so the
    /// rename never crosses file systems.
    pub fn create(path: &Path) -> Result<AtomicFile, WriteError> {
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".partial");
        // tempfile makes its files readable by the owner only; the file written is the user's
        // image, tour or settings, so it gets what the file it replaces had, else what a new
        // file gets (0666 less the umask, as `File::create` does).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let permissions = std::fs::metadata(path)
                .map(|metadata| metadata.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666));
            builder.permissions(permissions);
        }
        let temporary =
            builder.tempfile_in(folder).map_err(|source| WriteError::Create { path: path.to_owned(), source })?;
        Ok(AtomicFile { temporary, path: path.to_owned() })
    }

    /// Flushes the written bytes to disk, renames the temporary over the file and flushes the
    /// folder, so the new name survives a power cut too.
    pub fn commit(self) -> Result<(), WriteError> {
        let AtomicFile { temporary, path } = self;
        temporary.as_file().sync_all().map_err(|source| WriteError::Write { path: path.clone(), source })?;
        temporary.persist(&path).map_err(|error| WriteError::Replace { path: path.clone(), source: error.error })?;
        sync_folder(&path);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.temporary.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temporary.flush()
    }
}

/// Writes `bytes` to a temporary file beside `path`, flushes it and renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes).map_err(|source| WriteError::Write { path: path.to_owned(), source })?;
    file.commit()
}

/// Flushes the folder's entry list. Only Unix can open a folder for this; elsewhere the rename
/// is as durable as the file system makes it.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        if let Ok(handle) = std::fs::File::open(folder) {
            let _ = handle.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
        assert_eq!(entries(dir.path()), ["settings.toml"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        // The file's name is taken by a folder (not empty), so nothing can be renamed over it.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir_all(blocked.join("inside")).unwrap_or_else(|e| panic!("{e}"));
        let error = write_atomically(&blocked, b"new").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("blocked"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("old"));
        assert_eq!(entries(dir.path()), ["blocked", "settings.toml"], "a temporary was left behind");
    }

    /// A written file is readable as one made with `File::create` is, not only by its owner
    /// (tempfile's own default), and a replaced file keeps its permissions.
    #[cfg(unix)]
    #[test]
    fn a_new_file_has_the_usual_permissions_and_a_replaced_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mode = |path: &Path| std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
        let reference = dir.path().join("reference.png");
        std::fs::File::create(&reference).unwrap_or_else(|e| panic!("{e}"));
        let made = dir.path().join("map.png");
        write_atomically(&made, b"png").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&made), mode(&reference));
        let private = dir.path().join("settings.toml");
        std::fs::write(&private, "old").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&private, b"new").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&private), 0o600);
    }

    #[test]
    fn two_writers_of_one_file_do_not_share_a_temporary_and_an_abandoned_one_is_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("tour.toml");
        let mut first = AtomicFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut second = AtomicFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
        first.write_all(b"first").unwrap_or_else(|e| panic!("{e}"));
        second.write_all(b"second").unwrap_or_else(|e| panic!("{e}"));
        second.commit().unwrap_or_else(|e| panic!("{e}"));
        // The first writer gives up (an error on its way, say): its temporary goes with it.
        drop(first);
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("second"));
        assert_eq!(entries(dir.path()), ["tour.toml"]);
    }
}
