//! The sieve: how the words around a quotation attribute it — a speech verb and its subject,
//! "according to X", a speaker's label before a colon. Rules a linguist would write down, most
//! precise first, each in its own file under `rules/` with tests written as sentences; the
//! tables below say which run, in what order. What the rules find is evidence: the
//! conversation (`analysis::conversation`) weighs it with who spoke before and after.
//!
//! Reported speech without quotation marks is found apart (`reported`), before the quotes of a
//! block, so a fragment quoted inside it belongs to its speaker.

pub(crate) mod addressee;
pub(crate) mod block;
pub(crate) mod cues;
pub(crate) mod relayed;
pub(crate) mod reported;
mod rules;

pub(crate) use block::{Block, QuoteToks, Scan};
pub(crate) use cues::{cue_subjects, trailing_colon_cue};
pub(crate) use reported::{Reported, reported};

use crate::analysis::marks::Family;
use crate::analysis::model::{Method, QuoteKind, Span};

/// Every rule, by name: the unit the tables order and the tests name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// "PENCE: Well, look, …" — a transcript's speaker label opening the quote.
    TranscriptLabel,
    /// A short Title-Case paragraph in quotes: 'All Bets Are Off.'
    HeadingTitle,
    /// “…,” X said / said X / X, the treasurer, said / “…,” puffed Diana.
    CueAfter,
    /// “…” to drive up prices, she said — the attribution ends the quote's sentence.
    SentenceFinal,
    /// X said: “…” / X told reporters, “…”.
    CueBefore,
    /// When someone shouted, “Cruz,” Beck joked — the clause before the main one says it.
    SubordinateClause,
    /// “…,” she said, “…” — the second half of a quote cut by its attribution.
    Split,
    /// According to X, “…”.
    AccordingTo,
    /// Putin: “…” — a name and a colon, no verb.
    Colon,
    /// An ambassador's job, she said, is to “…” — a tag between commas earlier in the sentence.
    Parenthetical,
    /// Trump's claim that there were “thousands of shootings” — the possessor made the claim.
    PossessedClaim,
    /// A cue-less quote right after another: the same speaker, probably.
    Continuation,
    /// The subject of this or the previous sentence.
    ParagraphSubject,
    /// A block that opens with a quote after one that ended "X said:".
    PreviousColon,
    // Fragments: words quoted inside a sentence of narrative.
    /// so-called “reforms”: a term, nobody speaks.
    SoCalled,
    /// CBS's “Face the Nation”, a “Commander-in-Chief Forum”: a title.
    TitleAfterDeterminer,
    /// Rep. Robert C. “Bobby” Scott: a nickname inside a name.
    Nickname,
    /// After X said the schools were “less advanced,” Y said — in the clause before the main one.
    FragmentSubordinateClause,
    /// “reckless,” X said.
    FragmentCueAfter,
    /// X called the plan “reckless” / X said it was “reckless”.
    FragmentCueBefore,
    /// The plan became more “conversant” over the years, Ban said — the tag ends the sentence.
    FragmentSentenceFinal,
    /// X said that the plan was “reckless” (inside reported speech).
    InsideReported,
    /// According to X, the plan is “reckless”.
    FragmentAccordingTo,
    /// a show called “Shark Tank”: a title.
    NamingTitle,
    /// Reid has gone after Trump as a “con artist” — the subject acts on the words.
    ActingSubject,
    /// Calls people “losers” — a speech verb, nobody named.
    FragmentCueWithoutSpeaker,
    /// called him a “nasty guy,” an “anchor baby” and “sick” — coordinated with the one before.
    Coordinated,
    /// Nothing attributes it, but six words or more are speech: “the truth is sexier than the lie”.
    QuotedClause,
    /// Nothing attributes it: a title if in Title Case, else a term.
    TitleOrTerm,
    // Reported speech.
    /// "The economy is growing, the minister said."
    ReportedSentenceFinal,
    /// "According to X, the economy is growing."
    ReportedAccordingTo,
    /// "X said that the economy is growing."
    ReportedThat,
    /// "X said the economy is growing."
    ReportedBare,
}

