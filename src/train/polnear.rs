//! PolNeAR (brat standoff): the gold speaker spans of an article's quotations, read the way
//! `../shared/eval/score_polnear.py` reads them. A quoted span (between double quotation marks,
//! per line) is a gold quotation when at least half of it lies inside an attribution's Content;
//! its speaker is that attribution's Source.
//!
//! One difference: the typewriter's two apostrophes (''…'') are double marks here too. The New
//! York Times articles are written with them; their quotations are annotated like any other, and
//! the engine reads them as quotations, so the ranker learns from them (the scorer does not read
//! them).

use crate::analysis::model::Span;
use std::path::{Path, PathBuf};

/// One gold quotation: byte spans into the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    pub span: Span,
    pub sources: Vec<Span>,
}

/// An article: its text file and its gold quotations.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    /// The outlet, from the file name ("nyt", "breitbart"): the unit left out in cross-validation.
    pub outlet: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// Reads every article of a PolNeAR split (`DIR/text/*.txt`, `DIR/attributions/*.ann`).
pub fn read_split(dir: &Path) -> Result<Vec<Article>, String> {
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for ann in anns {
        let stem = ann
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        // "name_1a2b.ann": the annotator's suffix; the first annotation of an article counts.
        let base = match stem.rsplit_once('_') {
            Some((b, suffix)) if suffix.len() == 4 => b.to_string(),
            _ => stem.clone(),
        };
        if !seen.insert(base.clone()) {
            continue;
        }
        let path = dir.join("text").join(format!("{base}.txt"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let ann_text =
            std::fs::read_to_string(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let quotes = gold_quotes(&text, &ann_text);
        let outlet = base.split('_').next().unwrap_or_default().to_string();
        out.push(Article {
            path,
            outlet,
            text,
            quotes,
        });
    }
    Ok(out)
}

/// Character offset → byte offset.
struct Offsets(Vec<usize>);

impl Offsets {
    fn new(text: &str) -> Offsets {
        let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        v.push(text.len());
        Offsets(v)
    }
    fn byte(&self, c: usize) -> usize {
        self.0
            .get(c)
            .copied()
            .unwrap_or_else(|| self.0.last().copied().unwrap_or(0))
    }
}

/// An attribution relation: the character ranges of its content and of its source.
type Relation = (Vec<(usize, usize)>, Vec<(usize, usize)>);

/// Attributions of an .ann file: (content spans, source spans), in characters.
fn relations(ann: &str) -> Vec<Relation> {
    let mut spans = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() < 2 {
            continue;
        }
        if parts[0].starts_with('T') {
            let Some((_, rest)) = parts[1].split_once(' ') else {
                continue;
            };
            let ranges: Vec<(usize, usize)> = rest
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().filter_map(|n| n.parse().ok());
                    Some((it.next()?, it.next()?))
                })
                .collect();
            spans.insert(parts[0].to_string(), ranges);
        } else if parts[0].starts_with('E') {
            let args: std::collections::HashMap<&str, &str> = parts[1]
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .collect();
            events.push((
                args.get("Content").map(|s| s.to_string()),
                args.get("Source").map(|s| s.to_string()),
            ));
        }
    }
    events
        .into_iter()
        .filter_map(|(c, s)| {
            let content = spans.get(&c?)?.clone();
            let source = s.and_then(|s| spans.get(&s).cloned()).unwrap_or_default();
            Some((content, source))
        })
        .collect()
}

/// Spans between double quotation marks, per line, in characters (as the scorer finds them).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let chars = doubled_apostrophes_as_marks(line);
        let n = chars.len();
        let mut i = 0;
        while i < n {
            let closer = match chars[i] {
                '“' => '”',
                '"' => '"',
                '«' => '»',
                '„' => '“',
                _ => {
                    i += 1;
                    continue;
                }
            };
            let find = |c: char| (i + 1..n).find(|&k| chars[k] == c);
            let mut j = find(closer);
            if chars[i] == '“' {
                let j2 = find('"');
                if j.is_none() || j2.is_some_and(|j2| j.is_some_and(|j| j2 < j)) {
                    j = j.or(j2);
                }
            }
            // Content starts after the mark (two characters for '').
            let start = pos
                + i
                + if chars.get(i + 1) == Some(&FILLER) {
                    2
                } else {
                    1
                };
            match j {
                None => {
                    out.push((start, pos + n));
                    break;
                }
                Some(j) => {
                    out.push((start, pos + j));
                    i = j + 1;
                }
            }
        }
        pos += n + 1;
    }
    out
}

/// Stands for the second apostrophe of a '' read as one mark.
const FILLER: char = '\u{1}';

/// The line's characters with each '' read as a straight double mark (" and a filler character,
/// so character offsets stay those of the line).
fn doubled_apostrophes_as_marks(line: &str) -> Vec<char> {
    let mut chars: Vec<char> = line.chars().collect();
    for i in 1..chars.len() {
        if chars[i - 1] == '\'' && chars[i] == '\'' {
            chars[i - 1] = '"';
            chars[i] = FILLER;
        }
    }
    chars
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn gold_quotes(text: &str, ann: &str) -> Vec<GoldQuote> {
    let rels = relations(ann);
    let offsets = Offsets::new(text);
    let to_span = |(a, b): (usize, usize)| Span::new(offsets.byte(a), offsets.byte(b));
    let mut out = Vec::new();
    for q in quoted_spans(text) {
        let len = (q.1 - q.0).max(1);
        if let Some((_, sources)) = rels
            .iter()
            .find(|(content, _)| content.iter().map(|&c| overlap(q, c)).sum::<usize>() * 2 >= len)
        {
            out.push(GoldQuote {
                span: to_span(q),
                sources: sources.iter().copied().map(to_span).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_inside_an_attribution_takes_its_source() {
        let text = "Ana Ruiz said: “We will rebuild the bridge.” A “test” here.";
        // Characters: source "Ana Ruiz" 0..8, content 15..42 (inside the marks).
        let ann = "T1\tSource 0 8\tAna Ruiz\nT2\tCue 9 13\tsaid\nT3\tContent 15 42\tWe will rebuild the bridge.\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let q = gold_quotes(text, ann);
        assert_eq!(q.len(), 1, "the scare quote is not gold");
        assert_eq!(q[0].span.text(text), "We will rebuild the bridge.");
        assert_eq!(q[0].sources[0].text(text), "Ana Ruiz");
    }

    #[test]
    fn typewriter_double_apostrophes_are_marks_as_well() {
        let text = "''We will rebuild,'' Ana Ruiz said.";
        // Characters: content 2..18 ("We will rebuild,"), source "Ana Ruiz" 21..29.
        let ann = "T1\tSource 21 29\tAna Ruiz\nT2\tCue 30 34\tsaid\nT3\tContent 2 18\tWe will rebuild,\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let q = gold_quotes(text, ann);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(text), "We will rebuild,");
        assert_eq!(q[0].sources[0].text(text), "Ana Ruiz");
    }
}
