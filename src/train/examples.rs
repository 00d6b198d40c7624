//! Training examples: the engine's candidates for each quote it ranked, labelled with whether
//! the gold annotation names that candidate as the speaker.

use super::{pdnc, polnear};
use crate::analysis::conversation::features::Vector;
use crate::analysis::model::Span;
use crate::analysis::{Trace, analyze_traced};
use crate::document::load;

/// One ranked quote: its candidates' features and labels.
#[derive(Debug, Clone)]
pub struct Example {
    /// The document's group: a PolNeAR outlet or a novel (the unit left out in cross-validation).
    pub group: String,
    pub dialogue: bool,
    /// PDNC's quote type (Explicit, Anaphoric, Implicit), or "news".
    pub kind: String,
    pub features: Vec<Vector>,
    pub labels: Vec<bool>,
    /// The candidate the engine chose, running with the model of the moment.
    pub chosen: Option<usize>,
    /// For reading the examples: the gold speaker, the candidates' names, the quote.
    pub gold: String,
    pub names: Vec<String>,
    pub quote: String,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn analyze_text(text: &str, source: &str) -> Result<(crate::Analysis, Trace), String> {
    let doc = load::from_bytes(text.as_bytes(), source, "txt").map_err(|e| e.to_string())?;
    Ok(analyze_traced(&doc))
}

/// The last word of a name, as the PolNeAR scorer compares it.
fn last_word(s: &str) -> Option<String> {
    s.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .last()
        .map(|w| {
            w.to_lowercase()
                .trim_end_matches(['s', '\'', '’'])
                .to_string()
        })
}

pub fn from_article(a: &polnear::Article) -> Result<Vec<Example>, String> {
    let (analysis, trace) = analyze_text(&a.text, &a.path.to_string_lossy())?;
    let mut out = Vec::new();
    for tq in &trace.quotes {
        let q = &analysis.quotes[tq.quote];
        let Some(gold) = a.quotes.iter().find(|g| {
            let o = overlap(g.span, q.content);
            o * 2 >= g.span.len().max(1) && o * 2 >= q.content.len().max(1)
        }) else {
            continue;
        };
        if gold.sources.is_empty() {
            continue;
        }
        let source_words: Vec<String> = gold
            .sources
            .iter()
            .flat_map(|s| {
                s.text(&a.text)
                    .split(|c: char| {
                        !(c.is_ascii_alphabetic() || c == '\'' || c == '’' || c == '-')
                    })
                    .filter(|w| w.len() >= 2)
                    .map(|w| {
                        w.to_lowercase()
                            .trim_end_matches(['s', '\'', '’'])
                            .to_string()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let labels = tq
            .candidates
            .iter()
            .map(|(e, _)| {
                let ent = &trace.entities[*e];
                ent.mentions
                    .iter()
                    .any(|m| gold.sources.iter().any(|s| overlap(*m, *s) > 0))
                    || last_word(&ent.name).is_some_and(|w| source_words.contains(&w))
            })
            .collect();
        out.push(Example {
            group: a.outlet.clone(),
            dialogue: trace.dialogue,
            kind: "news".into(),
            features: tq.candidates.iter().map(|(_, v)| *v).collect(),
            chosen: tq
                .chosen
                .and_then(|c| tq.candidates.iter().position(|(e, _)| *e == c)),
            labels,
            gold: gold
                .sources
                .iter()
                .map(|s| s.text(&a.text))
                .collect::<Vec<_>>()
                .join(" "),
            names: names(&trace, &tq.candidates),
            quote: q.content.text(&a.text).chars().take(60).collect(),
        });
    }
    Ok(out)
}

pub fn from_novel(n: &pdnc::Novel) -> Result<Vec<Example>, String> {
    let (analysis, trace) = analyze_text(&n.text, &n.path.to_string_lossy())?;
    let mut out = Vec::new();
    for tq in &trace.quotes {
        let q = &analysis.quotes[tq.quote];
        let i = n.quotes.partition_point(|g| g.span.end <= q.span.start);
        let Some(gold) = n.quotes[i..]
            .iter()
            .take(4)
            .find(|g| overlap(g.span, q.span) * 2 >= g.span.len().max(1))
        else {
            continue;
        };
        let labels = tq
            .candidates
            .iter()
            .map(|(e, _)| {
                let ent = &trace.entities[*e];
                let mut names: Vec<&str> = vec![ent.name.as_str()];
                names.extend(ent.aliases.iter().map(String::as_str));
                n.is_speaker(&gold.speaker, &names)
            })
            .collect();
        out.push(Example {
            group: n.name.clone(),
            dialogue: trace.dialogue,
            kind: gold.kind.clone(),
            features: tq.candidates.iter().map(|(_, v)| *v).collect(),
            chosen: tq
                .chosen
                .and_then(|c| tq.candidates.iter().position(|(e, _)| *e == c)),
            labels,
            gold: gold.speaker.clone(),
            names: names(&trace, &tq.candidates),
            quote: q.content.text(&n.text).chars().take(60).collect(),
        });
    }
    Ok(out)
}

fn names(trace: &Trace, candidates: &[(usize, Vector)]) -> Vec<String> {
    candidates
        .iter()
        .map(|(e, _)| trace.entities[*e].name.clone())
        .collect()
}
