//! Errors in a view, with the position they point at and a suggestion.
//!
//! Every error carries the byte span of the offending word or value in the
//! text it came from, so the app can underline it in its input line and the
//! CLI can print the text with a caret under it ([`ViewError::render`]).
//! Suggestions come from a small edit distance ([`suggest`]), the same for
//! facet keys and for values checked against a snapshot.

use std::ops::Range;

/// A problem in a view: what is wrong, where, and what was probably meant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}{}", .suggestion.as_ref().map(|s| format!(" — did you mean '{s}'?")).unwrap_or_default())]
pub struct ViewError {
    /// Byte range of the offending text in the view string.
    pub span: Range<usize>,
    /// What is wrong, e.g. `unknown facet 'sgd'`.
    pub message: String,
    /// The nearest valid key or value, when one is close.
    pub suggestion: Option<String>,
}

impl ViewError {
    /// An error at `span` without a suggestion.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        ViewError {
            span,
            message: message.into(),
            suggestion: None,
        }
    }

    /// Adds the nearest of `candidates` to `wrong` as a suggestion.
    pub fn suggesting<'a>(
        mut self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        self.suggestion = suggest(wrong, candidates);
        self
    }

    /// The view text, a line with carets under the span, and the message:
    ///
    /// ```text
    /// sdg:4 sgd:9
    ///       ^^^
    /// unknown facet 'sgd' — did you mean 'sdg'?
    /// ```
    ///
    /// A long input is shown as the part around the span (`…` marks what is
    /// cut), so a huge pasted view prints a short message.
    pub fn render(&self, input: &str) -> String {
        let start = floor(input, self.span.start);
        let end = floor(input, self.span.end.max(start)).max(start);
        let col = input[..start].chars().count();
        let width = input[start..end].chars().count().max(1);
        // show at most SHOWN characters: some before the span, then from it
        let from = col.saturating_sub(SHOWN / 2);
        let total = col + input[start..].chars().count();
        let shown: String = input.chars().skip(from).take(SHOWN).collect();
        let (lead, trail) = (from > 0, from + SHOWN < total);
        let clean = crate::sanitize::sanitize(&shown, crate::sanitize::Lines::Single);
        let pad = col - from + usize::from(lead);
        let width = width.min(SHOWN.saturating_sub(col - from)).max(1);
        // the message quotes what was typed, so it is cleaned (and cut) too
        let message = crate::sanitize::sanitize(&self.to_string(), crate::sanitize::Lines::Single)
            .into_owned();
        let message = if message.chars().count() > SHOWN * 2 {
            message.chars().take(SHOWN * 2).chain(['…']).collect()
        } else {
            message
        };
        format!(
            "{}{clean}{}\n{}{}\n{message}",
            if lead { "…" } else { "" },
            if trail { "…" } else { "" },
            " ".repeat(pad),
            "^".repeat(width)
        )
    }
}

/// The longest word [`suggest`] looks for a near miss of.
pub const SUGGEST_CHARS: usize = 64;

/// How many characters of a view [`ViewError::render`] shows at most.
const SHOWN: usize = 120;

/// The largest character boundary of `s` at or below `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The candidate closest to `wrong` (case-insensitive edit distance, a transposition counting as one edit),
/// if it is close enough to be a plausible typo: at most a third of the
/// longer word, and at least 1 edit allowed. Ties go to the first candidate.
///
/// Linear in the candidates: a word longer than `SUGGEST_CHARS` gets no
/// suggestion, and a candidate whose length alone puts it too far is not
/// compared.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wn = wrong.chars().count();
    if wn > SUGGEST_CHARS {
        return None;
    }
    let w = wrong.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let cn = c.chars().count();
        let limit = (wn.max(cn) / 3).max(1);
        if wn.abs_diff(cn) > limit {
            continue;
        }
        let d = strsim::osa_distance(&w, &c.to_lowercase());
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_puts_carets_under_the_span() {
        let e = ViewError::new(6..9, "unknown facet 'sgd'").suggesting("sgd", ["sdg", "target"]);
        assert_eq!(
            e.render("sdg:4 sgd:9"),
            "sdg:4 sgd:9\n      ^^^\nunknown facet 'sgd' — did you mean 'sdg'?"
        );
    }

    #[test]
    fn render_counts_characters_not_bytes() {
        let e = ViewError::new(6..7, "x");
        assert_eq!(e.render("été x"), "été x\n    ^\nx");
    }

    #[test]
    fn suggestions_need_to_be_close() {
        assert_eq!(suggest("sgd", ["sdg", "al"]), Some("sdg".into()));
        assert_eq!(
            suggest("partnershp", ["partnership"]),
            Some("partnership".into())
        );
        assert_eq!(suggest("zzzzzz", ["sdg", "target"]), None);
    }
}
