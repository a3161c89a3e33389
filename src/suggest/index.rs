//! The query lines of all targets, flattened and indexed by the words
//! they contain, so a text evaluates only the lines that hold one of its
//! words: every other line has degree 0 and needs no evaluation. That is
//! what keeps suggesting for 100,000 activities within seconds.

use std::collections::{HashMap, HashSet};

use super::aurora::QueryLine;
use super::text::Document;

/// The query of one target (or of 13.0, which the snapshot lacks).
#[derive(Debug)]
pub(super) struct TargetQueries {
    /// The target code as the Aurora file gives it.
    pub code: String,
    /// Its goal.
    pub goal: u8,
    /// The Aurora file it comes from.
    pub file: &'static str,
    /// The engine's index of the target, when the snapshot has it.
    pub target: Option<u16>,
    /// Its lines.
    pub lines: &'static [QueryLine],
}

/// Every query line as `(query, line)`, with the lines per word.
#[derive(Debug, Default)]
pub(super) struct LineIndex {
    /// `(index into the queries, index of the line in that query)`.
    pub lines: Vec<(u32, u32)>,
    /// Lines per exact word (lemma) they contain.
    exact: HashMap<String, Vec<u32>>,
    /// Lines per wildcard word, by the fixed start of the word.
    prefix: HashMap<String, Vec<u32>>,
}

impl LineIndex {
    /// Flattens the queries' lines and indexes them by their words.
    pub fn new(queries: &[TargetQueries]) -> LineIndex {
        let mut ix = LineIndex::default();
        for (qi, q) in queries.iter().enumerate() {
            for (li, line) in q.lines.iter().enumerate() {
                let k = ix.lines.len() as u32;
                ix.lines.push((qi as u32, li as u32));
                for (p, _) in line.expr.phrases() {
                    for w in &p.words {
                        let (map, key) = match &w.lemma {
                            Some(l) => (&mut ix.exact, l.clone()),
                            None => (&mut ix.prefix, w.prefix().to_string()),
                        };
                        let v = map.entry(key).or_default();
                        if v.last() != Some(&k) {
                            v.push(k);
                        }
                    }
                }
            }
        }
        ix
    }

    /// The lines that hold at least one word of the text, ascending.
    pub fn candidates(&self, doc: &Document) -> Vec<usize> {
        let mut hit = vec![false; self.lines.len()];
        // a word that starts with a wildcard (`?ab`) is indexed under ""
        if let Some(v) = self.prefix.get("") {
            v.iter().for_each(|&k| hit[k as usize] = true);
        }
        let mut seen = HashSet::new();
        for t in doc.tokens() {
            if !seen.insert(t.word.as_str()) {
                continue;
            }
            if let Some(v) = self.exact.get(&t.lemma) {
                v.iter().for_each(|&k| hit[k as usize] = true);
            }
            for (i, c) in t.word.char_indices() {
                let end = i + c.len_utf8();
                if let Some(v) = self.prefix.get(&t.word[..end]) {
                    v.iter().for_each(|&k| hit[k as usize] = true);
                }
            }
        }
        hit.iter()
            .enumerate()
            .filter(|&(_, &h)| h)
            .map(|(k, _)| k)
            .collect()
    }
}
