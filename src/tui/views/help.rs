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
            let desc = textwrap::wrap(action.describe(), desc_w);
            for (i, part) in desc.iter().enumerate() {
                let left = if i == 0 {
                    format!("  {}", truncate(&keys, KEYS_W - 2))
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

pub fn draw(frame: &mut Frame, app: &mut App) {
    let Some(Overlay::Help { scroll }) = &mut app.overlay else {
        return;
    };
    let area = frame.area();
    if area.width < 4 || area.height < 3 {
        return;
    }
    let w = area.width.min(80);
    let inner_w = w.saturating_sub(4) as usize;
    let lines = lines(&app.keymap, inner_w);
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let visible = h.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(visible);
    *scroll = (*scroll).min(max_scroll);
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
