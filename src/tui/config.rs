//! The reader's configuration: embedded defaults (`assets/config.toml`) overlaid with the user's
//! `$XDG_CONFIG_HOME/quotelens/config.toml`. A mistake in the user's file is reported with its line
//! and what to do, never ignored.

use super::action::{Action, Context};
use super::keymap::{Key, Keymap};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Parses a config file's text (see [`Config::parse`]); the entry point for fuzzing.
pub fn parse(src: &str) -> Result<Config, ConfigError> {
    Config::parse(src)
}

/// The default configuration, also the reference users copy from.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

#[derive(Debug, Clone)]
pub struct Config {
    /// Capture the mouse at start.
    pub mouse: bool,
    pub keymap: Keymap,
}

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    // The message quotes the user's file, so it is made safe for the terminal it is printed on.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::document::sanitize::for_terminal;
        let (path, message) = (for_terminal(&self.path), for_terminal(&self.message));
        match self.line {
            Some(line) => write!(f, "{path}, line {line}: {message}"),
            None => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    reader: Reader,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Reader {
    mouse: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn names(&self) -> Vec<&str> {
        match self {
            KeyList::One(s) => vec![s.as_str()],
            KeyList::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Config {
    /// The built-in defaults.
    pub fn defaults() -> Config {
        let mut c = Config {
            mouse: false,
            keymap: Keymap::default(),
        };
        // The embedded file is tested; should it ever fail, the reader still starts with no keys
        // rather than refusing to open.
        let _ = c.apply(DEFAULT_CONFIG, "built-in config");
        c
    }

    /// The defaults with the user's file (if there is one) laid over them.
    pub fn load() -> Result<Config, ConfigError> {
        let mut config = Config::defaults();
        if let Some(path) = config_path()
            && let Some(src) = read_if_exists(&path)?
        {
            config.apply(&src, &path.display().to_string())?;
        }
        Ok(config)
    }

    /// The defaults with the settings in `src` (a config file's text) laid over them. This is the
    /// whole parser, for the fuzz target: it never panics, whatever `src` holds.
    pub fn parse(src: &str) -> Result<Config, ConfigError> {
        let mut config = Config::defaults();
        config.apply(src, "config.toml")?;
        Ok(config)
    }

    /// Lays the settings in `src` over this configuration.
    pub fn apply(&mut self, src: &str, origin: &str) -> Result<(), ConfigError> {
        let err = |line: Option<usize>, message: String| ConfigError {
            path: origin.to_string(),
            line,
            message,
        };
        let file: File = toml::from_str(src).map_err(|e| {
            err(
                e.span().map(|s| line_of(src, s.start)),
                e.message().trim().to_string(),
            )
        })?;
        if let Some(m) = file.reader.mouse {
            self.mouse = m;
        }
        // Check everything first, so a bad file changes nothing.
        let mut seen: HashMap<(Context, Key), (String, usize)> = HashMap::new();
        let mut bindings = Vec::new();
        let mut entries: Vec<_> = file.keys.iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, keys) in entries {
            let line = line_of(src, name.span().start);
            let action = Action::from_name(name.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                err(
                    Some(line),
                    format!(
                        "unknown action `{}`; the actions are: {}",
                        name.get_ref(),
                        known.join(", ")
                    ),
                )
            })?;
            let key_line = line_of(src, keys.span().start);
            let mut parsed = Vec::new();
            for k in keys.get_ref().names() {
                let key = Key::parse(k).map_err(|m| err(Some(key_line), m))?;
                if let Some((other, other_line)) = seen.get(&(action.context(), key)) {
                    return Err(err(
                        Some(key_line),
                        format!(
                            "key `{k}` is bound to both `{other}` (line {other_line}) and `{}`; \
                             give each key one action",
                            name.get_ref()
                        ),
                    ));
                }
                seen.insert((action.context(), key), (name.get_ref().clone(), key_line));
                parsed.push(key);
            }
            bindings.push((action, parsed));
        }
        for (action, keys) in bindings {
            self.keymap.bind(action, keys);
        }
        Ok(())
    }
}

/// `$XDG_CONFIG_HOME/quotelens/config.toml` when XDG_CONFIG_HOME is set to an absolute path,
/// otherwise the platform's config folder (`~/.config/quotelens/config.toml` on Linux).
pub fn config_path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join("config.toml"))
}

