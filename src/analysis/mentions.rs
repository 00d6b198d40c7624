//! Mentions: the words in narrative text that can name a speaker — proper names with their
//! titles ("Russian President Vladimir Putin"), role descriptions ("the head of state", "his
//! Russian counterpart", "the Belarusian side"), and pronouns.

use super::lexicon::{self, *};
use super::model::{Span, SpeakerKind};
use super::names::{NameWords, WordRange};
use super::tokens::{Kind, Token, lowercase};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with titles before it.
    Name,
    /// A description by role, organisation or group.
    Role,
    Pronoun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// What a mention says about whom it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Descriptors {
    /// Role words and their families: "president", "head".
    pub roles: Vec<&'static str>,
    /// Countries from demonyms and "of X": "russia".
    pub countries: Vec<&'static str>,
}

impl Descriptors {
    pub fn has_role(&self, r: &str) -> bool {
        self.roles.contains(&r)
    }
    pub fn has_country(&self, c: &str) -> bool {
        self.countries.contains(&c)
    }
    pub fn merge(&mut self, other: &Descriptors) {
        for r in &other.roles {
            if !self.roles.contains(r) {
                self.roles.push(r);
            }
        }
        for c in &other.countries {
            if !self.countries.contains(c) {
                self.countries.push(c);
            }
        }
    }
    fn push_role(&mut self, r: &'static str) {
        if !self.roles.contains(&r) {
            self.roles.push(r);
        }
    }
    fn push_country(&mut self, c: &'static str) {
        if !self.countries.contains(&c) {
            self.countries.push(c);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The whole mention ("Russian President Vladimir Putin").
    pub span: Span,
    /// Token range in the block.
    pub toks: (usize, usize),
    pub kind: MentionKind,
    /// The proper-name part ("Vladimir Putin"), for names.
    pub name: Option<Span>,
    /// Lower-case name words without possessive endings (["vladimir", "putin"]), interned in
    /// the block's `NameWords`.
    pub name_words: WordRange,
    /// What the mention says about the person: role words and families, countries.
    pub descriptors: Descriptors,
    /// The head noun of a role description ("leader", "side"), lower case.
    pub head: Option<&'static str>,
    pub gender: Gender,
    pub entity_kind: SpeakerKind,
    pub plural: bool,
    /// "a source", "another official": a new referent, not one seen before.
    pub indefinite: bool,
    /// Honorific only (Mr Smith): a surname reference.
    pub honorific: bool,
    /// Ends in a possessive ('s).
    pub possessive: bool,
    /// Looks like the subject of its clause (followed by a verb, not after a preposition).
    pub subject: bool,
    /// The sentence index within the block.
    pub sentence: usize,
    /// Evidence that a name is a person (a title, a first name, an apposition).
    pub person_evidence: bool,
    /// The gender a lone first name suggests ("Freddy"): someone new is probably called by
    /// their first name, but a lone "Lee" may be the surname of someone already named.
    pub first_name_gender: Gender,
}

impl Mention {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }

    /// A mention of tokens `toks` with every property at its neutral default.
    fn new(tokens: &[Token], toks: (usize, usize), kind: MentionKind, sentence: usize) -> Mention {
        Mention {
            span: Span::new(tokens[toks.0].start, tokens[toks.1 - 1].end),
            toks,
            kind,
            name: None,
            name_words: WordRange::default(),
            descriptors: Descriptors::default(),
            head: None,
            gender: Gender::Unknown,
            entity_kind: SpeakerKind::Unknown,
            plural: false,
            indefinite: false,
            honorific: false,
            possessive: false,
            subject: false,
            sentence,
            person_evidence: false,
            first_name_gender: Gender::Unknown,
        }
    }
}

/// Common adjectives that begin proper names ("New York", "Great Britain", "Little Rock").
fn opens_names(w: &str) -> bool {
    [
        "new", "great", "old", "little", "big", "good", "high", "long", "first", "second", "third",
        "best", "upper", "lower", "north", "south", "east", "west", "central", "united", "holy",
    ]
    .iter()
    .any(|o| w.eq_ignore_ascii_case(o))
}

pub(crate) fn looks_like_verb(t: &Token, text: &str) -> bool {
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    if t.is(SPEECH_VERB | REPORT_VERB | AUX) {
        return true;
    }
    if t.is(COMMON_VERB) {
        return true;
    }
    let w = t.text(text);
    if t.is(FUNCTION) {
        return false;
    }
    (w.ends_with("ed") && w.len() > 3) || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
}

fn strip_possessive(w: &str) -> (&str, bool) {
    // Every ending below ends in "s", "'" or the last byte of "’" (E2 80 99): most words end
    // otherwise and are settled by their last byte.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return (w, false);
    }
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(base) = w.strip_suffix(suf)
            && !base.is_empty()
        {
            return (base, true);
        }
    }
    (w, false)
}

/// Finds the mentions in a block's narrative tokens (tokens inside quotes are skipped).
/// `sentence_of[i]` is the sentence index of token i; name words go into `names`.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    names: &mut NameWords,
    out: &mut Vec<Mention>,
    story: bool,
) {
    out.clear();
    names.start_block();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        if t.in_quote()
            && t.kind == Kind::Word
            && i > 0
            && tokens[i - 1].quote == t.quote
            && tokens[i - 1].kind == Kind::Punct
        {
            // A transcript's speaker label opening a quotation: "PENCE: Well, …".
            if let Some(end) = speaker_label(text, tokens, sentence_of, i, names, out) {
                i = end;
                continue;
            }
        }
        if let Some(end) = age_as_person(text, tokens, sentence_of, i, out) {
            i = end;
            continue;
        }
        if t.in_quote() || t.kind != Kind::Word {
            i += 1;
            continue;
        }
        let sentence_start = i == 0 || sentence_of[i - 1] != sentence_of[i];
        let next = if t.is(PRONOUN) && (!t.cap || sentence_start || t.text(text) == "I") {
            pronoun(text, tokens, sentence_of, i, out)
        } else if t.is(CONTRACTED_PRONOUN)
            && (!t.cap || sentence_start)
            && !t.text(text).ends_with(|c: char| c.is_ascii_uppercase())
        {
            // (Not in an all-capitals heading: "WE’RE GEEKING OUT OVER …".)
            // "he’s", "She’ll": the pronoun of a contraction (never a name).
            pronoun(text, tokens, sentence_of, i, out)
        } else if t.cap || (t.is(TITLE | HONORIFIC) && sentence_start) {
            name_chain(text, tokens, sentence_of, i, names, out, story)
        } else if t.is(ROLE | ORG | GROUP) {
            role_description(text, tokens, sentence_of, i, out)
        } else if !story && unlisted_noun_speaking(text, tokens, i) {
            unlisted_description(text, tokens, sentence_of, i, out)
        } else {
            None
        };
        i = next.unwrap_or(i + 1).max(i + 1);
    }
    for m in out.iter_mut() {
        m.subject = is_subject(text, tokens, sentence_of, m);
        // "Jonas Bell leaned over the rail": a two- to four-word name acting as the subject of
        // a verb is a person, unless its words name a place or an institution.
        if m.subject
            && m.kind == MentionKind::Name
            && m.entity_kind == SpeakerKind::Unknown
            && (2..=4).contains(&m.name_words.len())
        {
            let plain = tokens[m.toks.0..m.toks.1]
                .iter()
                .all(|t| !t.is(PLACE | ORG_NAME | TIME_WORD | DEMONYM));
            if plain {
                m.entity_kind = SpeakerKind::Person;
                m.person_evidence = true;
            }
        }
    }
}

