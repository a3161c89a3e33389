//! The engine: builds the goals' bodies, the query index and the Matrix
//! lookups once per snapshot, then turns a text into [`Suggestions`].
//!
//! For a text it evaluates the Aurora query lines that hold one of its
//! words (`super::index`), weighs its words for every goal
//! ([`super::lexicon`]), scores and decides the goals
//! ([`super::goals`]), explains each suggested goal and its targets
//! (`super::explain`) and adds the Action Lines the Matrix links them to
//! (`super::lines`). The numbers it uses are the few global [`Params`];
//! none is set per goal.

use std::collections::HashMap;

use super::aurora::{self, AuroraError};
use super::evidence::Suggestions;
use super::explain::LineHit;
use super::goals::{GoalScore, decide, goal_scores, length_scale};
use super::index::{LineIndex, TargetQueries};
use super::lexicon::{Lexicon, LexiconBuilder, Source, WordScores};
use super::text::Document;
use super::{CREDIT, ENGINE_VERSION};
use crate::snapshot::{LineId, LinkStatus, Scope, Snapshot};

/// sdgmap's topical vocabulary of the goals (see the file's header).
pub const VOCABULARY: &str = include_str!("../../assets/suggest/goal-vocabulary.txt");

/// The engine's tunable numbers, all global (none per goal). The defaults
/// are the published ones; the benchmark reports accuracy for them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// θ: the wording score a goal needs on its own.
    pub threshold: f32,
    /// λ: how much being behind the best goal costs.
    pub lambda: f32,
    /// How many of a goal's targets (the heaviest) its wording score counts.
    pub focus_targets: usize,
    /// Share of the weight of words that only the goal's general wording
    /// holds (not any target's own) that counts.
    pub other_words: f32,
    /// Documents a vocabulary word counts as.
    pub vocabulary_weight: f32,
    /// Documents one target's Aurora query words count as. A query casts a
    /// wide net of alternative and qualifying words around its target, so
    /// it counts as half of an official text by default.
    pub query_weight: f32,
    /// Documents one indicator text counts as.
    pub indicator_weight: f32,
    /// Documents the Aurora paragraph on a goal counts as.
    pub description_weight: f32,
    /// Weight a vocabulary phrase adds to its goal.
    pub phrase_weight: f32,
    /// Score a matched query line adds (ranking and display; matching suffices to suggest).
    pub line_weight: f32,
    /// Degree from which a query line that did not match is shown as "nearly".
    pub near_degree: f32,
    /// Most targets suggested per goal.
    pub max_targets: usize,
    /// A target is kept when its score is at least this share of the goal's best.
    pub target_share: f32,
    /// Most Action Lines suggested.
    pub max_lines: usize,
    /// Most words listed as evidence per goal.
    pub max_words: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            threshold: 12.0,
            lambda: 0.25,
            focus_targets: 2,
            other_words: 0.5,
            vocabulary_weight: 2.0,
            query_weight: 0.5,
            indicator_weight: 1.0,
            description_weight: 1.0,
            phrase_weight: 1.0,
            line_weight: 10.0,
            near_degree: 0.75,
            max_targets: 3,
            target_share: 0.5,
            max_lines: 3,
            max_words: 8,
        }
    }
}

/// The raw signals of one text (see [`Engine::weigh`]).
#[derive(Debug, Clone)]
pub struct Weighed {
    /// Words in the text.
    pub len: usize,
    /// Its weighed words and vocabulary phrases.
    pub words: WordScores,
    /// Every goal's score, goals 1–17 in order.
    pub scores: Vec<GoalScore>,
    /// Per goal (index = goal number), the highest degree of its query
    /// lines that were evaluated (1 when one matched).
    pub near: [f32; 18],
}

/// Why the engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A bundled Aurora file does not read.
    #[error("bundled Aurora queries: {0}")]
    Aurora(#[from] &'static AuroraError),
    /// The bundled vocabulary does not read.
    #[error("bundled vocabulary: {0}")]
    Vocabulary(String),
}

/// One target as the engine knows it.
#[derive(Debug, Clone)]
pub(super) struct TargetInfo {
    /// Its code.
    pub code: String,
    /// Matrix links naming it: (row, scope, status).
    pub links: Vec<(LineId, Scope, LinkStatus)>,
}