impl Rule {
    /// How sure the rule is of its speaker: one table for every rule, so they can be compared
    /// and tuned in one place. `speaker` is false when the rule found a cue but nobody behind it.
    pub(crate) fn confidence(self, speaker: bool) -> f32 {
        use Rule::*;
        match (self, speaker) {
            (CueAfter, true) => 0.95,
            (CueAfter, false) => 0.5,
            (CueBefore, false) => 0.4,
            (TranscriptLabel | CueBefore | Split, _) => 0.9,
            (SubordinateClause | FragmentSubordinateClause, _) => 0.8,
            (AccordingTo | PreviousColon | FragmentCueAfter | ReportedAccordingTo, _) => 0.85,
            (ReportedThat, _) => 0.85,
            (SentenceFinal | FragmentSentenceFinal | Colon | FragmentCueBefore, _) => 0.8,
            (Parenthetical | PossessedClaim, _) => 0.8,
            (FragmentAccordingTo | ReportedSentenceFinal, _) => 0.8,
            (Continuation | InsideReported | Coordinated, _) => 0.75,
            (ReportedBare, _) => 0.7,
            (ParagraphSubject, _) => 0.6,
            (QuotedClause, _) => 0.4,
            (ActingSubject, _) => 0.5,
            (FragmentCueWithoutSpeaker, _) => 0.3,
            (HeadingTitle | SoCalled | TitleAfterDeterminer, _) => 0.0,
            (Nickname | NamingTitle | TitleOrTerm, _) => 0.0,
        }
    }
}

/// What the sieve found for one quote.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// Index into the block's mentions.
    pub mention: Option<usize>,
    pub method: Method,
    pub confidence: f32,
    /// Inherit the speaker of this quote (global id): the second half of a split quote, or a
    /// continuation.
    pub same_as: Option<usize>,
    pub addressee: Option<Span>,
    /// The words that name the speaker when they are not the mention itself: a relative
    /// pronoun ("Rubio, who mused …") standing for its antecedent.
    pub words: Option<Span>,
    /// When `mention` is the source that relays the words ("“…,” X said, according to Y"): the
    /// mention of the one who said them (X).
    pub original: Option<usize>,
    /// The rule that decided (none when no rule did).
    pub rule: Option<Rule>,
}

impl Attribution {
    pub(crate) fn none(kind: QuoteKind) -> Self {
        Attribution {
            kind,
            cue: None,
            mention: None,
            method: Method::None,
            confidence: 0.0,
            same_as: None,
            addressee: None,
            words: None,
            original: None,
            rule: None,
        }
    }

    /// A quote of `kind` that no rule attributes, as `rule` decided (a title, a term).
    fn unattributed(kind: QuoteKind, rule: Rule) -> Self {
        Attribution {
            rule: Some(rule),
            ..Attribution::none(kind)
        }
    }

    /// Attributed by `rule` to the speaker `mention` (which may be unknown), cued by `cue`.
    fn by(
        rule: Rule,
        kind: QuoteKind,
        method: Method,
        cue: Option<Span>,
        mention: Option<usize>,
    ) -> Self {
        Attribution {
            kind,
            cue,
            mention,
            method,
            confidence: rule.confidence(mention.is_some()),
            same_as: None,
            addressee: None,
            words: None,
            original: None,
            rule: Some(rule),
        }
    }
}

/// The rules ask only whether a quote has one word, fewer than six or at most eight: counting
/// stops past that, rather than reading every quote to its end (a seventh of the sieve's
/// instructions).
const WORDS_COUNTED: usize = 9;

/// What a rule sees: the quote, its block and sentence, and what came before it.
pub(crate) struct Site<'s, 'a> {
    pub b: &'s Block<'a>,
    pub q: &'s QuoteToks,
    /// The previous speech quote of the block, with its attribution.
    pub prev: Option<(&'s QuoteToks, &'s Attribution)>,
    /// The block's reported-speech clauses.
    pub reported: &'s [Reported],
    /// The quote's sentence, as token indices.
    pub s0: usize,
    pub s1: usize,
    /// Words in the quote, counted up to `WORDS_COUNTED`.
    pub words: usize,
    /// The quote does not end with a full stop: the sentence goes on after it.
    pub continues_sentence: bool,
}

impl Site<'_, '_> {
    /// The quote's words without the marks.
    fn content(&self) -> &str {
        self.q.content.text(self.b.text)
    }
}

/// What a rule says about a quote.
enum Outcome {
    /// Attributed (or classified): the sieve stops here.
    Decided(Attribution),
    /// A cue without a speaker: kept in case no later rule finds better.
    Cue(Attribution),
    /// The rule does not apply.
    Pass,
}

impl Outcome {
    /// A speech verb found: decided when it has a subject, else kept as a cue.
    fn of_cue(a: Attribution) -> Outcome {
        if a.mention.is_some() {
            Outcome::Decided(a)
        } else {
            Outcome::Cue(a)
        }
    }
}

/// A rule: what it says about the quote, knowing the cue found so far (if any).
type RuleFn = fn(&Site, Option<&Attribution>) -> Outcome;

