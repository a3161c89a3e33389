//! Suggestions as they are kept on an activity: a compact record that
//! says what sdgmap *inferred* — goals, their targets and Action Lines,
//! each with its score and lines of evidence, plus the engine version that
//! made them and the Aurora credit — and that is never a stated link.
//!
//! This is the `suggested` object of a snapshot's activity (see
//! `assets/SCHEMA.md`). [`StoredSuggestions::from_suggestions`] makes one
//! from the engine's output; [`StoredSuggestions::check`] holds a stored
//! record against a snapshot (goals 1–17, targets that exist and belong to
//! their goal, Action Lines that exist, an engine version) and names every
//! problem with where it is. The loader validates the same rules with the
//! activity's id and JSON path (`snapshot::validate`).

use serde::{Deserialize, Serialize};

use super::evidence::{LineSuggestion, Suggestions};
use crate::snapshot::Snapshot;

/// How many pieces of evidence are kept per goal or target.
pub const KEPT_EVIDENCE: usize = 4;

/// What sdgmap suggested for an activity (inferred, not stated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StoredSuggestions {
    /// The engine that made them (`sdgmap-suggest/5 (Aurora SDG queries v5.0)`).
    pub engine: String,
    /// The credit owed for the Aurora queries.
    pub credit: String,
    /// Suggested goals, best first.
    pub goals: Vec<StoredGoal>,
    /// Suggested Action Lines (Matrix rows the suggested goals and targets link to), best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_lines: Vec<StoredLine>,
}

/// One suggested goal as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StoredGoal {
    /// The goal number, 1–17.
    pub goal: u8,
    /// The engine's score (comparable within one activity only).
    pub score: f32,
    /// Suggested targets of the goal, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<StoredTarget>,
    /// The evidence, one line each (matched query lines first, then words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// One suggested target as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StoredTarget {
    /// The target code (`9.c`), of the goal it is listed under.
    pub code: String,
    /// The weight of the evidence that names this target.
    pub score: f32,
    /// The evidence, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// One suggested Action Line as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StoredLine {
    /// The Action Line id (`C7-e-health`).
    pub id: String,
    /// The summed score of the suggested goals and targets linking to it.
    pub score: f32,
    /// The Matrix links that lead to it, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// A score rounded to one decimal, as stored.
