//! The engine: combines the Aurora queries, the wording signal and the
//! Matrix into [`Suggestions`] for a text.
//!
//! A goal is suggested when one of its Aurora query lines matches, or when
//! its wording weight — scaled by `10/√words` so short and long texts
//! compare — is high on its own and close to the best goal's:
//! `w − λ·(best − w) ≥ θ`. The first rule keeps the queries' precision; the
//! second adds what their strict syntax misses, without letting a text's
//! many weak words spread it over every goal. Within a goal, targets rank
//! by their matched query lines and by the words of the text that their
//! own wording (target, indicators, query) holds. Action Lines come from
//! the Matrix: the rows linked to the suggested targets (or to the whole
//! goal), weighted by the suggestion's score and the link's certainty.

use std::collections::HashMap;

use super::aurora::{self, AuroraError, QueryLine};
use super::evidence::{
    Evidence, GoalSuggestion, LineSuggestion, LineVia, Match, Suggestions, TargetSuggestion,
    WordEvidence,
};
use super::lexicon::{Lexicon, LexiconBuilder, Source, WordHit};
use super::text::Document;
use super::{CREDIT, ENGINE_VERSION};
use crate::snapshot::{LineId, LinkStatus, Scope, Snapshot};

/// sdgmap's topical vocabulary of the goals (see the file's header).
pub const VOCABULARY: &str = include_str!("../../assets/suggest/goal-vocabulary.txt");

/// The engine's tunable numbers. The defaults are the published ones; the
/// benchmark reports accuracy for them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// θ: the wording weight a goal needs on its own.
    pub threshold: f32,
    /// λ: how much being behind the best goal costs.
    pub lambda: f32,
    /// Documents a vocabulary word counts as.
    pub vocabulary_weight: f32,
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
            lambda: 0.5,
            vocabulary_weight: 2.0,
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
struct TargetInfo {
    code: String,
    goal: u8,
    /// Matrix links naming it: (row, scope, status).
    links: Vec<(LineId, Scope, LinkStatus)>,
}

/// A query line that matched (or nearly did) in a text.
#[derive(Debug, Clone)]
struct LineHit {
    /// Index into `Engine::queries`.
    query: usize,
    /// Index of the line in that query.
    line: usize,
    /// How much of it matched.
    degree: f32,
    /// Positions of the words to highlight.
    words: Vec<u32>,
}

/// The query of one target (or of 13.0, which the snapshot lacks).
#[derive(Debug)]
struct TargetQueries {
    code: String,
    goal: u8,
    file: &'static str,
    target: Option<u16>,
    lines: &'static [QueryLine],
}

