//! Pairing quotation marks: every style, nesting, multi-paragraph quotes, and apostrophes that are
//! not marks. Quotes never run past their paragraph unless the next paragraph reopens them.
//!
//! The marks themselves are data: `assets/marks.toml` lists each mark with its family and role,
//! and `build.rs` compiles it into `INVENTORY`. The scanner searches for the first bytes of those
//! marks, and the rest of the engine asks `is_opening_mark`, `can_open` and `is_apostrophe`
//! rather than matching mark characters itself.

use super::model::Span;

/// Families of marks that close one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// “…” „…“ "…" ＂…＂
    Double,
    /// ‘…’ ‚…‘ '…'
    Single,
    /// «…» »…« ‹…› ›…‹
    Guillemet,
    /// 「…」 『…』
    Corner,
    /// ``…'' (LaTeX), ''…'' (the typewriter's two apostrophes)
    Latex,
}

/// A quotation found by pairing marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Opening mark to closing mark inclusive (to the paragraph end when unclosed).
    pub span: Span,
    /// Between the marks.
    pub content: Span,
    pub family: Family,
    /// False when the closing mark is missing and the quote stops at its paragraph's end.
    pub closed: bool,
    /// The enclosing quote (index into the returned list).
    pub parent: Option<usize>,
    /// The quote runs over several paragraphs.
    pub multi_paragraph: bool,
}

/// How a mark is read (see the roles in assets/marks.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// „ and ‚: opens a low quotation, closed by the family's `OpenOrCloseLow` mark.
    OpenLow,
    /// “ and ‘: opens, or closes an open low quotation.
    OpenOrCloseLow,
    /// Straight marks: opening or closing from context.
    Either,
    /// ’ closes, or is an apostrophe.
    CloseOrApostrophe,
    /// « ‹: opens, or closes a quotation opened by » › (German »…«).
    OpenOrCloseReversed,
    /// » ›: closes, or opens a German »…« when its closer follows.
    CloseOrOpenReversed,
}

/// One quotation mark of the inventory.
#[derive(Debug)]
struct Def {
    text: &'static str,
    family: Family,
    role: Role,
    /// Also written as an apostrophe (' ’).
    apostrophe: bool,
}

// INVENTORY: every mark of assets/marks.toml.
include!(concat!(env!("OUT_DIR"), "/marks.rs"));

/// The mark `s` is, if it is exactly one.
fn mark(s: &str) -> Option<&'static Def> {
    INVENTORY.iter().find(|d| d.text == s)
}

/// `s` is a mark that opens a quotation by its shape: “ ‘ „ ‚ « ‹ 「 『 `` (not the straight
/// marks, which open or close from context, nor the closers).
pub fn is_opening_mark(s: &str) -> bool {
    mark(s).is_some_and(|d| {
        matches!(
            d.role,
            Role::Open | Role::OpenLow | Role::OpenOrCloseLow | Role::OpenOrCloseReversed
        )
    })
}

/// `s` is a mark that can open a quotation, straight marks and German » included.
pub fn can_open(s: &str) -> bool {
    mark(s).is_some_and(|d| !matches!(d.role, Role::Close | Role::CloseOrApostrophe))
}

/// `s` is a mark that is also an apostrophe (' ’).
pub fn is_apostrophe(s: &str) -> bool {
    mark(s).is_some_and(|d| d.apostrophe)
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    text: &'static str,
    family: Family,
    role: Role,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    quote: usize,
    family: Family,
    straight: bool,
    low: bool,
    /// The opening mark itself: a multi-paragraph quote is reopened with the same mark.
    mark: &'static str,
}

/// "WALLACE:" / "MIKE PENCE:" — capitals and a colon at the start of a transcript line.
fn starts_with_speaker_label(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let label = &s[..colon];
    colon <= 40
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
}

/// At most this many quotes are open at once. Real text nests three or four levels (seven with
/// stray apostrophes); without a bound, n nested marks cost O(n) per mark and make every output
/// repeat the text n times (quadratic time and size).
pub const MAX_NESTING: usize = 16;

