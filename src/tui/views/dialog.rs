//! The export dialog: the format, the scope, and the file it will write.

use super::display_line;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, export_formats, free_export_name};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(Overlay::Export(d)) = &app.overlay else {
        return;
    };
    let area = frame.area();
    if area.width < 8 || area.height < 4 {
        return;
    }
    let theme = app.theme;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let on = |row: usize| {
        if d.row == row {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            bold
        }
    };
    let mut formats = vec![Span::styled("Format  ", on(0))];
    for (i, f) in export_formats().iter().enumerate() {
        let style = if i == d.format {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            theme.dim()
        };
        formats.push(Span::styled(format!(" {} ", f.extension()), style));
        formats.push(Span::raw(" "));
    }
    let scope = d.scope();
    let scope_line = Line::from(vec![
        Span::styled("Scope   ", on(1)),
        Span::raw("‹ "),
        Span::styled(
            app.scope_label(scope),
            Style::new().add_modifier(Modifier::REVERSED),
        ),
        Span::raw(" ›"),
        Span::styled(format!("  {}/{}", d.scope + 1, d.scopes.len()), theme.dim()),
    ]);
    let name = free_export_name(&app.export_dir, &app.export_base(scope), d.format());
    let file = Line::from(vec![
        Span::styled("File    ", bold),
        Span::raw(display_line(&name)),
    ]);
    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
    let keys = format!(
        "{}/{} change · {}/{} row · {} write · {} cancel",
        k(Action::PrevTab),
        k(Action::NextTab),
        k(Action::Up),
        k(Action::Down),
        k(Action::Activate),
        k(Action::Cancel)
    );
    let lines = vec![
        Line::from(formats),
        scope_line,
        file,
        Line::default(),
        Line::styled(keys, theme.dim()),
    ];
    let w = area.width.min(70);
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let block = Block::bordered()
        .title(Line::from(" Export ").style(bold))
        .border_style(theme.border(true));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        rect,
    );
}