fn read_if_exists(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| ConfigError {
            path: path.display().to_string(),
            line: None,
            message: "is not UTF-8 text; save it as UTF-8".into(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError {
            path: path.display().to_string(),
            line: None,
            message: format!("cannot be read: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_embedded_defaults_parse_and_bind_every_action() {
        let mut c = Config::defaults();
        c.apply(DEFAULT_CONFIG, "default")
            .unwrap_or_else(|e| panic!("{e}"));
        for &a in Action::ALL {
            assert!(!c.keymap.keys(a).is_empty(), "{} has no key", a.name());
        }
        assert_eq!(c.keymap.action(key("]")), Some(Action::NextQuote));
        assert_eq!(c.keymap.action(key("G")), Some(Action::Bottom));
        assert!(!c.mouse);
    }

    #[test]
    fn user_settings_override_only_what_they_name() {
        let mut c = Config::defaults();
        c.apply(
            "[reader]\nmouse = true\n[keys]\nnext_quote = [\"n\", \"ctrl-n\"]\n",
            "user",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(c.mouse);
        assert_eq!(c.keymap.action(key("n")), Some(Action::NextQuote));
        assert_eq!(c.keymap.action(key("]")), None);
        assert!(c.keymap.keys(Action::SearchNext).is_empty());
        assert_eq!(c.keymap.action(key("j")), Some(Action::Down));
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                "[keys]\ndown = [\"j\"]\nnxt_quote = [\"n\"]\n",
                3,
                "unknown action `nxt_quote`",
            ),
            (
                "[keys]\n\nquit = [\"ctrl-qq\"]\n",
                3,
                "unknown key `ctrl-qq`",
            ),
            ("[reader]\nmouse = \"yes\"\n", 2, ""),
            (
                "[keys]\nquit = [\"q\"]\nhelp = [\"q\"]\n",
                3,
                "bound to both",
            ),
            ("[colours]\nx = 1\n", 1, "colours"),
            ("[keys\n", 1, ""),
        ];
        for (src, line, needle) in cases {
            let mut c = Config::defaults();
            let e = c.apply(src, "/home/u/.config/quotelens/config.toml").err();
            let e = e.unwrap_or_else(|| panic!("{src:?} should fail"));
            assert_eq!(e.line, Some(line), "{src:?}: {e}");
            assert!(e.to_string().contains(needle), "{e}");
            assert!(
                e.to_string()
                    .starts_with("/home/u/.config/quotelens/config.toml, line")
            );
        }
    }

    #[test]
    fn error_messages_cannot_drive_the_terminal() {
        let mut c = Config::defaults();
        let e = c.apply("[keys]\nquit = [\"\\u001b[2J\"]\n", "user").err();
        let shown = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(shown.contains("␛[2J"), "{shown}");
        assert!(!shown.contains('\u{1b}'));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_config_or_an_error_with_its_line(src in "\\PC{0,300}") {
            if let Err(e) = parse(&src) {
                let newlines = src.matches('\n').count();
                proptest::prop_assert!(e.line.is_none_or(|l| l >= 1 && l <= newlines + 1));
                proptest::prop_assert!(!e.to_string().contains('\x1b'), "escape in message");
            }
        }

        #[test]
        fn key_tables_of_any_names_and_keys_never_panic(
            entries in proptest::collection::vec(
                ("[a-z_]{1,24}", proptest::collection::vec("\\PC{0,10}", 0..4)),
                0..8,
            )
        ) {
            let mut src = String::from("[keys]\n");
            for (name, keys) in &entries {
                let keys: Vec<String> = keys
                    .iter()
                    .map(|k| format!("{:?}", k))
                    .collect();
                src.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
            }
            match parse(&src) {
                Ok(c) => {
                    for &a in Action::ALL {
                        let _ = c.keymap.keys(a);
                    }
                }
                Err(e) => proptest::prop_assert!(!e.to_string().contains('\x1b'), "escape in message"),
            }
        }
    }

    #[test]
    fn parse_is_the_defaults_with_the_file_laid_over() {
        let c = parse("[keys]\nquit = [\"Q\"]\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.keymap.action(key("Q")), Some(Action::Quit));
        assert_eq!(c.keymap.action(key("j")), Some(Action::Down));
        assert!(parse("[keys\n").is_err());
    }

    #[test]
    fn a_bad_file_changes_nothing() {
        let mut c = Config::defaults();
        let _ = c.apply(
            "[keys]\nquit = [\"x\"]\nhelp = [\"nonsense-key\"]\n",
            "user",
        );
        assert_eq!(c.keymap.action(key("q")), Some(Action::Quit));
    }
}