/// Finds every quotation in `text`, given its paragraphs. The result is sorted by start, an
/// enclosing quote before the quotes inside it.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let mut quotes: Vec<RawQuote> = Vec::new();
    let mut marks = Vec::new();
    // An unclosed outermost quote that may continue into the next paragraph.
    let mut carried: Option<Open> = None;
    // Where the current multi-paragraph chain started: (paragraph, quotes.len() before it).
    let mut chain: Option<(usize, usize)> = None;
    // Paragraphs before this index are re-read without carrying (a chain that never closed).
    let mut no_carry_until = 0;
    let mut pi = 0;
    while pi < paragraphs.len() {
        let para = paragraphs[pi];
        let quotes_before = quotes.len();
        marks.clear();
        scan_marks(text, para, &mut marks);
        let mut stack: Vec<Open> = Vec::new();
        let mut first_mark = 0;
        if let Some(open) = carried.take() {
            // The carried quote continues only if this paragraph starts with the same mark.
            // A transcript's next speaker ("PENCE: …") starts a new quotation, not a continuation.
            let reopens = marks.first().is_some_and(|m| {
                text[para.start..m.pos].trim().is_empty()
                    && text[m.pos..].starts_with(open.mark)
                    && !starts_with_speaker_label(&text[m.pos + m.text.len()..para.end])
            });
            if reopens {
                stack.push(open);
                quotes[open.quote].multi_paragraph = true;
                first_mark = 1;
            } else if let Some((start, len)) = chain.take() {
                // The chain ended without a closing mark: it was not one quote. Read its
                // paragraphs again, each unclosed quote ending with its paragraph.
                quotes.truncate(len);
                no_carry_until = pi;
                pi = start;
                continue;
            }
        }
        for (mi, m) in marks.iter().enumerate().skip(first_mark) {
            let rest = &marks[mi + 1..];
            match decide(text, para, m, &stack, rest) {
                Decision::Open(family, straight) => {
                    if stack.len() >= MAX_NESTING {
                        // Deeper than any real text nests: the innermost opener never closed, so
                        // it was stray (an apostrophe read as a mark). Dropping it bounds the work
                        // per mark and the size of every output.
                        if let Some(stray) = stack.pop() {
                            discard(&mut quotes, stray.quote);
                        }
                    }
                    let parent = stack.last().map(|o| o.quote);
                    quotes.push(RawQuote {
                        span: Span::new(m.pos, m.pos + m.text.len()),
                        content: Span::new(m.pos + m.text.len(), m.pos + m.text.len()),
                        family,
                        closed: false,
                        parent,
                        multi_paragraph: false,
                    });
                    stack.push(Open {
                        quote: quotes.len() - 1,
                        family,
                        straight,
                        low: m.role == Role::OpenLow,
                        mark: m.text,
                    });
                }
                Decision::Close(family) => {
                    if let Some(depth) = stack.iter().rposition(|o| o.family == family) {
                        // Openers above the match were stray (an apostrophe read as a mark).
                        for stray in stack.drain(depth + 1..) {
                            discard(&mut quotes, stray.quote);
                        }
                        if let Some(open) = stack.pop() {
                            let q = &mut quotes[open.quote];
                            q.content.end = m.pos;
                            q.span.end = m.pos + m.text.len();
                            q.closed = true;
                            if stack.is_empty() {
                                chain = None; // a multi-paragraph quote closed properly
                            }
                        }
                    }
                }
                Decision::Skip => {}
            }
        }
        // Unclosed at the paragraph end: the outermost double-style quote may continue; inner
        // unclosed single quotes were most likely apostrophes.
        let mut outer: Option<Open> = None;
        for (i, open) in stack.iter().enumerate() {
            let starts_para = para_starts_with(text, para, quotes[open.quote].span.start);
            if i == 0 && (open.family != Family::Single || starts_para) {
                outer = Some(*open);
            } else {
                discard(&mut quotes, open.quote);
            }
        }
        if let Some(open) = outer {
            close_unclosed(&mut quotes, open.quote, para.end);
            if pi + 1 < paragraphs.len() && pi >= no_carry_until {
                if chain.is_none() {
                    chain = Some((pi, quotes_before));
                }
                carried = Some(open);
            } else if let Some((start, len)) = chain.take() {
                // The document ends inside a chain that never closed.
                quotes.truncate(len);
                no_carry_until = paragraphs.len();
                pi = start;
                continue;
            }
        }
        pi += 1;
    }
    // A carried quote after the last paragraph was closed at its paragraph end above.
    // Discarded quotes are marked with an empty span at usize::MAX; drop them and remap parents.
    let mut remap = vec![None; quotes.len()];
    let mut out = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.into_iter().enumerate() {
        if q.span.start == usize::MAX {
            continue;
        }
        remap[i] = Some(out.len());
        out.push(q);
    }
    for q in &mut out {
        q.parent = q.parent.and_then(|p| remap[p]);
    }
    out
}

