//! A block's tokens, sentences and mentions as the rules read them, with the lookups they
//! share; and one quote's place among the tokens.

use crate::analysis::lexicon::*;
use crate::analysis::marks::Family;
use crate::analysis::mentions::{Mention, MentionKind};
use crate::analysis::model::{Span, SpeakerKind};
use crate::analysis::tokens::{Kind, Token};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// A block's tokens, sentences and mentions, with lookups the patterns need.
pub(crate) struct Block<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [(usize, usize)],
    pub sentence_of: &'a [usize],
    pub mentions: &'a [Mention],
    /// For each token, the mention covering it (usize::MAX if none).
    pub mention_at: &'a [usize],
    /// Scans that many quotes or verbs of a sentence ask for, computed once on first use.
    pub scans: Scans,
}

/// A scan over a sentence's tokens that every quote in the sentence asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Scan {
    /// A word of narrative (outside quotes).
    NarrativeWord,
    /// A subject mention that names a person (`sentence_subject`).
    PersonSubject,
    /// A subject mention that can stand behind quoted words (`attribute_fragment`).
    ActingSubject,
    /// "according to X".
    AccordingTo,
    /// A subject mention (`last_subject`).
    Subject,
    /// A speech verb whose subject can be the speaker of a quote after it (`outer_cue`).
    OuterCue,
    /// Any speech verb (`attribute_fragment`: does the sentence report speech?).
    CueVerb,
}

/// A scan over a sentence: (scan, sentence start, end).
type ScanKey = (Scan, usize, usize);

/// Results of scans over a block, filled on first use. Without them, a sentence holding
/// thousands of quotes or speech verbs was rescanned for each one (quadratic on hostile input).
#[derive(Debug, Default)]
pub(crate) struct Scans {
    /// The first token where a scan holds, keyed by (scan, sentence start, scan end).
    first: RefCell<FxHashMap<ScanKey, Option<usize>>>,
    /// Every token where a scan holds, keyed by (scan, sentence start, sentence end).
    all: RefCell<FxHashMap<ScanKey, Rc<[usize]>>>,
    /// A sentence's end without its final stops, keyed by the sentence end.
    without_stops: RefCell<FxHashMap<usize, usize>>,
    /// For each token index, the first token at or after it that opens a quote right after a
    /// colon (usize::MAX if none).
    colon_quote_from: OnceCell<Vec<usize>>,
}

pub(crate) const NO: usize = usize::MAX;

