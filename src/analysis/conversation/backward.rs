//! A speaker named later corrects the untagged lines before it. The conversation decides each
//! line as it reads (who spoke two lines ago speaks again), so one wrong guess at the start of an
//! exchange is copied down the alternation. When the exchange then reaches a line whose speaker
//! is named ("… said Lucy"), the untagged lines an even number of turns before it, back to the
//! last line with a cue, were Lucy's too, and the lines between them the other person's: read
//! backwards, the alternation is anchored.

use crate::analysis::model::Method;

/// One speech quote, as the backward pass sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// The block (paragraph) it is in.
    pub block: usize,
    pub method: Method,
    pub speaker: Option<usize>,
    pub confidence: f32,
    /// Its speaker's mention is a name or description, not a pronoun.
    pub named: bool,
}

/// How sure a cue must be to anchor the lines before it.
const ANCHOR_CONFIDENCE: f32 = 0.8;

/// The new speakers of lines (indices into `lines`, which are in text order).
pub fn corrections(lines: &[Line]) -> Vec<(usize, usize)> {
    // Turns: runs of lines in one block.
    let mut turns: Vec<(usize, usize)> = Vec::new(); // (first line, end)
    for (i, l) in lines.iter().enumerate() {
        match turns.last_mut() {
            Some(t) if lines[t.0].block == l.block => t.1 = i + 1,
            _ => turns.push((i, i + 1)),
        }
    }
    let anchor = |t: (usize, usize)| -> Option<usize> {
        lines[t.0..t.1]
            .iter()
            .find(|l| {
                matches!(
                    l.method,
                    Method::CueAfter | Method::CueBefore | Method::Split
                ) && l.named
                    && l.confidence >= ANCHOR_CONFIDENCE
            })
            .and_then(|l| l.speaker)
    };
    let untagged = |t: (usize, usize)| {
        lines[t.0..t.1]
            .iter()
            .all(|l| l.method == Method::Alternation)
    };
    let mut out = Vec::new();
    for j in 1..turns.len() {
        let Some(speaker) = anchor(turns[j]) else {
            continue;
        };
        // Back over untagged turns in consecutive blocks.
        let mut k = j;
        while k > 0
            && lines[turns[k - 1].0].block + 1 == lines[turns[k].0].block
            && untagged(turns[k - 1])
        {
            k -= 1;
        }
        let run = k..j;
        // The other person in the exchange: who the run's lines were given to, besides the
        // anchored speaker, most often.
        let mut others: Vec<(usize, usize)> = Vec::new();
        for t in run.clone() {
            for l in &lines[turns[t].0..turns[t].1] {
                if let Some(s) = l.speaker.filter(|&s| s != speaker) {
                    match others.iter_mut().find(|o| o.0 == s) {
                        Some(o) => o.1 += 1,
                        None => others.push((s, 1)),
                    }
                }
            }
        }
        let other = others.iter().max_by_key(|o| o.1).map(|o| o.0);
        for t in run.rev() {
            for (i, l) in lines.iter().enumerate().take(turns[t].1).skip(turns[t].0) {
                if (j - t) % 2 == 0 {
                    out.push((i, speaker));
                } else if let Some(o) = other.filter(|_| l.speaker == Some(speaker)) {
                    // Read forwards, these lines were the anchored speaker's: the two
                    // speakers' lines were swapped.
                    out.push((i, o));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(block: usize, method: Method, speaker: usize) -> Line {
        Line {
            block,
            method,
            speaker: Some(speaker),
            confidence: 0.95,
            named: true,
        }
    }

    #[test]
    fn a_named_line_claims_the_untagged_lines_two_four_turns_before() {
        // Narration, then five untagged lines guessed as 1 2 1 2 1, then "said Lucy" (7).
        let lines = [
            line(1, Method::Alternation, 1),
            line(2, Method::Alternation, 2),
            line(3, Method::Alternation, 1),
            line(4, Method::Alternation, 2),
            line(5, Method::Alternation, 1),
            line(6, Method::CueAfter, 7),
        ];
        assert_eq!(corrections(&lines), vec![(3, 7), (1, 7)]);
    }

    #[test]
    fn lines_read_as_the_anchored_speakers_go_to_the_other_person() {
        // Guessed 1 7 1 7, then "said Lucy" (7): the guesses were swapped.
        let lines = [
            line(1, Method::Alternation, 1),
            line(2, Method::Alternation, 7),
            line(3, Method::Alternation, 1),
            line(4, Method::Alternation, 7),
            line(5, Method::CueAfter, 7),
        ];
        assert_eq!(corrections(&lines), vec![(3, 1), (2, 7), (1, 1), (0, 7)]);
    }

    #[test]
    fn a_cue_or_a_gap_stops_the_lines_going_back() {
        let lines = [
            line(1, Method::Alternation, 1),
            line(2, Method::CueAfter, 2),
            line(3, Method::Alternation, 1),
            line(4, Method::Alternation, 2),
            line(5, Method::CueAfter, 7),
            line(8, Method::Alternation, 1),
            line(9, Method::Alternation, 2),
            line(10, Method::CueAfter, 7),
        ];
        assert_eq!(corrections(&lines), vec![(2, 7), (5, 7)]);
    }

    #[test]
    fn a_pronoun_or_an_unsure_cue_is_no_anchor() {
        let mut said_he = line(3, Method::CueAfter, 7);
        said_he.named = false;
        let lines = [
            line(1, Method::Alternation, 1),
            line(2, Method::Alternation, 2),
            said_he,
        ];
        assert!(corrections(&lines).is_empty());
        let mut unsure = line(3, Method::CueAfter, 7);
        unsure.confidence = 0.5;
        let lines = [lines[0], lines[1], unsure];
        assert!(corrections(&lines).is_empty());
    }
}
