//! Epithets: a story that has named its people goes on calling them by age and sex — "Daisy …
//! the young girl said", "Mr. Emerson … said the old man". The resolver makes such a description
//! an entity of its own the first time it speaks; once the whole text is read, each of its uses
//! votes for the named person of its sex mentioned last before it, and a clear winner is who
//! the epithet stands for. One vote per use, over the whole text, so a scene where someone else
//! happens to be in view does not decide it. Someone named in the epithet's own sentence, or
//! named as the speaker of the line before or after its line, is someone else: the vote passes
//! over them and counts against them.

use super::lexicon;
use super::mentions::Gender;
use super::model::SpeakerKind;
use super::resolve::{self, Entity};
use crate::span::Span;

/// How far back a use of the epithet looks for the person it stands for: mentions, and bytes.
const LOOK_BACK_MENTIONS: usize = 12;
const LOOK_BACK_BYTES: usize = 2_000;

/// The score (votes less the times beside the epithet) a winner needs.
const MIN_SCORE: isize = 3;

/// Pairs (epithet entity, named entity it stands for).
///
/// `turns` gives the lines of speech in text order, (start, speaker when a name or description
/// tags it), asked for only when the text has an epithet: the person named as the speaker of the
/// line just before or after the epithet's own line is the other side of the exchange, not the
/// epithet ("“…,” said Miss Bartlett. / “…,” said the girl.").
pub fn links(
    text: &str,
    entities: &[Entity],
    turns: impl FnOnce() -> Vec<(usize, Option<usize>)>,
) -> Vec<(usize, usize)> {
    let epithets: Vec<usize> = (0..entities.len())
        .filter(|&i| is_epithet(&entities[i]))
        .collect();
    if epithets.is_empty() {
        return Vec::new();
    }
    let turns = turns();
    // Every mention of a named person, in text order.
    let mut named: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| is_named_person(e) || is_called_by_title(text, e))
        .flat_map(|(i, e)| e.mentions.iter().map(move |s| (s.start, i)))
        .collect();
    named.sort_unstable();
    let mut out = Vec::new();
    for d in epithets {
        let ent = &entities[d];
        let mut votes: Vec<(usize, usize)> = Vec::new();
        // People named in the same sentence as the epithet ("Winterbourne looked at the boy"),
        // or speaking the lines next to its own, are someone else.
        let mut beside: Vec<usize> = Vec::new();
        let mut uses = 0;
        for s in &ent.mentions {
            // The description itself, not a pronoun resolved to it; "a man" is someone new.
            let words = s.text(text).trim();
            if !words.contains(char::is_whitespace) {
                continue;
            }
            let (from, to) = sentence_around(text, s.start, s.end);
            let lo = named.partition_point(|&(p, _)| p < from);
            let hi = named.partition_point(|&(p, _)| p < to);
            let others_here = beside.len();
            beside.extend(named[lo..hi].iter().map(|&(_, e)| e));
            beside.extend(neighbours_in_exchange(&turns, s.start, d));
            if !starts_definite(words) {
                continue;
            }
            // Only a definite use can vote, so only those count towards the share that must:
            // "this young lady" and "a young lady" say nothing for or against a name.
            uses += 1;
            // The vote goes to the last person of that sex named before, passing over those
            // who are someone else here.
            let here = &beside[others_here..];
            let found = named[..lo]
                .iter()
                .rev()
                .take(LOOK_BACK_MENTIONS)
                .take_while(|&&(p, _)| s.start - p <= LOOK_BACK_BYTES)
                .map(|&(_, e)| e)
                .find(|&e| entities[e].gender == ent.gender && !here.contains(&e));
            if let Some(e) = found {
                match votes.iter_mut().find(|(c, _)| *c == e) {
                    Some(v) => v.1 += 1,
                    None => votes.push((e, 1)),
                }
            }
        }
        // Each vote counts against the times that person stands beside the epithet.
        let apart = |e: usize| beside.iter().filter(|&&b| b == e).count();
        let mut scored: Vec<(isize, usize, usize)> = votes
            .iter()
            .map(|&(e, n)| (n as isize - apart(e) as isize, n, e))
            .collect();
        scored.sort_unstable_by(|a, b| b.cmp(a));
        let Some(&(score, n, best)) = scored.first() else {
            continue;
        };
        let runner_up = scored.get(1).map_or(0, |s| s.0.max(0));
        if score >= MIN_SCORE && score >= 2 * runner_up && n * 3 >= uses {
            out.push((d, best));
        }
    }
    out
}

/// How soon after a description's last use the person it stood for must be named.
const NAMED_WITHIN_BYTES: usize = 3_000;