/// True when only whitespace stands between the paragraph start and `pos` (or the quote began in
/// an earlier paragraph).
fn para_starts_with(text: &str, para: Span, pos: usize) -> bool {
    pos <= para.start || text[para.start..pos].trim().is_empty()
}

fn close_unclosed(quotes: &mut [RawQuote], i: usize, end: usize) {
    let q = &mut quotes[i];
    q.content.end = end;
    q.span.end = end;
    q.closed = false;
}

fn discard(quotes: &mut [RawQuote], i: usize) {
    quotes[i].span = Span::new(usize::MAX, usize::MAX);
}

/// The inventory as the scanner reads it, built once.
struct Scanner {
    /// The bytes a mark can start with, in groups of three (one `memchr3` search each).
    leads: Vec<[u8; 3]>,
    /// For each byte, the inventory indices of the marks that start with it (a bit each).
    by_lead: [u32; 256],
}

impl Scanner {
    fn get() -> &'static Scanner {
        static SCANNER: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
        SCANNER.get_or_init(|| {
            let mut by_lead = [0u32; 256];
            for (i, d) in INVENTORY.iter().enumerate() {
                if let Some(&b) = d.text.as_bytes().first() {
                    by_lead[usize::from(b)] |= 1 << i;
                }
            }
            let firsts: Vec<u8> = (0..=255u8)
                .filter(|&b| by_lead[usize::from(b)] != 0)
                .collect();
            let leads = firsts
                .chunks(3)
                .map(|c| [c[0], c[c.len().min(2) - 1], c[c.len() - 1]])
                .collect();
            Scanner { leads, by_lead }
        })
    }

    /// The longest mark of the inventory at `bytes[i..end]`.
    #[inline]
    fn mark_at(&self, bytes: &[u8], i: usize, end: usize) -> Option<&'static Def> {
        let rest = &bytes[i..end];
        let mut bits = self.by_lead[usize::from(bytes[i])];
        let mut best: Option<&'static Def> = None;
        while bits != 0 {
            let d = &INVENTORY[bits.trailing_zeros() as usize];
            bits &= bits - 1;
            if rest.starts_with(d.text.as_bytes())
                && best.is_none_or(|b| d.text.len() > b.text.len())
            {
                best = Some(d);
            }
        }
        best
    }
}

/// At most this many `memchr3` searches find the bytes that can start a mark (checked by a test).
const MAX_SEARCHES: usize = 4;

/// The bytes that can start a quotation mark in a paragraph (the first bytes of the inventory's
/// marks: " ' ` and the lead bytes of “ « 「 ＂ …). A few vector searches, each remembered until
/// the scan passes it: a byte-by-byte scan was a visible cost on every byte of the text.
struct MarkStarts<'b> {
    bytes: &'b [u8],
    end: usize,
    leads: &'b [[u8; 3]],
    /// The next byte of each search at or after the last search (`end` if none).
    next: [usize; MAX_SEARCHES],
}

impl<'b> MarkStarts<'b> {
    fn new(bytes: &'b [u8], para: Span, scanner: &'b Scanner) -> Self {
        let leads = &scanner.leads[..scanner.leads.len().min(MAX_SEARCHES)];
        let mut m = MarkStarts {
            bytes,
            end: para.end,
            leads,
            next: [para.end; MAX_SEARCHES],
        };
        for (k, &lead) in leads.iter().enumerate() {
            m.next[k] = m.search(para.start, lead);
        }
        m
    }

    fn search(&self, from: usize, [a, b, c]: [u8; 3]) -> usize {
        self.bytes
            .get(from..self.end)
            .and_then(|rest| memchr::memchr3(a, b, c, rest))
            .map_or(self.end, |p| from + p)
    }

