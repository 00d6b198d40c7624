//! Free selections (`v`): a selection starts on the word at the reading position and its moving
//! end is extended or pulled back by whole words, sentences or screen lines. The boundary math is
//! pure functions over the text (tested below); the selection itself is two byte offsets.

use super::{App, Item, Placement};
use crate::analysis::model::Span;
use crate::tui::wrap::RowIndex;
use std::sync::Arc;

/// How far a sentence boundary is looked for; a "sentence" in a text without punctuation (a
/// 10 MB line) ends there.
const SENTENCE_LIMIT: usize = 64 * 1024;
/// How far a word boundary is looked for.
const WORD_LIMIT: usize = 16 * 1024;

/// A selection being made: the word it started on, which always stays selected, and its moving
/// end, before or after that word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextSelection {
    pub anchor: Span,
    pub head: usize,
}

impl TextSelection {
    /// The selected bytes.
    pub fn span(&self) -> Span {
        Span::new(
            self.anchor.start.min(self.head),
            self.anchor.end.max(self.head),
        )
    }

    /// True while the moving end is after the first word (the selection grows forward).
    fn forward(&self) -> bool {
        self.head >= self.anchor.end
    }
}

/// What the movement keys step over while selecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Word,
    Sentence,
    Line,
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The word (a run of non-space characters) at `pos`, or the next one, or else the one before.
pub fn word_at(text: &str, pos: usize) -> Span {
    let pos = floor_boundary(text, pos);
    let limit = ceil_boundary(text, pos + WORD_LIMIT);
    let after = &text[pos..limit];
    let start = match after.find(|c: char| !c.is_whitespace()) {
        Some(i) => pos + i,
        None => {
            // Only spaces ahead: the word before.
            let from = floor_boundary(text, pos.saturating_sub(WORD_LIMIT));
            let before = &text[from..pos];
            let Some(end) = before.rfind(|c: char| !c.is_whitespace()) else {
                return Span::new(pos, pos);
            };
            let end = from + end + before[end..].chars().next().map_or(0, char::len_utf8);
            return Span::new(prev_word_start(text, end).unwrap_or(from), end);
        }
    };
    // Back to the word's own start when `pos` is inside it.
    let start = if start == pos {
        let from = floor_boundary(text, pos.saturating_sub(WORD_LIMIT));
        text[from..pos]
            .rfind(char::is_whitespace)
            .map_or(from, |i| {
                from + i + text[from + i..].chars().next().map_or(1, char::len_utf8)
            })
    } else {
        start
    };
    let end = next_word_end(text, start).unwrap_or(text.len());
    Span::new(start, end)
}

/// The first end of a word after `pos`.
pub fn next_word_end(text: &str, pos: usize) -> Option<usize> {
    let pos = floor_boundary(text, pos);
    let limit = ceil_boundary(text, pos + WORD_LIMIT);
    let rest = &text[pos..limit];
    let word = rest.find(|c: char| !c.is_whitespace())?;
    let end = rest[word..]
        .find(char::is_whitespace)
        .map_or(rest.len(), |i| word + i);
    Some(pos + end)
}

/// The last start of a word before `pos`.
pub fn prev_word_start(text: &str, pos: usize) -> Option<usize> {
    let pos = floor_boundary(text, pos);
    let from = floor_boundary(text, pos.saturating_sub(WORD_LIMIT));
    let before = &text[from..pos];
    let last = before.rfind(|c: char| !c.is_whitespace())?;
    let start = before[..last].rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    Some(from + start)
}

/// The first start of a word after `pos`.
pub fn next_word_start(text: &str, pos: usize) -> Option<usize> {
    let pos = floor_boundary(text, pos);
    let limit = ceil_boundary(text, pos + WORD_LIMIT);
    let rest = &text[pos..limit];
    // Skip the word `pos` is in (or at), then the spaces after it.
    let gap = rest.find(char::is_whitespace)?;
    let next = rest[gap..].find(|c: char| !c.is_whitespace())?;
    Some(pos + gap + next)
}

