//! Writing a file so that a power cut never leaves half of it: the bytes go to a temporary file
//! beside the target, are flushed to disk, and the temporary is renamed over the target. A
//! rename within one folder is atomic, so a reader sees the old file or the new one, never a mix.

use std::path::{Path, PathBuf};

/// The temporary file `path` is written through: `name.partial` in the same folder, so the
/// rename never crosses file systems.
pub fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

/// Creates the temporary file for `path`; the caller writes it and calls [`commit`].
pub fn create_temporary(path: &Path) -> Result<(PathBuf, std::fs::File), String> {
    let temp = temporary_path(path);
    let file = std::fs::File::create(&temp).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((temp, file))
}

/// Renames a written temporary over `path` and flushes the folder, so the new name survives a
/// power cut too. On failure the temporary is removed and the old file is left as it was.
pub fn commit(temp: &Path, path: &Path) -> Result<(), String> {
    if let Err(error) = std::fs::rename(temp, path) {
        let _ = std::fs::remove_file(temp);
        return Err(format!("{}: {error}", path.display()));
    }
    sync_folder(path);
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, flushes it and renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write as _;
    let (temp, mut file) = create_temporary(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("{}: {error}", path.display()));
    }
    commit(&temp, path)
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

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert!(!temporary_path(&path).exists());
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "old").unwrap();
        // The temporary's name is taken by a folder, so it cannot be created.
        std::fs::create_dir(temporary_path(&path)).unwrap();
        let error = write_atomically(&path, b"new").unwrap_err();
        assert!(error.contains("settings.toml"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }
}
