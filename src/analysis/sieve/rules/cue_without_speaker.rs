//! A speech verb whose subject the rules could not find: the quote is speech, its speaker
//! unknown (the conversation may still name one).

use crate::analysis::sieve::{Attribution, Outcome, Site};

pub(crate) fn apply(_: &Site, cue: Option<&Attribution>) -> Outcome {
    match cue {
        Some(a) => Outcome::Decided(a.clone()),
        None => Outcome::Pass,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::model::Method;
    use crate::analysis::sieve::{Rule, testing::first};

    #[test]
    fn a_cue_with_nobody_before_it() {
        let f = first("Asked about the vote, said: “We will see.”");
        assert_eq!(f.method, Method::CueBefore);
        assert_eq!(f.rule, Some(Rule::CueBefore));
        assert_eq!(f.mention, None);
    }
}
