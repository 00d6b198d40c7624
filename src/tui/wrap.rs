//! Wrapping the article into screen rows, lazily, as byte ranges.
//!
//! The text is cut into *blocks*: one per line (text between `\n`s), and a line longer than
//! [`CHUNK`] bytes is cut further at fixed, position-independent boundaries, so any block can be
//! found from any byte without scanning from the start. A block is wrapped on demand with
//! textwrap's first-fit algorithm over fragments that carry byte offsets, and the result (a list
//! of [`Row`]s) is cached for the current width. Nothing is ever wrapped that is not near the view,
//! so opening, jumping and resizing cost the same for a 6 KB article and a 100 MB book.

use std::collections::BTreeMap;
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

/// Lines longer than this many bytes are wrapped in chunks of about this size.
pub const CHUNK: usize = 16 * 1024;
/// How far past a chunk boundary we look for a space to cut at.
const CHUNK_SLACK: usize = 256;
/// Columns a tab takes on screen (tabs are drawn as this many spaces).
pub const TAB_WIDTH: usize = 4;
/// More cached blocks than this and the cache starts afresh (the view needs a few dozen).
const CACHE_LIMIT: usize = 4096;

/// One screen row: the bytes `start..end` of the text (no trailing whitespace, no newline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// A wrapped block. It *covers* the bytes `start..next` (its text plus the newline that ends it),
/// so every byte of the document belongs to exactly one block.
#[derive(Debug, Clone)]
struct Block {
    start: usize,
    next: usize,
    rows: Vec<Row>,
}

/// Where a row is: the start of its block and its index among the block's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowRef {
    pub block: usize,
    pub index: usize,
}

/// The on-screen width of a character as the reader draws it.
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        TAB_WIDTH
    } else if let Some(v) = crate::document::sanitize::visible(c) {
        v.width().unwrap_or(1)
    } else {
        c.width().unwrap_or(0)
    }
}