fn is_subject(text: &str, tokens: &[Token], sentence_of: &[usize], m: &Mention) -> bool {
    let (a, b) = m.toks;
    if m.possessive {
        return false;
    }
    // "he’s certain": the contraction holds the verb.
    if m.kind == MentionKind::Pronoun && m.span.end < tokens[b - 1].end {
        return true;
    }
    // Not after a preposition or in an object position.
    if a > 0 && sentence_of[a - 1] == m.sentence {
        let prev = &tokens[a - 1];
        if prev.kind == Kind::Word && prev.is(PREP) {
            return false;
        }
        // "posted a Twitter comment": a name after "a" modifies the noun that follows.
        if m.kind == MentionKind::Name && matches!(prev.text(text), "a" | "an") {
            return false;
        }
    }
    // Followed by a verb, possibly after a parenthesis "(R-Utah)" or an apposition ", the
    // union's treasurer,".
    let mut j = skip_parenthesis(text, tokens, b);
    if tokens.get(j).is_some_and(|t| t.is_char(text, ',')) {
        // "…, Lawrence B. Cummings, called him …": the name closes an apposition and the verb
        // follows the comma.
        if tokens.get(j + 1).is_some_and(|t| {
            !t.in_quote() && looks_like_verb(t, text) && !t.text(text).ends_with("ing")
        }) {
            return true;
        }
        if let Some(k) = (j + 1..(j + 12).min(tokens.len())).find(|&k| tokens[k].is_char(text, ','))
        {
            j = k + 1;
        }
    }
    // Adverbs ("also", "later") may stand between the subject and its verb.
    while tokens
        .get(j)
        .is_some_and(|t| t.is(AUX) && !t.in_quote() && !is_auxiliary_verb(t.text(text)))
    {
        j += 1;
    }
    // …and one adverb in -ly: "Clinton immediately posted".
    if tokens.get(j).is_some_and(|t| {
        t.kind == Kind::Word && !t.cap && !t.in_quote() && t.text(text).ends_with("ly")
    }) && tokens
        .get(j + 1)
        .is_some_and(|t| !t.in_quote() && looks_like_verb(t, text))
    {
        j += 1;
    }
    tokens
        .get(j)
        .is_some_and(|t| !t.in_quote() && looks_like_verb(t, text))
}

/// Auxiliary and modal verbs (as opposed to the adverbs that share the AUX class), written in
/// lower case ("Will" may be a name).
pub fn is_auxiliary_verb(w: &str) -> bool {
    lexicon::lookup(w).is(AUX_VERB)
}

/// If token `i` opens a short parenthesis ("(R-Utah)", "(D)"), the index after it; else `i`.
pub fn skip_parenthesis(text: &str, tokens: &[Token], i: usize) -> usize {
    if !tokens.get(i).is_some_and(|t| t.is_char(text, '(')) {
        return i;
    }
    (i + 1..(i + 10).min(tokens.len()))
        .find(|&k| tokens[k].is_char(text, ')'))
        .map_or(i, |k| k + 1)
}

/// "WALLACE:" or "MIKE PENCE:" at the start of a quotation: one to three words in capitals and
/// a colon. Pushes a name mention and returns the index after the colon.
fn speaker_label(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    names: &mut NameWords,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let q = tokens[i].quote;
    let mut j = i;
    while j < tokens.len() && j - i < 3 && tokens[j].quote == q && tokens[j].kind == Kind::Word {
        let w = tokens[j].text(text);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || w.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        j += 1;
    }
    if j == i
        || !tokens
            .get(j)
            .is_some_and(|t| t.quote == q && t.is_char(text, ':'))
    {
        return None;
    }
    let start = names.begin_range();
    for t in &tokens[i..j] {
        names.push(t.text(text));
    }
    let name_words = names.end_range(start);
    out.push(Mention {
        name: Some(Span::new(tokens[i].start, tokens[j - 1].end)),
        name_words,
        entity_kind: SpeakerKind::Person,
        subject: true,
        person_evidence: true,
        ..Mention::new(tokens, (i, j), MentionKind::Name, sentence_of[i])
    });
    Some(j + 1)
}

fn pronoun(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let t = &tokens[i];
    let whole = t.text(text);
    let bare = if t.is(CONTRACTED_PRONOUN) {
        uncontracted(whole).unwrap_or(whole)
    } else {
        whole
    };
    // (A whole word as listed is its lexicon key: no allocation for "He".)
    let w = if t.is(CONTRACTED_PRONOUN) {
        lowercase(bare)
    } else {
        t.lower(text)
    };
    let (gender, kind, plural) = match w.as_ref() {
        "he" => (Gender::Male, SpeakerKind::Person, false),
        "she" => (Gender::Female, SpeakerKind::Person, false),
        "they" => (Gender::Unknown, SpeakerKind::Group, true),
        "it" => (Gender::Unknown, SpeakerKind::Organization, false),
        "i" | "we" => (Gender::Unknown, SpeakerKind::Person, w == "we"),
        _ => return None,
    };
    out.push(Mention {
        gender,
        entity_kind: kind,
        plural,
        person_evidence: true,
        // Only the pronoun: "he" of "he’s".
        span: Span::new(t.start, t.start + bare.len()),
        ..Mention::new(tokens, (i, i + 1), MentionKind::Pronoun, sentence_of[i])
    });
    Some(i + 1)
}

/// The pronoun of a contraction with a verb ("he’s" → "he", "They’ll" → "They"; the words are
/// in `pronoun-contractions.toml`), the contraction's verb making it the subject of its clause.
fn uncontracted(w: &str) -> Option<&str> {
    w.split_once(['\'', '’']).map(|(base, _)| base)
}

