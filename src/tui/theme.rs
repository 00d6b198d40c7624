//! Colours and their monochrome stand-ins. With `NO_COLOR` set (non-empty) every style here has no
//! colour at all, only modifiers, so nothing depends on colour to be seen: speakers keep their
//! markers (● ◆ ■ …) in the gutter, lists and timeline, and highlights use reverse video, bold and
//! underline. (Mixing colours with modifiers under NO_COLOR is unsafe with crossterm 0.29, whose
//! suppressed colour codes can reset the modifiers; a theme without colours avoids that.)

use super::annotations::Mark;
use ratatui::style::{Color, Modifier, Style};

const PALETTE: [Color; 12] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::LightBlue,
    Color::LightRed,
    Color::LightGreen,
    Color::LightMagenta,
    Color::Blue,
    Color::Red,
    Color::LightCyan,
    Color::LightYellow,
];

const MARKERS: [char; 12] = ['●', '◆', '■', '▲', '★', '✚', '◉', '▼', '◇', '□', '△', '☆'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
}

impl Theme {
    pub const COLOUR: Theme = Theme { mono: false };
    pub const MONO: Theme = Theme { mono: true };

    /// Monochrome when `NO_COLOR` is set to anything but the empty string (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { mono: no_color }
    }

    fn colour(&self, c: Color) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(c)
        }
    }

    /// A speaker's colour, by rank (unattributed quotes have none).
    pub fn speaker_colour(&self, rank: Option<usize>) -> Option<Color> {
        match (self.mono, rank) {
            (false, Some(r)) => Some(PALETTE[r % PALETTE.len()]),
            _ => None,
        }
    }

    /// A speaker's marker, by rank.
    pub fn marker(&self, rank: Option<usize>) -> char {
        match rank {
            Some(r) => MARKERS[r % MARKERS.len()],
            None => '?',
        }
    }

    pub fn mark_rank(mark: Mark, rank_of: impl Fn(usize) -> usize) -> Option<usize> {
        match mark {
            Mark::Speaker(s) => Some(rank_of(s)),
            Mark::Unattributed => None,
        }
    }

    /// The speaker's own style: their colour, or nothing in monochrome.
    pub fn speaker(&self, rank: Option<usize>) -> Style {
        match self.speaker_colour(rank) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    /// A quote in the article, tinted for its speaker.
    pub fn quote(&self, rank: Option<usize>) -> Style {
        match (self.mono, rank) {
            (true, _) | (false, None) => Style::new().add_modifier(Modifier::ITALIC),
            (false, Some(_)) => self.speaker(rank),
        }
    }

    /// Reported speech (X said that …): the speaker's colour in italics; plain in monochrome,
    /// where the gutter marker shows whose it is.
    pub fn reported(&self, rank: Option<usize>) -> Style {
        if self.mono {
            Style::new()
        } else {
            self.speaker(rank).add_modifier(Modifier::ITALIC)
        }
    }

    /// A heading: the title line, a chapter's title.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The quotes of the speaker selected in the Speakers list.
    pub fn emphasis(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected quote.
    pub fn selected_quote(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The words naming the selected quote's speaker, and its speech verb.
    pub fn mention(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A selected number.
    pub fn number(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .remove_modifier(Modifier::REVERSED)
        }
    }

    /// A search match.
    pub fn hit(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .remove_modifier(Modifier::REVERSED)
        }
    }

    /// The current search match. In monochrome it flips reverse video, so it stands out inside a
    /// reversed (selected) quote too.
    pub fn current_hit(&self, under: Style) -> Style {
        if self.mono {
            let flip = if under.add_modifier.contains(Modifier::REVERSED) {
                Style::new().remove_modifier(Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::REVERSED)
            };
            flip.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD)
                .remove_modifier(Modifier::REVERSED)
        }
    }

    /// A saved highlight in the article: a background in colour, underlined in monochrome.
    pub fn highlight(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().bg(Color::DarkGray)
        }
    }

    /// The bar beside rows holding a highlight.
    pub fn highlight_mark(&self) -> Style {
        self.colour(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    /// A free selection being made.
    pub fn selection(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightBlue)
                .remove_modifier(Modifier::REVERSED)
        }
    }

    /// Something to notice in a list (an orphaned highlight).
    pub fn alert(&self) -> Style {
        self.colour(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// Title and status bars.
    pub fn bar(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().fg(Color::White).bg(Color::DarkGray)
        }
    }

    /// Less important text.
    pub fn dim(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }

    /// The selected tab (`focused`: the panel has the keyboard).
    pub fn tab(&self, selected: bool, focused: bool) -> Style {
        match (selected, focused) {
            (true, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            _ => self.dim(),
        }
    }

    /// The selected list item.
    pub fn list_selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The border between panes (`focused`: the side panel has the keyboard).
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.colour(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    /// The part of the timeline the screen shows.
    pub fn thumb(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::White)
        }
    }

    /// Warnings and errors in the status bar.
    pub fn warning(&self) -> Style {
        self.colour(Color::LightYellow).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_styles_have_no_colour() {
        let t = Theme::MONO;
        let styles = [
            t.quote(Some(0)),
            t.quote(None),
            t.speaker(Some(3)),
            t.selected_quote(),
            t.mention(),
            t.number(),
            t.hit(),
            t.current_hit(t.selected_quote()),
            t.bar(),
            t.dim(),
            t.tab(true, true),
            t.list_selected(true),
            t.border(true),
            t.thumb(),
            t.warning(),
            t.highlight(),
            t.highlight_mark(),
            t.selection(),
            t.alert(),
        ];
        for s in styles {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert_ne!(t.marker(Some(0)), t.marker(Some(1)));
    }

    #[test]
    fn the_current_hit_stands_out_inside_a_selected_quote() {
        let t = Theme::MONO;
        let base = t.selected_quote();
        let patched = base.patch(t.current_hit(base));
        assert!(!patched.add_modifier.contains(Modifier::REVERSED));
        assert!(patched.add_modifier.contains(Modifier::UNDERLINED));
    }
}