/// The suggestion engine for one snapshot. Build once, suggest many times;
/// it is `Sync`, so threads can share it.
#[derive(Debug)]
pub struct Engine {
    params: Params,
    pub(super) targets: Vec<TargetInfo>,
    /// The goal of each target, by engine index.
    target_goal: Vec<u8>,
    pub(super) by_code: HashMap<String, u16>,
    pub(super) queries: Vec<TargetQueries>,
    index: LineIndex,
    lexicon: Lexicon,
    pub(super) goal_names: [String; 18],
    /// Matrix links naming a whole goal (or all its targets): per goal.
    pub(super) goal_links: Vec<Vec<(LineId, Scope, LinkStatus)>>,
    pub(super) line_names: Vec<(String, String)>,
}

impl Engine {
    /// Builds the engine over a snapshot's targets, indicators, goal names
    /// and Matrix, with the default [`Params`].
    pub fn new(s: &Snapshot) -> Result<Engine, EngineError> {
        Engine::with_params(s, Params::default())
    }

    /// Builds the engine with explicit parameters.
    pub fn with_params(s: &Snapshot, params: Params) -> Result<Engine, EngineError> {
        let files = aurora::bundled()?;
        let mut targets = Vec::with_capacity(s.targets().len());
        let mut target_goal = Vec::with_capacity(s.targets().len());
        let mut by_code = HashMap::new();
        for (i, t) in s.targets().iter().enumerate() {
            let id = crate::snapshot::TargetId(i as u32);
            let links = s
                .index()
                .links_of_target(id)
                .iter()
                .map(|&l| {
                    let link = s.link(l);
                    (link.action_line, link.scope, link.status)
                })
                .collect();
            by_code.insert(t.code.clone(), i as u16);
            target_goal.push(t.goal);
            targets.push(TargetInfo {
                code: t.code.clone(),
                links,
            });
        }
        let mut b = LexiconBuilder::new(params.phrase_weight);
        b.source_weight(Source::AuroraQuery, params.query_weight)
            .source_weight(Source::IndicatorText, params.indicator_weight)
            .source_weight(Source::AuroraIndicator, params.indicator_weight)
            .source_weight(Source::AuroraDescription, params.description_weight);
        for (i, t) in s.targets().iter().enumerate() {
            b.text(&t.text, t.goal, Source::TargetText, Some(i as u16));
        }
        let mut has_indicators = vec![false; s.targets().len()];
        for ind in s.indicators() {
            let t = s.target(ind.target);
            if let Some(&i) = by_code.get(&t.code) {
                has_indicators[usize::from(i)] = true;
            }
            b.text(
                &ind.name,
                t.goal,
                Source::IndicatorText,
                by_code.get(&t.code).copied(),
            );
        }
        let mut goal_names: [String; 18] = Default::default();
        for g in s.sdgs() {
            b.text(
                &format!("{} {}", g.short_name, g.title),
                g.number,
                Source::GoalName,
                None,
            );
            goal_names[usize::from(g.number.min(17))] = g.short_name.clone();
        }
        let mut queries = Vec::new();
        for f in files {
            b.text(&f.description, f.goal, Source::AuroraDescription, None);
            for tq in &f.targets {
                let target = by_code.get(&tq.code).copied();
                // the indicator texts the Aurora file quotes (after the
                // target's own text), for targets the snapshot has none of
                if let Some(t) = target.filter(|&t| !has_indicators[usize::from(t)]) {
                    for d in tq.descriptions.iter().skip(1) {
                        b.text(d, f.goal, Source::AuroraIndicator, Some(t));
                    }
                }
                let words = tq
                    .lines
                    .iter()
                    .flat_map(|l| l.expr.phrases())
                    .filter(|(_, negated)| !negated)
                    .flat_map(|(p, _)| p.words.iter());
                b.query_words(words, f.goal, target);
                queries.push(TargetQueries {
                    code: tq.code.clone(),
                    goal: f.goal,
                    file: file_name(&f.file),
                    target,
                    lines: &tq.lines,
                });
            }
        }
        let index = LineIndex::new(&queries);
        b.vocabulary(VOCABULARY, params.vocabulary_weight, |code| {
            by_code.get(code).copied()
        })
        .map_err(EngineError::Vocabulary)?;
        let mut goal_links = vec![Vec::new(); 18];
        for link in s.links() {
            if link.scope != Scope::Targets || link.targets.is_empty() {
                goal_links[usize::from(link.sdg.min(17))].push((
                    link.action_line,
                    link.scope,
                    link.status,
                ));
            }
        }
        let line_names = s
            .action_lines()
            .iter()
            .map(|l| (l.id.clone(), l.short_name.clone()))
            .collect();
        Ok(Engine {
            params,
            targets,
            target_goal,
            by_code,
            queries,
            index,
            lexicon: b.build(),
            goal_names,
            goal_links,
            line_names,
        })
    }