/// The suggestion engine for one snapshot. Build once, suggest many times;
/// it is `Sync`, so threads can share it.
#[derive(Debug)]
pub struct Engine {
    params: Params,
    targets: Vec<TargetInfo>,
    by_code: HashMap<String, u16>,
    queries: Vec<TargetQueries>,
    lexicon: Lexicon,
    goal_names: [String; 18],
    /// Every query line as (query, line): what `triggers` index.
    all_lines: Vec<(u32, u32)>,
    /// Lines per exact word (lemma) they contain.
    triggers: HashMap<String, Vec<u32>>,
    /// Lines per wildcard word, by the fixed start of the word.
    prefix_triggers: HashMap<String, Vec<u32>>,
    /// Matrix links naming a whole goal (or all its targets): per goal.
    goal_links: Vec<Vec<(LineId, Scope, LinkStatus)>>,
    line_names: Vec<(String, String)>,
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
            targets.push(TargetInfo {
                code: t.code.clone(),
                goal: t.goal,
                links,
            });
        }
        let mut b = LexiconBuilder::new(params.phrase_weight);
        for (i, t) in s.targets().iter().enumerate() {
            b.text(&t.text, t.goal, Source::TargetText, Some(i as u16));
        }
        for ind in s.indicators() {
            let t = s.target(ind.target);
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
        let (all_lines, triggers, prefix_triggers) = index_lines(&queries);
        b.vocabulary(VOCABULARY, params.vocabulary_weight)
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
            by_code,
            queries,
            lexicon: b.build(),
            goal_names,
            all_lines,
            triggers,
            prefix_triggers,
            goal_links,
            line_names,
        })
    }

    /// The parameters in use.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Suggests goals, targets and Action Lines for a text.
    pub fn suggest(&self, text: &str) -> Suggestions {
        let doc = Document::new(text);
        let p = &self.params;
        let words = self.lexicon.score(&doc);

        // Aurora: matched and nearly matched lines, per goal.
        let mut matched: Vec<Vec<LineHit>> = vec![Vec::new(); 18];
        let mut full_lines = [0usize; 18];
        for k in self.candidate_lines(&doc) {
            let (qi, li) = self.all_lines[k];
            let (qi, li) = (qi as usize, li as usize);
            let q = &self.queries[qi];
            let line = &q.lines[li];
            {
                let o = aurora::eval(&line.expr, &doc);
                let g = usize::from(q.goal.min(17));
                if o.matched() {
                    full_lines[g] += 1;
                    let hl = aurora::highlights(&line.expr, &doc, &o.spans);
                    matched[g].push(LineHit {
                        query: qi,
                        line: li,
                        degree: 1.0,
                        words: hl,
                    });
                } else if o.degree >= p.near_degree {
                    matched[g].push(LineHit {
                        query: qi,
                        line: li,
                        degree: o.degree,
                        words: Vec::new(),
                    });
                }
            }
        }

        // Longer texts pile up more words: weights are scaled to a text of
        // 100 words by 1/√length (texts under 10 words count as 10).
        let norm = 10.0 / (doc.len().max(10) as f32).sqrt();
        let best = norm * words.goals[1..].iter().copied().fold(0f32, f32::max);
        let mut goals = Vec::new();
        for g in 1..18u8 {
            let gi = usize::from(g);
            let w = norm * words.goals[gi];
            let by_words = w - p.lambda * (best - w) >= p.threshold;
            if full_lines[gi] == 0 && !by_words {
                continue;
            }
            let score = w + p.line_weight * full_lines[gi].min(3) as f32;
            goals.push(self.goal_suggestion(
                g,
                score,
                &doc,
                &words.words,
                &words.phrases,
                &matched[gi],
            ));
        }
        goals.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.goal.cmp(&b.goal)));
        let action_lines = self.lines_for(&goals);
        Suggestions {
            engine: ENGINE_VERSION.to_string(),
            credit: CREDIT.to_string(),
            goals,
            action_lines,
        }
    }

    /// The query lines that hold at least one word of the text, ascending;
    /// every other line has degree 0 and needs no evaluation.
    fn candidate_lines(&self, doc: &Document) -> Vec<usize> {
        let mut hit = vec![false; self.all_lines.len()];
        // a word that starts with a wildcard (`?ab`) is indexed under ""
        if let Some(v) = self.prefix_triggers.get("") {
            v.iter().for_each(|&k| hit[k as usize] = true);
        }
        let mut seen = std::collections::HashSet::new();
        for t in doc.tokens() {
            if !seen.insert(t.word.as_str()) {
                continue;
            }
            if let Some(v) = self.triggers.get(&t.lemma) {
                v.iter().for_each(|&k| hit[k as usize] = true);
            }
            for (i, c) in t.word.char_indices() {
                let end = i + c.len_utf8();
                if let Some(v) = self.prefix_triggers.get(&t.word[..end]) {
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

    fn goal_suggestion(
        &self,
        g: u8,
        score: f32,
        doc: &Document,
        hits: &[WordHit],
        phrases: &[super::lexicon::PhraseHit],
        lines: &[LineHit],
    ) -> GoalSuggestion {
        let p = &self.params;
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
                weight: self.lexicon.phrase_weight(),
                at: span_match(doc, ph.span),
            });
        }

        // targets: matched lines and the words of their own wording
        let mut tscore: HashMap<u16, f32> = HashMap::new();
        let mut tev: HashMap<u16, Vec<Evidence>> = HashMap::new();
        for l in &full {
            if let Some(t) = self.queries[l.query].target {
                *tscore.entry(t).or_default() += p.line_weight;
                tev.entry(t).or_default().push(self.line_evidence(doc, l));
            }
        }
        let mut twords: HashMap<u16, Vec<&WordHit>> = HashMap::new();
        for h in &goal_words {
            for &t in &h.targets {
                if self
                    .targets
                    .get(usize::from(t))
                    .is_some_and(|ti| ti.goal == g)
                {
                    *tscore.entry(t).or_default() += h.weights[gi];
                    twords.entry(t).or_default().push(h);
                }
            }
        }
        for (t, ws) in twords {
            tev.entry(t).or_default().push(Evidence::Words {
                words: ws
                    .iter()
                    .take(p.max_words)
                    .map(|h| word_evidence(doc, h, g))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u16, f32)> = tscore.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = ranked.first().map_or(0.0, |r| r.1);
        let targets = ranked
            .into_iter()
            .filter(|&(_, s)| s > 0.0 && s >= p.target_share * top)
            .take(p.max_targets)
            .map(|(t, s)| TargetSuggestion {
                code: self.targets[usize::from(t)].code.clone(),
                score: s,
                evidence: tev.remove(&t).unwrap_or_default(),
            })
            .collect();
        GoalSuggestion {
            goal: g,
            name: self.goal_names[gi].clone(),
            score,
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

    /// Action Lines linked to the suggested targets and goals.
    fn lines_for(&self, goals: &[GoalSuggestion]) -> Vec<LineSuggestion> {
        let mut acc: HashMap<LineId, (f32, Vec<LineVia>)> = HashMap::new();
        let certainty = |s: LinkStatus| match s {
            LinkStatus::Confirmed => 1.0,
            LinkStatus::Partial => 0.75,
            LinkStatus::Disputed => 0.5,
        };
        for g in goals {
            for t in &g.targets {
                let Some(&ti) = self.by_code.get(&t.code) else {
                    continue;
                };
                for &(line, scope, status) in &self.targets[usize::from(ti)].links {
                    let e = acc.entry(line).or_default();
                    e.0 += t.score * certainty(status);
                    e.1.push(LineVia {
                        goal: g.goal,
                        target: Some(t.code.clone()),
                        scope,
                        status,
                    });
                }
            }
            for &(line, scope, status) in &self.goal_links[usize::from(g.goal.min(17))] {
                let e = acc.entry(line).or_default();
                e.0 += 0.5 * g.score * certainty(status);
                e.1.push(LineVia {
                    goal: g.goal,
                    target: None,
                    scope,
                    status,
                });
            }
        }
        let mut out: Vec<LineSuggestion> = acc
            .into_iter()
            .map(|(line, (score, via))| {
                let (id, name) = self.line_names[line.ix()].clone();
                LineSuggestion {
                    id,
                    name,
                    score,
                    via,
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        out.truncate(self.params.max_lines);
        out
    }
}

/// Flattens the query lines and indexes them by the words they contain.
#[allow(clippy::type_complexity)]
fn index_lines(
    queries: &[TargetQueries],
) -> (
    Vec<(u32, u32)>,
    HashMap<String, Vec<u32>>,
    HashMap<String, Vec<u32>>,
) {
    let mut all = Vec::new();
    let mut exact: HashMap<String, Vec<u32>> = HashMap::new();
    let mut prefix: HashMap<String, Vec<u32>> = HashMap::new();
    for (qi, q) in queries.iter().enumerate() {
        for (li, line) in q.lines.iter().enumerate() {
            let k = all.len() as u32;
            all.push((qi as u32, li as u32));
            for (p, _) in line.expr.phrases() {
                for w in &p.words {
                    let (map, key) = match &w.lemma {
                        Some(l) => (&mut exact, l.clone()),
                        None => (&mut prefix, w.prefix().to_string()),
                    };
                    let v = map.entry(key).or_default();
                    if v.last() != Some(&k) {
                        v.push(k);
                    }
                }
            }
        }
    }
    (all, exact, prefix)
}

fn file_name(f: &str) -> &'static str {
    aurora::FILES
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n == f)
        .unwrap_or("aurora")
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
