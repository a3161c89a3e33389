//! The wording signal: how strongly each word of a text points at each
//! goal, learnt from the goals' own words.
//!
//! Every goal has a small body of text: the official wording of its targets
//! and indicators and its name (from the snapshot), the Aurora file's
//! paragraph on the goal and the words of its queries, and sdgmap's own
//! topical vocabulary (`assets/suggest/goal-vocabulary.txt`). Each document
//! counts a word once. A text's word then weighs for goal *g* by how much
//! more often it is used for *g* than across all goals — the log-ratio
//! `ln(P(w | g) / P(w))` with light Dirichlet smoothing, kept when positive,
//! times `1 + ln(tf)` for a word the text repeats. So `renewable` counts
//! for SDG 7 and little else, `countries` counts for nothing, and every
//! weight can be shown to the user with where the word comes from.

mod build;
mod source;
mod words;

use std::collections::{HashMap, HashSet};

pub use build::LexiconBuilder;
pub use source::Source;
pub use words::is_content;

use super::aurora::Phrase;
use super::text::Document;

/// Smoothing mass of the log-ratio (in document counts).
const MU: f64 = 2.0;

/// What the bodies say about one word (or prefix).
#[derive(Debug, Clone, Default)]
struct Entry {
    /// Documents per goal (index = goal number; 0 unused).
    counts: [f32; 18],
    /// Sources per goal, as bits of [`Source`].
    sources: [u8; 18],
    /// Targets (engine indices) whose texts or queries hold the word.
    targets: Vec<u16>,
}

impl Entry {
    fn merge(&mut self, o: &Entry) {
        for g in 0..18 {
            self.counts[g] += o.counts[g];
            self.sources[g] |= o.sources[g];
        }
        self.targets.extend_from_slice(&o.targets);
    }
}

/// A phrase of sdgmap's vocabulary (`drinking-water`).
#[derive(Debug, Clone)]
struct VocabPhrase {
    phrase: Phrase,
    goal: u8,
    text: String,
}

/// One word of a text that weighs for some goal.
#[derive(Debug, Clone)]
pub struct WordHit {
    /// The lemma.
    pub lemma: String,
    /// Where it occurs in the text.
    pub positions: Vec<u32>,
    /// Weight per goal (index = goal number).
    pub weights: [f32; 18],
    /// Sources per goal, as bits of [`Source`].
    sources: [u8; 18],
    /// Targets whose wording holds the word.
    pub targets: Vec<u16>,
    /// Documents of each goal's body that hold the word (index = goal).
    pub counts: [f32; 18],
}

impl WordHit {
    /// A hit with these weights and targets (unit tests of the scoring).
    #[cfg(test)]
    pub(crate) fn for_test(weights: [f32; 18], targets: Vec<u16>) -> WordHit {
        WordHit {
            lemma: String::new(),
            positions: vec![0],
            weights,
            sources: [0; 18],
            targets,
            counts: [0.0; 18],
        }
    }

    /// The sources that put this word in goal `g`'s body.
    pub fn sources(&self, g: u8) -> Vec<Source> {
        let bits = self.sources[usize::from(g)];
        Source::ALL
            .into_iter()
            .filter(|s| bits & s.bit() != 0)
            .collect()
    }
}

/// A vocabulary phrase found in a text.
#[derive(Debug, Clone)]
pub struct PhraseHit {
    /// The phrase as the vocabulary writes it.
    pub text: String,
    /// Its goal.
    pub goal: u8,
    /// Its first and last word in the text.
    pub span: (u32, u32),
}

/// The wording signal of one text.
#[derive(Debug, Clone)]
pub struct WordScores {
    /// Sum of weights per goal (index = goal number).
    pub goals: [f32; 18],
    /// The words that weigh, strongest first for no goal in particular.
    pub words: Vec<WordHit>,
    /// Vocabulary phrases found.
    pub phrases: Vec<PhraseHit>,
}

/// The bodies of all goals, ready to weigh texts.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    exact: HashMap<String, Entry>,
    prefixes: HashMap<String, Entry>,
    phrases: Vec<VocabPhrase>,
    size: [f64; 18],
    total: f64,
    phrase_weight: f32,
}

