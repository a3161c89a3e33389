//! Building a [`Lexicon`]: each goal's body, document by document — the
//! official target and indicator texts, the goal's name, the Aurora
//! paragraph and the words of its queries, and sdgmap's vocabulary file
//! (`N: word prefix* two-word ...`). Each document counts a word once; a
//! word of a target's own text, indicators or query also records that
//! target, which is how the engine sees which targets a text is about.

use std::collections::HashSet;

use super::words::is_content;
use super::{Lexicon, Source, VocabPhrase};
use crate::suggest::aurora::{Phrase, WordPattern};
use crate::suggest::lemma::american_prefix;
use crate::suggest::text::tokenize;

/// Builds a [`Lexicon`] document by document.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    lex: Lexicon,
    /// Documents one document of each [`Source`] counts as (by its bit's index).
    weights: [f32; 8],
}

impl LexiconBuilder {
    /// An empty builder; vocabulary phrases add `phrase_weight` to their goal.
    pub fn new(phrase_weight: f32) -> LexiconBuilder {
        LexiconBuilder {
            lex: Lexicon {
                phrase_weight,
                ..Lexicon::default()
            },
            weights: [1.0; 8],
        }
    }

    /// Sets how many documents one document of `src` counts as (1 unless set).
    pub fn source_weight(&mut self, src: Source, weight: f32) -> &mut LexiconBuilder {
        self.weights[src as usize] = weight;
        self
    }

    fn add(
        &mut self,
        word: String,
        prefix: bool,
        goal: u8,
        src: Source,
        target: Option<u16>,
        w: f32,
    ) {
        let g = usize::from(goal.min(17));
        let w = if src == Source::Vocabulary {
            w
        } else {
            w * self.weights[src as usize]
        };
        if w <= 0.0 {
            return;
        }
        let map = if prefix {
            &mut self.lex.prefixes
        } else {
            &mut self.lex.exact
        };
        let e = map.entry(word).or_default();
        e.counts[g] += w;
        e.sources[g] |= src.bit();
        if let Some(t) = target
            && !e.targets.contains(&t)
        {
            e.targets.push(t);
        }
        self.lex.size[g] += f64::from(w);
        self.lex.total += f64::from(w);
    }

    /// Adds a prose document (each content word once).
    pub fn text(&mut self, text: &str, goal: u8, src: Source, target: Option<u16>) {
        let mut seen = HashSet::new();
        for t in tokenize(text) {
            if is_content(&t.lemma) && seen.insert(t.lemma.clone()) {
                self.add(t.lemma, false, goal, src, target, 1.0);
            }
        }
    }

    /// Adds the words of query phrases as one document: exact words by
    /// lemma, `word*` as a prefix (in American spelling, as lemmas are:
    /// `Organisation*` and `Organization*` are one prefix, counted once);
    /// other wildcard shapes are left out.
    pub fn query_words<'a>(
        &mut self,
        words: impl IntoIterator<Item = &'a WordPattern>,
        goal: u8,
        target: Option<u16>,
    ) {
        let mut seen = HashSet::new();
        for w in words {
            let (key, prefix) = match &w.lemma {
                Some(l) => (l.clone(), false),
                None if w.text.ends_with('*') && w.prefix().len() + 1 == w.text.len() => {
                    (american_prefix(w.prefix()), true)
                }
                None => continue,
            };
            if is_content(&key) && seen.insert((key.clone(), prefix)) {
                self.add(key, prefix, goal, Source::AuroraQuery, target, 1.0);
            }
        }
    }

    /// Adds sdgmap's vocabulary file: `N: word prefix* two-word ...` lines,
    /// `#` comments. Single words weigh `weight` documents; hyphenated
    /// entries are phrases. A line may name a target instead of a goal
    /// (`3.8: telemedic*`): its words then also hold that target, as the
    /// target's own text would (`target` gives a code's engine index; a
    /// snapshot without the target keeps the words in the goal's body only).
    /// A phrase adds to its goal as a whole, so it belongs on a goal line:
    /// on a target line it is an error. Errors name the line.
    pub fn vocabulary(
        &mut self,
        src: &str,
        weight: f32,
        target: impl Fn(&str) -> Option<u16>,
    ) -> Result<(), String> {
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, words) = line
                .split_once(':')
                .ok_or_else(|| format!("vocabulary line {}: expected 'N: words'", n + 1))?;
            let head = head.trim();
            let (goal, code) = head
                .split_once('.')
                .map_or((head, None), |(g, c)| (g, Some(c)));
            let goal: u8 = goal
                .parse()
                .ok()
                .filter(|g| (1..=17).contains(g))
                .ok_or_else(|| format!("vocabulary line {}: '{head}' is not a goal", n + 1))?;
            let target = match code {
                None => None,
                Some(c) if !c.is_empty() && c.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    target(head)
                }
                Some(_) => {
                    return Err(format!(
                        "vocabulary line {}: '{head}' is not a target",
                        n + 1
                    ));
                }
            };
            // a line counts a word once, in either spelling (`labour labor`)
            let mut seen = HashSet::new();
            for entry in words.split_whitespace() {
                if entry.contains('-') {
                    if code.is_some() {
                        return Err(format!(
                            "vocabulary line {}: phrase '{entry}' on a target line \
                             (phrases add to the goal: put it on a goal line)",
                            n + 1
                        ));
                    }
                    let phrase = Phrase::parse(&entry.replace('-', " ")).ok_or_else(|| {
                        format!("vocabulary line {}: bad phrase '{entry}'", n + 1)
                    })?;
                    self.lex.phrases.push(VocabPhrase {
                        phrase,
                        goal,
                        text: entry.to_string(),
                    });
                } else if let Some(p) = entry.strip_suffix('*') {
                    let p: String = tokenize(p).into_iter().map(|t| t.word).collect();
                    let p = american_prefix(&p);
                    if seen.insert((p.clone(), true)) {
                        self.add(p, true, goal, Source::Vocabulary, target, weight);
                    }
                } else {
                    for t in tokenize(entry) {
                        if seen.insert((t.lemma.clone(), false)) {
                            self.add(t.lemma, false, goal, Source::Vocabulary, target, weight);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The finished lexicon.
    pub fn build(self) -> Lexicon {
        self.lex
    }
}
