//! The evidence of one suggested goal: its matched (and nearly matched)
//! query lines, its weighing words with where the goal's body has them
//! from, its vocabulary phrases, and its targets ranked by the same word
//! weights that made the goal's score plus their own matched lines — so
//! what the user reads is exactly what was counted.

use std::collections::HashMap;

use super::engine::Engine;
use super::evidence::{Evidence, GoalSuggestion, Match, TargetSuggestion, WordEvidence};
use super::goals::GoalScore;
use super::lexicon::{PhraseHit, WordHit};
use super::text::Document;

/// A query line that matched (or nearly did) in a text.
#[derive(Debug, Clone)]
pub(super) struct LineHit {
    /// Index into the engine's queries.
    pub query: usize,
    /// Index of the line in that query.
    pub line: usize,
    /// How much of it matched.
    pub degree: f32,
    /// Positions of the words to highlight.
    pub words: Vec<u32>,
}

impl Engine {
    /// The suggestion of goal `s.goal` with its targets and evidence.
    pub(super) fn goal_suggestion(
        &self,
        s: &GoalScore,
        doc: &Document,
        hits: &[WordHit],
        phrases: &[PhraseHit],
        lines: &[LineHit],
    ) -> GoalSuggestion {
        let p = self.params();
        let g = s.goal;
        let gi = usize::from(g);
        let mut evidence = Vec::new();
        let mut full: Vec<&LineHit> = lines.iter().filter(|l| l.degree >= 1.0).collect();
        let near: Vec<&LineHit> = lines.iter().filter(|l| l.degree < 1.0).collect();
        full.truncate(8);
        for l in full.iter().chain(near.iter().take(2)) {
            evidence.push(self.line_evidence(doc, l));
        }
        let mut goal_words: Vec<&WordHit> = hits.iter().filter(|h| h.weights[gi] > 0.0).collect();
        goal_words.sort_by(|a, b| b.weights[gi].total_cmp(&a.weights[gi]));
        if !goal_words.is_empty() {
            evidence.push(Evidence::Words {
                words: goal_words
                    .iter()
                    .take(p.max_words)
                    .map(|h| word_evidence(doc, h, g))
                    .collect(),
            });
        }
        for ph in phrases.iter().filter(|ph| ph.goal == g) {
            evidence.push(Evidence::Phrase {
                phrase: ph.text.clone(),
                weight: p.phrase_weight,
                at: span_match(doc, ph.span),
            });
        }

        // targets: the word weights the goal's score counted, plus lines
        let mut tscore: HashMap<u16, f32> = s.targets.iter().copied().collect();
        let mut tev: HashMap<u16, Vec<Evidence>> = HashMap::new();
        for l in &full {
            if let Some(t) = self.queries[l.query].target {
                *tscore.entry(t).or_default() += p.line_weight;
                tev.entry(t).or_default().push(self.line_evidence(doc, l));
            }
        }
        for &(t, _) in &s.targets {
            let ws: Vec<WordEvidence> = goal_words
                .iter()
                .filter(|h| h.targets.contains(&t))
                .take(p.max_words)
                .map(|h| word_evidence(doc, h, g))
                .collect();
            if !ws.is_empty() {
                tev.entry(t)
                    .or_default()
                    .push(Evidence::Words { words: ws });
            }
        }
        let mut ranked: Vec<(u16, f32)> = tscore.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = ranked.first().map_or(0.0, |r| r.1);
        let targets = ranked
            .into_iter()
            .filter(|&(_, sc)| sc > 0.0 && sc >= p.target_share * top)
            .take(p.max_targets)
            .map(|(t, sc)| TargetSuggestion {
                code: self.targets[usize::from(t)].code.clone(),
                score: sc,
                evidence: tev.remove(&t).unwrap_or_default(),
            })
            .collect();
        GoalSuggestion {
            goal: g,
            name: self.goal_names[gi].clone(),
            score: s.rank_score(p),
            wording: s.wording,
            query_lines: s.lines,
            targets,
            evidence,
        }
    }

    fn line_evidence(&self, doc: &Document, l: &LineHit) -> Evidence {
        let q = &self.queries[l.query];
        let line = &q.lines[l.line];
        Evidence::QueryLine {
            target: q.code.clone(),
            file: q.file.to_string(),
            line: line.line,
            query: line.source.clone(),
            degree: l.degree,
            matched: runs(&l.words)
                .into_iter()
                .map(|s| span_match(doc, s))
                .collect(),
        }
    }
}

/// Consecutive positions joined into spans.
fn runs(positions: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some(last) if last.1 + 1 == p => last.1 = p,
            _ => out.push((p, p)),
        }
    }
    out
}

/// The text of words `span` (inclusive) with its byte range.
fn span_match(doc: &Document, span: (u32, u32)) -> Match {
    let toks = doc.tokens();
    let (a, b) = (span.0 as usize, span.1 as usize);
    match (toks.get(a), toks.get(b)) {
        (Some(s), Some(e)) => Match {
            start: s.span.start,
            end: e.span.end,
            text: doc.text()[s.span.start..e.span.end].to_string(),
        },
        _ => Match {
            start: 0,
            end: 0,
            text: String::new(),
        },
    }
}

fn word_evidence(doc: &Document, h: &WordHit, g: u8) -> WordEvidence {
    let first = h.positions.first().copied().unwrap_or(0);
    WordEvidence {
        word: span_match(doc, (first, first)).text,
        weight: h.weights[usize::from(g)],
        count: h.positions.len(),
        sources: h.sources(g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_consecutive_positions() {
        assert_eq!(runs(&[1, 2, 3, 7, 9, 10]), [(1, 3), (7, 7), (9, 10)]);
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn spans_point_into_the_text() {
        let d = Document::new("Solar mini-grids for clinics");
        let m = span_match(&d, (1, 2));
        assert_eq!((m.text.as_str(), m.start, m.end), ("mini-grids", 6, 16));
        assert_eq!(span_match(&d, (9, 9)).text, "");
    }
}
