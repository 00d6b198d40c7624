//! The library screen: the documents (title, quotes, main speakers) beside the index of quoted
//! speakers. Rows still being analysed say so and fill in as their results arrive.

use super::sidebar::{short_name, window};
use super::{display_line, truncate};
use crate::tui::app::{App, EntryState, LibFilter, LibFocus};
use crate::tui::layout::LibraryScreen;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Columns of the quotes count.
const QUOTES_W: usize = 8;

pub fn draw(frame: &mut Frame, app: &mut App, screen: &LibraryScreen) {
    let theme = app.theme;
    let Some(lib) = app.library.as_mut() else {
        return;
    };
    let buf = frame.buffer_mut();
    let visible = lib.visible();
    // Documents.
    let list = screen.list;
    if list.width > 0 && list.height > 0 {
        let width = list.width as usize;
        let title_w = (width.saturating_sub(QUOTES_W + 2) * 45 / 100).max(10);
        if screen.columns.height > 0 {
            let line = match &lib.filter {
                Some(f) => Line::from(vec![
                    Span::styled(
                        format!(" {} of {} documents ", visible.len(), lib.entries.len()),
                        theme.emphasis(),
                    ),
                    Span::styled(f.describe(), theme.emphasis()),
                ]),
                None => Line::from(Span::styled(
                    format!(
                        " {:<title_w$} {:>q$}  Main speakers",
                        "Document",
                        "Quotes",
                        q = QUOTES_W - 1
                    ),
                    theme.dim(),
                )),
            };
            buf.set_line(
                screen.columns.x,
                screen.columns.y,
                &line,
                screen.columns.width,
            );
        }
        let focused = lib.focus == LibFocus::Documents;
        let height = list.height as usize;
        let sel = (!visible.is_empty()).then(|| lib.sel.min(visible.len() - 1));
        lib.offset = window(visible.len(), sel, lib.offset, height);
        if visible.is_empty() {
            let msg = if lib.filter.is_some() {
                "No document quotes that speaker"
            } else {
                "No documents"
            };
            buf.set_string(list.x + 1, list.y, msg, theme.dim());
        }
        let highlight_name = match &lib.filter {
            Some(LibFilter::Speaker(n)) | Some(LibFilter::Name(n)) => Some(n.to_lowercase()),
            None => None,
        };
        for (row, &i) in visible.iter().enumerate().skip(lib.offset).take(height) {
            let e = &lib.entries[i];
            let current = lib.current == Some(i);
            let mark = if current { "▸" } else { " " };
            let spans = match &e.state {
                EntryState::Waiting => vec![
                    Span::raw(mark),
                    Span::raw(pad(
                        &truncate(&display_line(&e.file_name()), title_w),
                        title_w,
                    )),
                    Span::styled("  analysing…", theme.dim()),
                ],
                EntryState::Failed(m) => vec![
                    Span::raw(mark),
                    Span::raw(pad(
                        &truncate(&display_line(&e.file_name()), title_w),
                        title_w,
                    )),
                    Span::styled(
                        format!(
                            "  {}",
                            truncate(&display_line(m), width.saturating_sub(title_w + 3))
                        ),
                        theme.alert(),
                    ),
                ],
                EntryState::Ready(s) => {
                    let mut spans = vec![
                        Span::raw(mark),
                        Span::raw(pad(&truncate(&display_line(&s.title), title_w), title_w)),
                        Span::styled(
                            format!(" {:>q$}  ", s.quotes, q = QUOTES_W - 1),
                            theme.dim(),
                        ),
                    ];
                    let mut room = width.saturating_sub(1 + title_w + QUOTES_W + 2);
                    for (k, (name, n)) in s.speakers.iter().take(4).enumerate() {
                        let part = format!(
                            "{}{} {n}",
                            if k > 0 { ", " } else { "" },
                            display_line(short_name(name))
                        );
                        if part.width() > room {
                            if room >= 1 {
                                spans.push(Span::styled("…", theme.dim()));
                            }
                            break;
                        }
                        room -= part.width();
                        let hit = highlight_name
                            .as_ref()
                            .is_some_and(|h| name.to_lowercase().contains(h.as_str()));
                        spans.push(Span::styled(
                            part,
                            if hit {
                                theme.emphasis()
                            } else {
                                Default::default()
                            },
                        ));
                    }
                    if s.speakers.is_empty() {
                        spans.push(Span::styled("no one quoted", theme.dim()));
                    }
                    spans
                }
            };
            let y = list.y + (row - lib.offset) as u16;
            let whole = Rect::new(list.x, y, list.width, 1);
            buf.set_line(list.x, y, &Line::from(spans), list.width);
            if sel == Some(row) {
                buf.set_style(whole, theme.list_selected(focused));
            }
        }
    }
    // The border and the speaker index.
    for y in screen.border.top()..screen.border.bottom() {
        buf.set_string(
            screen.border.x,
            y,
            "│",
            theme.border(lib.focus == LibFocus::Speakers),
        );
    }
    let index = screen.index;
    if index.width == 0 {
        return;
    }
    if screen.index_title.height > 0 {
        let title = format!(" Quoted speakers ({})", lib.speakers.len());
        buf.set_string(
            screen.index_title.x,
            screen.index_title.y,
            truncate(&title, screen.index_title.width as usize),
            theme.tab(true, lib.focus == LibFocus::Speakers),
        );
    }
    if index.height == 0 {
        return;
    }
    let focused = lib.focus == LibFocus::Speakers;
    let height = index.height as usize;
    let sel = (!lib.speakers.is_empty()).then_some(lib.speaker_sel);
    lib.speaker_offset = window(lib.speakers.len(), sel, lib.speaker_offset, height);
    let width = index.width as usize;
    if lib.speakers.is_empty() {
        let msg = if lib.pending() > 0 {
            "analysing…"
        } else {
            "No one quoted"
        };
        buf.set_string(index.x + 1, index.y, msg, theme.dim());
    }
    for (row, r) in lib
        .speakers
        .iter()
        .enumerate()
        .skip(lib.speaker_offset)
        .take(height)
    {
        let docs = format!(
            " {} doc{}",
            r.docs.len(),
            if r.docs.len() == 1 { "" } else { "s" }
        );
        let name_w = width.saturating_sub(docs.width() + 1);
        let name = truncate(&display_line(&r.name), name_w);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::raw(pad(&name, name_w)),
            Span::styled(docs, theme.dim()),
        ]);
        let y = index.y + (row - lib.speaker_offset) as u16;
        buf.set_line(index.x, y, &line, index.width);
        if sel == Some(row) {
            buf.set_style(
                Rect::new(index.x, y, index.width, 1),
                theme.list_selected(focused),
            );
        }
    }
}

/// `s` padded with spaces to `width` columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}