    /// The first byte at or after `i` that can start a mark.
    fn next(&mut self, i: usize) -> Option<usize> {
        let mut next = self.end;
        for k in 0..self.leads.len() {
            if self.next[k] < i {
                self.next[k] = self.search(i, self.leads[k]);
            }
            next = next.min(self.next[k]);
        }
        (next < self.end).then_some(next)
    }
}

/// Collects candidate marks in a paragraph.
fn scan_marks(text: &str, para: Span, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let scanner = Scanner::get();
    let mut starts = MarkStarts::new(bytes, para, scanner);
    let mut i = para.start;
    while i < para.end {
        match starts.next(i) {
            Some(p) => i = p,
            None => break,
        }
        match scanner.mark_at(bytes, i, para.end) {
            Some(longest) => {
                let (first, second) = split_closing_run(text, i, longest);
                for (at, d) in [Some((i, first)), second].into_iter().flatten() {
                    out.push(Mark {
                        pos: at,
                        text: d.text,
                        family: d.family,
                        role: d.role,
                    });
                    i = at + d.text.len();
                }
            }
            None => i += 1,
        }
    }
}

/// Three apostrophes after a word close two quotations, the inner first: `'…,''' he said` is
/// the single mark that closes the inner quote, then the two that close the outer one. Before a
/// word they open in the other order (`'''Hey` is '' then '), which is how the longest mark reads
/// them anyway. Returns the mark at `i` and, when the run is split, the mark after it.
fn split_closing_run(
    text: &str,
    i: usize,
    longest: &'static Def,
) -> (&'static Def, Option<(usize, &'static Def)>) {
    // Asked of every mark the scanner finds: the cheap tests first.
    let run = &text.as_bytes()[i..];
    if longest.text == "''"
        && run.starts_with(b"'''")
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        && run.get(3) != Some(&b'\'')
        && let (Some(single), Some(double)) = (mark("'"), mark("''"))
    {
        return (single, Some((i + 1, double)));
    }
    (longest, None)
}

enum Decision {
    Open(Family, bool),
    Close(Family),
    Skip,
}

/// A quotation of several paragraphs whose breaks were lost in a copy: `He said: "It's over.
/// "Nobody saw it coming."` Each paragraph of a long quotation opens with a mark and only the
/// last one closes; joined into one line, the reopening marks come after a sentence's end and
/// before a capital while the quotation is still open. Such a mark continues the quotation:
/// read as a closer, it would turn every other sentence of the speech into narrative.
fn reopens_joined_paragraph(text: &str, para: Span, pos: usize, after: Option<char>) -> bool {
    let before = &text[para.start..pos];
    let sentence = before.trim_end();
    sentence.len() < before.len()
        && sentence.ends_with(['.', '?', '!', '…'])
        && after.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn char_before(text: &str, pos: usize, para: Span) -> Option<char> {
    if pos <= para.start {
        return None;
    }
    text[para.start..pos].chars().next_back()
}

fn char_after(text: &str, pos: usize, para: Span) -> Option<char> {
    if pos >= para.end {
        return None;
    }
    text[pos..para.end].chars().next()
}

fn is_elision(text: &str, after: usize, end: usize) -> bool {
    let rest = &text[after..end];
    // Measured on the text itself: lower-casing can change a character's length (Ⱥ → ⱥ).
    let word_len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let word: String = rest[..word_len]
        .chars()
        .flat_map(|c| c.to_lowercase())
        .collect();
    if word.is_empty() {
        return false;
    }
    // '90s, '60s, '19
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return word.chars().all(|c| c.is_ascii_digit() || c == 's');
    }
    let next = rest[word_len..].chars().next();
    // Words that start with an elided letter: 'Tis, 'twas, rock 'n' roll, 'em, 'cause.
    super::lexicon::lookup(&word).is(super::lexicon::ELISION)
        && !matches!(next, Some(c) if c.is_alphanumeric())
}

