//! The speaker ranker's model: one weight per feature, learned by `quotelens-train` from
//! annotated news and novels and kept in `assets/model/speaker.json`. Scoring a candidate is a
//! dot product; the candidates of one quote compete through a softmax, whose winner's share is
//! the quote's confidence.

use super::conversation::features::{COUNT, NAMES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The weights of one genre.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub bias: f32,
    pub w: [f32; COUNT],
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            bias: 0.0,
            w: [0.0; COUNT],
        }
    }
}

impl Weights {
    /// The candidate's score (a log-odds).
    pub fn score(&self, f: &[f32; COUNT]) -> f32 {
        self.bias + self.w.iter().zip(f).map(|(w, x)| w * x).sum::<f32>()
    }
}

/// Weights for news-style text and for fiction-style dialogue (where a new paragraph of
/// dialogue is a new turn, which reverses what an unattributed paragraph means).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub news: Weights,
    pub dialogue: Weights,
}

/// The file format: feature names map to weights, so a file stays readable and survives
/// features being added (a missing name weighs 0).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ModelFile {
    /// What produced the weights: command, data, date.
    #[serde(default)]
    pub about: String,
    pub news: WeightsFile,
    pub dialogue: WeightsFile,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WeightsFile {
    pub bias: f32,
    pub weights: BTreeMap<String, f32>,
}

impl WeightsFile {
    fn weights(&self) -> Weights {
        let mut w = [0.0; COUNT];
        for (i, name) in NAMES.iter().enumerate() {
            w[i] = self.weights.get(*name).copied().unwrap_or(0.0);
        }
        Weights { bias: self.bias, w }
    }

    pub fn from_weights(w: &Weights) -> WeightsFile {
        WeightsFile {
            bias: w.bias,
            weights: NAMES
                .iter()
                .zip(w.w.iter())
                .map(|(n, &x)| (n.to_string(), x))
                .collect(),
        }
    }
}

impl ModelFile {
    pub fn model(&self) -> Model {
        Model {
            news: self.news.weights(),
            dialogue: self.dialogue.weights(),
        }
    }
}

const SHIPPED: &str = include_str!("../../assets/model/speaker.json");

static MODEL: OnceLock<Model> = OnceLock::new();

thread_local! {
    /// A model that replaces the shipped one on this thread (the trainer's later rounds).
    static OVERRIDE: std::cell::RefCell<Option<Model>> = const { std::cell::RefCell::new(None) };
}

/// The shipped model, or the file named by `QUOTELENS_SPEAKER_MODEL` (for measuring a model
/// trained with some documents left out).
fn shipped() -> &'static Model {
    MODEL.get_or_init(|| {
        let custom = std::env::var_os("QUOTELENS_SPEAKER_MODEL")
            .and_then(|p| std::fs::read_to_string(p).ok());
        let parsed = custom
            .as_deref()
            .and_then(|s| serde_json::from_str::<ModelFile>(s).ok())
            .or_else(|| serde_json::from_str::<ModelFile>(SHIPPED).ok());
        parsed.map(|f| f.model()).unwrap_or_default()
    })
}

/// The weights in use for one genre.
pub fn weights(dialogue: bool) -> Weights {
    let pick = |m: &Model| {
        if dialogue {
            m.dialogue.clone()
        } else {
            m.news.clone()
        }
    };
    OVERRIDE
        .with(|o| o.borrow().as_ref().map(pick))
        .unwrap_or_else(|| pick(shipped()))
}

/// Runs `f` with `model` in place of the shipped model on this thread.
pub fn with_model<T>(model: Model, f: impl FnOnce() -> T) -> T {
    let old = OVERRIDE.with(|o| o.replace(Some(model)));
    let out = f();
    OVERRIDE.with(|o| *o.borrow_mut() = old);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_names_only_known_features() {
        let f: ModelFile = serde_json::from_str(SHIPPED).expect("assets/model/speaker.json parses");
        for w in [&f.news, &f.dialogue] {
            for name in w.weights.keys() {
                assert!(NAMES.contains(&name.as_str()), "unknown feature {name}");
            }
        }
    }
}
