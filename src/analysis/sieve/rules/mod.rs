//! One file per rule. Each is a function from the quote's `Site` (and the cue found so far) to
//! an `Outcome`; the tables in `sieve/mod.rs` put them in order.

pub(super) mod according_to;
pub(super) mod acting_subject;
pub(super) mod colon;
pub(super) mod continuation;
pub(super) mod coordinated;
pub(super) mod cue_after;
pub(super) mod cue_before;
pub(super) mod cue_without_speaker;
pub(super) mod fragment_according_to;
pub(super) mod fragment_cue_after;
pub(super) mod fragment_cue_before;
pub(super) mod fragment_cue_without_speaker;
pub(super) mod heading_title;
pub(super) mod inside_reported;
pub(super) mod naming_title;
pub(super) mod nickname;
pub(super) mod paragraph_subject;
pub(super) mod parenthetical;
pub(super) mod possessed_claim;
pub(super) mod quoted_clause;
pub(super) mod sentence_final;
pub(super) mod so_called;
pub(super) mod split;
pub(super) mod subordinate_clause;
pub(super) mod title_after_determiner;
pub(super) mod title_or_term;
pub(super) mod transcript_label;

use super::Site;
use crate::analysis::tokens::Kind;

/// The narrative word or number right before the quote, if any.
pub(super) fn word_before(s: &Site) -> Option<usize> {
    let q = s.q;
    (q.open > 0)
        .then(|| q.open - 1)
        .filter(|&i| s.b.narrative(i) && matches!(s.b.tokens[i].kind, Kind::Word | Kind::Number))
}

/// The fragment is in Title Case and short: the shape of a name or title.
pub(super) fn title_shaped(s: &Site) -> bool {
    super::cues::is_title_case(s.content().trim()) && s.words <= 8
}