impl Lexicon {
    /// Weighs a text's words for every goal.
    pub fn score(&self, doc: &Document) -> WordScores {
        let mut goals = [0f32; 18];
        let mut words = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for t in doc.tokens() {
            let l = t.lemma.as_str();
            if !is_content(l) || !seen.insert(l) {
                continue;
            }
            let mut parts: Vec<&Entry> = self.exact.get(l).into_iter().collect();
            // a prefix meets the lemma (prefixes are in American spelling,
            // like lemmas) or the word as written (a `feminis*` the
            // queries leave British): the word's own prefixes are looked up
            // only past what it shares with the lemma, so each counts once
            let w = t.word.as_str();
            let shared = l.bytes().zip(w.bytes()).take_while(|(a, b)| a == b).count();
            let own = (shared + 1).max(3)..=w.len();
            for (form, ks) in [(l, 3..=l.len()), (w, own)] {
                for k in ks {
                    if let Some(p) = form.get(..k).and_then(|p| self.prefixes.get(p)) {
                        parts.push(p);
                    }
                }
            }
            if parts.is_empty() {
                continue;
            }
            let mut e = Entry::default();
            for p in parts {
                e.merge(p);
            }
            let tot: f64 = e.counts.iter().map(|&c| f64::from(c)).sum();
            if tot <= 0.0 {
                continue;
            }
            let positions = doc.positions_of_lemma(l).to_vec();
            let tf = (1.0 + (positions.len() as f64).ln()) as f32;
            let pbg = tot / self.total;
            let mut weights = [0f32; 18];
            for g in 1..18 {
                let pg = (f64::from(e.counts[g]) + MU * pbg) / (self.size[g] + MU);
                let v = (pg / pbg).ln() as f32;
                if v > 0.0 {
                    weights[g] = tf * v;
                    goals[g] += tf * v;
                }
            }
            if weights.iter().any(|&w| w > 0.0) {
                e.targets.sort_unstable();
                e.targets.dedup();
                words.push(WordHit {
                    lemma: l.to_string(),
                    positions,
                    weights,
                    sources: e.sources,
                    targets: e.targets,
                    counts: e.counts,
                });
            }
        }
        let mut phrases = Vec::new();
        for vp in &self.phrases {
            if let Some(&(a, b)) = super::aurora::phrase_spans(&vp.phrase, doc).first() {
                goals[usize::from(vp.goal)] += self.phrase_weight;
                phrases.push(PhraseHit {
                    text: vp.text.clone(),
                    goal: vp.goal,
                    span: (a, b),
                });
            }
        }
        WordScores {
            goals,
            words,
            phrases,
        }
    }

    /// The size of each goal's body (documents' words, index = goal).
    pub fn sizes(&self) -> [f64; 18] {
        self.size
    }

