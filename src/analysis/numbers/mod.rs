//! Cited numbers: every figure in a stretch of text, typed and normalised. The engine links each
//! figure to its quote and source afterwards (`analysis::link_figures`).

use super::model::{Figure, FigureKind, Span};

/// Finds the figures in `text[span]`, appending them in document order to `out`. `quote` and
/// `source` are left empty.
pub fn find(text: &str, span: Span, out: &mut Vec<Figure>) {
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || ((bytes[i] == b',' || bytes[i] == b'.')
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())))
        {
            i += 1;
        }
        let digits: String = slice[start..i].chars().filter(|c| *c != ',').collect();
        let value = digits.parse::<f64>().ok();
        let mut end = i;
        let mut kind = FigureKind::Count;
        let mut unit = None;
        if slice[end..].starts_with('%') {
            end += 1;
            kind = FigureKind::Percent;
            unit = Some("%".to_string());
        } else if (1900..=2100).contains(&(value.unwrap_or(0.0) as i64))
            && !digits.contains('.')
            && digits.len() == 4
        {
            kind = FigureKind::Year;
        }
        out.push(Figure {
            span: Span::new(span.start + start, span.start + end),
            kind,
            value,
            value_high: None,
            unit,
            qualifier: None,
            quote: None,
            source: None,
        });
        i = end;
    }
}
