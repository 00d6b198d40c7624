//! Fitting the ranker: an L2-regularised logistic regression (linfa-logistic) over every
//! candidate of every quote whose gold speaker is among its candidates, one model per genre.

use super::examples::Example;
use crate::analysis::conversation::features::COUNT;
use crate::analysis::ranker::{Model, Weights};
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};

/// L2 strength: enough to keep weights of rare features near zero.
const ALPHA: f64 = 1.0;

/// Fits the weights of one genre from its examples.
pub fn fit_weights(examples: &[&Example]) -> Result<Weights, String> {
    let mut x: Vec<f64> = Vec::new();
    let mut y: Vec<bool> = Vec::new();
    for ex in examples.iter().filter(|e| e.labels.iter().any(|&l| l)) {
        for (f, &l) in ex.features.iter().zip(&ex.labels) {
            x.extend(f.iter().map(|&v| f64::from(v)));
            y.push(l);
        }
    }
    if y.iter().all(|&l| l) || !y.iter().any(|&l| l) {
        return Err("too few examples to fit (need both right and wrong candidates)".into());
    }
    let rows = y.len();
    let records = Array2::from_shape_vec((rows, COUNT), x).map_err(|e| e.to_string())?;
    let dataset = Dataset::new(records, Array1::from(y));
    let model = LogisticRegression::default()
        .alpha(ALPHA)
        .max_iterations(500)
        .fit(&dataset)
        .map_err(|e| e.to_string())?;
    let mut w = [0.0f32; COUNT];
    for (wi, p) in w.iter_mut().zip(model.params().iter()) {
        *wi = *p as f32;
    }
    let mut weights = Weights {
        bias: model.intercept() as f32,
        w,
    };
    // linfa picks which label is the positive class; make it "right speaker".
    let records = dataset.records();
    let targets = dataset.targets();
    let (mut right, mut wrong, mut nr, mut nw) = (0.0f64, 0.0f64, 0usize, 0usize);
    for (row, &t) in records.outer_iter().zip(targets.iter()) {
        let mut f = [0.0f32; COUNT];
        for (fi, v) in f.iter_mut().zip(row.iter()) {
            *fi = *v as f32;
        }
        let s = f64::from(weights.score(&f));
        if t {
            right += s;
            nr += 1;
        } else {
            wrong += s;
            nw += 1;
        }
    }
    if right / (nr.max(1) as f64) < wrong / (nw.max(1) as f64) {
        weights.bias = -weights.bias;
        for wi in &mut weights.w {
            *wi = -*wi;
        }
    }
    Ok(weights)
}

/// Fits both genres; a genre without examples keeps `fallback`'s weights.
pub fn fit_model(examples: &[Example], fallback: &Model) -> Result<Model, String> {
    let news: Vec<&Example> = examples.iter().filter(|e| !e.dialogue).collect();
    let dialogue: Vec<&Example> = examples.iter().filter(|e| e.dialogue).collect();
    Ok(Model {
        news: fit_weights(&news).unwrap_or_else(|_| fallback.news.clone()),
        dialogue: fit_weights(&dialogue).unwrap_or_else(|_| fallback.dialogue.clone()),
    })
}

/// Share of quotes (with a right candidate or not) whose best-scored candidate is right.
pub fn accuracy(model: &Model, examples: &[&Example]) -> (usize, usize) {
    let mut right = 0;
    for ex in examples {
        let w = if ex.dialogue {
            &model.dialogue
        } else {
            &model.news
        };
        let best = ex
            .features
            .iter()
            .enumerate()
            .max_by(|a, b| w.score(a.1).total_cmp(&w.score(b.1)))
            .map(|(i, _)| i);
        if best.is_some_and(|i| ex.labels[i]) {
            right += 1;
        }
    }
    (right, examples.len())
}