/// Extends a run of capitalised words (with particles, initials and suffixes) from `i`.
fn chain_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    let n = tokens.len();
    while j < n {
        let t = &tokens[j];
        if t.in_quote() {
            break;
        }
        // (Suffixes such as "Jr" and "III" are capitalised, so the run takes them.)
        if t.kind == Kind::Word && t.cap {
            let w = t.text(text);
            // "Somehow I": the pronoun is no part of a name, unless it numbers a king
            // ("Charles I").
            if w == "I" && j > i && !tokens[j - 1].is(FIRST_NAME) {
                break;
            }
            j += 1;
            // "Lucy's Sabbath", "Alice's Right Foot": a possessive ends the name; what follows
            // is something of theirs.
            if j > i && (w.ends_with('s') || w.ends_with('S')) && strip_possessive(w).1 {
                break;
            }
            // "Dr." "J." "Sen.": a period glued to an abbreviation or initial.
            if tokens
                .get(j)
                .is_some_and(|p| p.is_char(text, '.') && p.start == t.end)
                // (A full title before a period ends its sentence: "… said the General. When I")
                && (t.is(ABBREV | HONORIFIC) || w.chars().count() == 1)
                && tokens
                    .get(j + 1)
                    .is_some_and(|x| x.cap && x.kind == Kind::Word && !x.in_quote())
            {
                j += 1;
            }
            continue;
        }
        // A particle as written in lower case ("de", "von"), looked up as written.
        if t.kind == Kind::Word
            && t.is(NAME_PARTICLE)
            && lexicon::lookup(t.text(text)).is(NAME_PARTICLE)
            && j > i
            && tokens.get(j + 1).is_some_and(|x| x.cap && !x.in_quote())
        {
            j += 1;
            continue;
        }
        // "Secretary of State John Kerry", "President of Belarus"
        if t.has_len(2)
            && t.text(text) == "of"
            && j > i
            && tokens[j - 1].is(TITLE)
            && tokens.get(j + 1).is_some_and(|x| x.cap && !x.in_quote())
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

fn name_chain(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    names: &mut NameWords,
    out: &mut Vec<Mention>,
    story: bool,
) -> Option<usize> {
    let end = chain_end(text, tokens, i);
    if end == i {
        return None;
    }
    let sentence = sentence_of[i];
    let mut a = i;
    // Leading words that are not part of a name: "During", "The", "Speaking".
    let mut determiner: Option<usize> = None;
    while a < end {
        let t = &tokens[a];
        if t.is(DETERMINER) && !t.is(FIRST_NAME) {
            determiner = Some(a);
            a += 1;
            continue;
        }
        let w = t.text(text);
        let at_start = a == 0
            || sentence_of[a - 1] != sentence
            || super::marks::is_opening_mark(tokens[a - 1].text(text));
        // Common words start a name only at the start of a sentence ("During", "Yesterday");
        // elsewhere a capitalised "New" or "Great" belongs to the name ("New York").
        // At the start of a sentence a common word is not part of a name ("Now Cecil",
        // "Therefore George"), unless it is an adjective that opens names and another
        // capitalised word follows it ("New Jersey", "Great Britain").
        let next_cap = tokens.get(a + 1).is_some_and(|n| n.cap && a + 1 < end);
        let never_in_name =
            t.is(NOT_NAME) || at_start && t.is(FUNCTION) && !(next_cap && opens_names(w));
        // A month after "the" and before another capital opens a name ("the March Hare").
        let after_the = determiner.is_some() || a > 0 && tokens[a - 1].is(DETERMINER);
        let time_word = t.is(TIME_WORD) && !(after_the && next_cap);
        // "in the month of June", "since May 4": a month, though June and May are women's
        // names too.
        let dated = t.is(MONTH)
            && (a > 0 && (tokens[a - 1].is(PREP) || tokens[a - 1].kind == Kind::Number)
                || tokens.get(a + 1).is_some_and(|n| n.kind == Kind::Number));
        if dated || (never_in_name || time_word) && !t.is(FIRST_NAME | TITLE | HONORIFIC) {
            a += 1;
            continue;
        }
        if at_start && a + 1 < end && !t.is(FIRST_NAME | TITLE | HONORIFIC | DEMONYM) {
            // A sentence-initial word before more capitals: keep only if it is not an -ing/-ly word.
            if w.ends_with("ing") || w.ends_with("ly") {
                a += 1;
                continue;
            }
        }
        if at_start
            && a + 1 == end
            && (w.ends_with("ing") || w.ends_with("ly"))
            && !t.is(FIRST_NAME)
        {
            a += 1;
            continue;
        }
        break;
    }
    if a >= end {
        return Some(end);
    }
    // A capitalised common noun at the start of a sentence ("Officials said").
    // A singular role word alone ("Dean, a former chairman, said") is more likely a surname.
    let singular_role =
        tokens[a].is(ROLE) && !tokens[a].is(GROUP | ORG) && !tokens[a].text(text).ends_with('s');
    if end - a == 1
        && tokens[a].is(ROLE | ORG | GROUP)
        && !tokens[a].is(TITLE | FIRST_NAME | ORG_NAME)
        && !(singular_role && determiner.is_none())
    {
        return role_description(text, tokens, sentence_of, a, out).or(Some(end));
    }
    // Split descriptors (demonyms, titles, capitalised role words) from the name.
    let mut descriptors = Descriptors::default();
    let mut person_evidence = false;
    let mut honorific = false;
    let mut gender = Gender::Unknown;
    let mut b = a;
    // "House Speaker Paul Ryan", "New Jersey Gov. Chris Christie": words before the last title
    // describe the title (a place, an institution), not the person's name.
    let last_title = (a + 1..end.saturating_sub(1))
        .rev()
        .find(|&k| tokens[k].cap && tokens[k].is(TITLE | HONORIFIC) && !tokens[k].is(FIRST_NAME));
    if let Some(t) = last_title {
        let rest_has_name =
            (t + 1..end).any(|k| tokens[k].kind == Kind::Word && !tokens[k].is(TITLE | HONORIFIC));
        if rest_has_name {
            for tok in &tokens[a..t] {
                if let Some(c) = demonym_of_place(tok) {
                    descriptors.push_country(c);
                } else if tok.is(DEMONYM | ROLE) {
                    add_descriptors(tok, &mut descriptors);
                }
            }
            b = t;
        }
    }
    while b < end {
        let t = &tokens[b];
        let is_desc = t.is(DEMONYM | TITLE | HONORIFIC) || (t.is(ROLE) && !t.is(FIRST_NAME));
        if !is_desc || t.is(FIRST_NAME) && b + 1 < end && !tokens[b + 1].is(TITLE | ROLE) {
            break;
        }
        add_descriptors(t, &mut descriptors);
        if t.is(HONORIFIC) {
            honorific = true;
            gender = gender_of(t.lex);
        }
        if t.is(TITLE | HONORIFIC) {
            person_evidence = true;
        }
        b += 1;
        if tokens.get(b).is_some_and(|p| p.is_char(text, '.')) {
            b += 1;
        }
        // "Secretary of State", "Minister of Foreign Affairs", "President of Belarus"
        if b < end && tokens[b].text(text) == "of" {
            // Up to the person's own name: "Secretary of State | John Kerry".
            let mut k = b + 1;
            while k + 1 < end && tokens[k].cap && !tokens[k].is(FIRST_NAME) {
                if let Some(c) = demonym_of_place(&tokens[k]) {
                    descriptors.push_country(c);
                }
                k += 1;
            }
            b = k;
        }
    }
    let name_start = b;
    // Strip a possessive from the last word.
    let last = &tokens[end - 1];
    let (_, possessive) = strip_possessive(last.text(text));
    // A lower-case determiner before the chain belongs to a description ("the Russian President").
    let lower_det = (i > 0
        && !tokens[i - 1].in_quote()
        && tokens[i - 1].is(DETERMINER)
        && !tokens[i - 1].cap
        && sentence_of[i - 1] == sentence)
        .then(|| i - 1);
    let start_tok = determiner.filter(|&d| d + 1 == a).unwrap_or(a);
    if determiner.is_none() {
        determiner = lower_det;
    }
    if name_start >= end {
        // "The Russian leader": the description continues with a lower-case role noun, which
        // takes the capitalised words as its modifiers.
        if tokens.get(end).is_some_and(|n| {
            n.kind == Kind::Word
                && !n.cap
                && !n.in_quote()
                && n.is(ROLE | ORG | GROUP)
                && sentence_of[end] == sentence
        }) {
            return Some(end);
        }
        // Only titles: a role description ("The President", "the Russian President").
        let head = tokens[end - 1].lower(text);
        let head = lexicon_key(&head);
        let start_tok = if start_tok == a {
            lower_det.unwrap_or(start_tok)
        } else {
            start_tok
        };
        out.push(Mention {
            descriptors,
            head,
            gender: role_gender(head),
            entity_kind: SpeakerKind::Person,
            indefinite: determiner.is_some_and(|d| tokens[d].is(INDEFINITE)),
            possessive,
            person_evidence: true,
            ..Mention::new(tokens, (start_tok, end), MentionKind::Role, sentence)
        });
        return Some(end);
    }
    let name_toks = &tokens[name_start..end];
    // "The former New Mexico governor": places before a lower-case role noun are the role's
    // modifiers, as in "the Ohio senator", not a person called New Mexico.
    let places_only = name_toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| t.is(PLACE | DEMONYM) && !t.is(FIRST_NAME));
    let role_follows = tokens.get(end).is_some_and(|n| {
        n.kind == Kind::Word
            && !n.cap
            && !n.in_quote()
            && n.is(ROLE)
            && sentence_of[end] == sentence
    });
    if places_only && role_follows {
        return Some(end);
    }
    let start = names.begin_range();
    for t in name_toks.iter().filter(|t| t.kind == Kind::Word) {
        names.push(strip_possessive(t.text(text)).0.trim_end_matches('.'));
    }
    let name_words = names.end_range(start);
    if name_words.is_empty() {
        return Some(end);
    }
    let all_places = name_toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| t.is(PLACE | TIME_WORD | DEMONYM | FUNCTION) && !t.is(FIRST_NAME));
    let has_org_word = name_toks.iter().any(|t| t.is(ORG_NAME));
    let first = &name_toks[0];
    // A first name says person and gender only when a surname follows: alone, "Lee" or "Morgan"
    // may be the surname of someone already named.
    let words_in_name = name_toks.iter().filter(|t| t.kind == Kind::Word).count();
    let mut first_name_gender = Gender::Unknown;
    if first.is(FIRST_NAME) {
        person_evidence = true;
        let said = if first.is(MALE) && !first.is(FEMALE) {
            Gender::Male
        } else if first.is(FEMALE) && !first.is(MALE) {
            Gender::Female
        } else {
            Gender::Unknown
        };
        if gender == Gender::Unknown && words_in_name >= 2 {
            gender = said;
        } else if words_in_name == 1 {
            first_name_gender = said;
        }
    }
    let mut entity_kind = if has_org_word && !person_evidence {
        SpeakerKind::Organization
    } else if all_places {
        SpeakerKind::Unknown
    } else if person_evidence {
        SpeakerKind::Person
    } else {
        SpeakerKind::Unknown
    };
    let definite = determiner.is_some_and(|d| tokens[d].text(text).eq_ignore_ascii_case("the"));
    // "the Invisible Man", "the Frenchman", "the Englishwoman": a name whose last word is a
    // noun for a person is a person, and of that noun's sex.
    if definite && !person_evidence && !has_org_word {
        let last = name_toks.iter().rev().find(|t| t.kind == Kind::Word);
        if let Some(sex) = last.and_then(|t| person_noun(t, text)) {
            person_evidence = true;
            entity_kind = SpeakerKind::Person;
            if gender == Gender::Unknown {
                gender = sex;
            }
        }
    }
    // A story's "the Crofts", "the Musgroves": a family, spoken of together.
    let family = story
        && definite
        && !person_evidence
        && entity_kind == SpeakerKind::Unknown
        && name_toks
            .iter()
            .rev()
            .find(|t| t.kind == Kind::Word)
            .is_some_and(|t| {
                let w = t.text(text);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
            });
    if family {
        entity_kind = SpeakerKind::Group;
    }
    if definite && !person_evidence && entity_kind == SpeakerKind::Unknown && !story {
        // "the Kremlin", "the Pentagon": in the news a definite proper name is an institution;
        // in a story it is as often a character ("the Hatter", "the Mock Turtle").
        entity_kind = SpeakerKind::Organization;
    }
    // Lower-case descriptors right before the name: "presidential nominee Donald Trump".
    let mut k = start_tok;
    while k > 0
        && !tokens[k - 1].in_quote()
        && tokens[k - 1].kind == Kind::Word
        && !tokens[k - 1].cap
    {
        let p = &tokens[k - 1];
        if p.is(ROLE | TITLE) {
            add_descriptors(p, &mut descriptors);
            person_evidence = true;
            if entity_kind == SpeakerKind::Unknown {
                entity_kind = SpeakerKind::Person;
            }
            k -= 1;
        } else if (p.is(ORG)
            || !p.is(FUNCTION | PRONOUN | AUX | PREP)
                && (!p.is(SPEECH_VERB | REPORT_VERB) || p.is(SAY_BASE)))
            && k < start_tok
            && tokens.get(k).is_some_and(|t| t.is(ROLE | TITLE) && !t.cap)
        {
            // A noun modifying the role word: "press" in "White House press secretary Josh
            // Earnest", "campaign" in "Trump campaign manager Kellyanne Conway".
            k -= 1;
        } else if p.is(ORG)
            && k == start_tok
            && tokens.get(k).is_some_and(|t| t.cap && !t.is(HONORIFIC))
        {
            // "police" in "Tulsa police Chief Chuck Jordan"; "firm" in "the firm Dimension Data"
            // names an organisation unless a title or a first name says person.
            if !person_evidence && !p.is(GROUP) {
                entity_kind = SpeakerKind::Organization;
            }
            k -= 1;
        } else {
            break;
        }
    }
    // When descriptors were taken, the whole noun phrase is the mention: "Tulsa police Chief
    // Chuck Jordan", "Trump campaign manager Kellyanne Conway", "the event organizer Alliance".
    let mut mention_start = start_tok;
    if k < start_tok {
        mention_start = k;
        let mut steps = 0;
        while mention_start > 0 && steps < 4 {
            let p = &tokens[mention_start - 1];
            if p.in_quote() || p.kind != Kind::Word || sentence_of[mention_start - 1] != sentence {
                break;
            }
            // "New" before "York" is part of the place ("New York attorney Eric Levine").
            let opens_name = p.cap && opens_names(p.text(text)) && tokens[mention_start].cap;
            if p.is(DETERMINER) && !p.cap
                || p.cap && !p.is(FUNCTION)
                || opens_name
                || strip_possessive(p.text(text)).1
            {
                mention_start -= 1;
                steps += 1;
                if p.is(DETERMINER) {
                    break;
                }
            } else {
                break;
            }
        }
        // Names absorbed as modifiers ("Tulsa", "Trump") are part of this mention now.
        while out.last().is_some_and(|m| m.toks.1 > mention_start) {
            out.pop();
        }
    }
    // An apposition after the name: ", the union's treasurer," / ", a spokesman for the firm,".
    if tokens.get(end).is_some_and(|t| t.is_char(text, ',')) {
        let mut j = end + 1;
        let stop = (end + 10).min(tokens.len());
        let mut found_role = false;
        let mut desc = Descriptors::default();
        if tokens
            .get(j)
            .is_some_and(|t| t.is(DETERMINER) || strip_possessive(t.text(text)).1)
        {
            while j < stop && !tokens[j].in_quote() && tokens[j].kind == Kind::Word {
                let t = &tokens[j];
                // "In the town of Marlow, the party leader said": a description whose head
                // is followed by its verb is the subject of the clause, not an apposition.
                if j > end + 2
                    && tokens[j - 1].is(ROLE | TITLE)
                    && t.is(SPEECH_VERB | COMMON_VERB | AUX_VERB)
                    && !t.is(ROLE)
                {
                    found_role = false;
                    break;
                }
                if t.is(ROLE | TITLE | DEMONYM) {
                    add_descriptors(t, &mut desc);
                    if t.is(ROLE | TITLE) {
                        found_role = true;
                    }
                }
                j += 1;
            }
        } else {
            // News's bare apposition: ", president of NARAL," / ", executive director at the
            // center," / ", spokeswoman for the campaign." — a role noun (after at most two
            // modifiers) heading a phrase of its own; not ", president Smith said".
            for k in j..(j + 3).min(tokens.len()) {
                let t = &tokens[k];
                if t.in_quote() || t.kind != Kind::Word || t.cap {
                    break;
                }
                if t.is(ROLE | TITLE) {
                    let heads = tokens.get(k + 1).is_some_and(|n| {
                        !n.in_quote()
                            && (matches!(n.text(text), "of" | "for" | "at")
                                || n.kind == Kind::Punct && matches!(n.text(text), "," | "." | ";"))
                    });
                    if heads {
                        add_descriptors(t, &mut desc);
                        found_role = true;
                    }
                    break;
                }
                if t.is(SPEECH_VERB | COMMON_VERB | AUX_VERB | FUNCTION) {
                    break;
                }
            }
        }
        if found_role {
            descriptors.merge(&desc);
            person_evidence = true;
            if entity_kind == SpeakerKind::Unknown {
                entity_kind = SpeakerKind::Person;
            }
        }
    } else if let Some(role) = role_after_name(tokens, text, end) {
        // "went up to Bunting the vicar.": a name and its role with no comma between.
        add_descriptors(&tokens[role], &mut descriptors);
        person_evidence = true;
        if entity_kind == SpeakerKind::Unknown {
            entity_kind = SpeakerKind::Person;
        }
    }
    out.push(Mention {
        name: Some(Span::new(name_toks[0].start, name_end(text, last))),
        name_words,
        descriptors,
        gender,
        entity_kind,
        honorific,
        possessive,
        person_evidence,
        first_name_gender,
        plural: family,
        ..Mention::new(tokens, (mention_start, end), MentionKind::Name, sentence)
    });
    Some(end)
}