/// The last end of a word before `pos`.
pub fn prev_word_end(text: &str, pos: usize) -> Option<usize> {
    let pos = floor_boundary(text, pos);
    let from = floor_boundary(text, pos.saturating_sub(WORD_LIMIT));
    let before = &text[from..pos];
    // Skip back over the word `pos` is inside, then find the word before it.
    let trimmed = before.trim_end_matches(|c: char| !c.is_whitespace());
    let last = trimmed.rfind(|c: char| !c.is_whitespace())?;
    Some(from + last + trimmed[last..].chars().next().map_or(1, char::len_utf8))
}

const CLOSERS: [char; 8] = ['"', '”', '’', '\'', ')', ']', '»', '*'];

/// True when a sentence ends at byte `e`: after `.`, `!`, `?` or `…` (and any closing quotes or
/// brackets) followed by a space or the end, or at the end of a line.
pub fn is_sentence_end(text: &str, e: usize) -> bool {
    if e == 0 || e > text.len() || !text.is_char_boundary(e) {
        return false;
    }
    let before = &text[..e];
    let after = &text[e..];
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if last.is_whitespace() {
        return false;
    }
    if after.is_empty() || after.starts_with('\n') {
        return true;
    }
    if !after.starts_with(char::is_whitespace) {
        return false;
    }
    let core = before.trim_end_matches(CLOSERS);
    core.ends_with(['.', '!', '?', '…'])
}

/// True when a sentence starts at byte `s`: the first non-space after a sentence end.
fn is_sentence_start(text: &str, s: usize) -> bool {
    if !text.is_char_boundary(s) || s >= text.len() {
        return false;
    }
    if text[s..].starts_with(char::is_whitespace) {
        return false;
    }
    let before = &text[..s];
    let trimmed = before.trim_end();
    if trimmed.is_empty() {
        return true;
    }
    trimmed.len() < before.len() && is_sentence_end(text, trimmed.len())
}

fn boundaries_after(text: &str, pos: usize, is: impl Fn(&str, usize) -> bool) -> usize {
    let limit = ceil_boundary(text, pos + SENTENCE_LIMIT);
    let mut i = pos;
    for (k, c) in text[pos..limit].char_indices() {
        i = pos + k + c.len_utf8();
        if is(text, i) {
            return i;
        }
    }
    i.max(pos)
}

fn boundaries_before(text: &str, pos: usize, is: impl Fn(&str, usize) -> bool) -> usize {
    let from = floor_boundary(text, pos.saturating_sub(SENTENCE_LIMIT));
    for (k, _) in text[from..pos].char_indices().rev() {
        if is(text, from + k) {
            return from + k;
        }
    }
    from
}

/// The first sentence end after `pos`.
pub fn next_sentence_end(text: &str, pos: usize) -> usize {
    boundaries_after(text, floor_boundary(text, pos), is_sentence_end)
}

/// The last sentence start before `pos`.
pub fn prev_sentence_start(text: &str, pos: usize) -> usize {
    boundaries_before(text, floor_boundary(text, pos), is_sentence_start)
}

/// The first sentence start after `pos`.
pub fn next_sentence_start(text: &str, pos: usize) -> usize {
    boundaries_after(text, floor_boundary(text, pos), is_sentence_start)
}

/// The last sentence end before `pos`.
pub fn prev_sentence_end(text: &str, pos: usize) -> usize {
    boundaries_before(text, floor_boundary(text, pos), is_sentence_end)
}

