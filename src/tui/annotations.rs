//! The analysis, indexed for the reader: speakers ranked (their rank picks their colour), speech
//! quotes in order, each speaker's quotes, and a prefix maximum of quote ends so the quotes that
//! touch the screen are found by binary search. Built once, off the UI thread.

use crate::analysis::model::{Analysis, QuoteId, Span, SpeakerId};

#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub analysis: Analysis,
    /// Speech quotes (not titles or scare quotes), in document order.
    pub speech: Vec<QuoteId>,
    /// Quote id → its position in `speech`.
    speech_pos: Vec<Option<usize>>,
    /// Speakers, most quoted first (ties: first quoted first).
    pub speaker_order: Vec<SpeakerId>,
    /// Speaker id → rank in `speaker_order` (which also picks the colour and marker).
    pub speaker_rank: Vec<usize>,
    /// Speaker id → their speech quotes, in document order.
    pub by_speaker: Vec<Vec<QuoteId>>,
    /// Speaker id → the name lists show ([`crate::tui::names::short_name`]).
    pub short_names: Vec<String>,
    /// `max_end[i]` = the largest end among `analysis.quotes[..=i]`.
    max_end: Vec<usize>,
    /// Quote bytes per speaker in [`BUCKETS`] equal stretches of the text: the timeline for any
    /// height is merged from these, so a resize never walks every quote again.
    buckets: Vec<Vec<(Mark, usize)>>,
}

/// An attribution the engine is less sure of than this is marked uncertain: `?` after the
/// speaker's name in the Quotes list and the status bar, which also gives the confidence.
pub const UNCERTAIN_BELOW: f32 = 0.5;

/// How finely the timeline is pre-computed.
pub const BUCKETS: usize = 4096;

/// Who a stretch of the timeline belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Speaker(SpeakerId),
    Unattributed,
}

impl Annotations {
    /// Indexes `analysis` of a text `text_len` bytes long.
    pub fn new(analysis: Analysis, text_len: usize) -> Self {
        let n = analysis.quotes.len();
        let mut speech = Vec::new();
        let mut speech_pos = vec![None; n];
        let mut by_speaker = vec![Vec::new(); analysis.speakers.len()];
        for (id, q) in analysis.speech() {
            speech_pos[id] = Some(speech.len());
            speech.push(id);
            if let Some(s) = q.speaker
                && let Some(list) = by_speaker.get_mut(s)
            {
                list.push(id);
            }
        }
        let first_quote = |s: SpeakerId| by_speaker[s].first().copied().unwrap_or(usize::MAX);
        let mut speaker_order: Vec<SpeakerId> = (0..analysis.speakers.len()).collect();
        speaker_order.sort_by(|&a, &b| {
            by_speaker[b]
                .len()
                .cmp(&by_speaker[a].len())
                .then(first_quote(a).cmp(&first_quote(b)))
                .then(a.cmp(&b))
        });
        let mut speaker_rank = vec![0; analysis.speakers.len()];
        for (rank, &s) in speaker_order.iter().enumerate() {
            speaker_rank[s] = rank;
        }
        let mut max_end = Vec::with_capacity(n);
        let mut m = 0;
        for q in &analysis.quotes {
            m = m.max(q.span.end);
            max_end.push(m);
        }
        let short_names = analysis
            .speakers
            .iter()
            .map(crate::tui::names::short_name)
            .collect();
        let mut a = Annotations {
            short_names,
            analysis,
            speech,
            speech_pos,
            speaker_order,
            speaker_rank,
            by_speaker,
            max_end,
            buckets: Vec::new(),
        };
        a.buckets = a.tally(BUCKETS, text_len);
        a
    }

    /// The position of a quote among the speech quotes.
    pub fn speech_index(&self, q: QuoteId) -> Option<usize> {
        self.speech_pos.get(q).copied().flatten()
    }

    /// The confidence of quote `q`'s speaker when it is below [`UNCERTAIN_BELOW`] (a quote
    /// without a speaker is unknown, not uncertain).
    pub fn uncertainty(&self, q: QuoteId) -> Option<f32> {
        let quote = self.analysis.quotes.get(q)?;
        (quote.speaker.is_some() && quote.confidence < UNCERTAIN_BELOW).then_some(quote.confidence)
    }