fn rounded(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

/// The Matrix links behind a suggested line, one line each.
fn line_evidence(l: &LineSuggestion) -> Vec<String> {
    l.via
        .iter()
        .take(KEPT_EVIDENCE)
        .map(|v| {
            let target = v
                .target
                .as_ref()
                .map(|t| format!(" target {t}"))
                .unwrap_or_default();
            let scope = match v.scope {
                crate::snapshot::Scope::Targets => "targets",
                crate::snapshot::Scope::Goal => "goal",
                crate::snapshot::Scope::AllTargets => "all targets",
            };
            let status = crate::view::status_name(v.status);
            format!(
                "WSIS–SDG Matrix link {} × SDG {}{target} ({scope}, {status})",
                l.id, v.goal
            )
        })
        .collect()
}

impl StoredSuggestions {
    /// The record of the engine's suggestions, keeping
    /// [`KEPT_EVIDENCE`] lines of evidence per goal, target and line.
    pub fn from_suggestions(s: &Suggestions) -> StoredSuggestions {
        StoredSuggestions {
            engine: s.engine.clone(),
            credit: s.credit.clone(),
            goals: s
                .goals
                .iter()
                .map(|g| StoredGoal {
                    goal: g.goal,
                    score: rounded(g.score),
                    targets: g
                        .targets
                        .iter()
                        .map(|t| StoredTarget {
                            code: t.code.clone(),
                            score: rounded(t.score),
                            evidence: t
                                .evidence
                                .iter()
                                .take(KEPT_EVIDENCE)
                                .map(|e| e.describe())
                                .collect(),
                        })
                        .collect(),
                    evidence: g
                        .evidence
                        .iter()
                        .take(KEPT_EVIDENCE)
                        .map(|e| e.describe())
                        .collect(),
                })
                .collect(),
            action_lines: s
                .action_lines
                .iter()
                .map(|l| StoredLine {
                    id: l.id.clone(),
                    score: rounded(l.score),
                    evidence: line_evidence(l),
                })
                .collect(),
        }
    }

    /// The suggested goal numbers, best first.
    pub fn goal_numbers(&self) -> Vec<u8> {
        self.goals.iter().map(|g| g.goal).collect()
    }

    /// The suggested target codes, by goal rank then target rank.
    pub fn target_codes(&self) -> Vec<&str> {
        self.goals
            .iter()
            .flat_map(|g| g.targets.iter().map(|t| t.code.as_str()))
            .collect()
    }

    /// The suggested Action Line ids, best first.
    pub fn line_ids(&self) -> Vec<&str> {
        self.action_lines.iter().map(|l| l.id.as_str()).collect()
    }

    /// Every problem of the record against a snapshot, each naming its
    /// place (`goals[1].targets[0]`) and what is wrong; empty when sound.
    pub fn check(&self, s: &Snapshot) -> Vec<String> {
        let mut out = Vec::new();
        if self.engine.trim().is_empty() {
            out.push("engine: empty; a stored suggestion names the engine that made it".into());
        }
        for (i, g) in self.goals.iter().enumerate() {
            if !(1..=17).contains(&g.goal) {
                out.push(format!("goals[{i}].goal: {} is not a goal (1–17)", g.goal));
            }
            if !g.score.is_finite() {
                out.push(format!("goals[{i}].score: not a number"));
            }
            if self.goals[..i].iter().any(|h| h.goal == g.goal) {
                out.push(format!("goals[{i}].goal: SDG {} is listed twice", g.goal));
            }
            for (k, t) in g.targets.iter().enumerate() {
                let code = &t.code;
                match s.index().target(code) {
                    None => out.push(format!(
                        "goals[{i}].targets[{k}]: target '{code}' is not in the snapshot"
                    )),
                    Some(id) if s.target(id).goal != g.goal => out.push(format!(
                        "goals[{i}].targets[{k}]: target '{code}' is of SDG {}, not SDG {}",
                        s.target(id).goal,
                        g.goal
                    )),
                    Some(_) => {}
                }
                if !t.score.is_finite() {
                    out.push(format!("goals[{i}].targets[{k}].score: not a number"));
                }
            }
        }
        for (k, l) in self.action_lines.iter().enumerate() {
            if s.index().line(&l.id).is_none() {
                out.push(format!(
                    "action_lines[{k}]: Action Line '{}' is not in the snapshot",
                    l.id
                ));
            }
            if !l.score.is_finite() {
                out.push(format!("action_lines[{k}].score: not a number"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::Engine;

    #[test]
    fn the_engine_output_stores_and_checks_clean() {
        let snap = crate::snapshot::load_bundled().unwrap();
        let e = Engine::new(&snap).unwrap();
        let s = e.suggest("Solar mini-grids bring electricity to rural clinics and schools");
        let st = StoredSuggestions::from_suggestions(&s);
        assert_eq!(st.goal_numbers(), s.goal_numbers());
        assert_eq!(st.engine, crate::suggest::ENGINE_VERSION);
        assert_eq!(st.credit, crate::suggest::CREDIT);
        assert!(st.goals.iter().all(|g| g.evidence.len() <= KEPT_EVIDENCE));
        assert_eq!(st.target_codes(), s.target_codes());
        assert_eq!(st.line_ids(), s.line_ids());
        assert!(!st.action_lines.is_empty());
        assert!(
            st.action_lines
                .iter()
                .all(|l| !l.evidence.is_empty() && l.evidence[0].contains("Matrix link")),
            "{:?}",
            st.action_lines
        );
        assert!(st.check(&snap).is_empty(), "{:?}", st.check(&snap));
        let json = serde_json::to_string(&st).unwrap();
        let back: StoredSuggestions = serde_json::from_str(&json).unwrap();
        assert_eq!(back, st);
    }

    #[test]
    fn a_broken_record_names_each_problem() {
        let snap = crate::snapshot::load_bundled().unwrap();
        let st = StoredSuggestions {
            engine: " ".into(),
            credit: String::new(),
            goals: vec![
                StoredGoal {
                    goal: 18,
                    score: 1.0,
                    targets: vec![],
                    evidence: vec![],
                },
                StoredGoal {
                    goal: 7,
                    score: f32::NAN,
                    targets: ["7.1", "6.1", "99.9"]
                        .map(|c| StoredTarget {
                            code: c.into(),
                            score: 1.0,
                            evidence: vec![],
                        })
                        .into(),
                    evidence: vec![],
                },
                StoredGoal {
                    goal: 7,
                    score: 2.0,
                    targets: vec![],
                    evidence: vec![],
                },
            ],
            action_lines: ["C7-e-health", "C99"]
                .map(|id| StoredLine {
                    id: id.into(),
                    score: 1.0,
                    evidence: vec![],
                })
                .into(),
        };
        let p = st.check(&snap);
        let want = [
            "engine: empty",
            "goals[0].goal: 18 is not a goal",
            "goals[1].score: not a number",
            "goals[1].targets[1]: target '6.1' is of SDG 6, not SDG 7",
            "goals[1].targets[2]: target '99.9' is not in the snapshot",
            "goals[2].goal: SDG 7 is listed twice",
            "action_lines[1]: Action Line 'C99' is not in the snapshot",
        ];
        assert_eq!(p.len(), want.len(), "{p:#?}");
        for (got, w) in p.iter().zip(want) {
            assert!(got.starts_with(w), "{got} / {w}");
        }
    }

    #[test]
    fn unknown_keys_are_ignored_as_everywhere_in_a_snapshot() {
        // SCHEMA.md's compatibility policy: a newer writer may add keys
        let st = serde_json::from_str::<StoredSuggestions>(
            r#"{"engine":"x","credit":"c","goals":[{"goal":9,"score":1,"new":1}],"stated":true}"#,
        )
        .unwrap();
        assert_eq!(st.goal_numbers(), [9]);
        let e =
            serde_json::from_str::<StoredSuggestions>(r#"{"credit":"c","goals":[]}"#).unwrap_err();
        assert!(e.to_string().contains("engine"), "{e}");
    }
}
