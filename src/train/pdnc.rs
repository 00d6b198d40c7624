//! The Project Dialogism Novel Corpus: every quotation of a novel with its speaker, and every
//! character with the names they go by (`quotation_info.csv`, `character_info.csv`).

use crate::analysis::model::Span;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub span: Span,
    pub speaker: String,
    /// Explicit, Anaphoric or Implicit.
    pub kind: String,
}

#[derive(Debug, Clone)]
pub struct Character {
    pub main: String,
    /// Lower-case names, the main one included.
    pub names: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Novel {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
    pub characters: Vec<Character>,
}

impl Novel {
    /// Whether a speaker known by `names` is the gold character `main` — the rule of
    /// `../shared/eval/score_pdnc.py`: a shared name or alias, or the same last word as the
    /// character's main name.
    pub fn is_speaker(&self, main: &str, names: &[&str]) -> bool {
        let gold: Vec<String> = self
            .characters
            .iter()
            .find(|c| c.main == main)
            .map(|c| c.names.clone())
            .unwrap_or_else(|| vec![main.to_lowercase()]);
        let last = main.to_lowercase();
        let last = last
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        names.iter().any(|n| {
            let n = n.trim().to_lowercase();
            gold.contains(&n) || !last.is_empty() && n.split_whitespace().last() == Some(&last)
        })
    }
}

pub fn read_novel(dir: &Path) -> Result<Novel, String> {
    let name = dir
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let path = dir.join("novel_text.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut characters = Vec::new();
    for row in rows(&dir.join("character_info.csv"))? {
        let (Some(main), Some(aliases)) = (row.get("Main Name"), row.get("Aliases")) else {
            continue;
        };
        let main = main.trim().to_string();
        let mut names: Vec<String> = python_strings(aliases)
            .into_iter()
            .map(|a| a.trim().to_lowercase())
            .collect();
        names.push(main.to_lowercase());
        characters.push(Character { main, names });
    }
    let mut quotes = Vec::new();
    for row in rows(&dir.join("quotation_info.csv"))? {
        let (Some(spans), Some(speaker)) = (row.get("quoteByteSpans"), row.get("speaker")) else {
            continue;
        };
        let numbers: Vec<usize> = spans
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        if numbers.len() < 2 {
            continue;
        }
        quotes.push(GoldQuote {
            span: Span::new(numbers[0], numbers[1]),
            speaker: speaker.trim().to_string(),
            kind: row.get("quoteType").cloned().unwrap_or_default(),
        });
    }
    quotes.sort_by_key(|q| q.span.start);
    Ok(Novel {
        name,
        path,
        text,
        quotes,
        characters,
    })
}

fn rows(path: &Path) -> Result<Vec<std::collections::HashMap<String, String>>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
        );
    }
    Ok(out)
}

/// The string literals of a Python list or set literal: `{'Anne', "O'Brien"}`.
fn python_strings(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => {
                    if let Some(e) = chars.next() {
                        lit.push(e);
                    }
                }
                d if d == c => break,
                d => lit.push(d),
            }
        }
        out.push(lit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_literals_keep_apostrophes() {
        assert_eq!(
            python_strings(r#"{'The Admiral', "O'Brien", 'Anne'}"#),
            ["The Admiral", "O'Brien", "Anne"]
        );
    }
}
