//! The analysis model: speakers, quotes and figures, every one a byte span into `Document::text`.

use serde::Serialize;

pub use crate::span::Span;

/// Index into `Analysis::speakers`.
pub type SpeakerId = usize;
/// Index into `Analysis::quotes`.
pub type QuoteId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    Group,
    Unknown,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Group => "group",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// One person, organisation or group that speaks or is mentioned as a possible speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Canonical name: the fullest proper name seen, without titles.
    pub name: String,
    pub kind: SpeakerKind,
    /// Other ways the text names this speaker ("the head of state", "Ms Lindqvist").
    pub aliases: Vec<String>,
    /// Every place the text names this speaker, in document order.
    pub mentions: Vec<Span>,
    /// The quotes attributed to this speaker, in document order.
    pub quotes: Vec<QuoteId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quotation of speech, usually a whole sentence or more.
    Direct,
    /// A short quoted fragment inside reported speech (called the plan “reckless”).
    Partial,
    /// Indirect speech without quotation marks (he said that …).
    Reported,
    /// A quotation inside another quotation.
    Nested,
    /// The name of a work, programme or thing (“Shark Tank”).
    Title,
    /// A scare quote or a word being mentioned (so-called “reforms”).
    Term,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Reported => "reported",
            QuoteKind::Nested => "nested",
            QuoteKind::Title => "title",
            QuoteKind::Term => "term",
        }
    }
    /// Speech that someone said (as opposed to titles and scare quotes).
    pub fn is_speech(self) -> bool {
        !matches!(self, QuoteKind::Title | QuoteKind::Term)
    }
}

/// How a quote was tied to its speaker: the reason the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// “…,” X said / said X.
    CueAfter,
    /// X said: “…” / X said that … “…”.
    CueBefore,
    /// X: “…” (a colon with no speech verb).
    Colon,
    /// According to X, …
    AccordingTo,
    /// The quote is cut in two by its attribution; this is the second half.
    Split,
    /// No cue of its own: continues the previous quote's speaker.
    Continuation,
    /// No cue: the subject of the neighbouring sentence.
    ParagraphSubject,
    /// Fiction dialogue without a cue: the other person in the conversation answers.
    Alternation,
    /// Reported speech: X said that …
    Reported,
    /// Inside a quotation, so spoken (or cited) by the enclosing quote's speaker.
    Enclosing,
    /// Not attributed.
    None,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::CueAfter => "cue-after",
            Method::CueBefore => "cue-before",
            Method::Colon => "colon",
            Method::AccordingTo => "according-to",
            Method::Split => "split",
            Method::Continuation => "continuation",
            Method::ParagraphSubject => "paragraph-subject",
            Method::Alternation => "alternation",
            Method::Reported => "reported",
            Method::Enclosing => "enclosing",
            Method::None => "none",
        }
    }
    /// A short explanation for the status bar.
    pub fn describe(self) -> &'static str {
        match self {
            Method::CueAfter => "speech verb after the quote",
            Method::CueBefore => "speech verb before the quote",
            Method::Colon => "speaker named before a colon",
            Method::AccordingTo => "\"according to\" names the source",
            Method::Split => "second half of a quote cut by its attribution",
            Method::Continuation => "continues the previous speaker",
            Method::ParagraphSubject => "subject of the neighbouring sentence",
            Method::Alternation => "the other speaker in the dialogue",
            Method::Reported => "reported speech",
            Method::Enclosing => "inside another speaker's quote",
            Method::None => "no speaker found",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The whole quotation, marks included.
    pub span: Span,
    /// Inside the marks (for reported speech: the reported clause).
    pub content: Span,
    pub kind: QuoteKind,
    pub speaker: Option<SpeakerId>,
    /// The words that name the speaker for this quote ("he", "the head of state").
    pub speaker_mention: Option<Span>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Who is addressed by name at the start of the quote ("Dear Aleksandr Grigorievich").
    pub addressee: Option<Span>,
    pub method: Method,
    pub confidence: f32,
    /// The enclosing quote of a nested quote.
    pub parent: Option<QuoteId>,
    /// When the speaker is a source relaying someone's words ("“…,” Sanders said, according to
    /// CNN"): the one who said them.
    pub original: Option<OriginalSpeaker>,
}

