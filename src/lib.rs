//! quotelens: who speaks, what they said, and the numbers they cite — an engine and a terminal
//! reader.
//!
//! The engine (`analysis`) is a pure library: `analyze(&Document) -> Analysis`. Everything it finds
//! is a byte span into `Document::text`.

pub mod analysis;
pub mod cli;
pub mod contract;
pub mod document;
pub mod export;
pub mod failure;
pub mod paths;
pub mod plural;
pub mod span;
pub mod store;
#[cfg(feature = "train")]
pub mod train;
pub mod tui;

pub use analysis::model::{
    Analysis, Figure, FigureKind, Method, Quote, QuoteKind, Span, Speaker, SpeakerKind,
};
pub use analysis::{Options, analyze, analyze_with};
pub use document::{Document, Meta};
