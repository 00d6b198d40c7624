//! The speaker timeline beside the article: each cell stands for an equal share of the document
//! (by byte) and shows whose quotes fill it, in their colour and marker; the column next to it
//! marks the part on screen, like a scrollbar.

use crate::tui::annotations::Mark;
use crate::tui::app::App;
use crate::tui::layout::Screen;
use crate::tui::theme::Theme;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, screen: &Screen) {
    let (strip, thumb) = (screen.timeline, screen.thumb);
    if strip.height == 0 || strip.width == 0 {
        return;
    }
    let cells = strip.height as usize;
    let theme = app.theme;
    let len = app.doc.text.len().max(1);
    let shown = app.article.visible();
    let cell_of = |pos: usize| ((pos as u128 * cells as u128) / len as u128) as usize;
    let first = cell_of(shown.start).min(cells - 1);
    let last = cell_of(shown.end.saturating_sub(1)).clamp(first, cells - 1);
    let rank_of = |s: usize| app.ann.as_ref().map_or(0, |a| a.speaker_rank[s]);
    let buf = frame.buffer_mut();
    for (i, mark) in app.timeline.iter().enumerate().take(cells) {
        let y = strip.y + i as u16;
        if let Some(m) = mark {
            let rank = Theme::mark_rank(*m, rank_of);
            let symbol = match (theme.mono, m) {
                (false, Mark::Speaker(_)) => "█".to_string(),
                _ => theme.marker(rank).to_string(),
            };
            buf.set_string(strip.x, y, symbol, theme.speaker(rank));
        }
        if thumb.width > 0 {
            let on_screen = (first..=last).contains(&i);
            let (symbol, style) = if on_screen {
                ("┃", theme.thumb())
            } else {
                ("│", theme.dim())
            };
            buf.set_string(thumb.x, y, symbol, style);
        }
    }
}
