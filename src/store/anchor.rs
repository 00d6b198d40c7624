//! Text anchors (like the W3C TextQuoteSelector): the exact text plus a little context on each
//! side, so a highlight can be found again after the document text changed.

use crate::analysis::model::Span;

/// How many characters of context are kept on each side.
pub const CONTEXT_CHARS: usize = 32;

/// An exact text shorter than this must have some matching context to be re-anchored: "80" alone
/// could be any of several figures.
const SELF_EVIDENT_CHARS: usize = 24;

/// How many context characters must agree for a short exact text to count as found.
const MIN_CONTEXT_CHARS: usize = 8;

/// Candidate positions looked at per highlight, to bound the work on huge, repetitive texts.
const MAX_CANDIDATES: usize = 10_000;

/// Bytes searched on each side of where a highlight was, before searching the whole text.
const NEAR_WINDOW: usize = 4096;

/// The largest char boundary `<= i` (clamped to the text).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Up to `CONTEXT_CHARS` characters before `start`.
pub fn prefix_at(text: &str, start: usize) -> &str {
    let start = floor_boundary(text, start);
    let before = &text[..start];
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    &before[from..]
}

/// Up to `CONTEXT_CHARS` characters from `end`.
pub fn suffix_at(text: &str, end: usize) -> &str {
    let end = floor_boundary(text, end);
    let after = &text[end..];
    let to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    &after[..to]
}

/// What to look for.
#[derive(Debug, Clone, Copy)]
pub struct Anchor<'a> {
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// Where it was: among equally good matches the nearest one wins.
    pub hint: usize,
}

