//! Vocatives: the people a quote addresses by name — “Lucy, come here!”, “Don’t blame me,
//! Lou.”, “Come, my dear Watson, …”. Who is addressed is not the speaker, and usually speaks
//! next.

use crate::analysis::lexicon::{FEMALE, FUNCTION, HONORIFIC, MALE, PRONOUN, TIME_WORD, TITLE};
use crate::analysis::mentions::Gender;
use crate::analysis::model::Span;
use crate::analysis::sieve::{Block, QuoteToks};
use crate::analysis::tokens::{Kind, Token};

/// Words that may stand before a vocative name: “Oh, Lucy”, “my dear Watson”.
fn opener(w: &str) -> bool {
    [
        "oh", "o", "dear", "my", "dearest", "hello", "hi", "hey", "good", "poor",
    ]
    .iter()
    .any(|o| w.eq_ignore_ascii_case(o))
}

/// A name said in a quote: one it addresses (`find`), or any it says (`names_said`).
#[derive(Debug, Clone, PartialEq)]
pub struct Vocative {
    /// The name as written, honorifics included ("Mr. Holmes").
    pub span: Span,
    /// Its lower-case name words without honorifics or titles (["holmes"]).
    pub words: Vec<String>,
    /// The sex its honorific gives ("Miss Honeychurch": female), telling apart the people of
    /// one family.
    pub gender: Gender,
    /// A name called out at the start of a quote (“Ann! Where are my scissors?”): a call only
    /// when it is the name of someone known, since “Rubbish! …” opens a quote the same way.
    pub exclaimed: bool,
}

/// The vocatives of a quote, in order.
pub fn find(b: &Block, q: &QuoteToks) -> Vec<Vocative> {
    let mut out = Vec::new();
    let toks = b.tokens;
    let inside = inside_quote(b, q);
    let mut i = q.open + 1;
    while inside(i) {
        // A vocative starts the quote or follows a comma (after optional openers).
        let starts_clause = i == q.open + 1 || is_punct(b, i - 1, ",");
        if !starts_clause {
            i += 1;
            continue;
        }
        let mut k = i;
        while inside(k) && toks[k].kind == Kind::Word && !toks[k].cap && opener(word(b, k)) {
            k += 1;
        }
        if inside(k) && toks[k].kind == Kind::Word && toks[k].cap && opener(word(b, k)) {
            k += 1; // "Oh Lucy", "Dear Aleksandr"
            while inside(k) && toks[k].kind == Kind::Word && opener(word(b, k)) {
                k += 1;
            }
        }
        let (name_start, end) = name_run(b, k, &inside);
        if end > name_start {
            // The name must close its clause: “…, Lou.”, “Lucy, …”, “Watson!”.
            let closes = !inside(end)
                || toks[end].kind == Kind::Punct
                    && (matches!(word(b, end), "," | "." | "!" | "?" | ";" | "—" | "–" | "…")
                        || typed_dash(b, end))
                || end == q.close;
            // At the start of a quote, a comma or dash after the name ("Lucy, come", "Lucy--you
            // know"), not a sentence's subject ("Lucy went home."); the whole quote (“Lucy!”);
            // or a name called out ("Ann! Where …"), kept only when someone is known by it, as
            // an exclamation ("Rubbish! …") looks the same.
            let at_start = i == q.open + 1 && k == i;
            let whole = end + 1 >= q.close;
            let exclaimed = at_start && word(b, end) == "!" && !whole;
            let start_ok = !at_start
                || matches!(word(b, end), "," | "—" | "–")
                || typed_dash(b, end)
                || whole
                || exclaimed;
            if closes
                && start_ok
                && let Some(mut v) = said(b, name_start, end)
            {
                v.exclaimed = exclaimed;
                out.push(v);
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// Every name a quote says, addressed or spoken of, in order: in “Lucy, let Mr. Beebe eat his
/// dinner.” both Lucy and Mr. Beebe. Whoever a speaker names in the third person is someone
/// else: people say "I", not their own name.
pub fn names_said(b: &Block, q: &QuoteToks) -> Vec<Vocative> {
    let mut out = Vec::new();
    let toks = b.tokens;
    let inside = inside_quote(b, q);
    let mut i = q.open + 1;
    while inside(i) {
        if !(toks[i].kind == Kind::Word && toks[i].cap) {
            i += 1;
            continue;
        }
        let (name_start, end) = name_run(b, i, &inside);
        if end > name_start
            && let Some(v) = said(b, name_start, end)
        {
            out.push(v);
        }
        i = end.max(i + 1);
    }
    out
}

/// The name in tokens `start..end`: its lower-case words without honorifics and titles, and
/// the sex an honorific gives. None when only honorifics are left.
fn said(b: &Block, start: usize, end: usize) -> Option<Vocative> {
    let toks = &b.tokens[start..end];
    let words: Vec<String> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && !t.is(HONORIFIC | TITLE))
        .map(|t| t.text(b.text).trim_end_matches('.').to_lowercase())
        .collect();
    if words.is_empty() {
        return None;
    }
    let honorifics = || toks.iter().filter(|t| t.is(HONORIFIC | TITLE));
    let gender = if honorifics().any(|t| t.is(FEMALE)) {
        Gender::Female
    } else if honorifics().any(|t| t.is(MALE)) {
        Gender::Male
    } else {
        Gender::Unknown
    };
    let span = Span::new(toks[0].start, toks[toks.len() - 1].end);
    Some(Vocative {
        span,
        words,
        gender,
        exclaimed: false,
    })
}

/// Capitalised name words from `k` (with honorifics and their full stops), at most four.
fn name_run(b: &Block, k: usize, inside: &dyn Fn(usize) -> bool) -> (usize, usize) {
    let toks = b.tokens;
    let mut end = k;
    let mut named = false;
    while inside(end) && end - k < 6 {
        let t: &Token = &toks[end];
        if t.kind == Kind::Word && t.cap {
            let honorific = t.is(HONORIFIC | TITLE);
            if !honorific && (t.is(FUNCTION | PRONOUN | TIME_WORD) || word(b, end) == "I") {
                break;
            }
            named |= !honorific;
            end += 1;
            if honorific && is_punct(b, end, ".") {
                end += 1;
            }
            continue;
        }
        break;
    }
    if named { (k, end) } else { (k, k) }
}

/// Whether token `i` is in quote `q` itself (not in a quotation nested in it).
fn inside_quote<'a>(b: &'a Block, q: &'a QuoteToks) -> impl Fn(usize) -> bool + 'a {
    let quote = b.tokens[q.open].quote;
    move |i: usize| i <= q.close && b.tokens.get(i).is_some_and(|t| t.quote == quote)
}

/// A dash typed as two hyphens ("Lucy--"), as hard-wrapped etexts write it.
fn typed_dash(b: &Block, i: usize) -> bool {
    is_punct(b, i, "-") && is_punct(b, i + 1, "-")
}

fn word<'a>(b: &Block<'a>, i: usize) -> &'a str {
    b.tokens.get(i).map_or("", |t| t.text(b.text))
}

fn is_punct(b: &Block, i: usize, s: &str) -> bool {
    b.tokens
        .get(i)
        .is_some_and(|t| t.kind == Kind::Punct && t.text(b.text) == s)
}