/// The next word after `after` could be what a possessive owns: a lower-case word that is not
/// a preposition, conjunction, article, pronoun or auxiliary.
fn word_owned_after(text: &str, after: usize, end: usize) -> bool {
    use super::lexicon::{ARTICLE, AUX_VERB, CONNECTIVE, PREP, PRONOUN, lookup};
    let rest = text[after..end].trim_start();
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    word.starts_with(char::is_lowercase)
        && !lookup(word).is(PREP | CONNECTIVE | ARTICLE | PRONOUN | AUX_VERB)
}

fn decide(text: &str, para: Span, m: &Mark, stack: &[Open], rest: &[Mark]) -> Decision {
    let before = char_before(text, m.pos, para);
    let after = char_after(text, m.pos + m.text.len(), para);
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace());
    let word_before = before.is_some_and(|c| c.is_alphanumeric());
    let word_after = after.is_some_and(|c| c.is_alphanumeric());
    let open_top = stack.last();
    let open_of = |f: Family| stack.iter().any(|o| o.family == f);
    match (m.role, m.family) {
        (Role::Open | Role::OpenLow, f) => Decision::Open(f, false),
        (Role::Close, f) => {
            if open_of(f) {
                Decision::Close(f)
            } else {
                Decision::Skip
            }
        }
        (Role::OpenOrCloseReversed, f) => {
            // Closes a German »…« (opened by a reversed mark), otherwise opens («…»).
            let reversed =
                stack.iter().rev().find(|o| o.family == f).is_some_and(|o| {
                    mark(o.mark).is_some_and(|d| d.role == Role::CloseOrOpenReversed)
                });
            if reversed {
                Decision::Close(f)
            } else {
                Decision::Open(f, false)
            }
        }
        (Role::CloseOrOpenReversed, f) => {
            if open_of(f) {
                Decision::Close(f)
            } else if !space_after
                && rest
                    .iter()
                    .any(|r| r.family == f && r.role == Role::OpenOrCloseReversed)
            {
                // German »…«: opens when a closing « follows in the paragraph.
                Decision::Open(f, false)
            } else {
                Decision::Skip
            }
        }
        (Role::OpenOrCloseLow, Family::Double) => {
            if open_top.is_some_and(|o| o.family == Family::Double && o.low) {
                Decision::Close(Family::Double)
            } else if open_of(Family::Double) && !space_before && (space_after || !word_after) {
                // A “ used as a closing mark after text (common in mangled copy).
                Decision::Close(Family::Double)
            } else {
                Decision::Open(Family::Double, false)
            }
        }
        (Role::OpenOrCloseLow, _) => {
            if open_top.is_some_and(|o| o.family == Family::Single && o.low) {
                Decision::Close(Family::Single)
            } else if (word_before && word_after)
                || (space_before && is_elision(text, m.pos + m.text.len(), para.end))
            {
                Decision::Skip // a misused apostrophe, or an elision ('Tis)
            } else {
                Decision::Open(Family::Single, false)
            }
        }
        (Role::CloseOrApostrophe, _) => single_close(text, para, m, stack, rest, before, after),
        // Straight double marks, and the typewriter's two apostrophes (''…'').
        (Role::Either, f @ (Family::Double | Family::Latex)) => {
            if before.is_some_and(|c| c.is_ascii_digit()) && !open_of(f) {
                return Decision::Skip; // 5'10" — inches
            }
            if before == Some('=') {
                return Decision::Skip; // an attribute value: author="…"
            }
            let top_is_straight = stack
                .iter()
                .rev()
                .find(|o| o.family == f)
                .is_some_and(|o| o.straight);
            // A straight mark opens before a word and closes after one, or after the dash of
            // a broken-off line when no word follows ("Really--" he murmured).
            let can_open = !space_after;
            let dash_before = before.is_some_and(|c| "—–-".contains(c));
            // A mark with spaces on both sides cannot open: it closes an open quote
            // (`Horses, " said Teddy` in carelessly spaced text).
            let can_close = !space_before || dash_before && !word_after || space_after;
            if top_is_straight && reopens_joined_paragraph(text, para, m.pos, after) {
                return Decision::Skip;
            }
            if top_is_straight && (can_close || can_open) {
                // `"a "b`: an opener while one is open closes it.
                Decision::Close(f)
            } else if can_open && space_before {
                Decision::Open(f, true)
            } else if can_close && open_of(f) {
                Decision::Close(f) // “…" mixed marks, ``…''
            } else if can_open && !can_close {
                Decision::Open(f, true)
            } else {
                Decision::Skip
            }
        }
        (Role::Either, Family::Single) => {
            if word_before && word_after {
                return Decision::Skip; // it's, O'Brien
            }
            if before.is_some_and(|c| c.is_ascii_digit()) {
                return Decision::Skip; // 5'10"
            }
            if space_before && !space_after {
                if is_elision(text, m.pos + m.text.len(), para.end) {
                    return Decision::Skip;
                }
                return Decision::Open(Family::Single, true);
            }
            single_close(text, para, m, stack, rest, before, after)
        }
        (Role::Either, _) => Decision::Skip,
    }
}

