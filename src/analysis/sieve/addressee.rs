//! Who a quote addresses at its start: “Dear Aleksandr Grigorievich, …” — never its speaker.

use super::block::{Block, QuoteToks};
use crate::analysis::lexicon::*;
use crate::analysis::model::Span;
use crate::analysis::tokens::Kind;

/// “Dear Aleksandr Grigorievich, …” — the person addressed at the start of a quote.
pub(crate) fn find_addressee(b: &Block, q: &QuoteToks) -> Option<Span> {
    let mut i = q.open + 1;
    let t = b.tokens.get(i)?;
    if t.quote != b.tokens[q.open].quote {
        return None;
    }
    if t.is(ADDRESS) {
        i += 1;
        if t.lex.key() == Some("thank") && b.tokens.get(i).is_some_and(|t| t.text(b.text) == "you")
        {
            i += 1;
        }
    }
    let start = i;
    while b
        .tokens
        .get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.cap && t.quote == b.tokens[q.open].quote)
    {
        i += 1;
    }
    if i == start || !b.is_punct(i, ",") {
        return None;
    }
    // "Well, …" or "Yes, …" are not names.
    let name = &b.tokens[start..i];
    if name.len() == 1 && name[0].is(FUNCTION | PRONOUN) {
        return None;
    }
    if name.iter().all(|t| t.is(FUNCTION | TIME_WORD)) {
        return None;
    }
    Some(Span::new(name[0].start, name[name.len() - 1].end))
}
