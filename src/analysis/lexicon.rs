//! Word lists a linguist would write down: speech verbs, titles, role nouns, pronouns, demonyms.
//! They live as data in `assets/lexicon/` (one file per list, each saying what its class means
//! and where its words come from); `build.rs` compiles them into the static tables included
//! here. One table maps a lower-case word to everything the engine knows about it, so each token
//! costs one lookup.

use std::sync::OnceLock;

// The `Class` bitflags with one constant per class, and the WORDS, EXTRAS, FAMILIES and MONTHS
// tables.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// Everything known about one lower-case word (`Entry::default()` for an unknown word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub class: Class,
    /// 1 + the word's index in `WORDS` (0 for an unknown word).
    word: u16,
    /// Index into `EXTRAS` (0 for none).
    extra: u16,
    /// The word's length in bytes, which the compact table's key words leave open.
    len: u8,
    /// For an ASCII key: whether the number finder would look for a number in the word (a
    /// digit or a number word among its pieces), so it need not read the words known here.
    pub number: Option<bool>,
}

impl Entry {
    pub fn is(&self, c: Class) -> bool {
        self.class.intersects(c)
    }

    /// The word itself as the table spells it, so descriptors can keep it without allocating.
    pub fn key(&self) -> Option<&'static str> {
        let i = usize::from(self.word).checked_sub(1)?;
        WORDS.get(i).map(|w| w.0)
    }

    /// For demonyms: the country ("russian" → "russia"); for role words: the role family.
    pub fn extra(&self) -> Option<&'static str> {
        (self.extra != 0)
            .then(|| EXTRAS.get(usize::from(self.extra)).copied())
            .flatten()
    }
}

/// The lexicon as looked up per token: a small open-addressing index of `u16` slots over a dense
/// array of entries, each of which carries its key's bytes as the two words the hash reads, so a
/// lookup touches two cache lines (a `HashMap` of `&str` keys scattered over the heap was the
/// tokenizer's main cost).
/// Measured against an `FxHashMap` of the same words looked up with a lower-case copy: the
/// whole `extract` of BBC News ran 1,298 M instructions with the map, 1,258 M with this index
/// (6% faster in time), so the engine's other maps use rustc-hash and this one stays. Keeping the
/// key in the entry, rather than reaching the word's spelling through `WORDS`, took two of the
/// four cache misses out of a found word's lookup.
struct Compact {
    /// 0 for an empty slot, else a 16-bit tag of the hash (high half) and entry index + 1 (low
    /// half): most probes are settled by the tag without touching an entry.
    slots: Vec<u32>,
    entries: Vec<Stored>,
}

/// One word of the table: what is known of it and its spelling as `key_words` reads it, in 32
/// bytes so that an entry never straddles two cache lines.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Stored {
    key: [u64; 2],
    entry: Entry,
}

/// A word's bytes as two machine words (see `short_word`; from eight bytes on, its first and
/// last eight), with `fold` OR-ed into each byte; `None` for a word longer than sixteen bytes,
/// whose spelling is compared in `WORDS` instead.
#[inline]
fn key_words(word: &[u8], fold: u64) -> Option<[u64; 2]> {
    let n = word.len();
    if n < 8 {
        Some([short_word(word, fold), 0])
    } else if n <= 16 {
        Some([
            chunk_word(&word[..8]) | fold,
            chunk_word(&word[n - 8..]) | fold,
        ])
    } else {
        None
    }
}

impl Compact {
    fn build() -> Compact {
        let n = WORDS.len().max(1);
        let size = (n * 4).next_power_of_two();
        let mut slots = vec![0u32; size];
        let mut entries = Vec::with_capacity(n);
        for &(k, class, extra) in &WORDS {
            let h = word_hash(k.as_bytes(), 0);
            let mut i = h as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            // A slot holds a 16-bit index (checked by a test: the lexicon has fewer words).
            let index = (entries.len() + 1) as u16;
            entries.push(Stored {
                key: key_words(k.as_bytes(), 0).unwrap_or_default(),
                entry: Entry {
                    class: Class::from_bits_retain(class),
                    word: index,
                    extra,
                    // LONGEST_WORD (checked by a test) fits.
                    len: k.len() as u8,
                    number: k
                        .is_ascii()
                        .then(|| super::numbers::word_holds_number(k, 0, k.len())),
                },
            });
            slots[i] = (tag(h) << 16) | u32::from(index);
        }
        Compact { slots, entries }
    }