    /// The weight a vocabulary phrase adds to its goal.
    pub fn phrase_weight(&self) -> f32 {
        self.phrase_weight
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::aurora::WordPattern;

    fn lex() -> Lexicon {
        let mut b = LexiconBuilder::new(1.0);
        b.text(
            "Ensure access to affordable, reliable, sustainable and modern energy",
            7,
            Source::TargetText,
            Some(0),
        );
        b.text(
            "Increase the share of renewable energy in the global energy mix",
            7,
            Source::TargetText,
            Some(1),
        );
        b.text(
            "Ensure availability of water and sanitation for all countries",
            6,
            Source::TargetText,
            Some(2),
        );
        b.text(
            "Strengthen the means of implementation for all countries",
            17,
            Source::TargetText,
            Some(3),
        );
        b.vocabulary("# c\n7: solar* electricity\n6: drinking-water", 2.0, |_| {
            None
        })
        .unwrap();
        b.build()
    }

    #[test]
    fn specific_words_weigh_and_shared_ones_do_not() {
        let l = lex();
        let s = l.score(&Document::new(
            "Solar panels bring renewable energy to countries",
        ));
        assert!(
            s.goals[7] > s.goals[6] && s.goals[7] > s.goals[17],
            "{:?}",
            s.goals
        );
        let words: Vec<&str> = s.words.iter().map(|w| w.lemma.as_str()).collect();
        assert_eq!(words, ["solar", "renewable", "energy", "country"]);
        // `countries` is in goals 6 and 17 alike: it weighs nothing for 7
        assert_eq!(s.words[3].weights[7], 0.0);
        let solar = &s.words[0];
        assert_eq!(solar.sources(7), [Source::Vocabulary]);
        assert_eq!(s.words[1].targets, [1]);
    }

    #[test]
    fn a_vocabulary_line_may_name_a_target() {
        let mut b = LexiconBuilder::new(1.0);
        b.text(
            "Ensure access to modern energy",
            7,
            Source::TargetText,
            Some(4),
        );
        b.text("Provide safe water", 6, Source::TargetText, Some(9));
        let codes = |c: &str| (c == "7.1").then_some(4);
        b.vocabulary("7: solar*\n7.1: electrification cookstove*", 1.0, codes)
            .unwrap();
        let s = b
            .build()
            .score(&Document::new("solar cookstoves and electrification"));
        let targets = |l: &str| {
            let w = s.words.iter().find(|w| w.lemma == l).expect(l);
            assert!(w.weights[7] > 0.0 && w.sources(7) == [Source::Vocabulary]);
            w.targets.clone()
        };
        assert_eq!(
            targets("solar"),
            Vec::<u16>::new(),
            "a goal line holds no target"
        );
        assert_eq!(targets("cookstove"), [4]);
        assert_eq!(targets("electrification"), [4]);
    }

    #[test]
    fn vocabulary_phrases_add_their_weight() {
        let s = lex().score(&Document::new("Safe drinking water for schools"));
        assert_eq!(s.phrases.len(), 1);
        assert_eq!((s.phrases[0].goal, s.phrases[0].span), (6, (1, 2)));
        assert!(s.goals[6] >= 1.0);
    }

    #[test]
    fn repeated_words_weigh_more_but_not_linearly() {
        let l = lex();
        let once = l.score(&Document::new("renewable")).goals[7];
        let thrice = l
            .score(&Document::new("renewable renewable renewable"))
            .goals[7];
        assert!(thrice > once && thrice < 3.0 * once);
    }

    #[test]
    fn a_source_weight_scales_its_documents() {
        let build = |w: f32| {
            let mut b = LexiconBuilder::new(1.0);
            b.source_weight(Source::AuroraQuery, w);
            b.text("solar energy for clinics", 7, Source::TargetText, Some(0));
            b.text("water for clinics", 6, Source::TargetText, Some(1));
            let words = [WordPattern::new("geothermal".into())];
            b.query_words(words.iter(), 7, Some(0));
            b.build()
        };
        let full = build(1.0);
        let half = build(0.5);
        let none = build(0.0);
        let doc = Document::new("geothermal clinics");
        let g = |l: &Lexicon| l.score(&doc).goals[7];
        assert!(g(&full) > 0.0 && g(&half) > 0.0);
        assert_eq!(full.size[7], 4.0);
        assert_eq!(half.size[7], 3.5);
        // a weight of 0 leaves the source out entirely
        assert_eq!(none.size[7], 3.0);
        assert!(
            none.score(&doc)
                .words
                .iter()
                .all(|w| w.lemma != "geothermal")
        );
    }

    #[test]
    fn bad_vocabulary_lines_are_errors() {
        let mut b = LexiconBuilder::new(1.0);
        let none = |_: &str| None;
        assert!(
            b.vocabulary("18: x", 1.0, none)
                .unwrap_err()
                .contains("line 1")
        );
        assert!(
            b.vocabulary("\n7 x", 1.0, none)
                .unwrap_err()
                .contains("line 2")
        );
        let err = b.vocabulary("# c\n7.1-: x", 1.0, none).unwrap_err();
        assert!(
            err.contains("line 2") && err.contains("'7.1-' is not a target"),
            "{err}"
        );
        assert!(b.vocabulary("7.: y", 1.0, none).is_err());
        let err = b.vocabulary("7.1: solar-home", 1.0, none).unwrap_err();
        assert!(
            err.contains("phrase 'solar-home' on a target line"),
            "{err}"
        );
        assert!(
            b.vocabulary("7.x: y", 1.0, none).is_ok(),
            "a target of no snapshot"
        );
    }

    #[test]
    fn every_target_the_vocabulary_names_is_in_the_bundled_snapshot() {
        let s = crate::snapshot::load_bundled().expect("bundled");
        let codes: HashSet<&str> = s.targets().iter().map(|t| t.code.as_str()).collect();
        // the codes the builder itself reads off the file's target lines
        let named = std::cell::RefCell::new(Vec::new());
        LexiconBuilder::new(1.0)
            .vocabulary(crate::suggest::engine::VOCABULARY, 1.0, |code| {
                named.borrow_mut().push(code.to_string());
                None
            })
            .expect("the vocabulary parses");
        let named = named.into_inner();
        assert!(named.iter().any(|c| c == "3.8"), "{named:?}");
        for code in named {
            assert!(
                codes.contains(code.as_str()),
                "vocabulary names {code}, no target of the snapshot"
            );
        }
    }
}
