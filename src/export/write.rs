//! Writing an export to a file: atomically (a temporary file in the same folder, fsync, then a
//! link or rename, then fsync of the folder), and never over an existing file unless asked.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: already exists; choose another name, or add --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("{}: is a folder; give a file name", .0.display())]
    IsDir(PathBuf),
    #[error("{}: is the document being exported; choose another output file", .0.display())]
    IsInput(PathBuf),
    #[error("{}: the folder does not exist; create it first", .0.display())]
    NoFolder(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `contents` to `path`. Without `overwrite` an existing file is never replaced, not even
/// one created a moment ago by someone else (the final step is a hard link, which fails if the
/// name is taken).
pub fn write_file(path: &Path, contents: &[u8], overwrite: bool) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsDir(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::NoFolder(dir));
    }
    if !overwrite && fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let (tmp, mut file) = temporary(&dir, path).map_err(io)?;
    let result = (|| {
        file.write_all(contents).map_err(io)?;
        file.sync_all().map_err(io)?;
        drop(file);
        if overwrite {
            fs::rename(&tmp, path).map_err(io)?;
        } else {
            link_new(&tmp, path)?;
        }
        // Make the new name durable.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    // After a rename the temporary name is gone already; after a link it is removed here.
    let _ = fs::remove_file(&tmp);
    result
}

/// Gives `tmp` the name `path` only if that name is free.
fn link_new(tmp: &Path, path: &Path) -> Result<(), WriteError> {
    match fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        // File systems without hard links (FAT, some network mounts): check, then rename.
        Err(_) if fs::symlink_metadata(path).is_err() => {
            fs::rename(tmp, path).map_err(|source| WriteError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
        Err(_) => Err(WriteError::Exists(path.to_path_buf())),
    }
}

/// A new, uniquely named hidden file next to the target.
fn temporary(dir: &Path, path: &Path) -> std::io::Result<(PathBuf, File)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let pid = std::process::id();
    for n in 0..1000u32 {
        let tmp = dir.join(format!(".{name}.quotelens-{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free temporary file name",
    ))
}