/// "Hobbs the blacksmith.", "Ruth the ferryman's widow" is not: after a name, "the", at most two
/// lower-case modifiers and a role noun that ends the phrase (a stop, a comma) name that person's
/// role, as an apposition between commas would. A role followed by anything else may begin a
/// clause of its own ("told Hobbs the blacksmith was late"). Returns the role's token.
fn role_after_name(tokens: &[Token], text: &str, end: usize) -> Option<usize> {
    let the = tokens.get(end)?;
    if the.in_quote() || the.cap || the.text(text) != "the" {
        return None;
    }
    for k in end + 1..(end + 4).min(tokens.len()) {
        let t = &tokens[k];
        if t.in_quote() || t.kind != Kind::Word || t.cap || strip_possessive(t.text(text)).1 {
            return None;
        }
        if t.is(ROLE) {
            let closes = tokens.get(k + 1).is_none_or(|n| {
                n.kind == Kind::Punct && matches!(n.text(text), "." | "," | ";" | "!" | "?")
            });
            return closes.then_some(k);
        }
        if t.is(SPEECH_VERB | COMMON_VERB | AUX_VERB | FUNCTION) {
            return None;
        }
    }
    None
}

/// The end of a name without its possessive ending.
/// A noun for a person by sex: an epithet such as "Man" or "Lady", or a compound in -man or
/// -woman ("Frenchman", "Englishwoman"; long enough not to be "Human" or "German").
fn person_noun(t: &Token, text: &str) -> Option<Gender> {
    if t.is(EPITHET) {
        let sex = gender_of(t.lex);
        return (sex != Gender::Unknown).then_some(sex);
    }
    let w = lowercase(strip_possessive(t.text(text)).0);
    if w.ends_with("woman") && w.len() >= 9 {
        return Some(Gender::Female);
    }
    (w.ends_with("man") && w.len() >= 8).then_some(Gender::Male)
}

