//! The features of one (quote, candidate speaker) pair: what the text around the quote says
//! for or against the candidate. Each is cheap and local; their weights are learned
//! (`ranker`). Names are the vocabulary of `assets/model/speaker.json`.

/// Declares the feature indices and their names together, so the two cannot drift apart.
macro_rules! features {
    ($($id:ident = $name:literal,)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(usize)]
        pub enum F { $($id,)* }
        /// Feature names, in index order.
        pub const NAMES: &[&str] = &[$($name,)*];
        /// The number of features.
        pub const COUNT: usize = NAMES.len();
    };
}

features! {
    // What the quote's own attribution (cue and mention) says.
    LocalNameSame = "local.name.same",
    LocalRoleSame = "local.role.same",
    LocalPronounSame = "local.pronoun.same",
    LocalPronounAgrees = "local.pronoun.agrees",
    LocalPronounClashes = "local.pronoun.clashes",
    LocalPronounGenderUnknown = "local.pronoun.gender_unknown",
    LocalGroupPronounAgrees = "local.group_pronoun.agrees",
    LocalRoleAgrees = "local.role.agrees",
    LocalRoleClashes = "local.role.clashes",
    LocalDescriptionOfParticipant = "local.role.names_a_participant",
    LocalFirstPersonNarrator = "local.first_person.narrator",
    LocalOtherName = "local.other_name",
    CueExplicitSame = "cue.explicit.same",
    CueWeakSame = "cue.weak.same",
    RuleContinuation = "rule.continuation",
    // Speech verbs around the quote and their subjects.
    CueNearestBefore = "cue.nearest_before",
    CueNearestAfter = "cue.nearest_after",
    CuePrevSentence = "cue.prev_sentence",
    CueNextSentence = "cue.next_sentence",
    CueInBlock = "cue.in_block",
    RelativeClauseSubject = "sentence.relative_clause_subject",
    SentenceSubjectBefore = "sentence.subject_before",
    SentenceMentionBefore = "sentence.mention_before",
    SentenceFrontedBefore = "sentence.fronted_clause_before",
    SentenceMentionAfter = "sentence.mention_after",
    PrevSentenceSubject = "prev_sentence.subject",
    // Who spoke before: the turns of the conversation.
    Prev1SameBlock = "prev1.same_block",
    Prev1PrevBlock = "prev1.prev_block",
    Prev1Earlier = "prev1.earlier",
    Prev1OpensBare = "prev1.opens_bare_paragraph",
    Prev2 = "prev2",
    Prev2Contiguous = "prev2.contiguous",
    Prev3 = "prev3",
    Prev4 = "prev4",
    AddressedPrev = "addressed.prev",
    AddressedThis = "addressed.this",
    SpokenOf = "quote.names_them",
    // The narration around the quote.
    NarrSubjectBefore = "narr.subject.before",
    NarrSubjectAfter = "narr.subject.after",
    NarrMentionBefore = "narr.mention.before",
    NarrMentionAfter = "narr.mention.after",
    NarrNearestBefore = "narr.nearest_before",
    NarrPrevSubject = "narr.prev_block.subject",
    NarrPrevMention = "narr.prev_block.mention",
    NarrPrevLastSubject = "narr.prev_block.last_sentence.subject",
    NarrPrevLastCue = "narr.prev_block.last_sentence.speech_verb",
    NarrNextSubject = "narr.next_block.subject",
    NarrNextMention = "narr.next_block.mention",
    // Salience and kind.
    SalienceQuotes = "salience.quotes",
    SalienceMentions = "salience.mentions",
    SpokeRecently = "recency.spoke_within_2",
    SpokeLately = "recency.spoke_within_10",
    NeverSpoke = "recency.never_spoke",
    Narrator = "kind.narrator",
    KindPerson = "kind.person",
    KindOrganization = "kind.organization",
    KindGroup = "kind.group",
    Described = "kind.described_only",
    GenderUnknown = "gender.unknown",
}

/// One candidate's feature values.
pub type Vector = [f32; COUNT];

/// Sets feature `f` to 1 when `on`.
pub fn set(v: &mut Vector, f: F, on: bool) {
    if on {
        v[f as usize] = 1.0;
    }
}

/// A set of on/off features, one bit each: what the mentions around a quote say is gathered
/// once per quote for all its candidates, then written into each candidate's vector.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bits(u64);

const _: () = assert!(COUNT <= 64, "a feature's bit must fit in Bits");

impl Bits {
    /// These features, with `f` too when `on`.
    pub fn with(self, f: F, on: bool) -> Bits {
        Bits(self.0 | (u64::from(on) << f as usize))
    }

    /// Sets to 1 each feature in the set (as `set` would, one by one).
    pub fn set_in(self, v: &mut Vector) {
        let mut rest = self.0;
        while rest != 0 {
            v[rest.trailing_zeros() as usize] = 1.0;
            rest &= rest - 1;
        }
    }
}

impl std::ops::BitOr for Bits {
    type Output = Bits;
    fn bitor(self, other: Bits) -> Bits {
        Bits(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Bits {
    fn bitor_assign(&mut self, other: Bits) {
        self.0 |= other.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for n in NAMES {
            assert!(seen.insert(n), "duplicate feature name {n}");
        }
        assert_eq!(NAMES[F::GenderUnknown as usize], "gender.unknown");
    }

    #[test]
    fn bits_set_what_set_sets() {
        let mut by_set: Vector = [0.0; COUNT];
        set(&mut by_set, F::CueInBlock, true);
        set(&mut by_set, F::NarrNextMention, true);
        set(&mut by_set, F::Prev2, false);
        let mut by_bits: Vector = [0.0; COUNT];
        let bits = Bits::default()
            .with(F::CueInBlock, true)
            .with(F::Prev2, false)
            | Bits::default().with(F::NarrNextMention, true);
        bits.set_in(&mut by_bits);
        assert_eq!(by_set, by_bits);
    }
}
