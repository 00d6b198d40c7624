//! Resolution: every mention to one speaker. Full names introduce people with descriptors;
//! surnames and honorifics match back; role descriptions pick the most recent person whose
//! descriptors fit; pronouns pick the most salient compatible person.

use super::lexicon::{self, ARTICLE};
use super::mentions::{Descriptors, Gender, Mention, MentionKind, family};
use super::model::{Span, SpeakerKind};
use super::names::{NameWords, WordId};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub name_words: Vec<WordId>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub descriptors: Descriptors,
    /// Distinct ways the text names this entity (not pronouns), in order of appearance.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub last_pos: usize,
    pub person_evidence: bool,
    /// Known only by a description ("the Belarusian side"), not by a proper name.
    pub described: bool,
    pub head: Option<&'static str>,
    pub plural: bool,
    /// Called "Mrs" (true) or "Miss" (false): a Mrs Miller is not the Miss Miller named before
    /// (a mother and her daughter share the surname).
    pub married: Option<bool>,
    /// Named as a speaker (of a quote, or as the subject of a speech verb): a bare surname that
    /// speaks ("Feinstein said") may be the "she" of the next words, though nothing else says
    /// it is a person.
    pub spoke: bool,
    /// A person only because its name spoke first ("GlaxoSmithKline said"): nothing else says
    /// so, and "the company" later may show it is one.
    pub person_by_speech: bool,
}

impl Entity {
    /// A person: typed so, or of unknown kind with evidence of a person (a first name, a title).
    pub fn is_person(&self) -> bool {
        self.kind == SpeakerKind::Person
            || self.person_evidence && self.kind == SpeakerKind::Unknown
    }
}

/// One mention in the salience history.
#[derive(Debug, Clone, Copy)]
struct Seen {
    entity: usize,
    sentence: usize,
    subject: bool,
    pos: usize,
}

#[derive(Debug, Default)]
pub struct Resolver {
    pub entities: Vec<Entity>,
    history: Vec<Seen>,
    /// Last name word → entities, for fast surname matching.
    by_word: FxHashMap<WordId, Vec<usize>>,
    /// Role word, role family, country or head noun → entities described so.
    by_descriptor: FxHashMap<&'static str, Vec<usize>>,
    /// A name's letters without spaces, hyphens or case (hashed) → the named entity last given
    /// that name (`same_letters`).
    by_letters: FxHashMap<u64, usize>,
    /// The speaker of the most recent attributed quote.
    pub last_speaker: Option<usize>,
    /// The first-person narrator, once there is one: never "he" or "she".
    narrator: Option<usize>,
    /// Epithets known (from a first reading of the whole text) to stand for a named person:
    /// the description as written, lower case ("the girl"), and the names that person goes by.
    pub known_epithets: KnownEpithets,
    /// Given names known (from a first reading) to stand for one full name.
    pub known_full_names: KnownFullNames,
    /// The text is a story (fiction's dialogue), whose naming conventions differ from news.
    pub story: bool,
    /// Scratch for `resolve_name`'s candidate entities.
    candidates: Vec<usize>,
    /// Relatives named in apposition ("his aunt, Mrs. Costello,"): (the person "his" stands
    /// for, kin word) → the relative.
    kin_named: FxHashMap<(usize, &'static str), usize>,
    /// The last kin description read: where it ends, whose relative it is, the kin word.
    last_kin: Option<(usize, usize, &'static str)>,
}

/// How far back (in sentences) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 6;
/// How far back a pronoun with nothing nearer looks for someone known to be of its sex.
const WIDE_PRONOUN_WINDOW: usize = 30;
/// How far back a definite description ("the head of state") looks before taking the most
/// recently mentioned fitting entity.
const ROLE_WINDOW: usize = 12;

impl Resolver {
    pub fn new() -> Self {
        Resolver::default()
    }

    /// Resolves a mention at global sentence `sentence`. `speaker` marks mentions that name the
    /// speaker of a quote or reported speech (they may create entities that bare names would not).
    /// `names` holds the block's name words.
    pub fn resolve(
        &mut self,
        m: &Mention,
        text: &str,
        names: &NameWords,
        sentence: usize,
        speaker: bool,
    ) -> Option<usize> {
        let voice = match m.kind {
            MentionKind::Role if speaker => self.resolve_voice(m, text, sentence),
            _ => None,
        };
        let by_voice = voice.is_some();
        let kin = (m.kind == MentionKind::Role)
            .then(|| self.kin_possessor(m, text, sentence))
            .flatten();
        if let Some((possessor, head)) = kin {
            self.last_kin = Some((m.span.end, possessor, head));
        }
        let id = match m.kind {
            MentionKind::Name => self
                .resolve_name(m, text, names, speaker)
                .inspect(|&id| self.note_kin_apposition(m, text, id)),
            MentionKind::Role => voice
                .or_else(|| self.known_epithet(m, text))
                .or_else(|| kin.and_then(|k| self.resolve_kin(m, k)))
                .or_else(|| self.resolve_companion(m, text, sentence))
                .or_else(|| self.resolve_role(m, text, sentence, speaker)),
            MentionKind::Pronoun => self.resolve_pronoun(m, sentence),
        }?;
        let e = &mut self.entities[id];
        if e.person_by_speech
            && m.kind == MentionKind::Role
            && m.entity_kind == SpeakerKind::Organization
        {
            // "the company" says what the name that spoke is.
            e.kind = SpeakerKind::Organization;
            e.person_evidence = false;
            e.person_by_speech = false;
        }
        e.last_pos = m.span.start;
        e.mentions.push(m.span);
        e.spoke |= speaker && m.kind == MentionKind::Name;
        // "her voice" stands for her as a pronoun would: no name of hers.
        if m.kind != MentionKind::Pronoun && !by_voice {
            let alias = m.span.text(text).trim();
            let alias = alias
                .strip_suffix("'s")
                .or_else(|| alias.strip_suffix("’s"))
                .unwrap_or(alias);
            let alias = tidy(alias);
            if !alias.is_empty()
                && alias != e.name
                && !e.aliases.iter().any(|a| *a == alias)
                && e.aliases.len() < 32
            {
                e.aliases.push(alias.into_owned());
            }
        }
        if m.kind == MentionKind::Pronoun
            && e.gender == Gender::Unknown
            && m.gender != Gender::Unknown
        {
            e.gender = m.gender; // learned from "he"/"she"
            e.person_by_speech = false;
        }
        self.history.push(Seen {
            entity: id,
            sentence,
            subject: m.subject || speaker,
            pos: m.span.start,
        });
        // Keep the history short: only the last few sentences matter to pronouns.
        if self.history.len() > 256 {
            let cut = self.history.len() - 128;
            self.history.drain(..cut);
        }
        Some(id)
    }

    /// The named person a known epithet stands for, once the text has named them.
    fn known_epithet(&self, m: &Mention, text: &str) -> Option<usize> {
        if self.known_epithets.is_empty() {
            return None;
        }
        let words = epithet_key(m.span.text(text));
        let (_, names) = self.known_epithets.iter().find(|(k, _)| *k == words)?;
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                !e.name_words.is_empty()
                    && (names.contains(&e.name) || e.aliases.iter().any(|a| names.contains(a)))
            })
            .max_by_key(|(_, e)| e.last_pos)
            .map(|(id, _)| id)
    }