fn name_end(text: &str, last: &Token) -> usize {
    let w = last.text(text);
    let (base, _) = strip_possessive(w);
    last.start + base.len()
}

/// The gender a word says (he, Mr, Frau): male.toml and female.toml.
fn gender_of(lex: Entry) -> Gender {
    if lex.is(MALE) {
        Gender::Male
    } else if lex.is(FEMALE) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Returns the static lexicon spelling of a role or title word, so descriptors can be
/// `&'static str`.
fn lexicon_key(w: &str) -> Option<&'static str> {
    let entry = lexicon::lookup(w);
    if entry.is(ROLE | TITLE | ORG | GROUP) {
        lexicon::static_key(w)
    } else {
        None
    }
}

/// The gender a role noun says (king, spokeswoman): a gendered role word, not a first name
/// ("Marine") or an honorific.
fn role_gender(head: Option<&str>) -> Gender {
    let lex = head.map(lexicon::lookup).unwrap_or_default();
    if lex.is(ROLE) && !lex.is(FIRST_NAME) {
        gender_of(lex)
    } else {
        Gender::Unknown
    }
}

/// Adds what a title or role word says: the word itself and its role family, or its country.
fn add_descriptors(t: &Token, out: &mut Descriptors) {
    if t.is(DEMONYM) {
        if let Some(country) = t.lex.extra() {
            out.push_country(country);
        }
        return;
    }
    if t.is(ROLE | TITLE | ORG | GROUP)
        && let Some(k) = t.lex.key()
    {
        out.push_role(k);
    }
    if let Some(family) = t.lex.extra() {
        out.push_role(family);
    }
}

