//! Reading and writing store files. Writes are atomic (temporary file, fsync, rename, fsync of the
//! folder), so a crash leaves either the old file or the new one. A file that cannot be parsed is
//! moved aside, never overwritten.

use super::error::StoreError;
use super::model::{SCHEMA_PREFIX, SCHEMA_VERSION, StoreFile};
use super::time;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What is on disk.
#[derive(Debug)]
pub enum OnDisk {
    Missing,
    Parsed(Box<StoreFile>),
    /// Present but not a store file this version understands; the reason says why.
    Corrupt(String),
}

/// Reads a store file. I/O failures (permissions, disk errors) are errors: the file may be fine.
pub fn read(path: &Path) -> Result<OnDisk, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
        Err(e) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(OnDisk::Corrupt("the file is empty".into()));
    }
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Ok(OnDisk::Corrupt(format!("not valid JSON ({e})"))),
    };
    let schema = value
        .get("schema")
        .and_then(|s| s.as_str())
        .unwrap_or_default()
        .to_string();
    let Some(version) = schema
        .strip_prefix(SCHEMA_PREFIX)
        .and_then(|v| v.parse::<u32>().ok())
    else {
        return Ok(OnDisk::Corrupt(format!(
            "not a quotelens highlights file (schema {schema:?})"
        )));
    };
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            schema,
        });
    }
    match serde_json::from_value::<StoreFile>(value) {
        Ok(f) => Ok(OnDisk::Parsed(Box::new(f))),
        Err(e) => Ok(OnDisk::Corrupt(format!("unexpected content ({e})"))),
    }
}

/// Writes the file atomically, creating its folder if needed.
pub fn write(path: &Path, file: &StoreFile) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        create_dir(dir).map_err(err)?;
    }
    let mut json = serde_json::to_vec_pretty(file)
        .map_err(|e| err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    json.push(b'\n');
    let mut out = atomic_write_file::AtomicWriteFile::open(path).map_err(err)?;
    out.write_all(&json).map_err(err)?;
    // commit(): fsync of the file, rename over the old one, fsync of the folder.
    out.commit().map_err(err)
}

/// Creates the folder (and parents) and makes the new entries durable.
fn create_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    // The parents that may have gained an entry (highlights/, quotelens/, the data folder).
    for parent in dir.ancestors().skip(1).take(3) {
        let _ = sync_dir(parent);
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Renames an unreadable file to `<name>.corrupt-<UTC time>` so nothing overwrites it.
pub fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = time::compact(std::time::SystemTime::now());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(|source| StoreError::MoveAside {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(dir) = path.parent() {
        let _ = sync_dir(dir);
    }
    Ok(target)
}