impl Anchor<'_> {
    /// True when `span` in `text` holds the exact text with the same context around it.
    pub fn fits(&self, text: &str, span: Span) -> bool {
        text.get(span.start..span.end) == Some(self.exact)
            && prefix_at(text, span.start) == self.prefix
            && suffix_at(text, span.end) == self.suffix
    }

    /// Finds the exact text in `text`: first verbatim, then allowing different whitespace.
    /// The match with the most agreeing context wins, then the one nearest the old position.
    /// `None` when it is gone (or too short to be told apart without its context).
    pub fn locate(&self, text: &str) -> Option<Span> {
        if self.exact.is_empty() {
            return None;
        }
        let mut candidates: Vec<Span> = memchr::memmem::find_iter(text.as_bytes(), self.exact)
            .take(MAX_CANDIDATES)
            .map(|s| Span::new(s, s + self.exact.len()))
            .collect();
        if candidates.is_empty() {
            candidates = self.whitespace_insensitive(text);
        }
        let available = self.prefix.chars().count() + self.suffix.chars().count();
        let exact_chars = self.exact.chars().count();
        let needed = if exact_chars >= SELF_EVIDENT_CHARS {
            0
        } else {
            available.min(MIN_CONTEXT_CHARS)
        };
        candidates
            .into_iter()
            .map(|span| (self.context_score(text, span), span))
            .filter(|&(score, _)| score >= needed)
            .min_by_key(|&(score, span)| (usize::MAX - score, span.start.abs_diff(self.hint)))
            .map(|(_, span)| span)
    }

    /// Like [`Anchor::locate`], but first looks near where the text was and where it would be
    /// if the document grew or shrank by `shift` bytes before it (most edits are one insertion
    /// or deletion): a match there with all its context is taken without scanning the whole text.
    pub fn locate_shifted(&self, text: &str, shift: isize) -> Option<Span> {
        if self.exact.is_empty() {
            return None;
        }
        let shifted = self.hint.saturating_add_signed(shift).min(text.len());
        let lo = floor_boundary(text, self.hint.min(shifted).saturating_sub(NEAR_WINDOW));
        let hi = floor_boundary(
            text,
            self.hint.max(shifted) + NEAR_WINDOW + self.exact.len(),
        );
        let full = self.prefix.chars().count() + self.suffix.chars().count();
        let near = memchr::memmem::find_iter(&text.as_bytes()[lo..hi], self.exact)
            .map(|s| Span::new(lo + s, lo + s + self.exact.len()))
            .filter(|&span| self.context_score(text, span) == full)
            .min_by_key(|span| {
                span.start
                    .abs_diff(self.hint)
                    .min(span.start.abs_diff(shifted))
            });
        near.or_else(|| self.locate(text))
    }

    /// Characters of context that agree: the end of the prefix and the start of the suffix.
    fn context_score(&self, text: &str, span: Span) -> usize {
        let before = &text[..span.start];
        let after = &text[span.end..];
        let p = self
            .prefix
            .chars()
            .rev()
            .zip(before.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let s = self
            .suffix
            .chars()
            .zip(after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        p + s
    }

    /// The exact text's words separated by any whitespace (a re-extracted page may re-wrap).
    fn whitespace_insensitive(&self, text: &str) -> Vec<Span> {
        let words: Vec<String> = self.exact.split_whitespace().map(regex::escape).collect();
        if words.len() < 2 {
            return Vec::new();
        }
        let pattern = words.join(r"\s+");
        let Ok(re) = regex::RegexBuilder::new(&pattern)
            .size_limit(1 << 22)
            .build()
        else {
            return Vec::new();
        };
        re.find_iter(text)
            .take(MAX_CANDIDATES)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor_of<'a>(text: &'a str, span: Span) -> Anchor<'a> {
        Anchor {
            exact: span.text(text),
            prefix: prefix_at(text, span.start),
            suffix: suffix_at(text, span.end),
            hint: span.start,
        }
    }

    #[test]
    fn context_is_cut_on_char_boundaries() {
        let t = "Ngātiwai ".repeat(10);
        let p = prefix_at(&t, 40);
        assert!(p.chars().count() <= CONTEXT_CHARS);
        assert!(t[..floor_boundary(&t, 40)].ends_with(p));
        assert_eq!(suffix_at("abc", 3), "");
        assert_eq!(prefix_at("abc", 0), "");
    }

    #[test]
    fn finds_the_same_words_after_text_was_inserted_before() {
        let old = "One figure: 80 people came. Another: 80 tanks left.";
        let span = Span::new(37, 39); // the second "80"
        assert_eq!(span.text(old), "80");
        let a = anchor_of(old, span);
        let new = format!("Breaking. {old}");
        let found = a.locate(&new).map(|s| s.text(&new).to_string());
        assert_eq!(found.as_deref(), Some("80"));
        assert_eq!(a.locate(&new), Some(Span::new(47, 49)));
    }

    #[test]
    fn a_nearby_match_with_all_its_context_is_found_without_a_full_scan() {
        let unit = "Some filler text here. The figure was 80 units. More filler follows.\n";
        let old = unit.repeat(200);
        let at = old.len() / 2;
        let at = at + old[at..].find("80").unwrap();
        let a = anchor_of(&old, Span::new(at, at + 2));
        let new = format!("Inserted line.\n{old}");
        let shift = (new.len() - old.len()) as isize;
        // The nearest "80" with full context to the shifted place is the same "80".
        assert_eq!(
            a.locate_shifted(&new, shift),
            Some(Span::new(at + 15, at + 17))
        );
    }

    #[test]
    fn a_short_text_without_its_context_is_not_guessed() {
        let old = "Another: 80 tanks left the base today.";
        let a = anchor_of(old, Span::new(9, 11));
        assert_eq!(a.locate("The 80 were entirely different words here."), None);
    }

    #[test]
    fn rewrapped_whitespace_still_matches() {
        let old = "He said the plan was reckless and expensive.";
        let span = Span::new(8, 43);
        let a = anchor_of(old, span);
        let new = "He said the plan\nwas  reckless and\nexpensive.";
        let s = a.locate(new).map(|s| s.text(new));
        assert_eq!(s, Some("the plan\nwas  reckless and\nexpensive"));
    }
}
