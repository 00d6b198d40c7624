//! Drawing. Each view reads the [`App`] and paints one part of the
//! [`Screen`](crate::tui::Screen) the reader laid out; nothing here changes the state (the rows
//! on screen, the lists' windows and the timeline are computed by `App::update`). Text from the
//! document goes through [`display`] before it reaches the buffer, so nothing in a file can
//! write escape sequences.

pub mod article;
pub mod dialog;
pub mod help;
pub mod library;
pub mod sidebar;
pub mod status;
pub mod timeline;

use super::app::{App, Mode};
use super::wrap::TAB_WIDTH;
use ratatui::Frame;
use std::borrow::Cow;

/// Draws a whole frame. The frame must be the size the reader was last told
/// ([`crate::tui::Input::Resize`]); the event loop sees to that before drawing.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if (area.width, area.height) != app.size {
        return;
    }
    if app.mode == Mode::Library {
        let screen = app.library_screen;
        status::draw_header(frame, app, screen.header);
        library::draw(frame, app, &screen);
        status::draw(frame, app, screen.status);
        help::draw(frame, app);
        return;
    }
    let screen = app.screen;
    status::draw_header(frame, app, screen.header);
    article::draw(frame, app, &screen);
    timeline::draw(frame, app, &screen);
    sidebar::draw(frame, app, &screen);
    status::draw(frame, app, screen.status);
    dialog::draw(frame, app);
    help::draw(frame, app);
}

/// Text from the document made safe and drawable: control characters become visible symbols (the
/// loader already did this; this is the last line of defence) and tabs become spaces.
pub fn display(s: &str) -> Cow<'_, str> {
    let safe = crate::document::sanitize::for_terminal(s);
    if safe.contains('\t') {
        Cow::Owned(safe.replace('\t', &" ".repeat(TAB_WIDTH)))
    } else {
        safe
    }
}

/// Like [`display`], for one-line list entries: newlines become spaces too.
pub fn display_line(s: &str) -> String {
    display(s)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect()
}

/// Cuts `s` to at most `width` columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_never_lets_control_characters_through() {
        assert_eq!(display("a\u{1b}[31mb\tc"), "a␛[31mb    c");
        assert_eq!(display_line("one\ntwo\u{7}"), "one two␇");
        assert!(matches!(display("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Lukashenko", 20), "Lukashenko");
        assert_eq!(truncate("Lukashenko", 5), "Luka…");
        assert_eq!(truncate("Lukashenko", 0), "");
    }
}
