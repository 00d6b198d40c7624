//! The library screen: the documents (title, quotes, main speakers by their short names) in a
//! table beside the index of quoted speakers. Rows still being analysed say so and fill in as
//! their results arrive. Both lists are drawn from the positions the reader keeps.

use super::sidebar::render_rows;
use super::{display_line, truncate};
use crate::tui::app::{App, EntryState, LibFilter, LibFocus};
use crate::tui::layout::LibraryScreen;
use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

/// Columns of the quotes count.
const QUOTES_W: usize = 8;

pub fn draw(frame: &mut Frame, app: &App, screen: &LibraryScreen) {
    let theme = app.theme;
    let Some(lib) = app.library.as_ref() else {
        return;
    };
    let visible = lib.visible();
    // Documents.
    let list = screen.list;
    if list.width > 0 && list.height > 0 {
        let width = list.width as usize;
        let title_w = (width.saturating_sub(QUOTES_W + 2) * 45 / 100).max(10);
        let buf = frame.buffer_mut();
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
        let offset = lib.docs_list.offset();
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
        let mut rows = Vec::new();
        for &i in visible.iter().skip(offset).take(height) {
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
                    for (k, q) in s.speakers.iter().take(4).enumerate() {
                        let part = format!(
                            "{}{} {}",
                            if k > 0 { ", " } else { "" },
                            display_line(&q.short),
                            q.quotes
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
                            .is_some_and(|h| q.name.to_lowercase().contains(h.as_str()));
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
            rows.push(Row::new([Line::from(spans)]));
        }
        // One column: the row's own spans lay out title, quotes and speakers.
        let table = Table::new(rows, [Constraint::Fill(1)])
            .column_spacing(0)
            .row_highlight_style(theme.list_selected(focused));
        let selected = lib
            .docs_list
            .selected()
            .filter(|&s| s >= offset)
            .map(|s| s - offset);
        let mut state = TableState::default().with_selected(selected);
        frame.render_stateful_widget(table, list, &mut state);
    }
    // The border and the speaker index.
    let buf = frame.buffer_mut();
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
    let width = (index.width as usize).saturating_sub(1);
    if lib.speakers.is_empty() {
        let msg = if lib.pending() > 0 {
            "analysing…"
        } else {
            "No one quoted"
        };
        buf.set_string(index.x + 1, index.y, msg, theme.dim());
        return;
    }
    let offset = lib.index_list.offset();
    let rows: Vec<Line> = lib
        .speakers
        .iter()
        .skip(offset)
        .take(height)
        .map(|r| {
            let docs = format!(
                " {} doc{}",
                r.docs.len(),
                if r.docs.len() == 1 { "" } else { "s" }
            );
            let name_w = width.saturating_sub(docs.width());
            let name = truncate(&display_line(&r.name), name_w);
            Line::from(vec![
                Span::raw(pad(&name, name_w)),
                Span::styled(docs, theme.dim()),
            ])
        })
        .collect();
    render_rows(frame, index, rows, &lib.index_list, focused, &theme);
}

/// `s` padded with spaces to `width` columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}