    /// The parameters in use.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The raw signals of a text for every goal, before the decision: its
    /// weighed words and the goals' scores (analysis and benchmarks).
    pub fn weigh(&self, text: &str) -> Weighed {
        let doc = Document::new(text);
        let words = self.lexicon.score(&doc);
        let (hits, full_lines) = self.query_hits(&doc);
        let mut near = [0f32; 18];
        for (g, hs) in hits.iter().enumerate() {
            near[g] = hs.iter().map(|h| h.degree).fold(0.0, f32::max);
        }
        let scores = goal_scores(
            &words,
            &self.target_goal,
            &full_lines,
            length_scale(doc.len()),
            &self.params,
        );
        Weighed {
            len: doc.len(),
            words,
            scores,
            near,
        }
    }

    /// The size of each goal's body (index = goal number).
    pub fn body_sizes(&self) -> [f64; 18] {
        self.lexicon.sizes()
    }

    /// The goal of each target, by the engine's index of targets.
    pub fn target_goals(&self) -> &[u8] {
        &self.target_goal
    }

    /// Suggests goals, targets and Action Lines for a text.
    pub fn suggest(&self, text: &str) -> Suggestions {
        let doc = Document::new(text);
        let p = &self.params;
        let words = self.lexicon.score(&doc);
        let (hits, full_lines) = self.query_hits(&doc);
        let scores = goal_scores(
            &words,
            &self.target_goal,
            &full_lines,
            length_scale(doc.len()),
            p,
        );
        let chosen = decide(&scores, p);
        let mut goals: Vec<_> = scores
            .iter()
            .zip(chosen)
            .filter(|(_, c)| *c)
            .map(|(s, _)| {
                let gi = usize::from(s.goal);
                self.goal_suggestion(s, &doc, &words.words, &words.phrases, &hits[gi])
            })
            .collect();
        goals.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.goal.cmp(&b.goal)));
        let action_lines = self.lines_for(&goals);
        Suggestions {
            engine: ENGINE_VERSION.to_string(),
            credit: CREDIT.to_string(),
            goals,
            action_lines,
        }
    }

    /// The query lines that matched or nearly matched, per goal, and the
    /// number that matched in full per goal.
    fn query_hits(&self, doc: &Document) -> (Vec<Vec<LineHit>>, [usize; 18]) {
        let mut hits: Vec<Vec<LineHit>> = vec![Vec::new(); 18];
        let mut full = [0usize; 18];
        for k in self.index.candidates(doc) {
            let (qi, li) = self.index.lines[k];
            let (qi, li) = (qi as usize, li as usize);
            let q = &self.queries[qi];
            let line = &q.lines[li];
            let o = aurora::eval(&line.expr, doc);
            let g = usize::from(q.goal.min(17));
            if o.matched() {
                full[g] += 1;
                let words = aurora::highlights(&line.expr, doc, &o.spans);
                hits[g].push(LineHit {
                    query: qi,
                    line: li,
                    degree: 1.0,
                    words,
                });
            } else if o.degree >= self.params.near_degree {
                hits[g].push(LineHit {
                    query: qi,
                    line: li,
                    degree: o.degree,
                    words: Vec::new(),
                });
            }
        }
        (hits, full)
    }
}

fn file_name(f: &str) -> &'static str {
    aurora::FILES
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n == f)
        .unwrap_or("aurora")
}
