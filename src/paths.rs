//! The folders quotelens keeps files in, following the XDG base-directory spec: an
//! `$XDG_*_HOME` variable wins when it holds an absolute path (the spec says relative ones are
//! invalid and must be ignored); otherwise the platform's own folder is used.
//!
//! | folder | holds | on Linux by default |
//! |---|---|---|
//! | [`config_dir`] | `config.toml` | `~/.config/quotelens` |
//! | [`data_dir`] | saved highlights | `~/.local/share/quotelens` |
//! | [`state_dir`] | the reader's log | `~/.local/state/quotelens` |

use directories::{BaseDirs, ProjectDirs};
use std::path::PathBuf;

/// The name of quotelens's folder inside each base folder.
const APP: &str = "quotelens";

/// `$XDG_CONFIG_HOME/quotelens`, else the platform's config folder for quotelens.
pub fn config_dir() -> Option<PathBuf> {
    from_env("XDG_CONFIG_HOME").or_else(|| project().map(|d| d.config_dir().to_path_buf()))
}

/// `$XDG_DATA_HOME/quotelens`, else `quotelens` in the platform's data folder.
pub fn data_dir() -> Option<PathBuf> {
    from_env("XDG_DATA_HOME").or_else(|| BaseDirs::new().map(|b| b.data_dir().join(APP)))
}

/// `$XDG_STATE_HOME/quotelens`, else the platform's state folder for quotelens (its local data
/// folder where the platform has no state folder).
pub fn state_dir() -> Option<PathBuf> {
    from_env("XDG_STATE_HOME").or_else(|| {
        let dirs = project()?;
        Some(
            dirs.state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .to_path_buf(),
        )
    })
}

/// `$VAR/quotelens` when the variable holds an absolute path.
fn from_env(var: &str) -> Option<PathBuf> {
    app_folder_in(std::env::var_os(var))
}

/// `BASE/quotelens` for an absolute `BASE`; nothing for a relative or missing one.
fn app_folder_in(base: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let base = PathBuf::from(base?);
    base.is_absolute().then(|| base.join(APP))
}

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", APP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_xdg_paths_count() {
        assert_eq!(
            app_folder_in(Some("/home/ann/.config".into())),
            Some(PathBuf::from("/home/ann/.config/quotelens"))
        );
        assert_eq!(app_folder_in(Some("relative/config".into())), None);
        assert_eq!(app_folder_in(None), None);
    }
}
