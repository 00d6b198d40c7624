//! Name words as small ids. Mentions and the resolver compare and index the lower-case words of
//! names many times per block; interning each distinct word once (and keeping the table from
//! document to document) saves a `String` per word, per mention and per entity copy.

use rustc_hash::FxHashMap;

/// A lower-case name word ("putin"), interned: equal ids mean equal words.
pub type WordId = u32;

/// The name words of one mention: a range of `NameWords::pool`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordRange {
    start: u32,
    end: u32,
}

impl WordRange {
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// The interned words, and the current block's mention words.
#[derive(Debug, Default)]
pub struct NameWords {
    ids: FxHashMap<Box<str>, WordId>,
    /// Every word's text, one after another; `ends[id]` is where word `id` ends.
    arena: String,
    ends: Vec<u32>,
    /// The document each word was last interned in (`document`): `get` answers only for words of
    /// the current one, so what an earlier document of the batch held never changes the result.
    seen_in: Vec<u32>,
    document: u32,
    /// Scratch for lower-casing a word before looking it up.
    lower: String,
    /// Name words of the current block's mentions, in order; a mention holds a range of it.
    pool: Vec<WordId>,
}

/// Past this many distinct words the table is dropped between documents (ids only need to agree
/// within one document), so a long batch does not grow it without bound.
const MAX_WORDS: usize = 1 << 16;

impl NameWords {
    /// Forgets the previous block's mention words (their ranges are no longer used).
    pub fn start_block(&mut self) {
        self.pool.clear();
    }

    /// Called as a document starts: keeps the table (ids are still valid) unless it has grown
    /// too large, but from now on `get` knows only the words this document interns.
    pub fn start_document(&mut self) {
        self.pool.clear();
        self.document = self.document.wrapping_add(1);
        if self.ends.len() > MAX_WORDS || self.document == 0 {
            self.ids.clear();
            self.arena.clear();
            self.ends.clear();
            self.seen_in.clear();
        }
    }

    /// The id of `word` lower-cased (as `str::to_lowercase` would).
    pub fn intern(&mut self, word: &str) -> WordId {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.push_str(&word.to_lowercase());
        }
        if let Some(&id) = self.ids.get(self.lower.as_str()) {
            self.seen_in[id as usize] = self.document;
            return id;
        }
        let id = self.ends.len() as WordId;
        self.arena.push_str(&self.lower);
        self.ends.push(self.arena.len() as u32);
        self.seen_in.push(self.document);
        self.ids.insert(self.lower.as_str().into(), id);
        id
    }

    /// The id of `word` lower-cased, if this document interned it (no entity has a word that it
    /// did not).
    pub fn get(&self, word: &str) -> Option<WordId> {
        let id = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.ids.get(word).copied()
        } else {
            self.ids.get(word.to_lowercase().as_str()).copied()
        }?;
        (self.seen_in.get(id as usize) == Some(&self.document)).then_some(id)
    }

    /// Starts a mention's word list; words interned with `push` until `end_range` belong to it.
    pub fn begin_range(&self) -> u32 {
        self.pool.len() as u32
    }

    pub fn push(&mut self, word: &str) {
        let id = self.intern(word);
        self.pool.push(id);
    }

    pub fn end_range(&self, start: u32) -> WordRange {
        WordRange {
            start,
            end: self.pool.len() as u32,
        }
    }

    /// The words of a mention.
    pub fn of(&self, r: WordRange) -> &[WordId] {
        self.pool
            .get(r.start as usize..r.end as usize)
            .unwrap_or(&[])
    }

    /// The lower-case text of a word.
    pub fn text(&self, id: WordId) -> &str {
        let i = id as usize;
        let start = if i == 0 {
            Some(&0)
        } else {
            self.ends.get(i - 1)
        };
        match (start, self.ends.get(i)) {
            (Some(&s), Some(&e)) => self.arena.get(s as usize..e as usize).unwrap_or(""),
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_words_share_an_id_whatever_their_case() {
        let mut n = NameWords::default();
        let a = n.intern("Putin");
        assert_eq!(n.intern("PUTIN"), a);
        assert_ne!(n.intern("Lukashenko"), a);
        assert_eq!(n.text(a), "putin");
        let accented = n.intern("Ölund");
        assert_eq!(n.text(accented), "ölund");
    }

    #[test]
    fn a_word_of_an_earlier_document_is_not_known_in_the_next() {
        let mut n = NameWords::default();
        n.intern("Lou");
        assert!(n.get("lou").is_some());
        n.start_document();
        assert_eq!(n.get("Lou"), None, "only this document's names count");
        let id = n.intern("Lou");
        assert_eq!(n.get("LOU"), Some(id));
    }

    #[test]
    fn a_range_holds_the_words_pushed_into_it() {
        let mut n = NameWords::default();
        let start = n.begin_range();
        n.push("Vladimir");
        n.push("Putin");
        let r = n.end_range(start);
        assert_eq!(r.len(), 2);
        let words: Vec<&str> = n.of(r).iter().map(|&w| n.text(w)).collect();
        assert_eq!(words, ["vladimir", "putin"]);
    }
}
