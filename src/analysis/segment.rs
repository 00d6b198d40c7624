//! Blocks and sentences. A block is a run of paragraphs joined by a multi-paragraph quote (usually
//! one paragraph). Sentences are found in a block's tokens; a quotation is one unit inside a
//! sentence, so sentence ends inside quotes do not split the narrative around them.

use super::lexicon::{ABBREV, FUNCTION, HONORIFIC, PRONOUN};
use super::marks::{self, RawQuote};
use super::model::Span;
use super::tokens::{Kind, NONE, Token};

/// Groups paragraphs into blocks: paragraphs spanned by one quote belong to the same block.
pub fn blocks(paragraphs: &[Span], quotes: &[RawQuote]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(paragraphs.len());
    let mut multi = quotes
        .iter()
        .filter(|q| q.multi_paragraph)
        .map(|q| q.span)
        .peekable();
    for p in paragraphs {
        while multi.peek().is_some_and(|q| q.end <= p.start) {
            multi.next();
        }
        let joins = out.last().is_some_and(|last: &Span| {
            multi
                .peek()
                .is_some_and(|q| q.start < last.end && q.end > p.start)
        });
        match out.last_mut() {
            Some(last) if joins => last.end = p.end,
            _ => out.push(*p),
        }
    }
    out
}

/// Marks each token with the index of the outermost quote containing it. `quotes` are the
/// outermost quotes overlapping the block, sorted by start; indices refer to that slice's owner.
/// Returns the number of words outside quotes (counted here rather than in a pass of their own).
pub fn mark_quotes(tokens: &mut [Token], quotes: &[(usize, Span)]) -> usize {
    let mut qi = 0;
    let mut narrative_words = 0;
    for t in tokens.iter_mut() {
        while qi < quotes.len() && quotes[qi].1.end <= t.start {
            qi += 1;
        }
        t.quote = match quotes.get(qi) {
            Some(&(id, span)) if span.start <= t.start && t.end <= span.end => id as u32,
            _ => NONE,
        };
        narrative_words += usize::from(t.quote == NONE && t.kind == Kind::Word);
    }
    narrative_words
}

/// Finds sentences as token ranges `[start, end)`.
pub fn sentences(text: &str, tokens: &[Token], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    let n = tokens.len();
    let mut i = 0;
    // Sentences do not end inside parentheses: "(D-N.C.)", "(see p. 4)".
    let mut paren = 0usize;
    while i < n {
        let t = &tokens[i];
        if t.kind == Kind::Punct && !t.in_quote() {
            match t.byte(text) {
                Some(b'(') => paren += 1,
                Some(b')') => paren = paren.saturating_sub(1),
                _ => {}
            }
        }
        let end_here = if paren > 0 && !t.in_quote() {
            false
        } else if t.in_quote() {
            // The last token of a quote ends the sentence when the quote ends in a full stop and
            // the next token starts a new sentence.
            let last_of_quote = tokens.get(i + 1).is_none_or(|n| n.quote != t.quote);
            last_of_quote
                && quote_ends_sentence(text, tokens, i)
                && next_starts_sentence(text, tokens, i + 1)
        } else if t.kind == Kind::Punct {
            (matches!(t.byte(text), Some(b'.' | b'!' | b'?')) || t.is_char(text, '…'))
                && !is_abbreviation(text, tokens, i)
                && next_starts_sentence(text, tokens, i + 1)
        } else {
            initialism_ends_sentence(text, tokens, i)
        };
        if end_here {
            // Keep closing brackets with the sentence.
            let mut e = i + 1;
            while e < n
                && tokens[e].kind == Kind::Punct
                && matches!(tokens[e].byte(text), Some(b')' | b']'))
            {
                e += 1;
            }
            out.push((start, e));
            start = e;
            i = e;
            continue;
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
}

/// The quote whose last token is `i` ends with a sentence-final mark before its closing mark.
fn quote_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let s = t.text(text);
    if matches!(s, "." | "!" | "?" | "…") {
        return true; // unclosed quote ending on a stop
    }
    i > 0
        && tokens[i - 1].quote == t.quote
        && matches!(tokens[i - 1].text(text), "." | "!" | "?" | "…")
}

fn next_starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    match tokens.get(i) {
        None => true,
        Some(t) => match t.kind {
            Kind::Word => t.cap,
            Kind::Number => true,
            Kind::Punct => {
                if t.in_quote()
                    && t.quote != tokens.get(i.wrapping_sub(1)).map_or(NONE, |p| p.quote)
                {
                    return true; // a new quotation opens
                }
                // A bracket, a dash, or a quotation mark that can open (not ', mostly an
                // apostrophe: "Jones' car").
                let s = t.text(text);
                matches!(s, "(" | "[" | "—" | "-") || marks::can_open(s) && !marks::is_apostrophe(s)
            }
        },
    }
}

