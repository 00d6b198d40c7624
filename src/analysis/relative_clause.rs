//! The relative pronoun as the speaker's words: in "… said Beck, who called Trump “a
//! sociopath”", the quotation belongs to the clause whose subject is *who* (*which* for an
//! organisation); its antecedent Beck is the speaker, and *who* is the mention that names them
//! in that clause.

use super::model::Span;

/// The longest gap between the antecedent and *who* (", " or " — ").
const GAP: usize = 4;
/// How far the relative clause may run before the quotation opens.
const CLAUSE_REACH: usize = 240;

/// The *who* right after `mention` that opens the clause holding the quotation at `quote`, if
/// the quotation comes after it in the same sentence.
pub fn subject_of_clause(text: &str, mention: Span, quote: Span) -> Option<Span> {
    if mention.end > quote.start || quote.start - mention.end > GAP + 3 + CLAUSE_REACH {
        return None;
    }
    let after = text.get(mention.end..quote.start)?;
    let gap = after.len()
        - after
            .trim_start_matches([',', ' ', '\n', '—', '–', '-'])
            .len();
    if gap > GAP + 2 {
        return None;
    }
    let rest = &after[gap..];
    // *who* for people, *which* for organisations ("the police department, which reported
    // “2,500 incidents”").
    let pronoun = ["who", "which"]
        .into_iter()
        .find(|p| rest.starts_with(p) && rest[p.len()..].starts_with([' ', '\n']))?;
    let clause = &rest[pronoun.len()..];
    // *who* is the clause's subject only when a verb follows it: in "which Obama declared" or
    // "who he called" someone else speaks.
    let next = clause.split_whitespace().next().unwrap_or("");
    let subject_follows = next.starts_with(char::is_uppercase)
        || matches!(next, "he" | "she" | "they" | "we" | "you" | "it");
    if subject_follows {
        return None;
    }
    // Within one sentence: nothing between *who* and the quotation ends a sentence.
    let ends_sentence = clause
        .char_indices()
        .any(|(i, c)| matches!(c, '.' | '!' | '?') && clause[i + 1..].starts_with([' ', '\n']));
    if ends_sentence {
        return None;
    }
    let start = mention.end + gap;
    Some(Span::new(start, start + pronoun.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(text: &str, name: &str, quote: &str) -> Option<String> {
        let m = text.find(name)?;
        let q = text.find(quote)?;
        subject_of_clause(
            text,
            Span::new(m, m + name.len()),
            Span::new(q, q + quote.len()),
        )
        .map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn the_quotation_in_a_relative_clause_is_said_by_who() {
        let t = "“It is over,” said Beck, who called the plan “a disaster.”";
        assert_eq!(who(t, "Beck", "“a disaster.”").as_deref(), Some("who"));
        // The quotation before the antecedent is the main clause's.
        assert_eq!(who(t, "Beck", "“It is over,”"), None);
    }

    #[test]
    fn an_organisations_quotation_is_said_by_which() {
        let t = "They asked the city police, which reported “2,500 incidents” this year.";
        assert_eq!(
            who(t, "the city police", "“2,500 incidents”").as_deref(),
            Some("which")
        );
        // Someone else is the subject of the clause: the antecedent is its object.
        let t = "They met at the old inn, which Mayor Ruiz declared “a landmark” on Friday.";
        assert_eq!(who(t, "the old inn", "“a landmark”"), None);
        let t = "He thanked Beck, who he called “a friend.”";
        assert_eq!(who(t, "Beck", "“a friend.”"), None);
    }

    #[test]
    fn a_sentence_between_keeps_the_name() {
        let t = "Beck, who hosts a radio show. He said: “No.”";
        assert_eq!(who(t, "Beck", "“No.”"), None);
        let t = "Beck, whose show airs daily, called it “a disaster.”";
        assert_eq!(who(t, "Beck", "“a disaster.”"), None);
    }
}