/// "Belarus" → "belarus" when it is a known country (for "President of Belarus").
fn demonym_of_place(t: &Token) -> Option<&'static str> {
    t.lex.key().filter(|_| t.is(COUNTRY))
}

/// "said the 46-year-old", "the 43-year-old asked": an age with no noun after it stands for the
/// person of that age.
fn age_as_person(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let t = &tokens[i];
    // Ages are number tokens ("46-year-old"): the one cheap test every token meets first.
    if t.kind != Kind::Number {
        return None;
    }
    let definite = i > 0
        && tokens[i - 1].text(text).eq_ignore_ascii_case("the")
        && sentence_of[i - 1] == sentence_of[i]
        && !tokens[i - 1].in_quote();
    if t.in_quote() || !definite || !lowercase(t.text(text)).ends_with("-year-old") {
        return None;
    }
    // "the 46-year-old mother" is a description with a noun of its own.
    let noun_follows = tokens
        .get(i + 1)
        .is_some_and(|n| n.kind == Kind::Word && sentence_of[i + 1] == sentence_of[i])
        && !tokens[i + 1].is(SPEECH_VERB | REPORT_VERB | AUX | FUNCTION);
    if noun_follows {
        return None;
    }
    out.push(Mention {
        head: Some("year-old"),
        entity_kind: SpeakerKind::Person,
        person_evidence: true,
        ..Mention::new(tokens, (i - 1, i + 1), MentionKind::Role, sentence_of[i])
    });
    Some(i + 1)
}

/// "the retired neurosurgeon told …", "the suit says": in news, a noun the role lists do not hold
/// is still a description when it is the subject of a speech verb; what it is (a person, a
/// document) is not known. (In a story, "the courier inquired" is an epithet of someone in the
/// scene, whom the conversation follows better: the caller asks only for news.)
fn unlisted_description(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let before = out.len();
    let end = role_description(text, tokens, sentence_of, i, out);
    let m = out.get_mut(before)?;
    // Only as the subject: the phrase opens its clause ("marching through the streets chanted",
    // "delivered a snappy retort" are not).
    let a = m.toks.0;
    let opens_clause = a == 0
        || sentence_of[a - 1] != sentence_of[a]
        || tokens[a - 1].kind == Kind::Punct
        || matches!(tokens[a - 1].text(text), "and" | "but" | "as" | "when");
    if !opens_clause {
        out.truncate(before);
        return None;
    }
    if !m.plural {
        m.entity_kind = SpeakerKind::Unknown;
        m.person_evidence = false;
    }
    end
}

/// A lower-case word that no word list knows, right before a finite speech verb of narrative
/// ("neurosurgeon told", "suit says"), after a determiner or a modifier.
fn unlisted_noun_speaking(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    // (The tokens' flags first: most words fail them, and need not be sliced.)
    let speech_verb_next = tokens
        .get(i + 1)
        .is_some_and(|v| v.kind == Kind::Word && !v.in_quote() && !v.cap && v.is(SPEECH_VERB));
    if !t.lex.class.is_empty()
        || t.cap
        || !speech_verb_next
        || i == 0
        || tokens[i - 1].kind != Kind::Word
    {
        return false;
    }
    let w = t.text(text);
    w.len() >= 3
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !tokens[i + 1].text(text).ends_with("ing")
}

/// "the document states." / "the agency reports that …": a speech word in -s after a noun, ending
/// its clause, is a verb, not a plural noun ("read the emails." is a noun).
fn speech_verb_here(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens[k].is(SPEECH_VERB | REPORT_VERB)
        && tokens[k].text(text).ends_with('s')
        && k > 0
        && !tokens[k - 1].is(DETERMINER)
        && tokens
            .get(k + 1)
            .is_none_or(|a| a.kind == Kind::Punct || a.in_quote() || a.text(text) == "that")
}

