//! The help screen, generated from the live key map: what each key does, grouped, with the keys
//! the user actually has (their config included).

use super::truncate;
use crate::tui::action::{Action, Section};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Width of the keys column.
const KEYS_W: usize = 18;

/// The line editor's keys in a prompt.
const TYPING: [(&str, &str); 5] = [
    (
        "← → Home End",
        "Move the cursor (also Ctrl-B, Ctrl-F, Ctrl-A, Ctrl-E)",
    ),
    ("Ctrl-← Ctrl-→", "Move by a word"),
    (
        "Backspace Del",
        "Delete a character (Backspace on an empty prompt closes it)",
    ),
    (
        "Ctrl-W/U/K",
        "Delete the word before, to the start, to the end",
    ),
    ("Enter Esc", "Use it; close it"),
];

/// One row of the help: a bold key column and a description wrapped beside it.
fn push_row(out: &mut Vec<Line<'static>>, keys: &str, meaning: &str, desc_w: usize) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    for (i, part) in textwrap::wrap(meaning, desc_w).iter().enumerate() {
        let left = if i == 0 {
            format!("  {}", truncate(keys, KEYS_W - 2))
        } else {
            String::new()
        };
        let pad = KEYS_W.saturating_sub(left.width());
        out.push(Line::from(vec![
            Span::styled(left, bold),
            Span::raw(" ".repeat(pad)),
            Span::raw(part.to_string()),
        ]));
    }
}

/// What the marks around the article mean (also in the README).
pub const LEGEND: [(&str, &str); 8] = [
    (
        "● ◆ ■ …",
        "A speaker's marker, beside the rows of their quotes (│ below it); ? an unknown speaker",
    ),
    (
        "Name?",
        "An uncertain attribution: the engine's confidence is below 0.5 (the status bar gives it)",
    ),
    ("▌", "A row with a highlight"),
    (
        "█ strip",
        "Where each speaker's quotes are in the whole document, in their colour",
    ),
    ("┃", "The part of the document on screen"),
    (
        "all end 12%",
        "Where the view is: all of it shown, the end, or how far in",
    ),
    (
        "j/k: text",
        "Which pane the movement keys move (list: the side panel; Esc comes back)",
    ),
    ("▶", "The selected row of the list that has the keys"),
];

/// The help text for a given width: one line per key binding, descriptions wrapped.
pub fn lines(keymap: &Keymap, width: usize) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    let desc_w = width.saturating_sub(KEYS_W + 2).max(10);
    for section in Section::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(section.title().to_string(), bold));
        for &action in Action::ALL.iter().filter(|a| a.section() == section) {
            let keys: Vec<String> = keymap.keys(action).iter().map(|k| k.label()).collect();
            let keys = if keys.is_empty() {
                "(no key)".to_string()
            } else {
                keys.join(" ")
            };
            push_row(&mut out, &keys, action.describe(), desc_w);
        }
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Typing (search, note, file name)".to_string(),
        bold,
    ));
    for (keys, meaning) in TYPING {
        push_row(&mut out, keys, meaning, desc_w);
    }
    out.push(Line::default());
    out.push(Line::styled("On the screen".to_string(), bold));
    for (symbol, meaning) in LEGEND {
        push_row(&mut out, symbol, meaning, desc_w);
    }
    out.push(Line::default());
    let path = crate::tui::config::config_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "$XDG_CONFIG_HOME/quotelens/config.toml".into());
    for part in textwrap::wrap(
        &format!("Keys can be changed in {}.", super::display_line(&path)),
        width.max(10),
    ) {
        out.push(Line::raw(part.to_string()));
    }
    out
}

/// The help box for a `width`×`height` screen: its area and the lines it holds.
fn layout(keymap: &Keymap, width: u16, height: u16) -> (Rect, Vec<Line<'static>>) {
    let w = width.min(80);
    let inner_w = w.saturating_sub(4) as usize;
    let lines = lines(keymap, inner_w);
    let h = (lines.len() as u16 + 2).min(height);
    let rect = Rect::new((width - w) / 2, (height - h) / 2, w, h);
    (rect, lines)
}

/// How far the help text scrolls on a `width`×`height` screen.
pub fn max_scroll(keymap: &Keymap, width: u16, height: u16) -> usize {
    if width < 4 || height < 3 {
        return 0;
    }
    let (rect, lines) = layout(keymap, width, height);
    lines
        .len()
        .saturating_sub(rect.height.saturating_sub(2) as usize)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(Overlay::Help { scroll }) = &app.overlay else {
        return;
    };
    let area = frame.area();
    if area.width < 4 || area.height < 3 {
        return;
    }
    let (rect, lines) = layout(&app.keymap, area.width, area.height);
    let visible = rect.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(visible);
    let shown: Vec<Line> = lines.into_iter().skip(*scroll).take(visible).collect();
    let more = if max_scroll > 0 { " j/k scroll ·" } else { "" };
    let close = app.keymap.hint(Action::Cancel).unwrap_or_default();
    let block = Block::bordered()
        .title(Line::from(" Keys ").style(Style::new().add_modifier(Modifier::BOLD)))
        .title_bottom(Line::from(format!("{more} {close} closes ")).right_aligned())
        .border_style(app.theme.border(true));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::config::Config;

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let c = Config::defaults();
        let text: Vec<String> = lines(&c.keymap, 76)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let all = text.join("\n");
        for &a in Action::ALL {
            let first_word = a.describe().split_whitespace().next().unwrap_or("");
            assert!(all.contains(first_word), "{}", a.name());
        }
        assert!(
            text.iter()
                .any(|l| l.contains(']') && l.contains("Next quote"))
        );
    }

    #[test]
    fn the_legend_names_the_confidence_below_which_a_speaker_is_uncertain() {
        let limit = format!("below {}", crate::tui::annotations::UNCERTAIN_BELOW);
        assert!(
            LEGEND
                .iter()
                .any(|(symbol, meaning)| symbol.ends_with('?') && meaning.contains(&limit))
        );
    }

    #[test]
    fn help_follows_rebinding() {
        let mut c = Config::defaults();
        let _ = c.apply("[keys]\nnext_quote = [\"ctrl-n\"]\n", "user");
        let all: String = lines(&c.keymap, 76)
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        assert!(all.contains("Ctrl-n"));
    }
}
