//! Where store files live: one JSON file per document under `$XDG_DATA_HOME/quotelens/highlights/`
//! (else `~/.local/share/quotelens/highlights/`), named after the document's identity.

use super::error::StoreError;
use super::hash;
use crate::document::Document;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The application's data folder: `$XDG_DATA_HOME/quotelens` when XDG_DATA_HOME is set to an
/// absolute path, else the platform's data folder (`~/.local/share/quotelens` on Linux).
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    crate::paths::data_dir().ok_or(StoreError::NoDataDir)
}

/// Which store a document uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentKey {
    /// A file, by its canonical path: the store follows the file as it is edited.
    Path(PathBuf),
    /// Standard input or a built-in text, by its text hash.
    Content(String),
}

impl DocumentKey {
    /// A file on disk is keyed by its canonical path; anything else (stdin, the bundled sample)
    /// by its text.
    pub fn for_document(doc: &Document) -> DocumentKey {
        if doc.meta.source != "-"
            && let Ok(p) = std::fs::canonicalize(&doc.meta.source)
            && p.is_file()
        {
            return DocumentKey::Path(p);
        }
        DocumentKey::Content(hash::text_hash(&doc.text))
    }

    /// `<file-name>-<16 hex>.json`: readable by people, unique by the hash of the identity.
    pub fn file_name(&self) -> String {
        match self {
            DocumentKey::Path(p) => {
                let stem = p
                    .file_name()
                    .map(|n| slug(&n.to_string_lossy()))
                    .unwrap_or_default();
                let h = hash::fnv1a64(p.as_os_str().as_encoded_bytes());
                format!("{stem}-{h:016x}.json")
            }
            DocumentKey::Content(text_hash) => {
                let hex = text_hash.rsplit(':').next().unwrap_or(text_hash);
                format!("text-{}.json", slug(hex))
            }
        }
    }
}

/// A file-name-safe, short version of a name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let s = s.trim_start_matches('.').to_string();
    if s.is_empty() { "document".into() } else { s }
}

/// The store file for a document in a data folder.
pub fn store_path(data_dir: &Path, key: &DocumentKey) -> PathBuf {
    data_dir.join("highlights").join(key.file_name())
}

/// Temporary files that a killed save left behind (`.<name>.XXXXXX`, atomic-write-file's
/// naming) are removed once they are clearly abandoned; a live save finishes in milliseconds.
pub fn remove_abandoned_temporaries(store: &Path) {
    const ABANDONED_AFTER: Duration = Duration::from_secs(60);
    let (Some(dir), Some(name)) = (store.parent(), store.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        if rest.len() != 6 || !rest.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > ABANDONED_AFTER);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_distinct() {
        let a = DocumentKey::Path("/home/u/news/a b?.txt".into()).file_name();
        let b = DocumentKey::Path("/home/u/other/a b?.txt".into()).file_name();
        assert!(a.starts_with("a_b_.txt-") && a.ends_with(".json"), "{a}");
        assert_ne!(a, b);
        let c = DocumentKey::Content("fnv1a64:00ff00ff00ff00ff".into()).file_name();
        assert_eq!(c, "text-00ff00ff00ff00ff.json");
        let hidden = DocumentKey::Path("/x/.bashrc".into()).file_name();
        assert!(hidden.starts_with("bashrc-"), "{hidden}");
    }
}