/// The on-screen width of a string as the reader draws it.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A word with the whitespace after it, as byte offsets, for textwrap's first-fit wrapper.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    word_end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Wraps `text[start..end]` (one block, no newline inside) to `width` columns.
/// Words wider than the line are broken between characters.
pub fn wrap_block(text: &str, start: usize, end: usize, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let Some(slice) = text.get(start..end) else {
        return vec![Row { start, end: start }];
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut chars = slice.char_indices().peekable();
    // Leading whitespace (an indent) becomes an empty word followed by that whitespace.
    if slice.starts_with(is_space) {
        let mut space = 0;
        while let Some(&(_, c)) = chars.peek() {
            if !is_space(c) {
                break;
            }
            space += char_width(c);
            chars.next();
        }
        pieces.push(Piece {
            start,
            word_end: start,
            width: 0,
            space,
        });
    }
    while let Some(&(word_start, _)) = chars.peek() {
        // The word, broken into pieces no wider than the line.
        let mut piece_start = word_start;
        let mut piece_width = 0;
        let mut word_end = word_start;
        while let Some(&(i, c)) = chars.peek() {
            if is_space(c) {
                break;
            }
            let w = char_width(c);
            if piece_width + w > width && piece_width > 0 {
                pieces.push(Piece {
                    start: start + piece_start,
                    word_end: start + i,
                    width: piece_width,
                    space: 0,
                });
                piece_start = i;
                piece_width = 0;
            }
            piece_width += w;
            word_end = i + c.len_utf8();
            chars.next();
        }
        let mut space = 0;
        while let Some(&(_, c)) = chars.peek() {
            if !is_space(c) {
                break;
            }
            space += char_width(c);
            chars.next();
        }
        pieces.push(Piece {
            start: start + piece_start,
            word_end: start + word_end,
            width: piece_width,
            space,
        });
    }
    if pieces.is_empty() {
        return vec![Row { start, end: start }];
    }
    textwrap::wrap_algorithms::wrap_first_fit(&pieces, &[width as f64])
        .into_iter()
        .filter_map(|line| {
            let first = line.first()?;
            let last = line.last()?;
            Some(Row {
                start: first.start,
                end: last.word_end,
            })
        })
        .collect()
}

/// The rows of the document for one width, wrapped on demand and cached.
#[derive(Debug)]
pub struct RowIndex {
    width: usize,
    blocks: BTreeMap<usize, Block>,
    /// Lines longer than [`CHUNK`]: start → end (they do not depend on the width).
    long_lines: BTreeMap<usize, usize>,
}

impl RowIndex {
    pub fn new(width: usize) -> Self {
        RowIndex {
            width: width.max(1),
            blocks: BTreeMap::new(),
            long_lines: BTreeMap::new(),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Changes the wrap width; cached rows are dropped when it differs.
    pub fn set_width(&mut self, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.blocks.clear();
        }
    }

    /// Forgets every wrapped block (the text changed).
    pub fn clear(&mut self) {
        self.blocks.clear();
        self.long_lines.clear();
    }

    /// Number of blocks currently wrapped (for tests of laziness).
    pub fn cached_blocks(&self) -> usize {
        self.blocks.len()
    }

    /// The row holding byte `pos` (positions past the end map to the last row).
    pub fn row_at(&mut self, text: &str, pos: usize) -> RowRef {
        let block = self.block_at(text, pos);
        let rows = &self.blocks[&block].rows;
        let index = rows.partition_point(|r| r.start <= pos).saturating_sub(1);
        RowRef { block, index }
    }

    /// The byte range of a row.
    pub fn row(&mut self, text: &str, r: RowRef) -> Row {
        let block = self.block_at(text, r.block);
        let rows = &self.blocks[&block].rows;
        rows[r.index.min(rows.len() - 1)]
    }

    /// The row after `r`, or `None` at the end of the document.
    pub fn next_row(&mut self, text: &str, r: RowRef) -> Option<RowRef> {
        let block = self.block_at(text, r.block);
        let b = &self.blocks[&block];
        if r.index + 1 < b.rows.len() {
            return Some(RowRef {
                block,
                index: r.index + 1,
            });
        }
        let next = b.next;
        if next > last_position(text) {
            return None;
        }
        let nb = self.block_at(text, next);
        Some(RowRef {
            block: nb,
            index: 0,
        })
    }

    /// The row before `r`, or `None` at the start of the document.
    pub fn prev_row(&mut self, text: &str, r: RowRef) -> Option<RowRef> {
        let block = self.block_at(text, r.block);
        if r.index > 0 {
            return Some(RowRef {
                block,
                index: r.index - 1,
            });
        }
        if block == 0 {
            return None;
        }
        let pb = self.block_at(text, block - 1);
        let len = self.blocks[&pb].rows.len();
        Some(RowRef {
            block: pb,
            index: len - 1,
        })
    }

    /// Walks `n` rows forward (positive) or back (negative), stopping at either end.
    /// Returns the row reached and how many rows were actually moved.
    pub fn walk(&mut self, text: &str, from: RowRef, n: isize) -> (RowRef, usize) {
        let mut r = from;
        let mut moved = 0;
        while moved < n.unsigned_abs() {
            let step = if n > 0 {
                self.next_row(text, r)
            } else {
                self.prev_row(text, r)
            };
            match step {
                Some(s) => {
                    r = s;
                    moved += 1;
                }
                None => break,
            }
        }
        (r, moved)
    }

    /// The last row of the document.
    pub fn last_row(&mut self, text: &str) -> RowRef {
        self.row_at(text, text.len())
    }

    /// Finds (wrapping and caching if needed) the block covering `pos`; returns its start.
    fn block_at(&mut self, text: &str, pos: usize) -> usize {
        let pos = pos.min(last_position(text));
        if let Some((&start, b)) = self.blocks.range(..=pos).next_back()
            && pos < b.next
        {
            return start;
        }
        let (line_start, line_end) = self.line_at(text, pos);
        let (start, end, next) = block_bounds(text, line_start, line_end, pos);
        if self.blocks.len() >= CACHE_LIMIT {
            self.blocks.clear();
        }
        let rows = wrap_block(text, start, end, self.width);
        self.blocks.insert(start, Block { start, next, rows });
        debug_assert_eq!(self.blocks[&start].start, start);
        start
    }

    /// The line (between newlines) holding `pos`. Lines longer than a chunk are remembered, so
    /// moving through a huge single-line file scans it for newlines only once.
    fn line_at(&mut self, text: &str, pos: usize) -> (usize, usize) {
        if let Some((&start, &end)) = self.long_lines.range(..=pos).next_back()
            && pos <= end
        {
            return (start, end);
        }
        let bytes = text.as_bytes();
        let pos = pos.min(text.len());
        let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        if end - start > CHUNK {
            self.long_lines.insert(start, end);
        }
        (start, end)
    }
}

/// The last byte position a row can start at: a final newline does not open an empty line.
fn last_position(text: &str) -> usize {
    if text.ends_with('\n') {
        text.len() - 1
    } else {
        text.len()
    }
}

/// The block covering `pos` in the line `line_start..line_end`: `(start, end, next)` where `end`
/// is the end of its text and `next` the start of the following block (after the newline, or at
/// a chunk boundary).
fn block_bounds(
    text: &str,
    line_start: usize,
    line_end: usize,
    pos: usize,
) -> (usize, usize, usize) {
    let pos = pos.min(text.len());
    // The last block's `next` lies past the end, so every position up to `text.len()` is covered.
    let after_line = line_end + 1;
    if line_end - line_start <= CHUNK {
        return (line_start, line_end, after_line);
    }
    // A long line: chunk k starts at `chunk_boundary(k)`.
    let q = if pos >= line_end { line_end - 1 } else { pos };
    let mut k = (q - line_start) / CHUNK;
    if k > 0 && chunk_boundary(text, line_start, line_end, k) > q {
        k -= 1;
    }
    let start = chunk_boundary(text, line_start, line_end, k);
    let end = chunk_boundary(text, line_start, line_end, k + 1);
    let next = if end >= line_end { after_line } else { end };
    (start, end, next)
}

/// The start of chunk `k` of the line `line_start..line_end`: just after the first space in a
/// short window past `line_start + k * CHUNK`, or the next character boundary if there is none.
/// It depends only on the line and `k`, so any chunk can be found directly.
fn chunk_boundary(text: &str, line_start: usize, line_end: usize, k: usize) -> usize {
    if k == 0 {
        return line_start;
    }
    let target = line_start + k * CHUNK;
    if target >= line_end {
        return line_end;
    }
    let window_end = (target + CHUNK_SLACK).min(line_end);
    if let Some(i) = memchr::memchr(b' ', &text.as_bytes()[target..window_end]) {
        return target + i + 1;
    }
    let mut b = target;
    while b < line_end && !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap_block(text, 0, text.len(), width)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_rows_are_byte_ranges() {
        assert_eq!(
            rows("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        let t = "“Déjà vu,” she said.";
        let r = wrap_block(t, 0, t.len(), 10);
        assert_eq!(r[0], Row { start: 0, end: 16 });
        assert_eq!(&t[r[0].start..r[0].end], "“Déjà vu,”");
    }

    #[test]
    fn long_words_are_broken_and_indents_kept() {
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("  indented text", 20), ["  indented text"]);
        assert_eq!(rows("", 5), [""]);
    }

    #[test]
    fn tabs_count_as_four_columns() {
        assert_eq!(rows("a\tb c", 6), ["a\tb", "c"]);
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let t = "Belarusian President Aleksandr Lukashenko held talks with Russian President";
        for w in 1..40 {
            for r in wrap_block(t, 0, t.len(), w) {
                assert!(str_width(&t[r.start..r.end]) <= w, "width {w}");
            }
        }
    }

    #[test]
    fn row_index_walks_across_lines() {
        let t = "one two\n\nthree four five\n";
        let mut idx = RowIndex::new(5);
        let first = idx.row_at(t, 0);
        let mut seen = vec![];
        let mut r = Some(first);
        while let Some(x) = r {
            let row = idx.row(t, x);
            seen.push(&t[row.start..row.end]);
            r = idx.next_row(t, x);
        }
        assert_eq!(seen, ["one", "two", "", "three", "four", "five"]);
        // And back again.
        let mut back = vec![];
        let mut r = Some(idx.last_row(t));
        while let Some(x) = r {
            let row = idx.row(t, x);
            back.push(&t[row.start..row.end]);
            r = idx.prev_row(t, x);
        }
        back.reverse();
        assert_eq!(back, seen);
    }

    #[test]
    fn row_at_finds_the_row_of_any_byte() {
        let t = "alpha beta gamma\ndelta";
        let mut idx = RowIndex::new(6);
        for (pos, want) in [
            (0, "alpha"),
            (5, "alpha"),
            (6, "beta"),
            (16, "gamma"),
            (17, "delta"),
            (22, "delta"),
        ] {
            let r = idx.row_at(t, pos);
            let row = idx.row(t, r);
            assert_eq!(&t[row.start..row.end], want, "byte {pos}");
        }
    }

    #[test]
    fn long_lines_are_chunked_at_stable_boundaries() {
        let word = "lorem ipsum dolor sit amet ";
        let t: String = word.repeat(CHUNK * 3 / word.len());
        let mut idx = RowIndex::new(40);
        // Walk the whole line forward, then backward: same rows, and each row fits.
        let mut fwd = vec![];
        let mut r = Some(idx.row_at(&t, 0));
        while let Some(x) = r {
            fwd.push(idx.row(&t, x));
            r = idx.next_row(&t, x);
        }
        let mut other = RowIndex::new(40);
        let mut back = vec![];
        let mut r = Some(other.last_row(&t));
        while let Some(x) = r {
            back.push(other.row(&t, x));
            r = other.prev_row(&t, x);
        }
        back.reverse();
        assert_eq!(fwd, back);
        assert!(fwd.iter().all(|r| r.end - r.start <= 40));
        assert!(idx.cached_blocks() >= 3);
        // Rows cover the text in order.
        assert!(fwd.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn only_blocks_near_the_view_are_wrapped() {
        let t = "para\n".repeat(100_000);
        let mut idx = RowIndex::new(20);
        let r = idx.row_at(&t, t.len() / 2);
        let _ = idx.walk(&t, r, 30);
        assert!(idx.cached_blocks() < 40);
    }

    proptest::proptest! {
        #[test]
        fn rows_cover_every_visible_character_exactly_once(s in "[a-zé“”字 \t\n]{0,200}", w in 2usize..30) {
            let mut idx = RowIndex::new(w);
            let mut covered = vec![false; s.len()];
            let mut r = Some(idx.row_at(&s, 0));
            let mut last_end = None;
            while let Some(x) = r {
                let row = idx.row(&s, x);
                proptest::prop_assert!(s.is_char_boundary(row.start) && s.is_char_boundary(row.end));
                proptest::prop_assert!(str_width(&s[row.start..row.end]) <= w);
                // Rows follow each other without overlapping: no byte is shown twice.
                if let Some(le) = last_end { proptest::prop_assert!(row.start >= le, "rows overlap at {}", row.start); }
                last_end = Some(row.end);
                for c in covered.iter_mut().take(row.end).skip(row.start) { *c = true; }
                // row_at maps every byte of the row back to it.
                proptest::prop_assert_eq!(idx.row_at(&s, row.start), x);
                r = idx.next_row(&s, x);
            }
            for (i, c) in s.char_indices() {
                if !(c == ' ' || c == '\t' || c == '\n') {
                    proptest::prop_assert!(covered[i], "byte {} not on screen", i);
                }
            }
        }
    }
}