fn role_description(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    if speech_verb_here(text, tokens, i) {
        return None;
    }
    let sentence = sentence_of[i];
    // A role word right before a name is a descriptor of that name ("spokesman Joe Smith").
    if tokens
        .get(i + 1)
        .is_some_and(|n| n.cap && n.kind == Kind::Word && !n.in_quote())
    {
        return None;
    }
    // A role noun used as a modifier ("the campaign manager"): the head is the last noun.
    let mut head_i = i;
    while tokens.get(head_i + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && !n.in_quote()
            && !n.cap
            && n.is(ROLE | ORG | GROUP)
            && sentence_of[head_i + 1] == sentence
            && !speech_verb_here(text, tokens, head_i + 1)
    }) {
        head_i += 1;
    }
    let head_tok = &tokens[head_i];
    let head_word = head_tok.lower(text);
    // Walk left to a determiner over adjectives, demonyms and nouns.
    let mut a = i;
    let mut det: Option<usize> = None;
    let mut descriptors = Descriptors::default();
    let mut steps = 0;
    while a > 0 && steps < 5 {
        let p = &tokens[a - 1];
        if p.in_quote() || p.kind == Kind::Punct || sentence_of[a - 1] != sentence {
            break;
        }
        if p.kind == Kind::Number {
            // "the 34-year-old mother", "3 officials"
            a -= 1;
            steps += 1;
            continue;
        }
        let pw = p.text(text);
        if p.is(DETERMINER) || strip_possessive(pw).1 {
            det = Some(a - 1);
            a -= 1;
            break;
        }
        // "The former first lady and U.S. senator": one person, described twice.
        if pw == "and" && det.is_none() && steps < 4 {
            let from = a.saturating_sub(6);
            if let Some(d) = (from..a - 1)
                .rev()
                .find(|&k| tokens[k].is(DETERMINER) && !tokens[k].in_quote())
            {
                let between = &tokens[d + 1..a - 1];
                if between.iter().all(|x| {
                    x.kind == Kind::Word && !x.is(SPEECH_VERB | REPORT_VERB | AUX) && !x.in_quote()
                }) {
                    for x in between {
                        if x.is(DEMONYM | ROLE | TITLE) {
                            add_descriptors(x, &mut descriptors);
                        }
                    }
                    det = Some(d);
                    a = d;
                    break;
                }
            }
        }
        // Capitalised modifiers ("New York businessman") stay; common words end the phrase.
        // Adjectives ("old", "former", "New York") stay in the phrase; closed-class words
        // (prepositions, pronouns, conjunctions) and verbs end it.
        let closed_class = p.is(NOT_MODIFIER);
        if (closed_class || p.is(SPEECH_VERB | REPORT_VERB | AUX)) && !p.is(DEMONYM) {
            break;
        }
        if p.is(DEMONYM | ROLE | TITLE) {
            add_descriptors(p, &mut descriptors);
        }
        a -= 1;
        steps += 1;
    }
    let plural = head_tok.is(GROUP) || (head_word.ends_with('s') && !head_word.ends_with("ss"));
    // "a plan that shop owners say …": a singular demonstrative before a plural noun opens a
    // clause; the phrase ("shop owners") starts after it.
    let clause_that =
        plural && det.is_some_and(|d| matches!(tokens[d].lower(text).as_ref(), "that" | "this"));
    if clause_that {
        a += 1;
    } else if det.is_none() {
        // Bare nouns speak only as plural groups ("officials said") or as a capitalised title.
        if !plural || head_tok.is(ORG) && !head_tok.is(GROUP) {
            return Some(head_i + 1);
        }
        a = i;
        descriptors = Descriptors::default();
        while a > 0
            && tokens[a - 1].is(DEMONYM)
            && !tokens[a - 1].in_quote()
            && sentence_of[a - 1] == sentence
        {
            add_descriptors(&tokens[a - 1], &mut descriptors);
            a -= 1;
        }
    }
    for tok in &tokens[i..=head_i] {
        add_descriptors(tok, &mut descriptors);
    }
    // Extend right with "of/for X": "the head of state", "a spokeswoman for the ministry".
    let mut end = head_i + 1;
    if let Some(p) = tokens.get(end) {
        let pw = p.text(text);
        // Which heads take a complement: "head of state", "spokeswoman for the ministry",
        // "an official at the agency", "a source with the campaign".
        let takes = match pw {
            "of" => true,
            "for" => head_tok.is(TAKES_FOR),
            "at" | "with" => head_tok.is(TAKES_AT),
            _ => false,
        };
        if !p.in_quote() && takes && !plural {
            let mut k = end + 1;
            let limit = (end + 6).min(tokens.len());
            let mut took = false;
            while k < limit {
                let x = &tokens[k];
                if x.in_quote() || x.kind != Kind::Word || sentence_of[k] != sentence {
                    break;
                }
                if x.is(SPEECH_VERB | REPORT_VERB | AUX) && !x.cap && took {
                    break;
                }
                // "the star of Harbour Lights and Tidewater": names joined by "and" stay in the
                // complement, unless a person's name follows ("the head of the Port Authority
                // and John Smith said" are two people).
                let joins_names = x.text(text) == "and"
                    && tokens[k - 1].cap
                    && tokens.get(k + 1).is_some_and(|n| {
                        n.cap && n.kind == Kind::Word && !n.is(FIRST_NAME) && !n.in_quote()
                    });
                if x.is(FUNCTION) && !x.is(DETERMINER) && !x.cap && !joins_names {
                    break;
                }
                if x.is(DEMONYM) {
                    add_descriptors(x, &mut descriptors);
                }
                took = took || !x.is(DETERMINER) || is_number_word(x, text);
                k += 1;
            }
            if took {
                end = k;
            }
        }
    }
    // "the former secretary of state and current Democratic presidential nominee": one person
    // described twice, the second description without a determiner of its own.
    if det.is_some() && !plural {
        end = described_again(text, tokens, sentence_of, end, &mut descriptors).unwrap_or(end);
    }
    let entity_kind = if head_tok.is(GROUP) || plural && !head_tok.is(ORG) {
        SpeakerKind::Group
    } else if head_tok.is(ORG) && !head_tok.is(ROLE) {
        SpeakerKind::Organization
    } else {
        SpeakerKind::Person
    };
    let head = lexicon_key(&head_word).or_else(|| lexicon_key(head_word.trim_end_matches('s')));
    out.push(Mention {
        descriptors,
        head,
        gender: role_gender(head),
        entity_kind,
        plural,
        indefinite: det.is_some_and(|d| tokens[d].is(INDEFINITE)),
        possessive: strip_possessive(tokens[end - 1].text(text)).1,
        person_evidence: entity_kind == SpeakerKind::Person,
        ..Mention::new(tokens, (a, end), MentionKind::Role, sentence)
    });
    Some(end)
}

