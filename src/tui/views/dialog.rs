//! The export dialog: the format, the scope, the file name (editable) and the folder it goes
//! to.

use super::{display_line, truncate};
use crate::tui::action::Action;
use crate::tui::app::{App, ExportRow, FORMATS, Overlay};
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
    let on = |row: ExportRow| {
        if d.row == row {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            bold
        }
    };
    let mut formats = vec![Span::styled("Format  ", on(ExportRow::Format))];
    for (i, f) in FORMATS.iter().enumerate() {
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
        Span::styled("Scope   ", on(ExportRow::Scope)),
        Span::raw("‹ "),
        Span::styled(
            app.scope_label(scope),
            Style::new().add_modifier(Modifier::REVERSED),
        ),
        Span::raw(" ›"),
        Span::styled(format!("  {}/{}", d.scope + 1, d.scopes.len()), theme.dim()),
    ]);
    let w = area.width.min(70);
    let inner = w.saturating_sub(4) as usize;
    let ext = d.format().extension();
    // The name as typed (with its extension); below it, the file it will be if that is taken.
    let typed = format!("{}.{ext}", display_line(d.name.value()));
    let room = inner.saturating_sub(8);
    let mut file = vec![
        Span::styled("File    ", on(ExportRow::Name)),
        Span::raw(truncate(&typed, room)),
    ];
    if d.file != format!("{}.{ext}", d.name.value()) {
        // Taken: the export gets a number instead of replacing it.
        let more = format!(" → {} (taken)", display_line(&d.file));
        file.push(Span::styled(
            truncate(&more, room.saturating_sub(typed.len())),
            theme.dim(),
        ));
    }
    let file = Line::from(file);
    let folder = display_line(&app.export_dir.display().to_string());
    // A long folder keeps its end: the part that tells folders apart.
    let folder = if unicode_width::UnicodeWidthStr::width(folder.as_str()) > room {
        let tail: String = folder.chars().rev().take(room.saturating_sub(1)).collect();
        format!("…{}", tail.chars().rev().collect::<String>())
    } else {
        folder
    };
    let folder_line = Line::from(vec![Span::styled("Folder  ", bold), Span::raw(folder)]);
    let k = |a: Action| app.keymap.hint(a).unwrap_or_default();
    let keys = match d.row {
        ExportRow::Name => format!(
            "type a name · {}/{} row · {} write · {} cancel",
            k(Action::Up),
            k(Action::Down),
            k(Action::Activate),
            k(Action::Cancel)
        ),
        _ => format!(
            "{}/{} change · {}/{} row · {} write · {} cancel",
            k(Action::PrevTab),
            k(Action::NextTab),
            k(Action::Up),
            k(Action::Down),
            k(Action::Activate),
            k(Action::Cancel)
        ),
    };
    let lines = vec![
        Line::from(formats),
        scope_line,
        file,
        folder_line,
        Line::default(),
        Line::styled(keys, theme.dim()),
    ];
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
    if d.row == ExportRow::Name && rect.height >= 5 {
        // The cursor in the name (inside the border and padding, after "File    ").
        let x = rect.x + 2 + 8 + d.name.visual_cursor() as u16;
        if x < rect.right().saturating_sub(2) {
            frame.set_cursor_position(ratatui::layout::Position::new(x, rect.y + 3));
        }
    }
}