/// Where the moving end goes for one step of `unit`. Growing the selection goes to the next
/// *end* of a unit when it extends forward and to the previous *start* when it extends backward;
/// shrinking goes back by the same kind of boundary and stops at the first word, from which a
/// further step turns the selection around.
pub fn step(
    sel: TextSelection,
    unit: Unit,
    forward: bool,
    text: &str,
    rows: &mut RowIndex,
) -> TextSelection {
    let a = sel.anchor;
    // Only the first word selected: the step decides the direction.
    let (h, ahead) = if sel.head == a.end && !forward {
        (a.start, false)
    } else if sel.head == a.start && forward {
        (a.end, true)
    } else {
        (sel.head, sel.forward())
    };
    let target = match (unit, forward, ahead) {
        // Away from the first word: whole units outward.
        (Unit::Word, true, true) => next_word_end(text, h).unwrap_or(h),
        (Unit::Word, false, false) => prev_word_start(text, h).unwrap_or(h),
        (Unit::Sentence, true, true) => next_sentence_end(text, h),
        (Unit::Sentence, false, false) => prev_sentence_start(text, h),
        (Unit::Line, true, true) => next_row_end(rows, text, h),
        (Unit::Line, false, false) => prev_row_start(rows, text, h),
        // Back towards it: the boundary of the same kind, not past the first word.
        (Unit::Word, false, true) => prev_word_end(text, h).unwrap_or(a.end).max(a.end),
        (Unit::Word, true, false) => next_word_start(text, h).unwrap_or(a.start).min(a.start),
        (Unit::Sentence, false, true) => prev_sentence_end(text, h).max(a.end),
        (Unit::Sentence, true, false) => next_sentence_start(text, h).min(a.start),
        (Unit::Line, false, true) => prev_row_end(rows, text, h).max(a.end),
        (Unit::Line, true, false) => next_row_start(rows, text, h).min(a.start),
    };
    TextSelection {
        head: target,
        ..sel
    }
}

fn next_row_end(rows: &mut RowIndex, text: &str, pos: usize) -> usize {
    let r = rows.row_at(text, pos);
    let row = rows.row(text, r);
    if pos < row.end {
        return row.end;
    }
    match rows.next_row(text, r) {
        Some(n) => rows.row(text, n).end.max(pos),
        None => row.end.max(pos),
    }
}

fn prev_row_start(rows: &mut RowIndex, text: &str, pos: usize) -> usize {
    let r = rows.row_at(text, pos.saturating_sub(1));
    rows.row(text, r).start.min(pos)
}

fn next_row_start(rows: &mut RowIndex, text: &str, pos: usize) -> usize {
    let r = rows.row_at(text, pos);
    match rows.next_row(text, r) {
        Some(n) => rows.row(text, n).start,
        None => pos,
    }
}

fn prev_row_end(rows: &mut RowIndex, text: &str, pos: usize) -> usize {
    let r = rows.row_at(text, pos.saturating_sub(1));
    let row = rows.row(text, r);
    if row.end < pos {
        return row.end;
    }
    match rows.prev_row(text, r) {
        Some(p) => rows.row(text, p).end.min(pos),
        None => pos,
    }
}

