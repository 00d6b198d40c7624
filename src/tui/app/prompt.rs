//! The one-line prompt in the status bar (search, a highlight's note, the library's speaker
//! filter): a line editor (tui-input: ←/→, Home/End, Ctrl-A/E, Ctrl-W, Ctrl-U, Ctrl-K, Delete)
//! and, for a search, the pattern typed so far, which the article highlights as it is typed.

use crate::store::HighlightId;
use crate::tui::search::Pattern;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    /// The note of a highlight.
    Note(HighlightId),
    /// The library's filter by speaker name.
    LibraryFilter,
}

impl PromptKind {
    /// What the prompt starts with.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Search => "/",
            PromptKind::Note(_) => "Note: ",
            PromptKind::LibraryFilter => "Quoted speaker: ",
        }
    }
}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Enter: the text to use.
    Submit(String),
    Cancel,
    /// The text or the cursor changed (or the key meant nothing here).
    Edited,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: Input,
    /// A search's pattern as typed so far (matches on screen are highlighted while typing).
    pub preview: Option<Pattern>,
}

impl Prompt {
    pub fn new(kind: PromptKind, text: String) -> Prompt {
        let mut p = Prompt {
            kind,
            input: Input::new(text),
            preview: None,
        };
        p.update_preview();
        p
    }

    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Applies a key.
    pub fn key(&mut self, ev: KeyEvent) -> Outcome {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Enter => return Outcome::Submit(self.input.value().to_string()),
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('c') if ctrl => return Outcome::Cancel,
            // Backspace on an empty prompt closes it, as in less.
            KeyCode::Backspace if self.input.value().is_empty() => return Outcome::Cancel,
            _ => {}
        }
        if let Some(request) = to_input_request(&Event::Key(ev))
            && self.input.handle(request).is_some_and(|c| c.value)
        {
            self.update_preview();
        }
        Outcome::Edited
    }

    fn update_preview(&mut self) {
        self.preview = match self.kind {
            PromptKind::Search => Pattern::new(self.input.value()),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(p: &mut Prompt, s: &str) {
        for c in s.chars() {
            p.key(key(KeyCode::Char(c)));
        }
    }

    #[test]
    fn the_cursor_moves_and_edits_where_it_is() {
        let mut p = Prompt::new(PromptKind::Note(1), String::new());
        typed(&mut p, "check date");
        for _ in 0..4 {
            p.key(key(KeyCode::Left));
        }
        typed(&mut p, "the ");
        assert_eq!(p.text(), "check the date");
        p.key(key(KeyCode::Home));
        p.key(key(KeyCode::Delete));
        assert_eq!(p.text(), "heck the date");
        p.key(ctrl('e'));
        p.key(ctrl('w'));
        assert_eq!(p.text(), "heck the ");
        assert_eq!(
            p.key(key(KeyCode::Enter)),
            Outcome::Submit("heck the ".into())
        );
    }

    #[test]
    fn a_search_prompt_keeps_the_pattern_typed_so_far() {
        let mut p = Prompt::new(PromptKind::Search, String::new());
        assert!(p.preview.is_none());
        typed(&mut p, "bel");
        assert_eq!(p.preview.as_ref().map(|x| x.query.as_str()), Some("bel"));
        p.key(ctrl('u'));
        assert!(p.preview.is_none());
        assert_eq!(p.key(key(KeyCode::Backspace)), Outcome::Cancel);
    }
}