/// The person whose words a source relays: the words that name them, and who they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginalSpeaker {
    pub mention: Span,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Percent,
    PercentagePoints,
    Money,
    Count,
    Measure,
    Duration,
    Age,
    Fraction,
    Multiplier,
    Range,
    Ordinal,
    Date,
    Year,
    Time,
    Identifier,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::PercentagePoints => "percentage_points",
            FigureKind::Money => "money",
            FigureKind::Count => "count",
            FigureKind::Measure => "measure",
            FigureKind::Duration => "duration",
            FigureKind::Age => "age",
            FigureKind::Fraction => "fraction",
            FigureKind::Multiplier => "multiplier",
            FigureKind::Range => "range",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Date => "date",
            FigureKind::Year => "year",
            FigureKind::Time => "time",
            FigureKind::Identifier => "identifier",
        }
    }
    /// Dates, years, times, ordinals and identifiers are numbers but not quantities.
    pub fn is_quantity(self) -> bool {
        !matches!(
            self,
            FigureKind::Ordinal
                | FigureKind::Date
                | FigureKind::Year
                | FigureKind::Time
                | FigureKind::Identifier
        )
    }
}

/// A number cited in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub span: Span,
    pub kind: FigureKind,
    /// Normalised value ("$51.8 billion" → 51.8e9); `None` when not numeric.
    pub value: Option<f64>,
    /// Upper bound of a range.
    pub value_high: Option<f64>,
    /// "%", an ISO currency code, or the unit or counted noun ("miles", "staff").
    pub unit: Option<String>,
    /// What the unit measures: "money", "ratio", "length", "speed", "time", "count" …
    pub dimension: Option<&'static str>,
    /// nearly, about, over, more than, …
    pub qualifier: Option<String>,
    /// The quote the figure sits in.
    pub quote: Option<QuoteId>,
    /// The speaker who cited it.
    pub source: Option<SpeakerId>,
}

/// Everything the engine found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub speakers: Vec<Speaker>,
    /// In document order (by start, enclosing quotes before the quotes they contain).
    pub quotes: Vec<Quote>,
    /// In document order.
    pub numbers: Vec<Figure>,
}

impl Analysis {
    /// Quotes that are speech (not titles or scare quotes).
    pub fn speech(&self) -> impl Iterator<Item = (QuoteId, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind.is_speech())
    }

    /// Keeps only the quotes of the given kinds, renumbering every reference to them; speakers
    /// left with no quote and no cited figure are dropped.
    pub fn retain_kinds(&mut self, kinds: &[QuoteKind]) {
        let mut new_quote = vec![None; self.quotes.len()];
        let mut kept = Vec::new();
        for (i, q) in std::mem::take(&mut self.quotes).into_iter().enumerate() {
            if kinds.contains(&q.kind) {
                new_quote[i] = Some(kept.len());
                kept.push(q);
            }
        }
        for q in &mut kept {
            q.parent = q.parent.and_then(|p| new_quote[p]);
        }
        for f in &mut self.numbers {
            f.quote = f.quote.and_then(|q| new_quote[q]);
        }
        for s in &mut self.speakers {
            s.quotes = s.quotes.iter().filter_map(|&q| new_quote[q]).collect();
        }
        let cited: Vec<bool> = (0..self.speakers.len())
            .map(|s| self.numbers.iter().any(|f| f.source == Some(s)))
            .collect();
        let mut new_speaker = vec![None; self.speakers.len()];
        let mut speakers = Vec::new();
        for (i, s) in std::mem::take(&mut self.speakers).into_iter().enumerate() {
            if !s.quotes.is_empty() || cited[i] {
                new_speaker[i] = Some(speakers.len());
                speakers.push(s);
            }
        }
        for q in &mut kept {
            q.speaker = q.speaker.and_then(|s| new_speaker[s]);
        }
        for f in &mut self.numbers {
            f.source = f.source.and_then(|s| new_speaker[s]);
        }
        self.quotes = kept;
        self.speakers = speakers;
    }
}

impl std::str::FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "direct" => QuoteKind::Direct,
            "partial" => QuoteKind::Partial,
            "reported" => QuoteKind::Reported,
            "nested" => QuoteKind::Nested,
            "title" => QuoteKind::Title,
            "term" => QuoteKind::Term,
            other => {
                return Err(format!(
                    "unknown quote kind {other:?}; use direct, partial, reported, nested, title or term"
                ));
            }
        })
    }
}