/// Pairs (description entity, named entity it stood for) for people a story describes before it
/// names them: "the child" of the first pages is the Ottilie named a page later when, once
/// named, she is still called "the child". The description's every use comes before the name,
/// so the vote in `links` (which looks back for a name) cannot find her; the wording the story
/// goes on using for her can. The first person so called who is named within a page of the
/// description's last use is the one (a story may name "Master Otto" first, "Otto Brandt"
/// later).
pub fn named_after(entities: &[Entity]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (d, ent) in entities.iter().enumerate() {
        let description_only = ent.described && ent.name_words.is_empty() && !ent.plural;
        if !(description_only && ent.is_person() && starts_definite(&ent.name)) {
            continue;
        }
        let Some(last) = ent.mentions.last() else {
            continue;
        };
        let key = resolve::epithet_key(&ent.name);
        let called_so = |e: &Entity| e.aliases.iter().any(|a| resolve::epithet_key(a) == key);
        let named = entities
            .iter()
            .enumerate()
            .filter(|&(i, e)| i != d && is_named_person(e))
            .filter(|(_, e)| {
                ent.gender == Gender::Unknown
                    || e.gender == Gender::Unknown
                    || e.gender == ent.gender
            })
            .filter_map(|(i, e)| Some((e.mentions.first()?.start, i, e)))
            .filter(|&(named_at, _, e)| {
                named_at > last.start && named_at - last.start <= NAMED_WITHIN_BYTES && called_so(e)
            })
            .min_by_key(|&(named_at, i, _)| (named_at, i));
        if let Some((_, n, _)) = named {
            out.push((d, n));
        }
    }
    out
}

/// The speakers of the lines next to the epithet's own line (the one it tags, starting just
/// before or just after it), when they are near.
fn neighbours_in_exchange(
    turns: &[(usize, Option<usize>)],
    at: usize,
    epithet: usize,
) -> impl Iterator<Item = usize> + '_ {
    const NEAR: usize = 1_500;
    let idx = turns.partition_point(|t| t.0 < at);
    let own = [idx.checked_sub(1), Some(idx)]
        .into_iter()
        .flatten()
        .find(|&i| turns.get(i).is_some_and(|t| t.1 == Some(epithet)));
    own.into_iter().flat_map(move |i| {
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| turns.get(j))
            .filter(move |t| t.0.abs_diff(turns[i].0) <= NEAR)
            .filter_map(|t| t.1)
            .filter(move |&s| s != epithet)
    })
}

/// Known only by a definite description whose head names a person by age and sex.
fn is_epithet(e: &Entity) -> bool {
    e.described
        && e.name_words.is_empty()
        && !e.plural
        && e.kind == SpeakerKind::Person
        // "the Italian lady" is told apart by her country: someone of her own.
        && e.descriptors.countries.is_empty()
        // "the child" says too little: any small person in view.
        && e.gender != Gender::Unknown
        && e.head
            .is_some_and(|h| lexicon::lookup(h).is(lexicon::EPITHET))
}

fn is_named_person(e: &Entity) -> bool {
    !e.name_words.is_empty() && !e.plural && e.is_person()
}

/// A person the story calls by a capitalised description as if by name ("the Grandmother",
/// "the General" in mid-sentence): an epithet ("the old lady") can stand for them as it would
/// for a name.
fn is_called_by_title(text: &str, e: &Entity) -> bool {
    const MIN_USES: usize = 3;
    let titled = |s: &&Span| {
        let mut w = s.text(text).split_whitespace();
        w.next() == Some("the")
            && w.next().is_some_and(|h| h.starts_with(char::is_uppercase))
            && w.next().is_none()
    };
    e.described
        && !e.plural
        && e.is_person()
        && e.gender != Gender::Unknown
        && !is_epithet(e)
        && e.mentions.iter().filter(titled).count() >= MIN_USES
}

/// The byte range of the sentence around `start..end`: from after the last sentence end before
/// it to the next one after it, within a few hundred bytes.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    const REACH: usize = 400;
    let ends_sentence = |b: &[u8], i: usize| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'"')
    };
    let bytes = text.as_bytes();
    let lo = start.saturating_sub(REACH);
    let from = (lo..start)
        .rev()
        .find(|&i| ends_sentence(bytes, i) || bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n'))
        .map_or(lo, |i| i + 1);
    let hi = (end + REACH).min(bytes.len());
    let to = (end..hi)
        .find(|&i| ends_sentence(bytes, i) || bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n'))
        .unwrap_or(hi);
    (from, to)
}

fn starts_definite(words: &str) -> bool {
    words
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}