/// After a description ending at `end`: "and" and a second description of the same person
/// ("and current Democratic presidential nominee") up to its role noun, which must end the
/// phrase. Returns the new end.
fn described_again(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    end: usize,
    descriptors: &mut Descriptors,
) -> Option<usize> {
    let and = tokens.get(end)?;
    if and.in_quote() || and.text(text) != "and" || sentence_of[end] != sentence_of[end - 1] {
        return None;
    }
    let limit = (end + 6).min(tokens.len());
    let words = (end + 1..limit).take_while(|&k| {
        let t = &tokens[k];
        t.kind == Kind::Word
            && !t.in_quote()
            && sentence_of[k] == sentence_of[end]
            && !t.is(DETERMINER | FUNCTION | PRONOUN | SPEECH_VERB | REPORT_VERB | AUX)
    });
    let head = words
        .filter(|&k| tokens[k].is(ROLE) && !tokens[k].cap)
        .last()?;
    // The role noun ends the phrase: punctuation or a verb follows ("… nominee said").
    let closes = tokens.get(head + 1).is_none_or(|t| {
        t.kind == Kind::Punct || t.in_quote() || t.is(SPEECH_VERB | REPORT_VERB | AUX)
    });
    if !closes {
        return None;
    }
    for t in &tokens[end + 1..=head] {
        if t.is(DEMONYM | ROLE | TITLE) {
            add_descriptors(t, descriptors);
        }
    }
    Some(head + 1)
}

/// Lexicon role family of a head noun ("leader" → "head").
pub fn family(word: &str) -> Option<&'static str> {
    lexicon::family(word)
}

/// "three" in "mother of three" is the content of the phrase, not a determiner of what follows
/// (written in lower case).
fn is_number_word(t: &Token, text: &str) -> bool {
    t.is(SMALL_NUMBER) && lexicon::lookup(t.text(text)).is(SMALL_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::super::tokens::tokenize;
    use super::*;

    fn mentions(t: &str) -> Vec<Mention> {
        mentions_and_names(t).0
    }

    fn mentions_and_names(t: &str) -> (Vec<Mention>, NameWords) {
        let mut toks = Vec::new();
        tokenize(t, 0, t.len(), &mut toks, &mut String::new());
        let mut sents = Vec::new();
        segment::sentences(t, &toks, &mut sents);
        let mut sentence_of = vec![0; toks.len()];
        for (si, &(a, b)) in sents.iter().enumerate() {
            for s in &mut sentence_of[a..b] {
                *s = si;
            }
        }
        let mut out = Vec::new();
        let mut names = NameWords::default();
        find(t, &toks, &sentence_of, &mut names, &mut out, false);
        (out, names)
    }

    #[test]
    fn a_month_in_a_date_is_not_a_woman_called_june() {
        let texts = |t: &str| -> Vec<String> {
            mentions(t)
                .iter()
                .map(|m| m.span.text(t).to_string())
                .collect()
        };
        let t = "It was in the month of June, and since May 4 the boats were out.";
        let found = texts(t);
        assert!(
            !found.iter().any(|m| m == "June" || m.starts_with("May")),
            "{found:?}"
        );
        assert!(texts("“Hello,” said June Carter.").contains(&"June Carter".to_string()));
    }

    #[test]
    fn titles_are_descriptors_of_the_name() {
        let t = "Belarusian President Aleksandr Lukashenko held talks with Russian President Vladimir Putin.";
        let m = mentions(t);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].name.unwrap().text(t), "Aleksandr Lukashenko");
        assert!(m[0].descriptors.has_country("belarus"));
        assert!(m[0].descriptors.has_role("head"));
        assert_eq!(m[0].gender, Gender::Male);
        assert!(m[0].subject);
        assert_eq!(m[1].text(t), "Russian President Vladimir Putin");
        assert!(!m[1].subject);
    }

    #[test]
    fn a_person_described_twice_with_and_is_one_mention() {
        let t =
            "Later the former mayor of Leeds and current Labour party nominee said she would run.";
        let texts: Vec<&str> = mentions(t).iter().map(|m| m.text(t)).collect();
        assert_eq!(
            texts,
            [
                "the former mayor of Leeds and current Labour party nominee",
                "she"
            ]
        );
        // Two people: the second description has its own determiner.
        let t = "The mayor and the governor said they would meet.";
        let texts: Vec<&str> = mentions(t).iter().map(|m| m.text(t)).collect();
        assert_eq!(texts, ["The mayor", "the governor", "they"]);
    }

    #[test]
    fn role_descriptions() {
        let t = "The Russian leader congratulated his Belarusian colleague. The head of state stated it.";
        let m = mentions(t);
        let texts: Vec<&str> = m.iter().map(|m| m.text(t)).collect();
        assert_eq!(
            texts,
            [
                "The Russian leader",
                "his Belarusian colleague",
                "The head of state",
                "it"
            ]
        );
        assert_eq!(m[0].kind, MentionKind::Role);
        assert!(m[0].descriptors.has_country("russia"));
        assert!(m[0].subject);
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let t = "During the meeting Aleksandr Lukashenko said it. Speaking about Belarus, he left.";
        let texts: Vec<String> = mentions(t).iter().map(|m| m.text(t).to_string()).collect();
        assert_eq!(texts, ["Aleksandr Lukashenko", "it", "Belarus", "he"]);
        // A story's sentence adverbs: "Thereupon Anne" is Anne.
        let t = "Thereupon Anne began to cry. Presently Marilla came in.";
        let texts: Vec<String> = mentions(t).iter().map(|m| m.text(t).to_string()).collect();
        assert_eq!(texts, ["Anne", "Marilla"]);
    }

    #[test]
    fn appositions_and_honorifics() {
        let t = "Sara Lindqvist, the firm's chief executive, said so. Ms Lindqvist left.";
        let (m, names) = mentions_and_names(t);
        assert!(m[0].descriptors.has_role("executive"));
        assert!(m[0].subject);
        let ms = m.iter().find(|m| m.honorific).unwrap();
        assert_eq!(ms.gender, Gender::Female);
        let words: Vec<&str> = names
            .of(ms.name_words)
            .iter()
            .map(|&w| names.text(w))
            .collect();
        assert_eq!(words, ["lindqvist"]);
    }

    #[test]
    fn groups_and_organisations() {
        let t = "Officials said so, and the ministry said in a statement that a spokeswoman for the firm agreed.";
        let m = mentions(t);
        let texts: Vec<&str> = m.iter().map(|m| m.text(t)).collect();
        assert!(texts.contains(&"the ministry"), "{texts:?}");
        assert!(texts.contains(&"a spokeswoman for the firm"), "{texts:?}");
        assert_eq!(
            m.iter()
                .find(|m| m.text(t) == "the ministry")
                .unwrap()
                .entity_kind,
            SpeakerKind::Organization
        );
    }
}
