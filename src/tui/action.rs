//! Everything a key can do: one [`Action`] enum, which is also the vocabulary of the config file
//! (`next_quote = ["]"]`). The help screen is generated from the same table, so a new action needs
//! one line here, a default key in `assets/config.toml`, and a case in `App::apply`.
//!
//! Actions of the [`Section::Select`] group work only while text is being selected (after `v`),
//! where they take precedence over the normal meaning of their keys ([`Context`]).

use serde::{Deserialize, Serialize};

/// The help screen's groups, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Move,
    Quotes,
    Panels,
    Search,
    Highlights,
    Select,
    Other,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Move,
        Section::Quotes,
        Section::Panels,
        Section::Search,
        Section::Highlights,
        Section::Select,
        Section::Other,
    ];
    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Moving (in the article, or in the list when it has focus)",
            Section::Quotes => "Quotes and speakers",
            Section::Panels => "Panels",
            Section::Search => "Search",
            Section::Highlights => "Highlights, copying and export",
            Section::Select => "Selecting text (after v)",
            Section::Other => "Other",
        }
    }
}

/// When an action's keys apply. Keys are looked up in the current context first, then in
/// [`Context::Normal`], so one key can mean different things while selecting text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Normal,
    /// A free selection is being made (after `v`).
    Select,
}

macro_rules! actions {
    ($( $variant:ident = $name:literal, $section:ident, $desc:literal; )*) => {
        /// A command the reader understands. Config files name them in snake_case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $desc] $variant, )*
        }

        impl Action {
            /// Every action, in help-screen order.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// What it does, for the help screen.
            pub fn describe(self) -> &'static str {
                match self { $(Action::$variant => $desc,)* }
            }

            pub fn section(self) -> Section {
                match self { $(Action::$variant => Section::$section,)* }
            }

            /// Where the action's keys apply.
            pub fn context(self) -> Context {
                match self.section() {
                    Section::Select => Context::Select,
                    _ => Context::Normal,
                }
            }

            /// The action a config-file name stands for.
            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Down = "down", Move, "Down a line; next item in a list";
    Up = "up", Move, "Up a line; previous item in a list";
    PageDown = "page_down", Move, "Down a page";
    PageUp = "page_up", Move, "Up a page";
    HalfPageDown = "half_page_down", Move, "Down half a page";
    HalfPageUp = "half_page_up", Move, "Up half a page";
    Top = "top", Move, "To the start; first item";
    Bottom = "bottom", Move, "To the end; last item";
    NextQuote = "next_quote", Quotes, "Next quote";
    PrevQuote = "prev_quote", Quotes, "Previous quote";
    NextSameSpeaker = "next_same_speaker", Quotes, "Next quote by the same speaker";
    PrevSameSpeaker = "prev_same_speaker", Quotes, "Previous quote by the same speaker";
    Activate = "activate", Quotes, "Go to the selected item (a speaker: their first quote, and list only their quotes)";
    ClearFilter = "clear_filter", Quotes, "List every speaker's quotes again";
    ToggleFocus = "toggle_focus", Panels, "Switch between the article and the side panel";
    ShowSpeakers = "show_speakers", Panels, "Speakers tab";
    ShowQuotes = "show_quotes", Panels, "Quotes tab";
    ShowNumbers = "show_numbers", Panels, "Numbers tab";
    ShowHighlights = "show_highlights", Panels, "Highlights tab";
    ShowChapters = "show_chapters", Panels, "Chapters tab (books with chapters)";
    ShowLibrary = "show_library", Panels, "Back to the library (when a folder or several files are open)";
    NextTab = "next_tab", Panels, "Next tab";
    PrevTab = "prev_tab", Panels, "Previous tab";
    Search = "search", Search, "Search the text (lower case ignores case; Enter alone repeats the last search)";
    SearchNext = "search_next", Search, "Next match";
    SearchPrev = "search_prev", Search, "Previous match";
    Mark = "mark", Highlights, "Highlight the selected quote, number or text selection (again: remove it)";
    Select = "select", Highlights, "Select text from here, then extend it by word, sentence or line";
    Note = "note", Highlights, "Write a note on the selected highlight";
    DeleteHighlight = "delete_highlight", Highlights, "Remove the selected highlight";
    Undo = "undo", Highlights, "Undo the last highlight change";
    Redo = "redo", Highlights, "Make the last undone highlight change again";
    Copy = "copy", Highlights, "Copy the selected quote, highlight or selection with its speaker (OSC 52 and the system clipboard)";
    Export = "export", Highlights, "Export quotes, highlights or numbers to a file";
    SelectWordNext = "select_word_next", Select, "Extend the selection by a word";
    SelectWordPrev = "select_word_prev", Select, "Move the selection's end back a word";
    SelectSentenceNext = "select_sentence_next", Select, "Extend the selection by a sentence";
    SelectSentencePrev = "select_sentence_prev", Select, "Move the selection's end back a sentence";
    SelectLineNext = "select_line_next", Select, "Extend the selection by a line";
    SelectLinePrev = "select_line_prev", Select, "Move the selection's end back a line";
    Help = "help", Other, "This help";
    ToggleMouse = "toggle_mouse", Other, "Mouse on/off (off: the terminal selects and copies text)";
    Cancel = "cancel", Other, "Close what is open; give the keys back to the article; end the search";
    Suspend = "suspend", Other, "Suspend to the shell (fg brings the reader back)";
    Quit = "quit", Other, "Quit";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_match_serde_names() {
        for &a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", a.name()));
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("nope"), None);
    }
}