/// `span` without the spaces at either end.
pub fn trimmed(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

impl App {
    /// `v`: starts a selection on the word at the reading position: the current item's first
    /// word (inside a quote's marks), else the top of the screen.
    pub(super) fn start_selection(&mut self) {
        if self.doc.text.is_empty() {
            self.info("There is no text to select");
            return;
        }
        let at = match (self.current, &self.ann) {
            (Some(Item::Quote(q)), Some(a)) => a.analysis.quotes.get(q).map(|q| q.content.start),
            (Some(item), _) => self.item_span(item).map(|s| s.start),
            (None, _) => None,
        };
        let text = &self.doc.text;
        let anchor = match at {
            Some(start) => Span::new(start, next_word_end(text, start).unwrap_or(text.len())),
            None => word_at(text, self.article.top()),
        };
        self.selection = Some(TextSelection {
            anchor,
            head: anchor.end,
        });
        self.focus = super::Focus::Article;
    }

    /// Moves the selection's end by one `unit` and keeps it on screen.
    pub(super) fn extend_selection(&mut self, unit: Unit, forward: bool) {
        let Some(sel) = self.selection else { return };
        let doc = Arc::clone(&self.doc);
        let next = step(sel, unit, forward, &doc.text, self.article.row_index());
        self.selection = Some(next);
        let h = next.head;
        let around = Span::new(h.saturating_sub(1), h.max(1).min(doc.text.len()));
        self.bring_into_view(around, Placement::Nearest);
    }

    /// The selected bytes without surrounding spaces, if a selection is being made.
    pub fn selection_span(&self) -> Option<Span> {
        self.selection
            .map(|s| trimmed(&self.doc.text, s.span()))
            .filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "He said: “We will win.” Then he left.\nNew line here.";

    fn text_of(s: Span) -> &'static str {
        s.text(T)
    }

    #[test]
    fn words_are_runs_of_non_spaces() {
        assert_eq!(text_of(word_at(T, 0)), "He");
        assert_eq!(text_of(word_at(T, 4)), "said:");
        assert_eq!(
            text_of(word_at(T, 2)),
            "said:",
            "from a space: the next word"
        );
        assert_eq!(next_word_end(T, 0).map(|e| &T[..e]), Some("He"));
        assert_eq!(next_word_end(T, 2).map(|e| &T[..e]), Some("He said:"));
        let end_of_we = T.find("We").unwrap_or(0) + 2;
        assert_eq!(
            prev_word_start(T, end_of_we).map(|s| &T[s..end_of_we]),
            Some("“We")
        );
        assert_eq!(next_word_start(T, 0).map(|s| &T[s..s + 4]), Some("said"));
        assert_eq!(prev_word_end(T, 7).map(|e| &T[..e]), Some("He"));
        assert_eq!(word_at("   ", 1), Span::new(1, 1));
        assert_eq!(word_at("", 0), Span::new(0, 0));
        assert_eq!(text_of(word_at(T, T.len())), "here.");
    }

    #[test]
    fn sentences_end_at_stops_and_line_ends() {
        let e = next_sentence_end(T, 0);
        assert_eq!(&T[..e], "He said: “We will win.”");
        let e2 = next_sentence_end(T, e);
        assert_eq!(&T[e..e2], " Then he left.");
        let e3 = next_sentence_end(T, e2);
        assert_eq!(&T[e2..e3], "\nNew line here.");
        assert_eq!(&T[prev_sentence_start(T, e2)..e2], "Then he left.");
        assert_eq!(prev_sentence_start(T, 5), 0);
        assert_eq!(&T[next_sentence_start(T, 0)..e2], "Then he left.");
        assert_eq!(prev_sentence_end(T, e2), e);
        // No punctuation at all: the search stops at its limit.
        let long = "word ".repeat(40_000);
        assert!(next_sentence_end(&long, 0) <= SENTENCE_LIMIT + 4);
    }

    #[test]
    fn a_selection_grows_and_shrinks_by_whole_units() {
        let mut rows = RowIndex::new(20);
        let anchor = word_at(T, 0);
        let mut sel = TextSelection {
            anchor,
            head: anchor.end,
        };
        sel = step(sel, Unit::Word, true, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said:");
        sel = step(sel, Unit::Sentence, true, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said: “We will win.”");
        sel = step(sel, Unit::Word, false, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said: “We will");
        // At 20 columns "He said: “We will" is the first row: a line more is the second row.
        sel = step(sel, Unit::Line, true, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said: “We will win.” Then he left.");
        sel = step(sel, Unit::Line, false, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said: “We will");
        // Back to the first word, never past it.
        for _ in 0..10 {
            sel = step(sel, Unit::Word, false, T, &mut rows);
        }
        assert!(sel.span().covers(anchor));
    }

    #[test]
    fn a_selection_can_grow_backwards() {
        let mut rows = RowIndex::new(80);
        let at = T.find("Then").unwrap_or(0);
        let anchor = word_at(T, at);
        let sel = TextSelection {
            anchor,
            head: anchor.start,
        };
        let sel = step(sel, Unit::Word, false, T, &mut rows);
        assert_eq!(text_of(sel.span()), "win.” Then");
        let sel = step(sel, Unit::Sentence, false, T, &mut rows);
        assert_eq!(text_of(sel.span()), "He said: “We will win.” Then");
        // A word forward pulls the start back in.
        let sel = step(sel, Unit::Word, true, T, &mut rows);
        assert_eq!(text_of(sel.span()), "said: “We will win.” Then");
    }

    #[test]
    fn trimming_drops_outer_spaces() {
        assert_eq!(trimmed("  ab  ", Span::new(0, 6)), Span::new(2, 4));
        assert!(trimmed("   ", Span::new(0, 3)).is_empty());
    }
}
