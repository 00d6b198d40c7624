//! Word lists a linguist would write down: speech verbs, titles, role nouns, pronouns, demonyms.
//! One table maps a lower-case word to everything the engine knows about it, so each token costs
//! one lookup.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Bit flags describing a word.
pub type Class = u32;

pub const SPEECH_VERB: Class = 1 << 0; // said, told, stressed …
pub const TITLE: Class = 1 << 1; // President, Dr., Sen. (before a name)
pub const ROLE: Class = 1 << 2; // leader, spokesman, minister (a person by role)
pub const ORG: Class = 1 << 3; // ministry, company, side (an organisation)
pub const GROUP: Class = 1 << 4; // officials, sources, critics (people, plural)
pub const PRONOUN: Class = 1 << 5; // he, she, they
pub const DETERMINER: Class = 1 << 6; // the, a, his, their
pub const FUNCTION: Class = 1 << 7; // common words that are never names when capitalised
pub const DEMONYM: Class = 1 << 8; // Russian, Belarusian, American
pub const HONORIFIC: Class = 1 << 9; // Mr, Ms, Dr (title that is not a descriptor)
pub const AUX: Class = 1 << 10; // has, had, would, also (between subject and verb)
pub const MALE: Class = 1 << 11;
pub const FEMALE: Class = 1 << 12;
pub const ABBREV: Class = 1 << 13; // Mr. U.S. Sept. (a following period does not end a sentence)
pub const SAY_BASE: Class = 1 << 14; // say, says, saying (present forms; weaker in narrative)
pub const PLACE: Class = 1 << 15; // Russia, Belarus, Washington (not a person)
pub const ORG_NAME: Class = 1 << 16; // words that make a proper name an organisation (Post, Ministry)
pub const REPORT_VERB: Class = 1 << 17; // verbs that take a that-clause of reported speech
pub const CONNECTIVE: Class = 1 << 18; // and, but, while (clause boundaries)
pub const FIRST_NAME: Class = 1 << 19; // John, Mary (gender in MALE/FEMALE)
pub const ADDRESS: Class = 1 << 20; // dear, hello (vocative openers inside quotes)
pub const TIME_WORD: Class = 1 << 21; // Monday, March, yesterday (not names)
pub const MEDIA: Class = 1 << 22; // statement, interview, tweet (in a statement)
pub const NOT_NAME: Class = 1 << 23; // the, of, during: never part of a proper name
pub const NOT_MODIFIER: Class = 1 << 24; // words that end a role description leftwards
pub const PREP: Class = 1 << 25; // of, with, to: a mention after one is not a subject
pub const COMMON_VERB: Class = 1 << 26; // held, met, was: a verb after a subject
pub const WEAK: Class = 1 << 27; // thought, smiled: speech verbs that are weak cues
pub const REPORTS_BARE: Class = 1 << 28; // said, stressed: report speech without "that"
pub const CLAUSE_BREAK: Class = 1 << 29; // because, while: a cue's complement stops here
pub const NAMING: Class = 1 << 30; // called, dubbed, titled: what follows is a name or term
pub const TITLE_PREP: Class = 1 << 31; // on, of, in: a Title-Case quote after one names a work

/// Everything known about one lower-case word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub class: Class,
    /// For demonyms: the country ("russian" → "russia"); for role words: the role family.
    pub extra: Option<&'static str>,
    /// The word itself as the table spells it, so descriptors can keep it without allocating.
    pub key: Option<&'static str>,
    /// For an ASCII key: whether the number finder would look for a number in the word (a
    /// digit or a number word among its pieces), so it need not read the words known here.
    pub number: Option<bool>,
}

impl Entry {
    pub fn is(&self, c: Class) -> bool {
        self.class & c != 0
    }
}