/// The rules for a quotation that is a sentence or more, in order.
const SPEECH: &[RuleFn] = &[
    rules::transcript_label::apply,
    rules::heading_title::apply,
    rules::subordinate_clause::apply,
    rules::cue_after::apply,
    rules::sentence_final::apply,
    rules::parenthetical::apply,
    rules::cue_before::apply,
    rules::split::apply,
    rules::according_to::apply,
    rules::colon::apply,
    rules::cue_without_speaker::apply,
    rules::continuation::apply,
    rules::paragraph_subject::apply,
];

/// The rules for words quoted inside a sentence of narrative, in order; the last always
/// decides.
const FRAGMENT: &[RuleFn] = &[
    rules::so_called::apply,
    rules::title_after_determiner::apply,
    rules::nickname::apply,
    rules::subordinate_clause::apply_fragment,
    rules::fragment_cue_after::apply,
    rules::sentence_final::apply_fragment,
    rules::parenthetical::apply_fragment,
    rules::possessed_claim::apply,
    rules::fragment_cue_before::apply,
    rules::inside_reported::apply,
    rules::fragment_according_to::apply,
    rules::naming_title::apply,
    rules::acting_subject::apply,
    rules::fragment_cue_without_speaker::apply,
    rules::quoted_clause::apply,
    rules::title_or_term::apply,
];

fn run(table: &[RuleFn], site: &Site) -> Option<Attribution> {
    let mut cue: Option<Attribution> = None;
    for rule in table {
        match rule(site, cue.as_ref()) {
            Outcome::Decided(a) => return Some(a),
            Outcome::Cue(a) => cue = Some(a),
            Outcome::Pass => {}
        }
    }
    cue
}

/// Attributes one quote. `prev` is the previous speech quote in the block with its attribution;
/// `reported` the block's reported-speech clauses (a fragment inside one is part of that speech).
pub(crate) fn attribute(
    b: &Block,
    q: &QuoteToks,
    prev: Option<(&QuoteToks, &Attribution)>,
    reported: &[Reported],
) -> Attribution {
    if q.nested {
        return Attribution::none(QuoteKind::Nested);
    }
    let content = q.content.text(b.text);
    let last_char = content.trim_end().chars().next_back();
    let (s0, s1) = b.sentence_range(q.open);
    let site = Site {
        b,
        q,
        prev,
        reported,
        s0,
        s1,
        words: content.split_whitespace().take(WORDS_COUNTED).count(),
        continues_sentence: !matches!(last_char, Some('.')),
    };
    // A fragment is quoted inside a sentence of narrative: “reckless”, a “walk-in”. Japanese and
    // Chinese quote what was said inside the sentence that reports it (田中首相は「…」と述べた),
    // so their corner brackets hold speech there.
    let after_intro = q.open > s0 && (b.is_punct(q.open - 1, ":") || b.is_punct(q.open - 1, ","));
    let starts_sentence = q.open == s0 || b.sentence_of[q.open - 1] != b.sentence_of[q.open];
    let has_head = b
        .first_in_sentence(Scan::NarrativeWord, s0, s1)
        .is_some_and(|i| i < q.open);
    let fragment = has_head && !starts_sentence && !after_intro && q.family != Family::Corner;
    if fragment {
        let mut att = run(FRAGMENT, &site).unwrap_or_else(|| Attribution::none(QuoteKind::Term));
        relayed::relay(b, q, &mut att);
        if att.method == Method::None
            && let Some(coordinated) = rules::coordinated::apply(&site)
        {
            return coordinated;
        }
        return att;
    }
    let mut att = run(SPEECH, &site).unwrap_or_else(|| Attribution::none(QuoteKind::Direct));
    relayed::relay(b, q, &mut att);
    if att.kind == QuoteKind::Direct {
        att.addressee = addressee::find_addressee(b, q);
    }
    att
}

#[cfg(test)]
pub(crate) mod testing {
    //! Sentences in, attributions out: the rules' tests are written as text.

    use super::*;

    /// What the sieve found for one quote of a text, with the words it points at.
    #[derive(Debug)]
    pub(crate) struct Found {
        pub rule: Option<Rule>,
        pub kind: QuoteKind,
        pub method: Method,
        pub mention: Option<String>,
        pub cue: Option<String>,
        /// The words naming the speaker when not the mention (a relative pronoun).
        pub words: Option<String>,
        /// The one whose words a relaying source reports.
        pub original: Option<String>,
    }

    /// The attribution of quote `n` (0 = the first) of a one-paragraph text.
    pub(crate) fn nth(text: &str, n: usize) -> Found {
        let all = crate::analysis::attribute_text(text);
        all.into_iter()
            .nth(n)
            .expect("the text has that many quotes")
    }

    /// The attribution of the text's first quote.
    pub(crate) fn first(text: &str) -> Found {
        nth(text, 0)
    }
}