    fn get(&self, word: &str) -> Option<&Entry> {
        self.get_folded(word.as_bytes(), 0)
    }

    /// Looks up `word` with `fold` OR-ed into each of its bytes (see `lookup_ascii`), so a
    /// capitalised word is hashed and compared as lower case without being copied.
    #[inline(always)]
    fn get_folded(&self, word: &[u8], fold: u8) -> Option<&Entry> {
        let fold = u64::from_ne_bytes([fold; 8]);
        let mask = self.slots.len() - 1;
        let h = word_hash(word, fold);
        let t = tag(h);
        let wanted = key_words(word, fold);
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot >> 16 == t {
                let index = (slot & 0xffff) as usize - 1;
                let stored = &self.entries[index];
                let same = match wanted {
                    // The length is part of the hash but not of the key words ("ab" and "abab"
                    // share theirs), so the spelling's length is checked too.
                    Some(w) => w == stored.key && usize::from(stored.entry.len) == word.len(),
                    None => equal_folded(WORDS[index].0.as_bytes(), word, fold),
                };
                if same {
                    return Some(&stored.entry);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// `key` equals `word` with `fold` OR-ed into each byte, compared with the loads the hash
/// makes (a short word's one or two loads cover all of its bytes) rather than byte by byte.
#[inline]
fn equal_folded(key: &[u8], word: &[u8], fold: u64) -> bool {
    let n = word.len();
    if key.len() != n {
        return false;
    }
    if n < 8 {
        return short_word(key, 0) == short_word(word, fold);
    }
    key.chunks_exact(8)
        .zip(word.chunks_exact(8))
        .all(|(k, w)| chunk_word(k) == chunk_word(w) | fold)
        && chunk_word(&key[n - 8..]) == chunk_word(&word[n - 8..]) | fold
}

/// The 16 bits of a hash kept in a slot (never all zero, so a slot is never mistaken for empty).
fn tag(h: u64) -> u32 {
    ((h >> 48) as u32) | 1
}

/// The word hash used by the compact table: eight bytes per multiply. Words shorter than eight
/// bytes (most) are read with two overlapping loads instead of byte by byte. `fold` is OR-ed
/// into the bytes read (0x20 in each byte lower-cases an ASCII word, see `lookup_ascii`).
#[inline]
fn word_hash(bytes: &[u8], fold: u64) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let n = bytes.len();
    let mut h = n as u64;
    if n < 8 {
        h = mix(h, short_word(bytes, fold), K);
    } else {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = mix(h, chunk_word(c) | fold, K);
        }
        if !chunks.remainder().is_empty() {
            // The last eight bytes, overlapping the previous chunk.
            h = mix(h, chunk_word(&bytes[n - 8..]) | fold, K);
        }
    }
    // The multiply leaves the low bits weak, and the slot index is taken from them.
    h ^ (h >> 29)
}

#[inline]
fn mix(h: u64, w: u64, k: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(k)
}

/// Up to seven bytes folded into a word (their length is hashed separately), with `fold` OR-ed
/// into every byte taken.
#[inline]
fn short_word(b: &[u8], fold: u64) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        (u64::from(lo) | (u64::from(hi) << 32)) | fold
    } else if n > 0 {
        (u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16))
            | (fold & 0xff_ffff)
    } else {
        0
    }
}

/// Up to eight bytes as a little-endian word, zero-padded. A full chunk is one load; a short one
/// is assembled byte by byte (copying a variable-length slice into an array calls `memcpy`,
/// which cost more than the hash itself).
#[inline]
fn chunk_word(c: &[u8]) -> u64 {
    if let Ok(full) = <[u8; 8]>::try_from(c) {
        return u64::from_le_bytes(full);
    }
    c.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b))
}

static TABLE: OnceLock<Compact> = OnceLock::new();

/// No word in the lexicon is longer than this many bytes (checked by a test).
pub const LONGEST_WORD: usize = 24;

/// Looks up a lower-case word. Plurals of role and organisation nouns ("groups", "ministries",
/// "spokesmen") are in the table too, marked GROUP.
pub fn lookup(lower: &str) -> Entry {
    table().get(lower).copied().unwrap_or_default()
}

