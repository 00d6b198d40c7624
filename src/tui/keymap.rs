//! Keys as data: parsing key names from the config ("ctrl-d", "pagedown", "]"), matching terminal
//! key events, and the map from keys to actions that the help screen is generated from.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

impl Key {
    pub const fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        Key { code, mods }
    }

    /// The key of a terminal event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key::normalised(ev.code, ev.modifiers)
    }

    fn normalised(code: KeyCode, mods: KeyModifiers) -> Key {
        let mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        match code {
            // A character already says whether shift was held.
            KeyCode::Char(c) => {
                let c = if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                Key::new(KeyCode::Char(c), mods - KeyModifiers::SHIFT)
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                Key::new(KeyCode::BackTab, mods - KeyModifiers::SHIFT)
            }
            KeyCode::BackTab => Key::new(KeyCode::BackTab, mods - KeyModifiers::SHIFT),
            _ => Key::new(code, mods),
        }
    }

    /// Parses a key name from the config: a single character (`j`, `]`, `G`), a name (`enter`,
    /// `pagedown`, `f5`), optionally after `ctrl-`, `alt-` or `shift-` (also written with `+`).
    pub fn parse(s: &str) -> Result<Key, String> {
        if s.chars().count() == 1 {
            let c = s.chars().next().unwrap_or(' ');
            return Ok(Key::normalised(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl", "control", "alt", "shift"].into_iter().find(|p| {
                lower.starts_with(p)
                    && matches!(lower.as_bytes().get(p.len()), Some(b'-' | b'+'))
                    && lower.len() > p.len() + 1
            });
            match prefix {
                Some(p) => {
                    mods |= match p {
                        "alt" => KeyModifiers::ALT,
                        "shift" => KeyModifiers::SHIFT,
                        _ => KeyModifiers::CONTROL,
                    };
                    rest = &rest[p.len() + 1..];
                }
                None => break,
            }
        }
        if rest.chars().count() == 1 {
            let c = rest.chars().next().unwrap_or(' ');
            return Ok(Key::normalised(KeyCode::Char(c), mods));
        }
        let lower = rest.to_ascii_lowercase();
        if let Some(&(_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
            return Ok(Key::normalised(code, mods));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=24).contains(&n)
        {
            return Ok(Key::normalised(KeyCode::F(n), mods));
        }
        Err(format!(
            "unknown key `{s}`; use a single character (j, ], G), a name (enter, esc, tab, backtab, \
             space, up, down, left, right, pageup, pagedown, home, end, backspace, delete, f1…f24), \
             optionally after ctrl-, alt- or shift-"
        ))
    }

    /// How the key is shown on the help screen.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out.push_str(&base);
        out
    }
}

/// Which action each key triggers, and the keys of each action (in the order given).
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    keys: HashMap<Action, Vec<Key>>,
    actions: HashMap<Key, Action>,
}

impl Keymap {
    /// Binds `keys` to `action`, replacing its earlier keys and taking each key away from any
    /// action that had it.
    pub fn bind(&mut self, action: Action, keys: Vec<Key>) {
        if let Some(old) = self.keys.remove(&action) {
            for k in old {
                self.actions.remove(&k);
            }
        }
        for &k in &keys {
            if let Some(prev) = self.actions.insert(k, action)
                && prev != action
                && let Some(list) = self.keys.get_mut(&prev)
            {
                list.retain(|x| *x != k);
            }
        }
        self.keys.insert(action, keys);
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.actions.get(&key).copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map_or(&[], |v| v.as_slice())
    }

    /// The first key of an action, for hints ("? help").
    pub fn hint(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(Key::label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        let k = |s| Key::parse(s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k("j"), Key::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(k("G"), k("shift-g"));
        assert_eq!(
            k("ctrl-d"),
            Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            k("Ctrl+D"),
            Key::new(KeyCode::Char('D'), KeyModifiers::CONTROL)
        );
        assert_eq!(k("pgdn"), k("PageDown"));
        assert_eq!(k("shift-tab"), k("backtab"));
        assert_eq!(k("f5"), Key::new(KeyCode::F(5), KeyModifiers::NONE));
        assert_eq!(k("-"), Key::new(KeyCode::Char('-'), KeyModifiers::NONE));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("pagedwn").is_err());
    }

    #[test]
    fn events_match_config_keys() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            Key::from_event(&ev),
            Key::parse("G").unwrap_or(Key::new(KeyCode::Null, KeyModifiers::NONE))
        );
        let ev = KeyEvent::new(KeyCode::Char('}'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev).code, KeyCode::Char('}'));
    }

    #[test]
    fn rebinding_takes_the_key_from_its_old_action() {
        let n = Key::parse("n").unwrap_or(Key::new(KeyCode::Null, KeyModifiers::NONE));
        let mut m = Keymap::default();
        m.bind(Action::SearchNext, vec![n]);
        m.bind(Action::NextQuote, vec![n]);
        assert_eq!(m.action(n), Some(Action::NextQuote));
        assert!(m.keys(Action::SearchNext).is_empty());
    }
}