    /// "Lucy" in a story that calls her "Lucy Honeychurch" somewhere: her full name's words and
    /// text, when a first reading found that given name to have one full name.
    fn known_full_name(
        &self,
        m: &Mention,
        names: &NameWords,
        words: &[WordId],
        married: Option<bool>,
    ) -> Option<(Vec<WordId>, String)> {
        if self.known_full_names.is_empty()
            || words.len() != 1
            || married.is_some()
            || !m.descriptors.roles.is_empty()
        {
            return None;
        }
        let full = self.full_name_of(names.text(words[0]))?;
        let ids = full
            .split_whitespace()
            .map(|w| names.get(w))
            .collect::<Option<Vec<WordId>>>()?;
        Some((ids, full.to_string()))
    }

    /// The one full name a first reading found for a given name (lower case).
    fn full_name_of(&self, given: &str) -> Option<&str> {
        self.known_full_names
            .iter()
            .find(|(g, _)| g == given)
            .map(|(_, full)| full.as_str())
    }

    /// In a story, two members of one family that news would read as one person (news calls
    /// Hillary Clinton "Mrs. Clinton"): a woman called by given and family name ("Lucy
    /// Honeychurch") and the "Mrs. Honeychurch" of her family — her mother or her
    /// sister-in-law —, and a man the narration calls by his given name ("George", George
    /// Emerson) and the "Mr. Emerson" of his family. `m` (its `words`, read as a full name when
    /// `by_full_name`) is the mention, `e` the entity it might join.
    fn family_apart(
        &self,
        m: &Mention,
        names: &NameWords,
        words: &[WordId],
        married: Option<bool>,
        by_full_name: bool,
        e: &Entity,
    ) -> bool {
        if !self.story {
            return false;
        }
        // A full name (two words or more) and a shorter one.
        let fuller = |full: usize, short: usize| full >= 2 && short < full;
        let (here, there) = (words.len(), e.name_words.len());
        // "Mrs. Honeychurch" after "Lucy Honeychurch", and "Lucy Honeychurch" after her.
        let mrs = married == Some(true) && e.married.is_none() && fuller(there, here)
            || married.is_none() && e.married == Some(true) && fuller(here, there);
        // "Mr. Emerson" after "George" (George Emerson), and "George" after "Mr. Emerson".
        let called_by_given_name = |e: &Entity| {
            e.name_words
                .first()
                .is_some_and(|&w| self.full_name_of(names.text(w)).is_some())
        };
        let mr = m.descriptors.has_role("mr") && here == 1 && there >= 2 && called_by_given_name(e)
            || by_full_name && there < here && e.descriptors.has_role("mr");
        mrs || mr
    }