/// Looks up a word of the tokenizer's ASCII word bytes (letters, digits, `'`, `-`, `.`) in any
/// case. Setting bit 0x20 lower-cases every one of those bytes and changes none of the others,
/// so the word is looked up as lower case without being copied.
#[inline]
pub fn lookup_ascii(word: &[u8]) -> Entry {
    debug_assert!(
        word.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.'))
    );
    table().get_folded(word, 0x20).copied().unwrap_or_default()
}

/// The lexicon's own `'static` spelling of a known word, so descriptors need no allocation.
pub fn static_key(lower: &str) -> Option<&'static str> {
    table().get(lower).and_then(|e| e.key())
}

fn table() -> &'static Compact {
    TABLE.get_or_init(Compact::build)
}

/// The role family of a role word ("leader" → "head"), from role-families.toml.
pub fn family(word: &str) -> Option<&'static str> {
    FAMILIES.iter().find(|(w, _)| *w == word).map(|(_, f)| *f)
}

/// The number of a month name as the number finder reads dates: capitalised ("March", "Oct",
/// "Sept") or, for a full name, in capitals ("MARCH"). Other spellings ("march", "OCT") are not
/// taken as months.
pub fn month(w: &str) -> Option<u8> {
    let (number, _) = month_name(w)?;
    Some(number)
}

/// A capitalised month abbreviation, which may take a full stop ("Oct. 31"; not "May").
pub fn is_month_abbreviation(w: &str) -> bool {
    month_name(w).is_some_and(|(_, abbreviation)| abbreviation)
}