/// An initialism keeps its period ("7 p.m.", "the U.S."): it ends the sentence when a pronoun or
/// a function word opens the next ("… close at 7 p.m. He says …"), never before a name ("U.S.
/// President").
fn initialism_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.kind == Kind::Word
        && t.last_byte(text) == b'.'
        && tokens.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && n.cap && !n.in_quote() && n.is(FUNCTION | PRONOUN)
        })
}

/// A period after an abbreviation (Mr., Sen., Sept.) or an initial (J. R. Ewing) does not end a
/// sentence when a capitalised word follows that could be a name.
fn is_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].text(text) != "." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.end != tokens[i].start || prev.kind != Kind::Word {
        return false;
    }
    let w = prev.text(text);
    if prev.lex.is(HONORIFIC) {
        return true;
    }
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true; // an initial
    }
    if prev.lex.is(ABBREV) {
        // "in Washington D.C. He said" is rare; abbreviations like Sept. and Sen. mostly precede
        // a name or number. A lower-case abbreviation (etc.) before a capital ends a sentence.
        return w.chars().next().is_some_and(|c| c.is_uppercase());
    }
    false
}

/// A heading rather than prose: no quotations, and all in capitals or with (nearly) every word
/// capitalised — a short line ("KEMP'S VISITOR"), or a chapter title wrapped over lines ("Miss
/// Lucy Honeychurch Drive Out in Carriages to See a View").
pub fn is_heading(text: &str, tokens: &[Token]) -> bool {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    if tokens.iter().any(|t| t.in_quote()) {
        return false;
    }
    // Counted without collecting: most blocks are long prose paragraphs, settled at word 41.
    let words = || tokens.iter().filter(|t| t.kind == Kind::Word);
    let word_count = words().take(41).count();
    if word_count == 0 || word_count > 40 {
        return false;
    }
    let one_line = !text[first.start..last.end].contains('\n');
    let open_ended =
        !(last.kind == Kind::Punct && matches!(last.text(text), "." | "?" | "!" | ":" | ","));
    // Short function words stay lower case in title case ("the", "of").
    let (content, capitalised) = words()
        .filter(|t| !t.is(super::lexicon::FUNCTION) || t.cap)
        .fold((0, 0), |(n, caps), t| (n + 1, caps + usize::from(t.cap)));
    if one_line && open_ended && word_count <= 12 {
        let all_caps = || words().all(|t| !t.text(text).chars().any(char::is_lowercase));
        return word_count >= 2 && all_caps() || content >= 3 && capitalised == content;
    }
    // Longer: nearly every word capitalised, which prose never is — unless it is a sentence
    // full of names ("French President Claire Dubois met German Chancellor Markus Weber in
    // Paris."): one that ends like a sentence is a heading only with every word capitalised.
    content >= 6 && (open_ended && capitalised * 10 >= content * 9 || capitalised == content)
}

#[cfg(test)]
mod tests {
    use super::super::marks::find_quotes;
    use super::super::tokens::tokenize;
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let span = Span::new(0, t.len());
        let quotes = find_quotes(t, &[span]);
        let top: Vec<(usize, Span)> = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.parent.is_none())
            .map(|(i, q)| (i, q.span))
            .collect();
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), &mut toks, &mut String::new());
        mark_quotes(&mut toks, &top);
        let mut out = Vec::new();
        sentences(t, &toks, &mut out);
        out.iter()
            .map(|&(a, b)| t[toks[a].start..toks[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Sen. J. R. Ewing in Sept. 2020. Then he left."),
            [
                "Mr. Smith met Sen. J. R. Ewing in Sept. 2020.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_are_units() {
        assert_eq!(
            split("“We won. It was hard,” she said. “Next year.” He left."),
            [
                "“We won. It was hard,” she said.",
                "“Next year.”",
                "He left."
            ]
        );
        assert_eq!(split("“Stop!” he shouted."), ["“Stop!” he shouted."]);
    }

    fn heading(t: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), &mut toks, &mut String::new());
        is_heading(t, &toks)
    }

    #[test]
    fn title_case_lines_are_headings_and_sentences_full_of_names_are_not() {
        assert!(heading("KEMP'S VISITOR"));
        assert!(heading(
            "Miss Lucy Honeychurch Drives Out in Carriages\nto See a View; Italians Drive Them"
        ));
        assert!(!heading(
            "French President Claire Dubois met German Chancellor Markus Weber in Paris."
        ));
    }
}
