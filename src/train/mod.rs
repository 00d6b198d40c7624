//! Training the speaker ranker (`quotelens-train`, behind the `train` feature): gold readers
//! for the annotated corpora, the labels of each ranked quote's candidates, and the fit.

pub mod examples;
pub mod fit;
pub mod pdnc;
pub mod polnear;