/// ’ or ' after text: a closing single quote if one is open, otherwise an apostrophe (Jones’).
fn single_close(
    text: &str,
    para: Span,
    m: &Mark,
    stack: &[Open],
    rest: &[Mark],
    before: Option<char>,
    after: Option<char>,
) -> Decision {
    let word_before = before.is_some_and(|c| c.is_alphanumeric());
    let word_after = after.is_some_and(|c| c.is_alphanumeric());
    if word_before && word_after {
        return Decision::Skip; // it’s, don’t
    }
    if before.is_none_or(|c| c.is_whitespace()) {
        let spaced = after.is_none_or(|c| c.is_whitespace());
        // Spaced on both sides while a single quotation is open, it closes it: a broken-off line
        // (`‘I only meant ’ began Mrs. Ward.`), as a spaced " closes a double one.
        if spaced && stack.iter().any(|o| o.family == Family::Single) {
            return Decision::Close(Family::Single);
        }
        // ’ after a space: an elision (’n’, ’90s) or a wrongly curled opener.
        if spaced || is_elision(text, m.pos + m.text.len(), para.end) {
            return Decision::Skip;
        }
        return Decision::Open(Family::Single, false);
    }
    if !stack.iter().any(|o| o.family == Family::Single) {
        return Decision::Skip; // Jones’ — a possessive
    }
    // A plural possessive inside a single-quoted passage (‘the kids’ toys,’): when a word follows
    // and a better closer (after punctuation) comes later in the paragraph, this one is an
    // apostrophe. A possessive is followed by what is owned, never by a preposition,
    // conjunction or article: in ‘ridiculous’ and ‘dead on arrival’ the ’ closes.
    let possessive = before == Some('s') && word_owned_after(text, m.pos + m.text.len(), para.end);
    if possessive
        && rest.iter().any(|r| {
            r.family == Family::Single && matches!(r.role, Role::CloseOrApostrophe | Role::Either)
        })
    {
        return Decision::Skip;
    }
    Decision::Close(Family::Single)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::split_paragraphs;

    fn quotes(t: &str) -> Vec<&str> {
        let paras = split_paragraphs(t);
        find_quotes(t, &paras)
            .iter()
            .map(|q| q.content.text(t))
            .collect()
    }

    #[test]
    fn every_byte_that_can_start_a_mark_is_found_in_order() {
        let t = "He said \"yes\" and ‘no’, «oui» — it's `odd'' 「x」 ＂y＂ é.";
        let scanner = Scanner::get();
        let mut starts = MarkStarts::new(t.as_bytes(), Span::new(0, t.len()), scanner);
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = starts.next(i) {
            found.push(p);
            i = p + 1;
        }
        let expected: Vec<usize> = t
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3 | 0xEF))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn the_inventory_fits_the_scanner() {
        let scanner = Scanner::get();
        assert!(INVENTORY.len() <= 32, "one bit per mark in a u32");
        assert!(scanner.leads.len() <= MAX_SEARCHES);
        for d in &INVENTORY {
            assert_eq!(mark(d.text).map(|m| m.text), Some(d.text));
        }
        assert!(is_opening_mark("“") && is_opening_mark("«") && is_opening_mark("「"));
        assert!(!is_opening_mark("\"") && can_open("\"") && can_open("»"));
        assert!(!can_open("”") && !can_open("’") && is_apostrophe("’") && is_apostrophe("'"));
    }

    #[test]
    fn a_quotation_whose_paragraph_breaks_were_lost_stays_one_quotation() {
        // Each paragraph of the speech reopened with a mark; the copy joined them in one line.
        assert_eq!(
            quotes(
                "She said: \"We sold the farm. \"It was the only way. \"I miss it.\" Then she left."
            ),
            ["We sold the farm. \"It was the only way. \"I miss it."]
        );
        // A closing mark before the next sentence still closes, and a new quote opens after it.
        assert_eq!(
            quotes("\"We sold it,\" she said. \"It was the only way.\""),
            ["We sold it,", "It was the only way."]
        );
        // Two quotes side by side keep their own marks.
        assert_eq!(quotes("\"Yes.\" \"No.\""), ["Yes.", "No."]);
    }

    #[test]
    fn a_single_quoted_word_ending_in_s_closes_before_a_conjunction() {
        // British style: the ’ after "ridiculous" closes, though the word ends in s.
        assert_eq!(
            quotes("She called the plan ‘ridiculous’ and the budget ‘dead on arrival’ at once."),
            ["ridiculous", "dead on arrival"]
        );
        assert_eq!(
            quotes("He spoke of ‘dozens of errors’ in the report, ‘every page’."),
            ["dozens of errors", "every page"]
        );
        // A plural possessive inside a quotation is still an apostrophe.
        assert_eq!(
            quotes("‘Mind the kids’ toys on the stairs,’ she said."),
            ["Mind the kids’ toys on the stairs,"]
        );
    }

    #[test]
    fn german_french_and_japanese_marks_pair() {
        assert_eq!(
            quotes("»Wir schaffen das«, sagte Merkel."),
            ["Wir schaffen das"]
        );
        assert_eq!(quotes("Er sagte: ›nie‹ und ging."), ["nie"]);
        assert_eq!(
            quotes("« Nous y arriverons », a-t-il dit."),
            [" Nous y arriverons "]
        );
        assert_eq!(
            quotes("田中首相は「経済は回復している」と述べた。"),
            ["経済は回復している"]
        );
        assert_eq!(quotes("He said ＂yes＂ twice."), ["yes"]);
        // A lone » (a breadcrumb or a bullet) opens nothing.
        assert!(quotes("Home » News » World").is_empty());
    }

    #[test]
    fn a_spaced_single_closer_ends_a_broken_off_line() {
        // British dialogue: ‘…’ with a line broken off before its closing mark.
        assert_eq!(
            quotes("‘I only meant ’ began Mrs. Ward.\n\n‘Hush!’ said Ward."),
            ["I only meant ", "Hush!"]
        );
        assert_eq!(
            quotes("‘I knocked, but ’\n\n‘Well?’"),
            ["I knocked, but ", "Well?"]
        );
        // With no quotation open, a spaced ’ is nothing.
        assert!(quotes("rock ’ roll").is_empty());
    }

    #[test]
    fn typewritten_double_apostrophes_pair_as_the_new_york_times_writes_them() {
        assert_eq!(
            quotes("''We will rebuild,'' she said. ''It is time.''"),
            ["We will rebuild,", "It is time."]
        );
        // Three apostrophes after a word close the inner quotation first, then the outer one.
        assert_eq!(
            quotes("''I told him, 'Not now,''' she recalled. ''He said, 'Fine.'.''"),
            [
                "I told him, 'Not now,'",
                "Not now,",
                "He said, 'Fine.'.",
                "Fine."
            ]
        );
        // A quotation over two paragraphs reopens with the same marks.
        assert_eq!(
            quotes("''It will take a year.\n\n''Then we will see.'' She left."),
            ["It will take a year.\n\n''Then we will see."]
        );
        // LaTeX's ``…'' still pairs; after a number, '' is inches.
        assert_eq!(quotes("``Yes,'' he said of the 12'' record."), ["Yes,"]);
        assert!(quotes("a 12'' record and a 7'' single").is_empty());
    }

    #[test]
    fn a_straight_mark_after_a_broken_off_line_closes_it() {
        assert_eq!(
            quotes("\"Really--\" he murmured. \"I would rather,\" he said."),
            ["Really--", "I would rather,"]
        );
        // Spaced on both sides, it closes the open quote.
        assert_eq!(
            quotes("\"At the Coach and Horses, \" said Teddy."),
            ["At the Coach and Horses, "]
        );
        // Before a word, a mark after a dash still opens: he said—"I will".
        assert_eq!(quotes("He said--\"I will.\""), ["I will."]);
    }

    #[test]
    fn pairs_every_style() {
        assert_eq!(quotes("He said “yes” and “no”."), ["yes", "no"]);
        assert_eq!(quotes("He said \"yes\" and \"no\"."), ["yes", "no"]);
        assert_eq!(quotes("Il a dit « oui » hier."), [" oui "]);
        assert_eq!(quotes("Er sagte „ja“ gestern."), ["ja"]);
        assert_eq!(quotes("Er sagte ‚ja‘ gestern."), ["ja"]);
        assert_eq!(quotes("She said ‘fine’ then."), ["fine"]);
        assert_eq!(quotes("She said 'fine' then."), ["fine"]);
        assert_eq!(quotes("彼は「はい」と言った。"), ["はい"]);
        assert_eq!(quotes("He wrote ``quoted'' here."), ["quoted"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quotes("It's Jones' car, rock 'n' roll since the '90s. 'Tis true.").is_empty());
        assert!(quotes("It’s Jones’ car, rock ’n’ roll since the ’90s. ’Tis true.").is_empty());
        assert_eq!(
            quotes("“It’s the kids’ toys,” she said."),
            ["It’s the kids’ toys,"]
        );
    }

    #[test]
    fn nested_quotes_have_parents() {
        let t = "“He told me ‘never again’ twice,” she said.";
        let paras = split_paragraphs(t);
        let q = find_quotes(t, &paras);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].content.text(t), "never again");
        assert_eq!(q[1].parent, Some(0));
        assert_eq!(q[0].parent, None);
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let t = "“First part.\n\n“Second part.”\n\nNarration.";
        let paras = split_paragraphs(t);
        let q = find_quotes(t, &paras);
        assert_eq!(q.len(), 1);
        assert!(q[0].multi_paragraph && q[0].closed);
        assert_eq!(q[0].content.text(t), "First part.\n\n“Second part.");
    }

    #[test]
    fn unclosed_mark_stops_at_its_paragraph() {
        let t = "He said “this never closes.\n\nNext paragraph has “a quote” in it.";
        let paras = split_paragraphs(t);
        let q = find_quotes(t, &paras);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.text(t), "this never closes.");
        assert!(!q[0].closed);
        assert_eq!(q[1].content.text(t), "a quote");
    }

    #[test]
    fn inches_are_not_marks() {
        assert!(quotes("He is 6'2\" tall.").is_empty());
    }

    /// Contents of the outermost quotes only.
    fn top_contents(t: &str) -> Vec<&str> {
        let paras = split_paragraphs(t);
        find_quotes(t, &paras)
            .iter()
            .filter(|q| q.parent.is_none())
            .map(|q| q.content.text(t))
            .collect()
    }

    #[test]
    fn a_chain_that_never_closes_is_read_paragraph_by_paragraph() {
        let t = "\"First block line.\n\n\"Second block line.\n\nNarration here.";
        assert_eq!(top_contents(t), ["First block line.", "Second block line."]);
    }

    #[test]
    fn a_chain_is_reopened_only_by_the_same_mark() {
        let t = "\"Excerpt with “a term.”\n\n“Real quote,” she said.";
        assert_eq!(top_contents(t), ["Excerpt with “a term.”", "Real quote,"]);
    }

    #[test]
    fn a_closed_chain_stays_one_quote() {
        let t = "He said: “One.\n\n“Two.\n\n“Three.”\n\nAfter.";
        assert_eq!(top_contents(t), ["One.\n\n“Two.\n\n“Three."]);
    }

    #[test]
    fn markup_attribute_values_are_not_quotes() {
        assert!(
            quotes("<tweet pic=\"pic.twitter.com/\" author=\"someone\">Text</tweet>").is_empty()
        );
    }

    #[test]
    fn straight_quotes_pair_by_position() {
        assert_eq!(
            quotes("He said \"yes,\" then \"no.\" Done."),
            ["yes,", "no."]
        );
        assert_eq!(quotes("(\"quoted\")"), ["quoted"]);
    }
}