impl<'a> Block<'a> {
    /// The token's text; "" past the end of the block, so look-aheads ("according" + "to",
    /// "pointed" + "out") need no bounds checks of their own.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    /// Token `i` is the word `w` (case-insensitive, no allocation).
    pub(crate) fn is_w(&self, i: usize, w: &str) -> bool {
        // (Lengths first: most words differ, and need not be sliced to tell.)
        self.tokens
            .get(i)
            .is_some_and(|t| t.has_len(w.len()) && t.text(self.text).eq_ignore_ascii_case(w))
    }
    pub(crate) fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        self.tokens
            .get(i)
            .map_or(std::borrow::Cow::Borrowed(""), |t| t.lower(self.text))
    }
    pub(crate) fn is_punct(&self, i: usize, s: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.has_len(s.len()) && t.text(self.text) == s)
    }
    pub(crate) fn narrative(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.in_quote())
    }
    /// The first token in `s0..end` (`s0` a sentence start) where `scan` holds. Cached: a
    /// sentence holding thousands of quotes would otherwise be rescanned for each of them, which
    /// made hostile input quadratic.
    pub(crate) fn first_in_sentence(&self, scan: Scan, s0: usize, end: usize) -> Option<usize> {
        if let Some(&hit) = self.scans.first.borrow().get(&(scan, s0, end)) {
            return hit;
        }
        let hit = (s0..end).find(|&i| self.scan_holds(scan, s0, i));
        self.scans.first.borrow_mut().insert((scan, s0, end), hit);
        hit
    }
    /// The last token before `k` in the sentence `s0..s1` where `scan` holds (cached like
    /// `first_in_sentence`).
    pub(crate) fn last_in_sentence_before(
        &self,
        scan: Scan,
        s0: usize,
        s1: usize,
        k: usize,
    ) -> Option<usize> {
        let all = self.all_in_sentence(scan, s0, s1);
        let n = all.partition_point(|&i| i < k);
        n.checked_sub(1).map(|n| all[n])
    }
    /// The first token at or after `k` in the sentence `s0..s1` where `scan` holds (cached like
    /// `first_in_sentence`).
    pub(crate) fn next_in_sentence_from(
        &self,
        scan: Scan,
        s0: usize,
        s1: usize,
        k: usize,
    ) -> Option<usize> {
        let all = self.all_in_sentence(scan, s0, s1);
        all.get(all.partition_point(|&i| i < k)).copied()
    }
    /// Every token of the sentence `s0..s1` where `scan` holds, scanned once.
    fn all_in_sentence(&self, scan: Scan, s0: usize, s1: usize) -> Rc<[usize]> {
        let cached = self.scans.all.borrow().get(&(scan, s0, s1)).cloned();
        cached.unwrap_or_else(|| {
            let all: Rc<[usize]> = (s0..s1).filter(|&i| self.scan_holds(scan, s0, i)).collect();
            self.scans
                .all
                .borrow_mut()
                .insert((scan, s0, s1), all.clone());
            all
        })
    }
    /// `s1` without the stops that end the sentence ("." "!" "?" ")" ";" ":"), cached.
    pub(crate) fn without_stops(&self, s1: usize) -> usize {
        if let Some(&e) = self.scans.without_stops.borrow().get(&s1) {
            return e;
        }
        let mut e = s1;
        while e > 0
            && self.tokens[e - 1].kind == Kind::Punct
            && self.narrative(e - 1)
            && matches!(self.word(e - 1), "." | "!" | "?" | ")" | ";" | ":")
        {
            e -= 1;
        }
        self.scans.without_stops.borrow_mut().insert(s1, e);
        e
    }
    /// The first token at or after `i` that opens a quote right after a colon.
    pub(crate) fn colon_quote_from(&self, i: usize) -> Option<usize> {
        let next = self.scans.colon_quote_from.get_or_init(|| {
            let n = self.tokens.len();
            let mut next = vec![usize::MAX; n + 1];
            for k in (0..n).rev() {
                next[k] = if k > 0 && !self.narrative(k) && self.is_punct(k - 1, ":") {
                    k
                } else {
                    next[k + 1]
                };
            }
            next
        });
        next.get(i).copied().filter(|&k| k != usize::MAX)
    }
    pub(crate) fn scan_holds(&self, scan: Scan, s0: usize, i: usize) -> bool {
        match scan {
            Scan::NarrativeWord => self.narrative(i) && self.tokens[i].kind == Kind::Word,
            Scan::PersonSubject => self.mention_starting(i).is_some_and(|m| {
                let mm = &self.mentions[m];
                mm.subject && (mm.person_evidence || mm.kind == MentionKind::Name) && !mm.possessive
            }),
            Scan::ActingSubject => self.mention_starting(i).is_some_and(|m| {
                let mm = &self.mentions[m];
                mm.subject
                    && (mm.kind != MentionKind::Pronoun || mm.entity_kind == SpeakerKind::Person)
            }),
            Scan::OuterCue => {
                self.is_cue_verb(i)
                    && !(i > s0 && self.is_w(i - 1, "to"))
                    && self.subject_of(i).is_some_and(|m| {
                        let mm = &self.mentions[m];
                        mm.entity_kind != SpeakerKind::Organization
                            || mm.kind != MentionKind::Pronoun
                    })
            }
            Scan::CueVerb => self.is_cue_verb(i),
            Scan::Subject => self
                .mention_starting(i)
                .is_some_and(|m| self.mentions[m].subject),
            Scan::AccordingTo => {
                self.narrative(i)
                    && self.is_w(i, "according")
                    && self.word(i + 1) == "to"
                    && self.mention_after(i + 2).is_some()
            }
        }
    }
    pub(crate) fn mention_starting(&self, i: usize) -> Option<usize> {
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.0 == i).then_some(m)
    }
    /// A mention starting at `i`, or after a few lower-case words ("the event organizer Alliance").
    pub(crate) fn mention_after(&self, i: usize) -> Option<usize> {
        (i..(i + 5).min(self.tokens.len()))
            .take_while(|&k| {
                // Only words that can open a noun phrase: determiners, lower-case role words and
                // modifiers, numbers ("9/11 widow") — not "that", "when" or pronouns.
                let p = &self.tokens[k.max(1) - 1];
                let np_word = p.kind == Kind::Word
                    && !p.cap
                    && !p.text(self.text).eq_ignore_ascii_case("that")
                    && (p.is(DETERMINER)
                        || !p.is(FUNCTION | PRONOUN | SPEECH_VERB | REPORT_VERB | AUX | PREP));
                k == i || (np_word || p.kind == Kind::Number) && self.narrative(k - 1)
            })
            .find_map(|k| self.mention_starting(k))
    }
    pub(crate) fn mention_ending(&self, i_exclusive: usize) -> Option<usize> {
        let i = i_exclusive.checked_sub(1)?;
        let m = *self.mention_at.get(i)?;
        (m != NO && self.mentions[m].toks.1 == i_exclusive).then_some(m)
    }
    /// A speech verb that is not part of a name or description ("head of state").
    pub(crate) fn is_cue_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // Capitalised only where a sentence starts: "Bemoaning the “phony system,” Trump …".
        let sentence_start = i == 0 || self.sentence_of[i - 1] != self.sentence_of[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB)
            && self.mention_at[i] == NO
            && (!t.cap || sentence_start)
    }
    pub(crate) fn is_report_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == Kind::Word
            && !t.in_quote()
            && t.is(SPEECH_VERB | REPORT_VERB)
            && self.mention_at[i] == NO
            && !self.is_noun_position(i)
    }
    /// After a determiner, possessive or preposition a speech word is a noun: "via email", "a
    /// report", "his tweet", "in a statement".
    pub(crate) fn is_noun_position(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let t = &self.tokens[p];
        if t.kind != Kind::Word || t.in_quote() {
            return false;
        }
        let w = self.lower(p);
        // "by saying", "after asking": a preposition before an -ing form takes a gerund, which
        // is still the verb of the speech.
        if t.is(NOUN_PREP) && self.word(i).ends_with("ing") {
            return false;
        }
        // "32% of Republican claims": a capitalised adjective after a preposition.
        let of_adjective = p > 0 && t.cap && self.tokens[p - 1].is(ADJECTIVE_PREP);
        // "posted a Twitter comment": a name after "a" modifies a speech noun ("A Marine said"
        // keeps its verb: "said" is no noun).
        let named_noun = p > 0
            && t.cap
            && self.tokens[i].is(SPEECH_NOUN)
            && matches!(self.lower(p - 1).as_ref(), "a" | "an");
        of_adjective
            || named_noun
            || (t.is(DETERMINER) && !t.is(STANDALONE_DET))
            || (w.ends_with("'s") || w.ends_with("’s")) && !is_contraction(&w)
            || t.is(NOUN_PREP)
    }
    pub(crate) fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i]]
    }

    /// The subject of the verb at `v`: the mention right before it, skipping auxiliaries,
    /// adverbs and an apposition (X, the union's treasurer, said).
    pub fn subject_of(&self, v: usize) -> Option<usize> {
        let (s0, _) = self.sentence_range(v);
        let mut k = v;
        // "Gov. Pat McCrory (R) said": step over the parenthesis.
        if k > s0
            && self.is_punct(k - 1, ")")
            && let Some(open) = (k.saturating_sub(10).max(s0)..k - 1)
                .rev()
                .find(|&i| self.is_punct(i, "("))
        {
            k = open;
        }
        // "was quoted as saying", "is reported to have said"; "emphatically proclaimed"
        while k > s0
            && self.narrative(k - 1)
            && (self.tokens[k - 1].is(AUX | VERB_BRIDGE)
                || self.tokens[k - 1].kind == Kind::Word
                    && !self.tokens[k - 1].cap
                    && super::cues::is_adverb(self.word(k - 1)))
        {
            if self.mention_ending(k).is_some() {
                break;
            }
            k -= 1;
        }
        if let Some(m) = self.mention_ending(k) {
            return Some(
                self.participle_over_object(s0, v, m)
                    .or_else(|| self.subject_before_modifier(s0, v, m))
                    .unwrap_or(m),
            );
        }
        // An apposition or a relative clause: "X, the treasurer, said" / "X, who said".
        if k > s0 && self.is_punct(k - 1, ",") {
            // ", arguing that …": a participle after a comma shares the subject of the clause
            // before it ("…,” he said, adding, “…”).
            if self.word(v).ends_with("ing") {
                return self.first_subject_before(s0, v);
            }
            // "the minister, Eva Lund, said": a person's name in apposition to a description is
            // the speaker (not "Tulsa, Oklahoma").
            if let Some(name) = self.mention_ending(k - 1).filter(|&m| {
                let mm = &self.mentions[m];
                mm.kind == MentionKind::Name && mm.person_evidence
            }) {
                let a = self.mentions[name].toks.0;
                let described = a > s0 + 1
                    && self.is_punct(a - 1, ",")
                    && self.mention_ending(a - 1).is_some_and(|d| {
                        self.mentions[d].kind == MentionKind::Role || self.role_of(s0, d)
                    });
                if described {
                    return Some(name);
                }
            }
            let mut j = k - 1;
            let limit = j.saturating_sub(32).max(s0); // relative clauses run long
            while j > limit {
                j -= 1;
                if self.is_punct(j, ",") {
                    // "Jo Park, the treasurer, said" / "he, once again, pledged".
                    if let Some(m) = self.mention_ending(j)
                        && matches!(
                            self.mentions[m].kind,
                            MentionKind::Name | MentionKind::Pronoun
                        )
                    {
                        // "Clinton, at a town hall in Columbus, Ohio, said": the object of a
                        // preposition is inside the aside; its subject comes before it.
                        let a = self.mentions[m].toks.0;
                        if a > s0
                            && self.tokens[a - 1].is(PREP)
                            && !self.tokens[a - 1].is(CONNECTIVE)
                        {
                            continue;
                        }
                        return Some(m);
                    }
                    break;
                }
                if !self.narrative(j) {
                    break;
                }
            }
        }
        if k > s0 && self.tokens[k - 1].is(RELATIVE) {
            let mut j = k - 1;
            if j > s0 && self.is_punct(j - 1, ",") {
                j -= 1;
            }
            return self.mention_ending(j);
        }
        // "Protesters marching through the streets chanted …": a description opening the
        // sentence is the subject when a participle phrase separates it from the verb.
        if let Some(m) = self.mention_starting(s0).filter(|&m| {
            let mm = &self.mentions[m];
            mm.toks.1 < v
                && mm.kind != MentionKind::Pronoun
                && self.tokens.get(mm.toks.1).is_some_and(|t| {
                    t.kind == Kind::Word && !t.cap && t.text(self.text).ends_with("ing")
                })
        }) {
            return Some(m);
        }
        // "…, saying" / "took to Twitter to accuse": the subject of the clause before.
        if self.word(v).ends_with("ing") || (v > s0 && self.is_w(v - 1, "to")) {
            return self.first_subject_before(s0, v);
        }
        None
    }

    /// "The chief executive of the Traders' Association": mention `d` is what a role a few words
    /// before it is of, so the phrase names a person by that role.
    fn role_of(&self, s0: usize, d: usize) -> bool {
        // Back over the rest of the organisation's name ("the Harbour Road Traders'") to "of".
        let mut j = self.mentions[d].toks.0;
        while j > s0 + 1 && {
            let t = &self.tokens[j - 1];
            t.kind == Kind::Word && (t.cap || self.is_w(j - 1, "the"))
                || self.is_punct(j - 1, "'")
                || self.is_punct(j - 1, "’")
        } {
            j -= 1;
        }
        let of = j - 1;
        j > s0 + 1
            && self.is_w(of, "of")
            && (of.saturating_sub(3).max(s0)..of).any(|i| self.tokens[i].is(ROLE | TITLE))
    }

    /// "X issued a statement saying …" / "X sent an email to supporters saying …": a participle
    /// right after the medium or the addressee of the clause's verb says what the clause's subject
    /// said, not what the statement or the supporters did.
    fn participle_over_object(&self, s0: usize, v: usize, m: usize) -> Option<usize> {
        let t = &self.tokens[v];
        if t.cap || !self.word(v).ends_with("ing") {
            return None;
        }
        let mm = &self.mentions[m];
        let medium = self.tokens[mm.toks.1 - 1].is(MEDIA);
        let object = mm.toks.0 > s0
            && mm.kind != MentionKind::Pronoun
            && self.tokens[mm.toks.0 - 1].is(PREP)
            // "with McCain calling it …", "footage of Clinton asking …": the participle's own
            // subject.
            && !["with", "without", "of", "and", "or"].iter().any(|w| self.is_w(mm.toks.0 - 1, w));
        if !medium && !object {
            return None;
        }
        self.first_subject_before(s0, mm.toks.0)
    }

    /// "A source familiar with the campaign said", "Another source speaking to Fox News said":
    /// the mention before the verb is the object of a preposition in a modifier of the subject,
    /// which is the sentence's first subject before it (in the same clause: no comma between).
    /// (A participle has its own subject: "footage of Clinton asking".)
    fn subject_before_modifier(&self, s0: usize, v: usize, m: usize) -> Option<usize> {
        let a = self.mentions[m].toks.0;
        if a <= s0
            || self.word(v).ends_with("ing")
            || !self.tokens[a - 1].is(PREP)
            || self.tokens[a - 1].is(CONNECTIVE)
        {
            return None;
        }
        let subject = self.first_subject_before(s0, a - 1)?;
        (self.mentions[subject].toks.1..a)
            .all(|i| self.narrative(i) && self.tokens[i].kind == Kind::Word)
            .then_some(subject)
    }

    /// The first subject mention of the sentence `s0..`, if it comes before `to`.
    pub(crate) fn first_subject_before(&self, s0: usize, to: usize) -> Option<usize> {
        let (_, s1) = self.sentence_range(s0);
        self.first_in_sentence(Scan::Subject, s0, s1)
            .filter(|&i| i < to)
            .and_then(|i| self.mention_starting(i))
    }

    /// Where the main clause of the sentence `s0..s1` starts when an adverbial clause or phrase
    /// comes first: "As the race turned to states with Democratic electorates, Clinton …",
    /// "Appearing on CBS, the front-runner said …" — after the comma that closes it.
    pub(crate) fn after_fronted_clause(&self, s0: usize, s1: usize) -> Option<usize> {
        let t = self.tokens.get(s0)?;
        if t.kind != Kind::Word || !self.narrative(s0) {
            return None;
        }
        // Compared without lower-casing: this runs for every sentence.
        let w = self.word(s0);
        let is = |x: &str| w.eq_ignore_ascii_case(x);
        let opens = t.is(CLAUSE_BREAK) && !(is("but") || is("for") || is("by"))
            || ["as", "once", "until", "amid", "despite", "even", "asked"]
                .iter()
                .any(|x| is(x))
            || t.cap && w.len() > 4 && w.ends_with("ing");
        if !opens {
            return None;
        }
        // The comma that closes it — not the one before a place's state or country ("in
        // Salem, New Hampshire, Trump …").
        let place_follows = |k: usize| {
            self.mention_starting(k + 1).is_some_and(|m| {
                let (a, e) = self.mentions[m].toks;
                self.is_punct(e, ",") && self.tokens[a..e].iter().any(|t| t.is(PLACE))
            })
        };
        (s0 + 2..(s0 + 30).min(s1))
            .take_while(|&k| self.narrative(k))
            .filter(|&k| self.is_punct(k, ","))
            .find(|&k| !place_follows(k))
            .map(|k| k + 1)
    }

    /// The token that starts at byte `start` (a cue's verb), if one does.
    pub(crate) fn token_starting_at(&self, start: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&start, |t| t.start).ok()
    }

    /// The relative pronoun that is the subject of the verb at byte `cue` ("Rubio, who mused
    /// …", "the ad, which promises …"): the words that name the speaker there.
    pub(crate) fn relative_subject(&self, cue: usize) -> Option<Span> {
        let v = self.tokens.partition_point(|t| t.start < cue);
        let (s0, _) = self.sentence_range(v.min(self.tokens.len().checked_sub(1)?));
        let mut k = v;
        while k > s0 && self.narrative(k - 1) && self.tokens[k - 1].is(AUX | VERB_BRIDGE) {
            k -= 1;
        }
        let r = k.checked_sub(1)?;
        (r >= s0 && self.narrative(r) && self.tokens[r].is(RELATIVE))
            .then(|| Span::new(self.tokens[r].start, self.tokens[r].end))
    }
}

/// "he's", "that's": a pronoun with "is"/"has", not a possessive.
fn is_contraction(w: &str) -> bool {
    let stem = w.trim_end_matches("'s").trim_end_matches("’s");
    lookup(stem).is(CONTRACTION_STEM)
}

/// The tokens of one quote inside the block: opening mark and last token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteToks {
    pub id: usize,
    pub open: usize,
    pub close: usize,
    pub content: Span,
    pub nested: bool,
    /// False when the closing mark is missing.
    pub closed: bool,
    /// The family of its marks.
    pub family: Family,
}

pub(crate) fn tok_span(b: &Block, a: usize, end: usize) -> Span {
    Span::new(b.tokens[a].start, b.tokens[end - 1].end)
}