/// (number, abbreviation) of a month name written as `month` accepts.
fn month_name(w: &str) -> Option<(u8, bool)> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase())
        || !w.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let &(name, number, abbreviation) = MONTHS
        .iter()
        .find(|(name, _, _)| name.eq_ignore_ascii_case(w))?;
    let capitalised = w[1..] == name[1..];
    let capitals = !abbreviation && w.bytes().all(|b| b.is_ascii_uppercase());
    (capitalised || capitals).then_some((number, abbreviation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    #[test]
    fn words_have_their_classes() {
        assert!(lookup("said").is(SPEECH_VERB));
        assert!(lookup("president").is(TITLE));
        assert!(lookup("president").is(ROLE));
        assert!(lookup("he").is(PRONOUN | MALE));
        assert!(lookup("she").is(FEMALE));
        assert_eq!(lookup("russian").extra(), Some("russia"));
        assert!(lookup("mr.").is(HONORIFIC));
        assert!(!lookup("lukashenko").is(FUNCTION));
        assert_eq!(lookup("leader").extra(), Some("head"));
        assert_eq!(family("leader"), Some("head"));
        // Plurals made by the build are groups.
        assert!(lookup("spokesmen").is(GROUP | ROLE));
        assert!(lookup("ministries").is(GROUP));
        assert_eq!(lookup("ministries").key(), Some("ministries"));
        assert_eq!(lookup("xyzzy").key(), None);
    }

    #[test]
    fn one_verb_line_gives_every_form_and_its_traits() {
        for form in ["stressed", "stresses", "stress", "stressing"] {
            assert!(lookup(form).is(SPEECH_VERB), "{form}");
        }
        assert!(lookup("stress").is(SAY_BASE));
        assert!(!lookup("stressed").is(SAY_BASE));
        assert!(lookup("stressed").is(REPORT_VERB | REPORTS_BARE));
        assert!(!lookup("stressing").is(REPORT_VERB));
        // "told" reports with that; "tell" is no report verb (reports:past,3rd).
        assert!(lookup("told").is(REPORT_VERB) && !lookup("tell").is(REPORT_VERB));
        // A base spelled like its past is not a bare present.
        assert!(!lookup("read").is(SAY_BASE));
    }

    #[test]
    fn ascii_words_are_found_in_any_case() {
        for (word, lower) in [
            ("SAID", "said"),
            ("President", "president"),
            ("Mr.", "mr."),
            ("U.S.", "u.s."),
            ("So-Called", "so-called"),
            ("spokesWomen", "spokeswomen"),
            ("Lukashenko", "lukashenko"),
            ("Internationalisation", "internationalisation"),
        ] {
            assert_eq!(lookup_ascii(word.as_bytes()), lookup(lower), "{word}");
        }
        assert!(lookup_ascii(b"SAID").is(SPEECH_VERB));
        assert_eq!(lookup_ascii(b"Xyzzy"), Entry::default());
    }

    #[test]
    fn no_word_is_longer_than_the_lookup_limit() {
        let longest = WORDS.iter().map(|w| w.0.len()).max().unwrap_or(0);
        assert!(longest <= LONGEST_WORD, "{longest}");
        // Slots hold a 16-bit word index.
        assert!(WORDS.len() < usize::from(u16::MAX));
    }

    /// A speech verb that is a strong cue for a direct quote.
    fn is_strong_cue(lower: &str) -> bool {
        lookup(lower).is(SPEECH_VERB) && !lookup(lower).is(WEAK)
    }

    #[test]
    fn strong_and_weak_cues() {
        assert!(is_strong_cue("said"));
        assert!(is_strong_cue("stressed"));
        assert!(!is_strong_cue("thought"));
        assert!(!is_strong_cue("meeting"));
    }

    #[test]
    fn month_names_as_dates_write_them() {
        assert_eq!(month("March"), Some(3));
        assert_eq!(month("MARCH"), Some(3));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("march"), None);
        assert_eq!(month("OCT"), None);
        assert_eq!(month("Marches"), None);
        assert!(is_month_abbreviation("Oct") && is_month_abbreviation("Sept"));
        assert!(!is_month_abbreviation("May") && !is_month_abbreviation("October"));
        assert!(lookup("sept").is(MONTH | TIME_WORD | ABBREV));
        assert!(!lookup("may").is(ABBREV));
    }

    fn lexicon_files() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon");
        let mut files = vec![root.join("classes.toml")];
        let langs = std::fs::read_dir(&root).map(|d| d.flatten().map(|e| e.path()));
        for lang in langs.into_iter().flatten().filter(|p| p.is_dir()) {
            let words = std::fs::read_dir(&lang).map(|d| d.flatten().map(|e| e.path()));
            files.extend(words.into_iter().flatten());
        }
        files
    }

    #[test]
    fn every_lexicon_file_is_toml_that_says_what_it_holds() {
        let files = lexicon_files();
        assert!(files.len() > 40, "{}", files.len());
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            assert!(
                text.parse::<toml::Table>().is_ok(),
                "{} does not parse",
                f.display()
            );
            assert!(
                text.starts_with("# "),
                "{} opens with what it holds",
                f.display()
            );
            assert!(
                f.extension().is_some_and(|e| e == "toml"),
                "{}",
                f.display()
            );
        }
    }

    #[test]
    fn every_class_has_words() {
        for (name, class) in Class::all().iter_names() {
            assert!(
                WORDS
                    .iter()
                    .any(|w| Class::from_bits_retain(w.1).intersects(class)),
                "class {name} has no word"
            );
        }
    }

    #[test]
    fn no_form_belongs_to_two_speech_verbs_except_spelling_variants() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon/en/speech-verbs.toml");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let table: toml::Table = text.parse().unwrap_or_default();
        let verbs = table.get("verbs").and_then(|v| v.as_str()).unwrap_or("");
        let lines: Vec<Vec<&str>> = verbs
            .lines()
            .map(|l| l.split_whitespace().take(4).collect::<Vec<_>>())
            .filter(|f| f.len() == 4)
            .collect();
        assert!(lines.len() > 150, "{}", lines.len());
        // signaled/signalled, labeled/labelled share "signals" and "signal".
        let variants = |a: &str, b: &str| a.replace("ll", "l") == b.replace("ll", "l");
        let mut owner: std::collections::HashMap<&str, &str> = Default::default();
        for forms in &lines {
            let mut own: Vec<&str> = forms.clone();
            own.dedup();
            for f in own {
                if let Some(past) = owner.insert(f, forms[0]) {
                    assert!(
                        variants(past, forms[0]),
                        "{f:?} is a form of both {past:?} and {:?}",
                        forms[0]
                    );
                }
            }
        }
    }

    /// Prints the whole table (`cargo test --lib dump_lexicon -- --ignored --nocapture`), to
    /// compare two versions of the lists.
    #[test]
    #[ignore]
    fn dump_lexicon() {
        for (w, class, _) in &WORDS {
            let e = lookup(w);
            let names: Vec<&str> = Class::from_bits_retain(*class)
                .iter_names()
                .map(|(n, _)| n)
                .collect();
            println!("{w}\t{}\t{}", names.join(" "), e.extra().unwrap_or(""));
        }
    }
}
