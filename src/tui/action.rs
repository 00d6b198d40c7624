//! Everything a key can do: one [`Action`] enum, which is also the vocabulary of the config file
//! (`next_quote = ["]"]`). The help screen is generated from the same table, so a new action needs
//! one line here, a default key in `assets/config.toml`, and a case in `App::apply`.

use serde::{Deserialize, Serialize};

/// The help screen's groups, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Move,
    Quotes,
    Panels,
    Search,
    Other,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Move,
        Section::Quotes,
        Section::Panels,
        Section::Search,
        Section::Other,
    ];
    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Moving (in the article, or in the list when it has focus)",
            Section::Quotes => "Quotes and speakers",
            Section::Panels => "Panels",
            Section::Search => "Search",
            Section::Other => "Other",
        }
    }
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
    NextTab = "next_tab", Panels, "Next tab";
    PrevTab = "prev_tab", Panels, "Previous tab";
    Search = "search", Search, "Search the text (lower case ignores case; Enter alone repeats the last search)";
    SearchNext = "search_next", Search, "Next match";
    SearchPrev = "search_prev", Search, "Previous match";
    Help = "help", Other, "This help";
    ToggleMouse = "toggle_mouse", Other, "Mouse on/off (off: the terminal selects and copies text)";
    Cancel = "cancel", Other, "Close help or search; clear search highlights";
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