    /// Ids of the quotes (all kinds) that overlap `range`, in document order.
    pub fn quotes_overlapping(&self, range: Span) -> impl Iterator<Item = QuoteId> + '_ {
        let first = self.max_end.partition_point(|&e| e <= range.start);
        let quotes = &self.analysis.quotes;
        (first..quotes.len())
            .take_while(move |&i| quotes[i].span.start < range.end)
            .filter(move |&i| quotes[i].span.overlaps(range))
    }

    /// The speech quote holding byte `pos` (the innermost one).
    pub fn quote_at(&self, pos: usize) -> Option<QuoteId> {
        self.quotes_overlapping(Span::new(pos, pos + 1))
            .filter(|&q| self.analysis.quotes[q].kind.is_speech())
            .last()
    }

    /// The first speech quote starting at or after `pos`.
    pub fn first_speech_from(&self, pos: usize) -> Option<usize> {
        let quotes = &self.analysis.quotes;
        let i = self.speech.partition_point(|&q| quotes[q].span.start < pos);
        (i < self.speech.len()).then_some(i)
    }

    pub fn mark_of(&self, q: QuoteId) -> Mark {
        match self.analysis.quotes.get(q).and_then(|q| q.speaker) {
            Some(s) => Mark::Speaker(s),
            None => Mark::Unattributed,
        }
    }

    /// The timeline: for each of `cells` equal stretches of the document (by byte), the speaker
    /// whose quotes cover most of it, if any quote touches it.
    pub fn timeline(&self, cells: usize) -> Vec<Option<Mark>> {
        let mut merged: Vec<Vec<(Mark, usize)>> = vec![Vec::new(); cells];
        if cells > 0 {
            let n = self.buckets.len();
            for (b, tally) in self.buckets.iter().enumerate() {
                // A bucket goes to the cell holding its middle.
                let c = (((2 * b + 1) * cells) / (2 * n)).min(cells - 1);
                for &(mark, bytes) in tally {
                    add(&mut merged[c], mark, bytes);
                }
            }
        }
        merged.into_iter().map(dominant).collect()
    }

    /// Quote bytes per speaker in each of `cells` equal stretches of a `text_len`-byte text.
    fn tally(&self, cells: usize, text_len: usize) -> Vec<Vec<(Mark, usize)>> {
        let mut tally: Vec<Vec<(Mark, usize)>> = vec![Vec::new(); cells];
        if cells == 0 || text_len == 0 {
            return tally;
        }
        let cell_of = |pos: usize| ((pos as u128 * cells as u128) / text_len as u128) as usize;
        let cell_start = |c: usize| ((c as u128 * text_len as u128) / cells as u128) as usize;
        for &q in &self.speech {
            let span = self.analysis.quotes[q].span;
            if span.is_empty() {
                continue;
            }
            let mark = self.mark_of(q);
            let first = cell_of(span.start).min(cells - 1);
            let last = cell_of(span.end - 1).min(cells - 1);
            for (c, t) in tally.iter_mut().enumerate().take(last + 1).skip(first) {
                let lo = span.start.max(cell_start(c));
                let hi = span.end.min(cell_start(c + 1)).max(lo + 1);
                add(t, mark, hi - lo);
            }
        }
        tally
    }
}

fn add(tally: &mut Vec<(Mark, usize)>, mark: Mark, bytes: usize) {
    match tally.iter_mut().find(|(m, _)| *m == mark) {
        Some((_, n)) => *n += bytes,
        None => tally.push((mark, bytes)),
    }
}

/// The mark with the most bytes (a known speaker wins a tie with unattributed quotes).
fn dominant(tally: Vec<(Mark, usize)>) -> Option<Mark> {
    tally
        .into_iter()
        .max_by_key(|&(m, n)| (n, std::cmp::Reverse(matches!(m, Mark::Unattributed))))
        .map(|(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Meta};

    fn sample() -> (Document, Annotations) {
        let doc = Document::from_text(crate::cli::SAMPLE_TEXT, Meta::default());
        let a = Annotations::new(crate::analyze(&doc), doc.text.len());
        (doc, a)
    }

    #[test]
    fn speakers_are_ranked_by_quotes() {
        let (_, a) = sample();
        let names: Vec<&str> = a
            .speaker_order
            .iter()
            .map(|&s| a.analysis.speakers[s].name.as_str())
            .collect();
        assert_eq!(names[0], "Aleksandr Lukashenko");
        assert_eq!(names[1], "Vladimir Putin");
        // 13 quotations and 7 reported statements.
        assert_eq!(a.speech.len(), 20);
    }

    #[test]
    fn overlapping_quotes_are_found_by_range() {
        let (doc, a) = sample();
        let all: Vec<_> = a.quotes_overlapping(Span::new(0, doc.text.len())).collect();
        assert_eq!(all.len(), a.analysis.quotes.len());
        let q = a.speech[3];
        let span = a.analysis.quotes[q].span;
        let mid = (span.start + span.end) / 2;
        assert_eq!(a.quote_at(mid), Some(q));
        assert!(a.quotes_overlapping(Span::new(0, 10)).next().is_none());
    }

    #[test]
    fn timeline_marks_where_speakers_talk() {
        let (doc, a) = sample();
        let cells = a.timeline(100);
        let lukashenko = a.speaker_order[0];
        let putin = a.speaker_order[1];
        // The article opens with Lukashenko and ends with Putin.
        assert!(cells[..50].contains(&Some(Mark::Speaker(lukashenko))));
        assert_eq!(
            cells.iter().rev().flatten().next(),
            Some(&Mark::Speaker(putin))
        );
        assert_eq!(cells[0], None, "the first line has no quote");
        // Any height works, down to one cell.
        assert_eq!(a.timeline(1).len(), 1);
        assert!(a.timeline(0).is_empty());
        let _ = doc;
    }
}