/// A small, fast hash for short words (the multiply-rotate scheme of rustc's FxHash): the
/// lexicon is looked up once per token, and SipHash would dominate that cost.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes per multiply: a short word costs one or two rounds.
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0 ^ bytes.len() as u64;
        for c in bytes.chunks(8) {
            h = (h.rotate_left(5) ^ chunk_word(c)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with the fast word hash, for the engine's small keys (words, indices).
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

type Table = FastMap<&'static str, Entry>;

/// The lexicon as looked up per token: a small open-addressing index of `u16` slots over a dense
/// array of entries whose keys live in one contiguous string, so a lookup touches a few cache
/// lines (a `HashMap` of `&str` keys scattered over the heap was the tokenizer's main cost).
struct Compact {
    /// 0 for an empty slot, else a 16-bit tag of the hash (high half) and entry index + 1 (low
    /// half): most probes are settled by the tag without touching an entry.
    slots: Vec<u32>,
    entries: Vec<Entry>,
}

impl Compact {
    fn build(table: &Table) -> Compact {
        let n = table.len().max(1);
        let size = (n * 4).next_power_of_two();
        let mut slots = vec![0u32; size];
        let mut entries = Vec::with_capacity(n);
        for (&k, &e) in table {
            let h = word_hash(k.as_bytes(), 0);
            let mut i = h as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            entries.push(Entry {
                key: Some(k),
                number: k
                    .is_ascii()
                    .then(|| super::numbers::word_holds_number(k, 0, k.len())),
                ..e
            });
            let index = u32::try_from(entries.len()).unwrap_or(u32::MAX) & 0xffff;
            slots[i] = (tag(h) << 16) | index;
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
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot >> 16 == t {
                let e = &self.entries[(slot & 0xffff) as usize - 1];
                if e.key
                    .is_some_and(|k| equal_folded(k.as_bytes(), word, fold))
                {
                    return Some(e);
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
    table().get(lower).and_then(|e| e.key)
}

fn table() -> &'static Compact {
    TABLE.get_or_init(|| Compact::build(&build()))
}

/// Adds every whitespace-separated word of a static list (all lists here are lower case).
fn add(t: &mut Table, words: &'static str, class: Class) {
    for w in words.split_whitespace() {
        t.entry(w).or_default().class |= class;
    }
}

/// Speech verbs: (past, present 3rd person, base, -ing). Past forms are the strongest cues.
const SPEECH_VERBS: &[(&str, &str, &str, &str)] = &[
    ("said", "says", "say", "saying"),
    ("told", "tells", "tell", "telling"),
    ("added", "adds", "add", "adding"),
    // "state"/"states" are left out: far more often nouns ("head of state") than verbs.
    ("stated", "stated", "stated", "stating"),
    ("remarked", "remarks", "remark", "remarking"),
    ("noted", "notes", "note", "noting"),
    ("stressed", "stresses", "stress", "stressing"),
    ("explained", "explains", "explain", "explaining"),
    ("asked", "asks", "ask", "asking"),
    ("replied", "replies", "reply", "replying"),
    ("answered", "answers", "answer", "answering"),
    ("responded", "responds", "respond", "responding"),
    ("wrote", "writes", "write", "writing"),
    ("declared", "declares", "declare", "declaring"),
    ("insisted", "insists", "insist", "insisting"),
    ("argued", "argues", "argue", "arguing"),
    ("claimed", "claims", "claim", "claiming"),
    ("warned", "warns", "warn", "warning"),
    ("announced", "announces", "announce", "announcing"),
    ("continued", "continues", "continue", "continuing"),
    ("concluded", "concludes", "conclude", "concluding"),
    ("observed", "observes", "observe", "observing"),
    ("commented", "comments", "comment", "commenting"),
    ("suggested", "suggests", "suggest", "suggesting"),
    (
        "acknowledged",
        "acknowledges",
        "acknowledge",
        "acknowledging",
    ),
    ("admitted", "admits", "admit", "admitting"),
    ("recalled", "recalls", "recall", "recalling"),
    ("mentioned", "mentions", "mention", "mentioning"),
    ("emphasized", "emphasizes", "emphasize", "emphasizing"),
    ("emphasised", "emphasises", "emphasise", "emphasising"),
    ("tweeted", "tweets", "tweet", "tweeting"),
    ("posted", "posts", "post", "posting"),
    ("shouted", "shouts", "shout", "shouting"),
    ("whispered", "whispers", "whisper", "whispering"),
    ("murmured", "murmurs", "murmur", "murmuring"),
    ("cried", "cries", "cry", "crying"),
    ("exclaimed", "exclaims", "exclaim", "exclaiming"),
    ("muttered", "mutters", "mutter", "muttering"),
    ("joked", "jokes", "joke", "joking"),
    ("quipped", "quips", "quip", "quipping"),
    ("conceded", "concedes", "concede", "conceding"),
    ("confirmed", "confirms", "confirm", "confirming"),
    ("countered", "counters", "counter", "countering"),
    ("complained", "complains", "complain", "complaining"),
    ("predicted", "predicts", "predict", "predicting"),
    ("promised", "promises", "promise", "promising"),
    ("vowed", "vows", "vow", "vowing"),
    ("urged", "urges", "urge", "urging"),
    ("cautioned", "cautions", "caution", "cautioning"),
    ("boasted", "boasts", "boast", "boasting"),
    ("lamented", "laments", "lament", "lamenting"),
    ("reported", "reports", "report", "reporting"),
    ("revealed", "reveals", "reveal", "revealing"),
    ("disclosed", "discloses", "disclose", "disclosing"),
    ("contended", "contends", "contend", "contending"),
    ("maintained", "maintains", "maintain", "maintaining"),
    ("asserted", "asserts", "assert", "asserting"),
    ("affirmed", "affirms", "affirm", "affirming"),
    ("thundered", "thunders", "thunder", "thundering"),
    ("snapped", "snaps", "snap", "snapping"),
    ("retorted", "retorts", "retort", "retorting"),
    ("agreed", "agrees", "agree", "agreeing"),
    ("wondered", "wonders", "wonder", "wondering"),
    ("demanded", "demands", "demand", "demanding"),
    ("pleaded", "pleads", "plead", "pleading"),
    ("proclaimed", "proclaims", "proclaim", "proclaiming"),
    ("recounted", "recounts", "recount", "recounting"),
    ("testified", "testifies", "testify", "testifying"),
    ("texted", "texts", "text", "texting"),
    ("emailed", "emails", "email", "emailing"),
    ("interjected", "interjects", "interject", "interjecting"),
    ("elaborated", "elaborates", "elaborate", "elaborating"),
    ("clarified", "clarifies", "clarify", "clarifying"),
    ("repeated", "repeats", "repeat", "repeating"),
    ("reiterated", "reiterates", "reiterate", "reiterating"),
    ("underlined", "underlines", "underline", "underlining"),
    ("underscored", "underscores", "underscore", "underscoring"),
    ("highlighted", "highlights", "highlight", "highlighting"),
    ("indicated", "indicates", "indicate", "indicating"),
    ("believed", "believes", "believe", "believing"),
    ("thought", "thinks", "think", "thinking"),
    ("felt", "feels", "feel", "feeling"),
    ("hoped", "hopes", "hope", "hoping"),
    ("charged", "charges", "charge", "charging"),
    ("alleged", "alleges", "allege", "alleging"),
    ("accused", "accuses", "accuse", "accusing"),
    ("denied", "denies", "deny", "denying"),
    ("estimated", "estimates", "estimate", "estimating"),
    ("forecast", "forecasts", "forecast", "forecasting"),
    ("projected", "projects", "project", "projecting"),
    ("calculated", "calculates", "calculate", "calculating"),
    ("expected", "expects", "expect", "expecting"),
    ("acknowleged", "acknowleges", "acknowlege", "acknowleging"),
    ("assured", "assures", "assure", "assuring"),
    ("informed", "informs", "inform", "informing"),
    ("advised", "advises", "advise", "advising"),
    ("reminded", "reminds", "remind", "reminding"),
    ("conveyed", "conveys", "convey", "conveying"),
    ("signaled", "signals", "signal", "signaling"),
    ("signalled", "signals", "signal", "signalling"),
    ("hinted", "hints", "hint", "hinting"),
    ("ventured", "ventures", "venture", "venturing"),
    ("surmised", "surmises", "surmise", "surmising"),
    ("speculated", "speculates", "speculate", "speculating"),
    ("reasoned", "reasons", "reason", "reasoning"),
    ("protested", "protests", "protest", "protesting"),
    ("objected", "objects", "object", "objecting"),
    ("yelled", "yells", "yell", "yelling"),
    ("screamed", "screams", "scream", "screaming"),
    ("sighed", "sighs", "sigh", "sighing"),
    ("laughed", "laughs", "laugh", "laughing"),
    ("smiled", "smiles", "smile", "smiling"),
    ("grinned", "grins", "grin", "grinning"),
    ("nodded", "nods", "nod", "nodding"),
    ("growled", "growls", "growl", "growling"),
    ("called", "calls", "call", "calling"),
    ("began", "begins", "begin", "beginning"),
    ("went", "goes", "go", "going"),
    ("spoke", "speaks", "speak", "speaking"),
    ("wrote", "writes", "write", "writing"),
    ("offered", "offers", "offer", "offering"),
    ("pressed", "presses", "press", "pressing"),
    ("prompted", "prompts", "prompt", "prompting"),
    ("queried", "queries", "query", "querying"),
    ("inquired", "inquires", "inquire", "inquiring"),
    ("enquired", "enquires", "enquire", "enquiring"),
    ("begged", "begs", "beg", "begging"),
    ("conceded", "concedes", "concede", "conceding"),
    ("summarized", "summarizes", "summarize", "summarizing"),
    ("summarised", "summarises", "summarise", "summarising"),
    ("described", "describes", "describe", "describing"),
    (
        "characterized",
        "characterizes",
        "characterize",
        "characterizing",
    ),
    ("dismissed", "dismisses", "dismiss", "dismissing"),
    ("criticized", "criticizes", "criticize", "criticizing"),
    ("criticised", "criticises", "criticise", "criticising"),
    ("praised", "praises", "praise", "praising"),
    ("blasted", "blasts", "blast", "blasting"),
    ("slammed", "slams", "slam", "slamming"),
    ("attacked", "attacks", "attack", "attacking"),
    ("mocked", "mocks", "mock", "mocking"),
    ("derided", "derides", "deride", "deriding"),
    ("touted", "touts", "tout", "touting"),
    ("labeled", "labels", "label", "labeling"),
    ("labelled", "labels", "label", "labelling"),
    ("condemned", "condemns", "condemn", "condemning"),
    ("likened", "likens", "liken", "likening"),
    ("compared", "compares", "compare", "comparing"),
    ("hailed", "hails", "hail", "hailing"),
    ("exhorted", "exhorts", "exhort", "exhorting"),
    ("referred", "refers", "refer", "referring"),
    ("cited", "cites", "cite", "citing"),
    ("portrayed", "portrays", "portray", "portraying"),
    ("lauded", "lauds", "laud", "lauding"),
    ("applauded", "applauds", "applaud", "applauding"),
    ("denounced", "denounces", "denounce", "denouncing"),
    ("decried", "decries", "decry", "decrying"),
    ("disputed", "disputes", "dispute", "disputing"),
    ("questioned", "questions", "question", "questioning"),
    ("rejected", "rejects", "reject", "rejecting"),
    ("pledged", "pledges", "pledge", "pledging"),
    ("threatened", "threatens", "threaten", "threatening"),
    ("invited", "invites", "invite", "inviting"),
    ("encouraged", "encourages", "encourage", "encouraging"),
    ("thanked", "thanks", "thank", "thanking"),
    ("welcomed", "welcomes", "welcome", "welcoming"),
    ("defended", "defends", "defend", "defending"),
    ("nicknamed", "nicknames", "nickname", "nicknaming"),
    ("pounded", "pounds", "pound", "pounding"),
    ("ridiculed", "ridicules", "ridicule", "ridiculing"),
    ("scoffed", "scoffs", "scoff", "scoffing"),
    ("chided", "chides", "chide", "chiding"),
    ("scolded", "scolds", "scold", "scolding"),
    ("lambasted", "lambastes", "lambaste", "lambasting"),
    ("chanted", "chants", "chant", "chanting"),
    ("sang", "sings", "sing", "singing"),
    ("read", "reads", "read", "reading"),
    ("recommended", "recommends", "recommend", "recommending"),
    ("advocated", "advocates", "advocate", "advocating"),
    ("proposed", "proposes", "propose", "proposing"),
    ("ordered", "orders", "order", "ordering"),
    ("instructed", "instructs", "instruct", "instructing"),
    ("branded", "brands", "brand", "branding"),
    ("dubbed", "dubs", "dub", "dubbing"),
    ("termed", "terms", "term", "terming"),
];

/// Verbs among the speech verbs that mainly introduce reported speech or a characterisation,
/// and are weak as a direct-quote cue on their own.
pub const WEAK_CUES: &[&str] = &[
    "believed",
    "believes",
    "believe",
    "thought",
    "thinks",
    "think",
    "felt",
    "feels",
    "feel",
    "hoped",
    "hopes",
    "hope",
    "expected",
    "expects",
    "expect",
    "smiled",
    "smiles",
    "grinned",
    "grins",
    "nodded",
    "nods",
    "laughed",
    "laughs",
    "sighed",
    "sighs",
    "began",
    "begins",
    "went",
    "goes",
    "called",
    "calls",
    "described",
    "describes",
    "characterized",
    "characterizes",
    "dismissed",
    "dismisses",
    "criticized",
    "criticizes",
    "criticised",
    "criticises",
    "praised",
    "praises",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "attacked",
    "attacks",
    "mocked",
    "mocks",
    "derided",
    "derides",
    "touted",
    "touts",
    "labeled",
    "labelled",
    "labels",
    "branded",
    "brands",
    "dubbed",
    "dubs",
    "termed",
    "terms",
    "spoke",
    "speaks",
    "estimated",
    "estimates",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "calculated",
    "calculates",
    "posted",
    "posts",
    "offered",
    "offers",
    "pressed",
    "presses",
    "state",
    "states",
    "note",
    "notes",
    "post",
    "text",
    "texts",
    "report",
    "reports",
    "object",
    "objects",
    "project",
    "reason",
    "reasons",
    "signal",
    "signals",
    "comment",
    "comments",
    "claim",
    "claims",
    "counter",
    "counters",
    "promise",
    "promises",
    "charge",
    "charges",
    "demand",
    "demands",
    "answer",
    "answers",
    "reply",
    "replies",
    "warning",
    "protest",
    "protests",
    "highlight",
    "highlights",
    "tweet",
    "tweets",
    "email",
    "emails",
    "query",
    "queries",
    "joke",
    "jokes",
    "vow",
    "vows",
    "stress",
    "caution",
    "label",
    "brand",
    "term",
    "call",
    "speaking",
    "feeling",
    "thinking",
    "going",
    "beginning",
    "calling",
    "writing",
    "reporting",
    "posting",
    "meaning",
    "offering",
    "saying",
    "telling",
    "asking",
    "adding",
    "noting",
    "stating",
    "condemned",
    "condemns",
    "likened",
    "likens",
    "compared",
    "compares",
    "hailed",
    "hails",
    "exhorted",
    "referred",
    "refers",
    "cited",
    "cites",
    "portrayed",
    "portrays",
    "lauded",
    "applauded",
    "denounced",
    "decried",
    "disputed",
    "questioned",
    "questions",
    "rejected",
    "rejects",
    "pledged",
    "threatened",
    "invited",
    "invites",
    "encouraged",
    "thanked",
    "thanks",
    "thank",
    "welcomed",
    "welcomes",
    "welcome",
    "defended",
    "defends",
    "nicknamed",
    "pounded",
    "pounds",
    "pound",
    "ridiculed",
    "scoffed",
    "chided",
    "scolded",
    "lambasted",
    "chanted",
    "sang",
    "sings",
    "read",
    "reads",
    "recommended",
    "advocated",
    "advocates",
    "proposed",
    "ordered",
    "orders",
    "order",
    "instructed",
    "question",
    "dispute",
    "reject",
    "defend",
    "cite",
    "refer",
    "compare",
    "invite",
];

const TITLES: &str = "president vice-president vp senator sen sen. representative rep rep. \
    congressman congresswoman governor gov gov. mayor minister premier chancellor secretary \
    ambassador judge justice general gen gen. colonel col col. lieutenant lt lt. captain capt \
    capt. sergeant sgt sgt. admiral adm adm. commander cmdr major maj maj. officer detective \
    chief director chairman chairwoman chair ceo cfo coo cto founder professor prof prof. \
    king queen prince princess emperor sheikh emir pope cardinal bishop archbishop rabbi imam \
    reverend rev rev. father sister brother pastor speaker leader lord lady dame sir baron \
    chairperson commissioner superintendent attorney sheriff inspector coach manager \
    spokesman spokeswoman spokesperson presidential-candidate candidate nominee deputy \
    sec. atty atty. supt supt. insp insp. det det. pres pres. gov't prime vice acting former \
    ex- interim incumbent outgoing elect";

const HONORIFICS: &str = "mr mr. mrs mrs. ms ms. miss dr dr. mx mx. messrs messrs. mme mme. \
    mlle herr frau monsieur madame señor senor señora don doña";

/// Nouns naming a person by role; used in descriptions ("the head of state", "the mayor").
const ROLES: &str = "president leader head minister premier chancellor secretary ambassador \
    governor mayor senator congressman congresswoman representative lawmaker legislator \
    official spokesman spokeswoman spokesperson representative chief director chairman \
    chairwoman chair executive ceo founder professor researcher scientist expert analyst \
    economist strategist adviser advisor aide counselor consultant lawyer attorney prosecutor \
    judge justice officer detective inspector sheriff commander general colonel captain \
    lieutenant sergeant soldier pilot doctor physician nurse surgeon teacher student \
    principal coach manager player owner chairperson commissioner superintendent diplomat \
    envoy negotiator candidate nominee contender challenger incumbent rival opponent \
    counterpart colleague partner friend neighbor neighbour resident witness victim survivor \
    father mother son daughter brother sister husband wife widow uncle aunt cousin \
    grandmother grandfather man woman boy girl person author writer journalist reporter \
    editor columnist commentator host anchor correspondent historian author king queen \
    prince princess monarch emperor pope bishop priest pastor rabbi imam cleric activist \
    organizer organiser campaigner protester demonstrator voter supporter critic member \
    worker employee employer boss founder entrepreneur investor banker trader broker \
    treasurer accountant economist engineer architect designer artist actor actress singer \
    musician director producer star athlete striker midfielder defender goalkeeper \
    quarterback pitcher batsman bowler captain skipper referee umpire fan owner farmer \
    driver officer agent operative operator strategist pollster surrogate staffer \
    speechwriter deputy vice-president veep mogul billionaire businessman businesswoman \
    tycoon magnate heir socialite celebrity entertainer comedian presenter host \
    statesman stateswoman politician democrat republican conservative liberal \
    progressive moderate independent libertarian socialist nationalist populist \
    source insider participant attendee delegate observer monitor investigator auditor \
    regulator administrator secretary-general director-general commissioner-general \
    ombudsman mediator arbitrator plaintiff defendant suspect accused prisoner detainee \
    inmate guard warden lawman ranger firefighter paramedic medic veteran marine \
    sailor airman commando guerrilla militant rebel fighter insurgent gunman attacker \
    assailant hostage kidnapper captor negotiator chef waiter patient client customer \
    consumer shopper tenant landlord homeowner parent child kid teenager youngster \
    graduate pupil scholar academic lecturer dean provost rector chancellor trustee lady \
    gentleman questioner caller moderator panelist commentator blogger narrator \
    announcer voiceover \
    governor-general lieutenant-governor premier-elect president-elect nominee-designate";

/// Nouns naming an organisation or side that can speak ("the ministry said").
const ORGS: &str = "ministry department government administration agency office bureau \
    service committee commission council authority authorities board company firm \
    corporation group bank campaign party side team club league union association \
    federation organization organisation institute institution university college school \
    hospital court tribunal parliament congress senate assembly cabinet kremlin embassy \
    consulate mission delegation police military army navy force forces command \
    regime state statement newspaper paper magazine network channel station broadcaster \
    website outlet publication study report survey poll foundation charity coalition \
    alliance bloc movement network center centre lab laboratory think-tank startup \
    retailer maker manufacturer producer operator carrier airline insurer lender \
    regulator watchdog exchange fund trust society church diocese federation squad \
    prosecution defence defense house palace clip ad video letter study brief memo document \
    article complaint lawsuit filing indictment ruling bylaws website message email book \
    editorial analysis review release announcement family household estate";

/// Plural nouns for groups of people ("officials said", "sources told").
const GROUPS: &str = "officials sources experts analysts critics supporters opponents \
    residents witnesses observers investigators prosecutors lawmakers legislators senators \
    democrats republicans conservatives liberals economists scientists researchers doctors \
    teachers students workers employees executives leaders ministers diplomats officers \
    police authorities aides advisers advisors people voters activists protesters \
    demonstrators campaigners organizers organisers members parents families relatives \
    neighbors neighbours friends colleagues insiders participants delegates negotiators \
    authors organizers spokesmen spokespeople representatives agencies militants rebels \
    fighters soldiers troops americans europeans citizens others \
    observers pollsters strategists surrogates staffers \
    economists traders investors bankers brokers consumers shoppers customers clients \
    farmers players fans coaches judges lawyers attorneys regulators prosecutors \
    authorities";

const PRONOUNS_MALE: &str = "he him his himself";
const PRONOUNS_FEMALE: &str = "she her hers herself";
const PRONOUNS_OTHER: &str =
    "they them their theirs themselves it its itself i me my we us our you";

const DETERMINERS: &str = "the a an his her its their our my your this that these those \
    one two three four five six seven eight nine ten some many several both all another \
    each every any no other such";

/// Words that are never names when capitalised at the start of a sentence (and many that are
/// never names at all).
const FUNCTION_WORDS: &str = "the a an and or but nor so yet for of in on at by to from with lest thence whence \
    without within into onto upon over under about above below after before during since \
    until till while when whenever where wherever why how what which who whom whose that this \
    these those there here then than as if unless though although because whether either \
    neither both all any each every some many much more most few less least several such no \
    not only just also even still again already always never often sometimes usually \
    perhaps maybe indeed however moreover furthermore meanwhile nevertheless nonetheless \
    therefore thus hence instead otherwise besides likewise similarly accordingly finally \
    first second third last next now today tomorrow yesterday tonight later earlier soon \
    once twice well yes no oh ah please thank thanks i we you he she it they me us him her \
    them my our your his its their mine ours yours hers theirs myself ourselves yourself \
    himself herself itself themselves is are was were be been being am do does did done \
    have has had having will would shall should can could may might must ought let lets \
    one two three four five six seven eight nine ten hundreds thousands millions \
    according despite except like unlike near across along around through throughout \
    toward towards against among amongst between beyond via per regarding concerning \
    whatever whoever whichever wherever however every everyone everybody everything \
    someone somebody something anyone anybody anything nobody nothing none other others \
    another own same different new old big small good bad great best worst better worse \
    high low long short early late right left full half whole entire certain sure true \
    false real really very quite rather too enough almost nearly about around approximately \
    roughly just exactly only simply clearly obviously apparently reportedly allegedly \
    speaking continuing asked asking given giving taking making following including \
    regardless notwithstanding amid amidst say said says tell told according dear \
    yesterday mr mrs ms dr sir madam ladies gentlemen everyone folks guys";

const AUXILIARIES: &str = "has have had is was were be been will would could should may \
    might must can did does do also later then once again further earlier recently \
    previously initially subsequently repeatedly frequently often always never reportedly \
    allegedly reportedly publicly privately separately simply flatly quickly firmly \
    bluntly angrily calmly quietly softly loudly simply proudly openly frankly candidly \
    jokingly reportedly still only just already too even has'nt hasn't hadn't didn't \
    wouldn't couldn't won't doesn't don't not n't";

const CONNECTIVES: &str = "and but or while whereas although though because since as when \
    after before if unless until so yet which who that where";

const ABBREVIATIONS: &str = "mr mrs ms dr prof sen rep gov gen lt col sgt capt adm cmdr maj \
    st jr sr inc corp ltd co vs etc al approx dept est fig no nos mt ft rev fr hon pres supt \
    insp det atty jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur \
    thurs fri sat sun u.s u.k u.n e.u d.c a.m p.m i.e e.g ph.d b.a m.a n.y l.a messrs mme \
    mlle univ assn bros op cf ca c no. vol pp ed eds repr govt";

const ADDRESS_WORDS: &str = "dear hello hi hey good morning afternoon evening thank thanks \
    welcome congratulations listen look";

const TIME_WORDS: &str = "monday tuesday wednesday thursday friday saturday sunday january \
    february march april may june july august september october november december jan feb \
    mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight morning \
    afternoon evening night week month year weekend christmas easter";

const MEDIA_WORDS: &str = "statement interview tweet post release letter speech address \
    briefing conference call email memo note op-ed column blog video message remarks \
    testimony hearing podcast broadcast appearance filing report";

/// Verbs that take a that-clause of reported speech, beyond the speech verbs.
const REPORT_VERBS: &str = "pointed believe believes believed think thinks thought say says \
    said told tells argue argues argued claim claims claimed insist insists insisted warn \
    warns warned note notes noted stress stresses stressed explain explains explained \
    suggest suggests suggested add adds added state states stated announce announces \
    announced acknowledge acknowledges acknowledged admit admits admitted confirm confirms \
    confirmed deny denies denied report reports reported reveal reveals revealed predict \
    predicts predicted promise promises promised assure assures assured mention mentions \
    mentioned emphasize emphasizes emphasized emphasise emphasises emphasised remark \
    remarks remarked recall recalls recalled indicate indicates indicated estimate \
    estimates estimated allege alleges alleged agree agrees agreed contend contends \
    contended maintain maintains maintained assert asserts asserted declare declares \
    declared concede concedes conceded complain complains complained hope hopes hoped \
    fear fears feared expect expects expected know knows knew feel feels felt learned \
    learnt learns heard hears write writes wrote reiterate reiterates reiterated underline \
    underlines underlined underscore underscores underscored signal signals signaled \
    signalled hint hints hinted observe observes observed conclude concludes concluded \
    recommend recommends recommended urge urges urged accuse accuses accused charge \
    charges charged testify testifies testified tweet tweets tweeted post posts posted \
    showed shows show found finds find suggest determine determined ruled rules rule \
    acknowledged informed inform informs reminded remind reminds worried worry worries";

/// Common first names with their usual gender, to resolve "he" and "she". Only names frequent
/// in English-language news; unknown names stay neutral.
const MALE_NAMES: &str = "aaron adam adrian ahmed alan albert alberto aleksandr alexander \
    alexandr alexei alexey ali andre andrei andrew andy anthony antonio arnold arthur barack \
    ben benjamin bernie bill billy bob boris brad bradley brandon brian bruce bryan carl \
    carlos charles charlie chris christian christopher chuck cory craig dan daniel darren \
    dave david dennis dick dmitry dmitri don donald doug douglas duncan dwight ed eddie \
    edward emmanuel eric erik evan francis frank fred frederick gary gavin george gerald \
    gordon greg gregory hank harold harry henry howard hugh ian igor isaac ivan jack jacob \
    jake james jamie jared jason jay jeb jeff jeffrey jeremy jerry jim jimmy joe joel john \
    johnny jon jonathan jordan jorge jose joseph josh joshua juan justin keith ken kenneth \
    kevin kim kyle larry lee leonard lindsey lou louis luis luke marco marcus mario mark \
    martin matt matthew max michael mike mitch mitt mohammed muhammad narendra nathan neil \
    nicholas nick nicolas nikolai noah oleg oliver omar pat patrick paul pete peter phil \
    philip pierre rahm ralph ramon rand randy ray raymond reince rex richard rick robert \
    robin rod roger ron ronald rudy rudolph russell ryan sam samuel scott sean sebastian \
    sergei sergey seth stephen steve steven stuart ted terry thomas tim timothy todd tom \
    tony travis trey vladimir viktor victor vince vincent volodymyr walter wayne wesley \
    will william xi yuri zach zachary recep jens olaf emmanuel justin shinzo hassan \
    benjamin bashar abdel hosni moammar muammar kofi ban antonio jean-claude angela \
    alexis nigel jeremy keir rishi jeremy tommaso mikhail leonid anatoly sergei vladislav \
    kirill grigory grigori nikita pavel yevgeny evgeny vitaly viktor";

const FEMALE_NAMES: &str = "abigail alexandra alice alicia alison amanda amy andrea angela \
    ann anna anne annie ashley barbara betsy betty beth beverly brenda caitlin carla carly \
    carol caroline carolyn catherine cathy charlotte cheryl chelsea christina christine \
    claire clara condoleezza connie cynthia dana daniela deborah debbie debra denise diana \
    diane donna doris dorothy elaine eleanor elena elin elizabeth ellen elsa emily emma erin \
    eva evelyn frances gabriela gina gloria grace hannah heather heidi helen hillary holly \
    huma ivanka jackie jacqueline jane janet janice jean jennifer jenny jessica jill joan \
    joanne jodi joy joyce judith judy julia julie karen kate katherine kathleen kathryn \
    kathy katie kayleigh kellyanne kelly kim kimberly kirsten kristen laura lauren linda \
    lisa liz lori louise lucy lynn margaret maria marie marilyn marine martha mary megan \
    melania melissa michelle michele monica nancy natalie natalia nicola nicole nikki nina \
    olga pamela patricia paula peggy rachel rebecca rita rosa rose ruth sally samantha \
    sandra sara sarah sharon shirley sophie stephanie sue susan suzanne svetlana tammy \
    teresa theresa tiffany tina tulsi valerie vanessa victoria virginia wendy yulia \
    yelena ekaterina tatiana tatyana irina lyudmila marina nadezhda oksana ursula \
    theresa jacinda kamala nancy greta malala priti liz ruth sonia indira benazir \
    golda aung sanna kaja christine ngozi okonjo";

/// Demonyms and their countries; a demonym before a title describes the person ("Russian
/// President") and "the Russian side" names a party.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("albanian", "albania"),
    ("algerian", "algeria"),
    ("american", "united states"),
    ("angolan", "angola"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("armenian", "armenia"),
    ("australian", "australia"),
    ("austrian", "austria"),
    ("azerbaijani", "azerbaijan"),
    ("bahraini", "bahrain"),
    ("bangladeshi", "bangladesh"),
    ("belarusian", "belarus"),
    ("belarussian", "belarus"),
    ("belgian", "belgium"),
    ("bolivian", "bolivia"),
    ("bosnian", "bosnia"),
    ("brazilian", "brazil"),
    ("british", "united kingdom"),
    ("bulgarian", "bulgaria"),
    ("burmese", "myanmar"),
    ("cambodian", "cambodia"),
    ("cameroonian", "cameroon"),
    ("canadian", "canada"),
    ("chilean", "chile"),
    ("chinese", "china"),
    ("colombian", "colombia"),
    ("congolese", "congo"),
    ("croatian", "croatia"),
    ("cuban", "cuba"),
    ("cypriot", "cyprus"),
    ("czech", "czech republic"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("ecuadorian", "ecuador"),
    ("egyptian", "egypt"),
    ("emirati", "united arab emirates"),
    ("english", "england"),
    ("eritrean", "eritrea"),
    ("estonian", "estonia"),
    ("ethiopian", "ethiopia"),
    ("european", "europe"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("georgian", "georgia"),
    ("german", "germany"),
    ("ghanaian", "ghana"),
    ("greek", "greece"),
    ("guatemalan", "guatemala"),
    ("haitian", "haiti"),
    ("honduran", "honduras"),
    ("hungarian", "hungary"),
    ("icelandic", "iceland"),
    ("indian", "india"),
    ("indonesian", "indonesia"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("irish", "ireland"),
    ("israeli", "israel"),
    ("italian", "italy"),
    ("ivorian", "ivory coast"),
    ("jamaican", "jamaica"),
    ("japanese", "japan"),
    ("jordanian", "jordan"),
    ("kazakh", "kazakhstan"),
    ("kenyan", "kenya"),
    ("korean", "korea"),
    ("kosovar", "kosovo"),
    ("kuwaiti", "kuwait"),
    ("kyrgyz", "kyrgyzstan"),
    ("latvian", "latvia"),
    ("lebanese", "lebanon"),
    ("liberian", "liberia"),
    ("libyan", "libya"),
    ("lithuanian", "lithuania"),
    ("luxembourgish", "luxembourg"),
    ("macedonian", "macedonia"),
    ("malaysian", "malaysia"),
    ("malian", "mali"),
    ("maltese", "malta"),
    ("mexican", "mexico"),
    ("moldovan", "moldova"),
    ("mongolian", "mongolia"),
    ("montenegrin", "montenegro"),
    ("moroccan", "morocco"),
    ("mozambican", "mozambique"),
    ("namibian", "namibia"),
    ("nepalese", "nepal"),
    ("nepali", "nepal"),
    ("nigerian", "nigeria"),
    ("norwegian", "norway"),
    ("omani", "oman"),
    ("pakistani", "pakistan"),
    ("palestinian", "palestine"),
    ("panamanian", "panama"),
    ("paraguayan", "paraguay"),
    ("peruvian", "peru"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("qatari", "qatar"),
    ("romanian", "romania"),
    ("russian", "russia"),
    ("rwandan", "rwanda"),
    ("saudi", "saudi arabia"),
    ("scottish", "scotland"),
    ("senegalese", "senegal"),
    ("serbian", "serbia"),
    ("singaporean", "singapore"),
    ("slovak", "slovakia"),
    ("slovenian", "slovenia"),
    ("somali", "somalia"),
    ("african", "africa"),
    ("spanish", "spain"),
    ("sri lankan", "sri lanka"),
    ("sudanese", "sudan"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("syrian", "syria"),
    ("taiwanese", "taiwan"),
    ("tajik", "tajikistan"),
    ("tanzanian", "tanzania"),
    ("thai", "thailand"),
    ("tunisian", "tunisia"),
    ("turkish", "turkey"),
    ("turkmen", "turkmenistan"),
    ("ugandan", "uganda"),
    ("ukrainian", "ukraine"),
    ("uruguayan", "uruguay"),
    ("uzbek", "uzbekistan"),
    ("venezuelan", "venezuela"),
    ("vietnamese", "vietnam"),
    ("welsh", "wales"),
    ("yemeni", "yemen"),
    ("zambian", "zambia"),
    ("zimbabwean", "zimbabwe"),
    ("soviet", "soviet union"),
    ("u.s.", "united states"),
    ("us", "united states"),
    ("uk", "united kingdom"),
    ("eu", "european union"),
    ("republican", "republican party"),
    ("democratic", "democratic party"),
];

/// Places that are never speakers by themselves (they speak only through "the X side").
const PLACES: &str = "russia belarus ukraine america usa china india japan germany france \
    britain england scotland wales ireland italy spain canada mexico brazil iran iraq \
    israel syria turkey egypt poland sweden norway finland denmark europe asia africa \
    moscow washington london paris berlin beijing kyiv kiev minsk tokyo volgograd \
    brussels geneva rome madrid ottawa canberra delhi seoul pyongyang tehran baghdad \
    damascus cairo ankara warsaw vienna prague budapest stockholm oslo helsinki \
    copenhagen amsterdam dublin edinburgh lisbon athens jerusalem gaza beirut kabul \
    islamabad new york california texas florida ohio pennsylvania michigan wisconsin \
    virginia carolina georgia arizona nevada colorado iowa hampshire chicago boston \
    philadelphia atlanta miami denver seattle houston dallas detroit cleveland \
    west east north south midwest kremlin";

/// Words that make a capitalised name an organisation ("The New York Post", "Foreign Ministry").
const ORG_NAME_WORDS: &str = "post times journal news press herald tribune gazette \
    guardian telegraph independent observer economist reuters associated bloomberg cnn \
    bbc nbc cbs abc fox msnbc npr pbs politico breitbart axios ministry department agency \
    office bureau service committee commission council authority board company corp \
    corporation inc ltd llc group bank party campaign union association federation \
    organization organisation institute university college school hospital court \
    parliament congress senate assembly cabinet kremlin embassy police army navy \
    foundation fund trust society church league club team network channel magazine \
    times-picayune review daily weekly center centre coalition alliance movement \
    administration government house pentagon fbi cia nsa nato un who imf opec \
    commission reserve";

fn build() -> Table {
    let mut t = Table::with_capacity_and_hasher(8192, Default::default());
    for &(past, third, base, ing) in SPEECH_VERBS {
        add(&mut t, past, SPEECH_VERB);
        add(&mut t, third, SPEECH_VERB);
        // A base form that is also the past ("stated" for the noun-like "state") is not bare.
        add(
            &mut t,
            base,
            if base == past {
                SPEECH_VERB
            } else {
                SPEECH_VERB | SAY_BASE
            },
        );
        add(&mut t, ing, SPEECH_VERB);
    }
    add(&mut t, TITLES, TITLE);
    add(&mut t, HONORIFICS, HONORIFIC | TITLE | ABBREV);
    add(&mut t, ROLES, ROLE);
    add(&mut t, ORGS, ORG);
    add(&mut t, GROUPS, GROUP);
    add(&mut t, PRONOUNS_MALE, PRONOUN | MALE);
    add(&mut t, PRONOUNS_FEMALE, PRONOUN | FEMALE);
    add(&mut t, PRONOUNS_OTHER, PRONOUN);
    add(&mut t, DETERMINERS, DETERMINER);
    add(&mut t, FUNCTION_WORDS, FUNCTION);
    add(&mut t, AUXILIARIES, AUX);
    add(&mut t, CONNECTIVES, CONNECTIVE);
    add(&mut t, ABBREVIATIONS, ABBREV);
    add(&mut t, ADDRESS_WORDS, ADDRESS);
    add(&mut t, TIME_WORDS, TIME_WORD);
    add(&mut t, MEDIA_WORDS, MEDIA);
    add(&mut t, REPORT_VERBS, REPORT_VERB);
    add(&mut t, MALE_NAMES, FIRST_NAME | MALE);
    add(&mut t, FEMALE_NAMES, FIRST_NAME | FEMALE);
    add(&mut t, PLACES, PLACE);
    add(&mut t, ORG_NAME_WORDS, ORG_NAME);
    for (list, class) in [
        (NOT_IN_NAMES, NOT_NAME | NOT_MODIFIER),
        (ADVERBS_AND_VERBS, NOT_MODIFIER),
        (PREPOSITIONS, PREP),
        (COMMON_VERBS, COMMON_VERB),
        (WEAK_CUES, WEAK),
        (REPORTING_WITHOUT_THAT, REPORTS_BARE),
        (CLAUSE_BREAKS, CLAUSE_BREAK),
        (NAMING_WORDS, NAMING),
        (PREPOSITIONS_BEFORE_TITLES, TITLE_PREP),
    ] {
        for &w in list {
            t.entry(w).or_default().class |= class;
        }
    }
    for &(demonym, country) in DEMONYMS {
        let e = t.entry(demonym).or_default();
        e.class |= DEMONYM;
        e.extra = Some(country);
    }
    // Plurals of role and organisation nouns: "groups", "ministries", "spokesmen".
    let singulars: Vec<(&'static str, Entry)> = t
        .iter()
        .filter(|(_, e)| e.is(ROLE | ORG))
        .map(|(k, e)| (*k, *e))
        .collect();
    for (word, e) in singulars {
        let plural = if let Some(stem) = word.strip_suffix("man") {
            format!("{stem}men")
        } else if let Some(stem) = word
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
        {
            format!("{stem}ies")
        } else if word.ends_with(['s', 'x']) || word.ends_with("ch") || word.ends_with("sh") {
            format!("{word}es")
        } else {
            format!("{word}s")
        };
        // Built once per process: the plural forms live as long as the table.
        let plural: &'static str = Box::leak(plural.into_boxed_str());
        let p = t.entry(plural).or_default();
        if p.class & (ROLE | ORG) == 0 {
            p.class |= (e.class & (ROLE | ORG)) | GROUP;
            p.extra = p.extra.or(e.extra);
        }
    }
    // Role families: words that can stand for one another in descriptions.
    for &(word, family) in ROLE_FAMILIES {
        t.entry(word).or_default().extra.get_or_insert(family);
    }
    for (k, e) in t.iter_mut() {
        e.key = Some(k);
    }
    t
}

/// Prepositions after which a Title-Case quotation names a work or event: on “Morning Joe”.
pub const PREPOSITIONS_BEFORE_TITLES: &[&str] = &[
    "on", "of", "in", "at", "from", "for", "during", "about", "to", "with", "into",
];

/// Words that introduce a name or a term rather than speech.
pub const NAMING_WORDS: &[&str] = &[
    "called",
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "word",
    "words",
    "term",
    "phrase",
    "slogan",
    "hashtag",
    "motto",
    "headline",
    "banner",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "show",
    "series",
    "programme",
    "program",
    "play",
    "novel",
    "poem",
    "column",
    "article",
    "essay",
    "documentary",
    "operation",
    "campaign",
    "project",
    "initiative",
    "plan",
    "known",
    "billed",
    "marked",
    "read",
    "reads",
    "reading",
    "stamped",
    "emblazoned",
    "sign",
    "signs",
    "chanted",
    "chanting",
    "chant",
    "chants",
    "tagline",
    "nickname",
    "brand",
];

/// Words that open a clause or adjunct that a cue verb's complement does not run through.
pub const CLAUSE_BREAKS: &[&str] = &[
    "because", "although", "though", "while", "whereas", "but", "for", "since", "after", "before",
    "unless", "if", "when", "where", "by",
];

/// Verbs that report speech even without "that": "he said everything is fine", "he mentioned a
/// high turnout". Others ("recalled", "repeated", "maintain") need "that" to report a claim.
pub const REPORTING_WITHOUT_THAT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "mentioned",
    "mentions",
    "explained",
    "explains",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "announced",
    "announces",
    "acknowledged",
    "admitted",
    "emphasized",
    "emphasised",
    "emphasizes",
    "declared",
    "predicted",
    "predicts",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "pointed",
    "wrote",
    "writes",
    "tweeted",
    "suggested",
    "suggests",
    "contended",
    "asserted",
    "alleged",
    "complained",
    "conceded",
    "estimated",
    "reiterated",
    "underlined",
    "underscored",
];

/// Function words that are not in NOT_IN_NAMES but cannot modify a role noun.
pub const ADVERBS_AND_VERBS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "said", "says", "very", "so",
    "too", "also", "just", "only", "even", "still", "well", "here", "there", "now", "then",
];

/// Words that never begin a proper name even when capitalised.
pub const NOT_IN_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "until",
    "because",
    "although",
    "though",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "yes",
    "no",
    "not",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "according",
    "dear",
    "mr",
    "meanwhile",
    "however",
    "also",
    "still",
    "but",
    "so",
    "yet",
    "thus",
];

/// Common irregular past tenses and other verbs that follow a subject.
pub const COMMON_VERBS: &[&str] = &[
    "held",
    "met",
    "made",
    "took",
    "gave",
    "got",
    "went",
    "came",
    "saw",
    "knew",
    "left",
    "found",
    "kept",
    "began",
    "brought",
    "bought",
    "spoke",
    "wrote",
    "ran",
    "won",
    "lost",
    "led",
    "paid",
    "sent",
    "set",
    "put",
    "stood",
    "sat",
    "heard",
    "meant",
    "hit",
    "cut",
    "let",
    "read",
    "drew",
    "threw",
    "grew",
    "showed",
    "became",
    "rose",
    "fell",
    "chose",
    "drove",
    "broke",
    "spent",
    "built",
    "fought",
    "sought",
    "taught",
    "caught",
    "struck",
    "forgot",
    "understood",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "also",
    "then",
    "later",
    "once",
    "again",
    "recently",
    "previously",
    "never",
    "always",
    "still",
    "often",
    "even",
    "just",
    "already",
    "who",
    "himself",
    "herself",
];

pub const PREPOSITIONS: &[&str] = &[
    "of",
    "with",
    "to",
    "for",
    "by",
    "from",
    "on",
    "about",
    "at",
    "in",
    "into",
    "against",
    "than",
    "between",
    "among",
    "toward",
    "towards",
    "under",
    "over",
    "behind",
    "like",
    "without",
    "including",
    "invited",
    "thanked",
    "congratulated",
    "met",
    "and",
];

/// Role nouns grouped into families, so "the head of state" and "the leader" can pick a person
/// introduced as "President". A description matches a person whose descriptors share the family.
pub const ROLE_FAMILIES: &[(&str, &str)] = &[
    ("president", "head"),
    ("leader", "head"),
    ("head", "head"),
    ("premier", "head"),
    ("chancellor", "head"),
    ("king", "head"),
    ("queen", "head"),
    ("monarch", "head"),
    ("emperor", "head"),
    ("emir", "head"),
    ("sheikh", "head"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chairperson", "chair"),
    ("chair", "chair"),
    ("ceo", "executive"),
    ("executive", "executive"),
    ("boss", "executive"),
    ("founder", "executive"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("senator", "senator"),
    ("sen", "senator"),
    ("sen.", "senator"),
    ("lawmaker", "legislator"),
    ("legislator", "legislator"),
    ("congressman", "legislator"),
    ("congresswoman", "legislator"),
    ("representative", "legislator"),
    ("rep", "legislator"),
    ("rep.", "legislator"),
    ("gov", "governor"),
    ("gov.", "governor"),
    ("governor", "governor"),
    ("candidate", "candidate"),
    ("nominee", "candidate"),
    ("contender", "candidate"),
    ("challenger", "candidate"),
    ("counterpart", "peer"),
    ("colleague", "peer"),
    ("dr", "doctor"),
    ("dr.", "doctor"),
    ("doctor", "doctor"),
    ("physician", "doctor"),
    ("prof", "professor"),
    ("prof.", "professor"),
    ("professor", "professor"),
];

/// True when the word is a speech verb that is a strong cue for a direct quote.
pub fn is_strong_cue(lower: &str) -> bool {
    lookup(lower).is(SPEECH_VERB) && !lookup(lower).is(WEAK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_their_classes() {
        assert!(lookup("said").is(SPEECH_VERB));
        assert!(lookup("president").is(TITLE));
        assert!(lookup("president").is(ROLE));
        assert!(lookup("he").is(PRONOUN | MALE));
        assert!(lookup("she").is(FEMALE));
        assert_eq!(lookup("russian").extra, Some("russia"));
        assert!(lookup("mr.").is(HONORIFIC));
        assert!(!lookup("lukashenko").is(FUNCTION));
        assert_eq!(lookup("leader").extra, Some("head"));
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
        let longest = build().keys().map(|k| k.len()).max().unwrap_or(0);
        assert!(longest <= LONGEST_WORD, "{longest}");
    }

    #[test]
    fn strong_and_weak_cues() {
        assert!(is_strong_cue("said"));
        assert!(is_strong_cue("stressed"));
        assert!(!is_strong_cue("thought"));
        assert!(!is_strong_cue("meeting"));
    }
}