    /// Given names that stand for one full name in the whole story (see `full_names::scan`).
    pub fn full_names(&self, text: &str) -> KnownFullNames {
        super::full_names::scan(text, &self.entities)
    }

    /// The entity a name said in a quote stands for: the one last seen whose name it fits, of
    /// the sex its honorific gives when it gives one ("Miss Honeychurch" is not her brother).
    pub fn find_named(&self, names: &NameWords, words: &[WordId], gender: Gender) -> Option<usize> {
        let sex_fits = |e: &Entity| {
            gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender
        };
        words
            .iter()
            .filter_map(|w| self.by_word.get(w))
            .flatten()
            .copied()
            .filter(|&id| {
                let e = &self.entities[id];
                sex_fits(e) && names_compatible(names, words, &e.name_words)
            })
            .max_by_key(|&id| self.entities[id].last_pos)
    }

    /// The first-person narrator of a novel or a column: a person known as "I" until the text
    /// names them.
    pub fn narrator(&mut self) -> usize {
        let id = self.new_entity(Entity {
            name: "the narrator".to_string(),
            name_words: Vec::new(),
            kind: SpeakerKind::Person,
            gender: Gender::Unknown,
            descriptors: Descriptors::default(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            last_pos: 0,
            person_evidence: true,
            described: true,
            head: None,
            plural: false,
            married: None,
            spoke: false,
            person_by_speech: false,
        });
        self.narrator = Some(id);
        id
    }

    /// Indexes an entity under each of its role words, families, countries and head noun.
    fn index_descriptors(&mut self, id: usize) {
        let e = &self.entities[id];
        let keys = e
            .descriptors
            .roles
            .iter()
            .chain(&e.descriptors.countries)
            .copied()
            .chain(e.head);
        for k in keys {
            let ids = self.by_descriptor.entry(k).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    fn new_entity(&mut self, e: Entity) -> usize {
        let id = self.entities.len();
        if let Some(&last) = e.name_words.last() {
            self.by_word.entry(last).or_default().push(id);
        }
        if let Some(&first) = e.name_words.first()
            && e.name_words.len() > 1
        {
            self.by_word.entry(first).or_default().push(id);
        }
        let named = !e.described && !e.plural;
        self.entities.push(e);
        self.index_descriptors(id);
        if named {
            self.index_letters(id);
        }
        id
    }

    fn index_letters(&mut self, id: usize) {
        let key = letters_key(&self.entities[id].name);
        self.by_letters.insert(key, id);
    }

    fn resolve_name(
        &mut self,
        m: &Mention,
        text: &str,
        names: &NameWords,
        speaker: bool,
    ) -> Option<usize> {
        let words = names.of(m.name_words);
        let name_text = m.name.map(|s| s.text(text)).unwrap_or("");
        let name_text = name_text
            .strip_suffix("'s")
            .or_else(|| name_text.strip_suffix("’s"))
            .unwrap_or(name_text);
        let married = marital_honorific(m.span.text(text));
        // A given name alone that the whole story gives one full name: read it as that name.
        let full = self.known_full_name(m, names, words, married);
        let (words, name_text) = match &full {
            Some((ids, full_text)) => (&ids[..], full_text.as_str()),
            None => (words, name_text),
        };
        // Candidates sharing a name word (in a buffer kept from mention to mention).
        let mut best: Option<usize> = None;
        let given_name_alone = self.story
            && words.len() == 1
            && married.is_none()
            && m.descriptors.roles.is_empty()
            && m.first_name_gender != Gender::Unknown;
        let mut cands = std::mem::take(&mut self.candidates);
        cands.clear();
        for w in words {
            if let Some(ids) = self.by_word.get(w) {
                cands.extend(ids.iter().copied());
            }
        }
        cands.sort_unstable();
        cands.dedup();
        for &id in &cands {
            let e = &self.entities[id];
            if !names_compatible(names, words, &e.name_words) {
                continue;
            }
            if m.gender != Gender::Unknown && e.gender != Gender::Unknown && m.gender != e.gender {
                continue;
            }
            // "Mrs. Miller" is a woman: not the Randolph Miller or the Miss Miller named before.
            if married.is_some()
                && (e.married.is_some_and(|x| Some(x) != married)
                    || e.married.is_none() && e.gender != Gender::Female)
            {
                continue;
            }
            if self.family_apart(m, names, words, married, full.is_some(), e) {
                continue;
            }
            // …and a fuller name is hers only when it is a woman's ("Randolph Miller" is not).
            if e.married.is_some()
                && married.is_none()
                && words.len() > e.name_words.len()
                && m.gender != Gender::Female
                && m.first_name_gender != Gender::Female
            {
                continue;
            }
            // "Admiral Croft" after "Mrs Croft", known by the surname alone: her husband, not her.
            if e.married.is_some()
                && married.is_none()
                && !m.descriptors.roles.is_empty()
                && m.gender != Gender::Female
                && e.name_words.len() == words.len()
            {
                continue;
            }
            // The entity sharing the most name words ("Daisy Miller" is Miss Daisy Miller, not
            // the Mrs. Miller mentioned since), then the most recent.
            let shared = |x: &Entity| words.iter().filter(|w| x.name_words.contains(w)).count();
            // A story calls its people by their given names: "Anne" alone is the Anne of
            // "Anne Shirley", not whoever a run of capitals once ended with "Anne".
            let given_first = |x: &Entity| {
                given_name_alone && x.name_words.len() >= 2 && x.name_words.first() == words.first()
            };
            // "Marlow" alone is Ann Marlow before it is Marlow University: a name word that only
            // modifies an organisation's name ranks below the same word as someone's surname.
            let not_modifier = |x: &Entity| {
                !(words.len() == 1 && x.kind == SpeakerKind::Organization)
                    || x.name_words.last() == words.last()
            };
            if best.is_none_or(|b| {
                let b = &self.entities[b];
                (shared(b), given_first(b), not_modifier(b), b.last_pos)
                    < (shared(e), given_first(e), not_modifier(e), e.last_pos)
            }) {
                best = Some(id);
            }
        }
        self.candidates = cands;
        // "TimeWarner" and "Time Warner": one name, spaced two ways.
        let best = best.or_else(|| self.same_letters(name_text));
        if let Some(id) = best {
            let e = &mut self.entities[id];
            if words.len() > e.name_words.len() && !name_text.is_empty() {
                // A fuller name: it becomes the canonical one.
                e.name = tidy(name_text).into_owned();
                let named = !e.described && !e.plural;
                e.name_words = words.to_vec();
                if let Some(&first) = words.first() {
                    self.by_word.entry(first).or_default().push(id);
                }
                if let Some(&last) = words.last() {
                    self.by_word.entry(last).or_default().push(id);
                }
                if named {
                    self.index_letters(id);
                }
            }
            let e = &mut self.entities[id];
            e.married = e.married.or(married);
            e.descriptors.merge(&m.descriptors);
            if e.gender == Gender::Unknown {
                e.gender = m.gender;
            }
            e.person_evidence |= m.person_evidence;
            e.person_by_speech &= !m.person_evidence && m.entity_kind == SpeakerKind::Unknown;
            if e.kind == SpeakerKind::Unknown && m.entity_kind != SpeakerKind::Unknown {
                e.kind = m.entity_kind;
            }
            if !m.descriptors.roles.is_empty() || !m.descriptors.countries.is_empty() {
                self.index_descriptors(id);
            }
            return Some(id);
        }
        // A new entity: only for names that look like people or organisations, or that speak.
        let worth = speaker
            || m.person_evidence
            || m.entity_kind == SpeakerKind::Organization
            || (words.len() >= 2 && m.entity_kind != SpeakerKind::Unknown);
        if !worth || name_text.is_empty() {
            return None;
        }
        let kind = match m.entity_kind {
            SpeakerKind::Unknown if speaker => SpeakerKind::Person,
            k => k,
        };
        Some(self.new_entity(Entity {
            name: tidy(name_text).into_owned(),
            name_words: words.to_vec(),
            kind,
            // Someone new called by a first name alone ("Freddy") is of that name's gender.
            gender: match m.gender {
                Gender::Unknown => m.first_name_gender,
                g => g,
            },
            descriptors: m.descriptors.clone(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            last_pos: m.span.start,
            person_evidence: m.person_evidence || speaker,
            described: false,
            head: None,
            plural: false,
            married,
            spoke: false,
            person_by_speech: m.entity_kind == SpeakerKind::Unknown
                && !m.person_evidence
                && m.gender == Gender::Unknown
                && m.first_name_gender == Gender::Unknown,
        }))
    }

    fn resolve_role(
        &mut self,
        m: &Mention,
        text: &str,
        sentence: usize,
        speaker: bool,
    ) -> Option<usize> {
        let head = m.head;
        let head_family = head.and_then(family);
        let peer = head_family == Some("peer");
        let countries = &m.descriptors.countries;
        if !m.indefinite {
            let age = age_of(m.span.text(text));
            // "the rail operator", "the regulator": a noun for a person's job and for a
            // business alike is the business when one is named in view.
            let business_head = m.entity_kind == SpeakerKind::Person
                && countries.is_empty()
                && head
                    .filter(|&h| lexicon::lookup(h).is(lexicon::BUSINESS))
                    .is_some();
            let fits = |e: &Entity| -> bool {
                // "the young man" is not the one called "the old man".
                if age.is_some()
                    && std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|a| age_of(a).is_some_and(|x| Some(x) != age))
                {
                    return false;
                }
                if business_head && head.is_some_and(|h| organisation_called(e, h)) {
                    return true;
                }
                match m.entity_kind {
                    SpeakerKind::Person => {
                        e.kind != SpeakerKind::Organization
                            && e.kind != SpeakerKind::Group
                            && (e.person_evidence || e.kind == SpeakerKind::Person)
                            && countries.iter().all(|c| e.descriptors.has_country(c))
                            && (peer
                                || head_family.is_some_and(|f| e.descriptors.has_role(f))
                                || head.is_some_and(|h| {
                                    e.descriptors.has_role(h) || e.head == Some(h)
                                }))
                            && (m.gender == Gender::Unknown
                                || e.gender == Gender::Unknown
                                || e.gender == m.gender)
                            && !(peer && countries.is_empty())
                    }
                    _ => {
                        e.described
                            && e.head.is_some()
                            && e.head == head
                            && e.descriptors.countries == *countries
                            || m.entity_kind == SpeakerKind::Organization
                                && countries.is_empty()
                                && head.is_some_and(|h| {
                                    organisation_called(e, h)
                                        || !self.story && company_by_speech(e, h)
                                })
                    }
                }
            };
            // The most salient fitting entity: recent sentences first, subjects first.
            if let Some(id) = self.salient(sentence, m.span.start, ROLE_WINDOW, |e| {
                fits(e).then_some(0)
            }) {
                return Some(id);
            }
            // Beyond the salience window: the most recently mentioned fitting entity, among those
            // indexed under the description's role, family or country (never a scan of all).
            let (by_country, by_head) = if peer {
                (&countries[..], None)
            } else {
                (&[][..], Some(head_family.into_iter().chain(head)))
            };
            let keys = by_country
                .iter()
                .copied()
                .chain(by_head.into_iter().flatten());
            let best = keys
                .filter_map(|k| self.by_descriptor.get(k))
                .flatten()
                .copied()
                .filter(|&id| fits(&self.entities[id]))
                .max_by_key(|&id| self.entities[id].last_pos);
            if best.is_some() {
                return best;
            }
        }
        if !speaker {
            return None;
        }
        let name = description_name(m.span.text(text));
        Some(self.new_entity(Entity {
            name,
            name_words: Vec::new(),
            kind: m.entity_kind,
            gender: m.gender,
            descriptors: m.descriptors.clone(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            last_pos: m.span.start,
            person_evidence: m.entity_kind == SpeakerKind::Person,
            described: true,
            head,
            plural: m.plural,
            married: None,
            spoke: false,
            person_by_speech: false,
        }))
    }

    /// "her voice said" is hers: the person of that sex most in view. Only as a speaker: "His
    /// voice was rather parochial" is narration, left as it was. ("A voice called" stays
    /// a description: in some stories it is someone of its own, the Invisible Man's "Voice".)
    fn resolve_voice(&self, m: &Mention, text: &str, sentence: usize) -> Option<usize> {
        if m.head != Some("voice") {
            return None;
        }
        let sex = possessor_sex(m, text)?;
        let narrator = self.narrator.map(|n| &self.entities[n]);
        self.salient(sentence, m.span.start, PRONOUN_WINDOW, |e| {
            let told = narrator.is_some_and(|n| std::ptr::eq(n, e));
            (e.is_person() && !e.plural && e.gender == sex && !told).then_some(0)
        })
    }

    /// "his aunt": the named person "his" stands for, and the kin word.
    fn kin_possessor(
        &self,
        m: &Mention,
        text: &str,
        sentence: usize,
    ) -> Option<(usize, &'static str)> {
        let head = m.head?;
        if m.plural || m.gender == Gender::Unknown || !lexicon::lookup(head).is(lexicon::KIN) {
            return None;
        }
        let possessor_sex = possessor_sex(m, text)?;
        // Only a named person has a family name to share: "her" after "this young lady
        // inquired" is looked for among the named women before.
        let possessor = self.salient(sentence, m.span.start, PRONOUN_WINDOW, |e| {
            (e.is_person() && !e.plural && e.gender == possessor_sex && !e.name_words.is_empty())
                .then_some(0)
        })?;
        (Some(possessor) != self.narrator).then_some((possessor, head))
    }

    /// "to present his aunt, Mrs. Costello, to …": a name set right after a kin description,
    /// between commas, names that relative; "said his aunt" is her from then on.
    fn note_kin_apposition(&mut self, m: &Mention, text: &str, id: usize) {
        let Some((end, possessor, head)) = self.last_kin else {
            return;
        };
        let apposed = text
            .get(end..m.span.start)
            .is_some_and(|between| between.trim() == ",");
        let e = &self.entities[id];
        if apposed && id != possessor && e.is_person() && !e.plural {
            self.kin_named.insert((possessor, head), id);
        }
    }

    /// "said her mother": given whose relative it is (`kin_possessor`), the relative named in
    /// apposition before ("his aunt, Mrs. Costello,"), else the one other person of the kin's sex
    /// who shares their family name (Lucy Honeychurch's mother is Mrs Honeychurch). A mother or
    /// father is the married one when the family has several.
    fn resolve_kin(&self, m: &Mention, (possessor, head): (usize, &'static str)) -> Option<usize> {
        if let Some(&named) = self.kin_named.get(&(possessor, head)) {
            return Some(named);
        }
        let family = *self.entities[possessor].name_words.last()?;
        let relatives: Vec<usize> = self
            .by_word
            .get(&family)?
            .iter()
            .copied()
            .filter(|&id| {
                let e = &self.entities[id];
                id != possessor
                    && e.is_person()
                    && !e.plural
                    && e.gender == m.gender
                    && e.name_words.last() == Some(&family)
            })
            .collect();
        let parent = matches!(head, "mother" | "father" | "mamma" | "mama" | "papa");
        match relatives[..] {
            // A parent is never one the story calls Miss: Anne Marlow's "her mother" is not
            // Miss Marlow, her sister.
            [one] if parent && self.entities[one].married == Some(false) => None,
            [one] => Some(one),
            _ if parent => {
                let mut married = relatives
                    .iter()
                    .copied()
                    .filter(|&id| self.entities[id].married == Some(true));
                married.next().filter(|_| married.next().is_none())
            }
            _ => None,
        }
    }

    /// "said his companion": the one he is with, the person most in view who is not him ("my
    /// companion", "our companion" in a first-person story: not the narrator). Only someone the
    /// story has named.
    fn resolve_companion(&self, m: &Mention, text: &str, sentence: usize) -> Option<usize> {
        let head = m.head?;
        if m.plural || !lexicon::lookup(head).is(lexicon::COMPANION) {
            return None;
        }
        let person = |e: &Entity| e.is_person() && !e.plural && !e.name_words.is_empty();
        let possessor = match m.span.text(text).split_whitespace().next()? {
            "my" | "My" | "our" | "Our" => self.narrator?,
            _ => {
                let sex = possessor_sex(m, text)?;
                self.salient(sentence, m.span.start, PRONOUN_WINDOW, |e| {
                    (person(e) && e.gender == sex).then_some(0)
                })?
            }
        };
        let possessor = &self.entities[possessor];
        let narrator = self.narrator.map(|n| &self.entities[n]);
        self.salient(sentence, m.span.start, PRONOUN_WINDOW, |e| {
            let someone_else =
                !std::ptr::eq(e, possessor) && narrator.is_none_or(|n| !std::ptr::eq(e, n));
            (person(e) && someone_else).then_some(0)
        })
    }

    fn resolve_pronoun(&mut self, m: &Mention, sentence: usize) -> Option<usize> {
        // First and second person narrators are not resolved here.
        if m.entity_kind == SpeakerKind::Person && m.gender == Gender::Unknown {
            return None;
        }
        let narrator = self.narrator.map(|n| &self.entities[n]);
        let compatible = |e: &Entity| -> bool {
            match m.entity_kind {
                SpeakerKind::Person => {
                    (e.is_person() || e.spoke && e.kind == SpeakerKind::Unknown)
                        && (e.gender == Gender::Unknown || e.gender == m.gender)
                        && !e.plural
                        && !narrator.is_some_and(|n| std::ptr::eq(n, e))
                }
                SpeakerKind::Group => {
                    e.kind == SpeakerKind::Group || e.kind == SpeakerKind::Organization || e.plural
                }
                SpeakerKind::Organization => e.kind == SpeakerKind::Organization && !e.plural,
                SpeakerKind::Unknown => false,
            }
        };
        // Gender known to agree ranks above unknown gender, within the same salience level.
        let rank = |e: &Entity| {
            compatible(e).then_some(u8::from(
                m.gender != Gender::Unknown && e.gender != m.gender,
            ))
        };
        // Past the window: the last speaker, else the last person of that sex named in the
        // paragraphs before ("Sherlock Holmes took his bottle …" three paragraphs up: "he said").
        let known_to_agree = |e: &Entity| (compatible(e) && e.gender == m.gender).then_some(0);
        self.salient(sentence, m.span.start, PRONOUN_WINDOW, rank)
            .or_else(|| {
                self.last_speaker
                    .filter(|&id| compatible(&self.entities[id]))
            })
            .or_else(|| {
                (m.gender != Gender::Unknown).then(|| {
                    self.salient(sentence, m.span.start, WIDE_PRONOUN_WINDOW, known_to_agree)
                })?
            })
    }

    /// The named entity whose name has the same letters as `name` once spaces and hyphens are
    /// left out, ignoring case ("Time Warner" for "TimeWarner").
    fn same_letters(&self, name: &str) -> Option<usize> {
        // Six letters at least: short names are too easily the same by chance.
        if name.len() < 6 {
            return None;
        }
        letters(name).nth(5)?;
        let id = *self.by_letters.get(&letters_key(name))?;
        let e = &self.entities[id];
        (e.name != name && letters(&e.name).eq(letters(name))).then_some(id)
    }

    /// The person of `gender` mentioned last before byte `pos`, other than those in `except`.
    pub fn recent_person_before(
        &self,
        pos: usize,
        gender: Gender,
        except: &[usize],
    ) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .filter(|h| h.pos < pos && !except.contains(&h.entity))
            .map(|h| h.entity)
            .find(|&id| {
                let e = &self.entities[id];
                Some(id) != self.narrator
                    && e.is_person()
                    && !e.plural
                    && (e.gender == gender || e.gender == Gender::Unknown)
            })
    }

    /// The most salient entity `rank` accepts, looking back from (`sentence`, `pos`): earlier in
    /// the same sentence first, then previous sentences, most recent first. Within a sentence a
    /// subject beats other mentions, then the lower rank wins (e.g. gender known to agree), then
    /// the leftmost. `rank` returns `None` for entities that cannot be meant.
    fn salient(
        &self,
        sentence: usize,
        pos: usize,
        window: usize,
        rank: impl Fn(&Entity) -> Option<u8>,
    ) -> Option<usize> {
        let mut end = self.history.len();
        let mut s = sentence;
        loop {
            // The history entries of sentence `s` end at `end`.
            let start = self.history[..end]
                .iter()
                .rposition(|h| h.sentence < s)
                .map_or(0, |p| p + 1);
            let best = self.history[start..end]
                .iter()
                .filter(|h| h.sentence == s && (s < sentence || h.pos < pos))
                .filter_map(|h| {
                    rank(&self.entities[h.entity])
                        .map(|r| (u8::from(!h.subject) * 2 + r.min(1), h.entity))
                })
                .min_by_key(|&(score, _)| score);
            if let Some((_, id)) = best {
                return Some(id);
            }
            if s == 0 || sentence - s >= window || start == 0 {
                return None;
            }
            end = start;
            s = self.history[start - 1].sentence;
        }
    }
}

/// What `letters` leaves out of a name: spaces and hyphens.
fn spacing(c: char) -> bool {
    c.is_whitespace() || c == '-'
}

/// A name's letters, lower case, without spaces and hyphens: "Time Warner" and "TimeWarner" alike.
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|&c| !spacing(c))
        .flat_map(char::to_lowercase)
}

/// `letters`, hashed: the hash of their UTF-8 bytes, so that ASCII, by far the most common,
/// is lower-cased byte by byte into a buffer and hashed in one go.
fn letters_key(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut buf = [0u8; 96];
    if s.is_ascii() && s.len() <= buf.len() {
        let mut n = 0;
        for &b in s.as_bytes() {
            if !spacing(char::from(b)) {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        h.write(&buf[..n]);
    } else {
        let all: String = letters(s).collect();
        h.write(all.as_bytes());
    }
    h.finish()
}

/// A name as one line: a line break or a run of spaces inside it becomes one space ("Miss\nBartlett"
/// in hard-wrapped text is "Miss Bartlett").
fn tidy(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim();
    let needs = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_whitespace() && (w[0] != b' ' || w[1].is_ascii_whitespace()));
    if !needs {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A description used as a name: "The Belarusian side" → "the Belarusian side".
fn description_name(s: &str) -> String {
    let tidied = tidy(s);
    let s = tidied.as_ref();
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next();
    let lower_first = first.to_lowercase();
    match rest {
        Some(r) if lexicon::lookup(&lower_first).is(ARTICLE) => format!("{lower_first} {r}"),
        _ => s.to_string(),
    }
}

/// Two names refer to the same person when one's words are contained in the other's with the
/// same last word ("Putin" ~ "Vladimir Putin"), or they agree on initials ("J. Doe" ~ "Jane Doe").
pub fn names_compatible(names: &NameWords, a: &[WordId], b: &[WordId]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Equal words, or an initial and a word it begins ("j" ~ "jane").
    let word_match = |s: &WordId, l: &WordId| {
        s == l || {
            let s = names.text(*s);
            s.len() == 1 && names.text(*l).starts_with(s)
        }
    };
    if short.len() == 1 {
        // A single word matches the last name, or the first name of a two-word name.
        return word_match(&short[0], &long[long.len() - 1])
            || (long.len() >= 2 && short[0] == long[0] && names.text(short[0]).len() > 2);
    }
    if short.last() != long.last() {
        return false;
    }
    // Every word of the shorter name appears in order in the longer one.
    let mut it = long.iter();
    short.iter().all(|s| it.any(|l| word_match(s, l)))
}

/// "GlaxoSmithKline said … the company said": in news, a name taken for a person only because it
/// spoke first is the company a business noun calls it. (A story's "the company" is the people
/// gathered in a room.)
fn company_by_speech(e: &Entity, head: &str) -> bool {
    e.person_by_speech
        && !e.described
        && !e.plural
        && e.gender == Gender::Unknown
        && lexicon::lookup(head).is(lexicon::BUSINESS)
}

/// Whether a named organisation can be called "the `head`" once named: its name has the head
/// ("the department" for the Transport Department), or the head is a business noun ("the
/// company") and nothing in the name makes it another kind of body (a ministry, a council).
fn organisation_called(e: &Entity, head: &str) -> bool {
    if e.described || e.kind != SpeakerKind::Organization || e.plural {
        return false;
    }
    let words = || {
        e.name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    // ASCII words are compared and looked up in place: this is asked of every organisation for
    // every "the company".
    let head_lower = !head.bytes().any(|b| b.is_ascii_uppercase());
    let is_head = |w: &str| {
        if w.is_ascii() {
            head_lower && w.eq_ignore_ascii_case(head)
        } else {
            w.to_lowercase() == head
        }
    };
    if words().any(is_head) {
        return true;
    }
    let entry = |w: &str| {
        if w.is_ascii() {
            lexicon::lookup_ascii(w.as_bytes())
        } else {
            lexicon::lookup(&w.to_lowercase())
        }
    };
    lexicon::lookup(head).is(lexicon::BUSINESS)
        && !words().any(|w| {
            let entry = entry(w);
            entry.is(lexicon::ORG) && !entry.is(lexicon::BUSINESS)
        })
}

/// The age a description gives its person: young (true) or old (false), if it says.
fn age_of(description: &str) -> Option<bool> {
    const YOUNG: [&str; 4] = ["young", "younger", "youngest", "little"];
    const OLD: [&str; 6] = ["old", "older", "elder", "elderly", "eldest", "aged"];
    // Every word above has a "g" or an "l": most descriptions have neither and need no reading.
    if !description.bytes().any(|b| matches!(b | 0x20, b'g' | b'l')) {
        return None;
    }
    // Asked of every name and alias of every candidate: compared in place, not lower-cased
    // into a new string each time.
    let is_any = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    description.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if !(3..=8).contains(&w.len()) {
            None
        } else if is_any(w, &YOUNG) {
            Some(true)
        } else if is_any(w, &OLD) {
            Some(false)
        } else {
            None
        }
    })
}

/// Epithets and the names of the person each stands for (see `Resolver::known_epithets`).
pub type KnownEpithets = Vec<(String, Vec<String>)>;

/// Given names (lower case) and the one full name each stands for in a text, as written.
pub type KnownFullNames = Vec<(String, String)>;

/// What a first reading of a story knows, for a second reading to use from its first page.
#[derive(Debug, Default)]
pub struct FirstReading {
    pub epithets: KnownEpithets,
    pub full_names: KnownFullNames,
    /// The story is told by an "I" that the first reading knew for its narrator only after some
    /// of its lines had been decided: "“…,” I said" on the first page is the narrator's too.
    pub narrator: bool,
}

impl FirstReading {
    pub fn is_empty(&self) -> bool {
        self.epithets.is_empty() && self.full_names.is_empty() && !self.narrator
    }
}

/// An epithet as written, the way `known_epithets` keeps it: lower case, single spaces.
pub fn epithet_key(words: &str) -> String {
    words
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a name opens with a married woman's honorific ("Mrs", "Madame": true) or an
/// unmarried one's ("Miss", "Mademoiselle": false).
fn marital_honorific(name: &str) -> Option<bool> {
    // Every form below starts with "m" or "f": most names are settled by their first letter.
    let name = name.trim_start();
    if !matches!(name.as_bytes().first(), Some(b'm' | b'M' | b'f' | b'F')) {
        return None;
    }
    let first = name.split_whitespace().next()?.trim_end_matches('.');
    let is = |forms: &[&str]| forms.iter().any(|f| first.eq_ignore_ascii_case(f));
    if is(&["mrs", "madame", "mme", "frau"]) {
        Some(true)
    } else if is(&["miss", "mademoiselle", "mlle", "fräulein"]) {
        Some(false)
    } else {
        None
    }
}

/// The sex of the one a possessive description belongs to: "his mother", "her voice".
fn possessor_sex(m: &Mention, text: &str) -> Option<Gender> {
    match m.span.text(text).split_whitespace().next()? {
        "his" | "His" => Some(Gender::Male),
        "her" | "Her" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compatible(a: &str, b: &str) -> bool {
        let mut names = NameWords::default();
        let a: Vec<WordId> = a.split(' ').map(|w| names.intern(w)).collect();
        let b: Vec<WordId> = b.split(' ').map(|w| names.intern(w)).collect();
        names_compatible(&names, &a, &b)
    }

    #[test]
    fn names_match_by_surname_and_initials() {
        assert!(compatible("putin", "vladimir putin"));
        assert!(compatible("j doe", "jane doe"));
        assert!(!compatible("john doe", "jane doe"));
        assert!(!compatible("bill clinton", "hillary clinton"));
        assert!(compatible("hillary", "hillary clinton"));
    }

    #[test]
    fn descriptions_become_names() {
        assert_eq!(
            description_name("The Belarusian side"),
            "the Belarusian side"
        );
    }
}
