//! Search: a literal pattern, case-insensitive when it has no capitals ("smart case", ASCII letters
//! only). All matches are listed by a background job (up to [`MAX_HITS`]); the ones on screen are
//! found again at draw time from the visible bytes, so highlighting never waits for the job.

use crate::analysis::model::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use std::sync::Arc;

/// More matches than this are not listed (`n` still wraps around the listed ones).
pub const MAX_HITS: usize = 2_000_000;

/// A compiled search pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub query: String,
    matcher: Arc<AhoCorasick>,
}

impl Pattern {
    /// `None` for an empty query.
    pub fn new(query: &str) -> Option<Pattern> {
        if query.is_empty() {
            return None;
        }
        let ignore_case = !query.chars().any(char::is_uppercase);
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(ignore_case)
            .match_kind(MatchKind::LeftmostFirst)
            .build([query])
            .ok()?;
        Some(Pattern {
            query: query.to_string(),
            matcher: Arc::new(matcher),
        })
    }

    /// Match length in bytes (ASCII case folding keeps lengths).
    pub fn len(&self) -> usize {
        self.query.len()
    }

    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// Every match in `text`, up to `limit`; the flag says whether there were more.
    pub fn find_all(&self, text: &str, limit: usize) -> (Vec<usize>, bool) {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            if out.len() >= limit {
                return (out, true);
            }
            out.push(m.start());
        }
        (out, false)
    }

    /// The matches that overlap `range` (for drawing the visible rows).
    pub fn find_in(&self, text: &str, range: Span) -> Vec<Span> {
        let start = range.start.saturating_sub(self.len().saturating_sub(1));
        let end = (range.end + self.len()).min(text.len());
        if start >= end {
            return Vec::new();
        }
        let input = Input::new(text).range(start..end);
        self.matcher
            .find_iter(input)
            .map(|m| Span::new(m.start(), m.end()))
            .filter(|s| s.overlaps(range))
            .collect()
    }
}

/// The search in progress or done.
#[derive(Debug, Clone)]
pub struct Search {
    pub pattern: Pattern,
    /// Distinguishes results of an older search.
    pub id: u64,
    /// Start of every match, once the job is done.
    pub hits: Option<Vec<usize>>,
    /// The job stopped at [`MAX_HITS`].
    pub truncated: bool,
    /// Index of the current match in `hits`.
    pub current: Option<usize>,
}

impl Search {
    pub fn new(pattern: Pattern, id: u64) -> Self {
        Search {
            pattern,
            id,
            hits: None,
            truncated: false,
            current: None,
        }
    }

    pub fn current_span(&self) -> Option<Span> {
        let hits = self.hits.as_ref()?;
        let start = *hits.get(self.current?)?;
        Some(Span::new(start, start + self.pattern.len()))
    }

    /// The first match at or after `pos`, wrapping to the first match; the flag says it wrapped.
    pub fn first_from(&self, pos: usize) -> Option<(usize, bool)> {
        let hits = self.hits.as_ref()?;
        if hits.is_empty() {
            return None;
        }
        let i = hits.partition_point(|&h| h < pos);
        if i < hits.len() {
            Some((i, false))
        } else {
            Some((0, true))
        }
    }

    /// The match after (`forward`) or before the current one (`from_current`), or else the first
    /// match from `pos` on, or the last one before it; wraps around. The flag says it wrapped.
    pub fn step(&self, forward: bool, from_current: bool, pos: usize) -> Option<(usize, bool)> {
        let hits = self.hits.as_ref()?;
        let n = hits.len();
        if n == 0 {
            return None;
        }
        let current = self.current.filter(|_| from_current);
        match (current, forward) {
            (Some(c), true) if c + 1 < n => Some((c + 1, false)),
            (Some(_), true) => Some((0, true)),
            (Some(c), false) if c > 0 => Some((c - 1, false)),
            (Some(_), false) => Some((n - 1, true)),
            (None, true) => self.first_from(pos),
            (None, false) => {
                let i = hits.partition_point(|&h| h < pos);
                if i > 0 {
                    Some((i - 1, false))
                } else {
                    Some((n - 1, true))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let t = "Putin met putin and PUTIN";
        let lower = Pattern::new("putin").map(|p| p.find_all(t, 10).0);
        assert_eq!(lower, Some(vec![0, 10, 20]));
        let upper = Pattern::new("Putin").map(|p| p.find_all(t, 10).0);
        assert_eq!(upper, Some(vec![0]));
        assert!(Pattern::new("").is_none());
    }

    #[test]
    fn matches_on_screen_include_those_cut_by_the_edges() {
        let t = "abc abc abc";
        let p = Pattern::new("abc");
        let spans = p.map(|p| p.find_in(t, Span::new(2, 5))).unwrap_or_default();
        assert_eq!(spans, [Span::new(0, 3), Span::new(4, 7)]);
    }

    #[test]
    fn stepping_wraps_around() {
        let Some(p) = Pattern::new("a") else {
            panic!("pattern")
        };
        let mut s = Search::new(p, 1);
        s.hits = Some(vec![2, 5, 9]);
        assert_eq!(s.first_from(6), Some((2, false)));
        assert_eq!(s.first_from(10), Some((0, true)));
        s.current = Some(2);
        assert_eq!(s.step(true, true, 0), Some((0, true)));
        s.current = Some(0);
        assert_eq!(s.step(false, true, 0), Some((2, true)));
        assert_eq!(
            s.step(false, false, 6),
            Some((1, false)),
            "current off screen: from pos"
        );
        s.current = None;
        assert_eq!(s.step(false, true, 6), Some((1, false)));
        assert_eq!(s.current_span(), None);
    }

    #[test]
    fn the_listing_stops_at_the_limit() {
        let Some(p) = Pattern::new("x") else {
            panic!("pattern")
        };
        let (hits, more) = p.find_all("xxxxx", 3);
        assert_eq!((hits.len(), more), (3, true));
    }
}
