//! Suggestions as they are kept on an activity: a compact record that
//! says what sdgmap *inferred* — goals, targets and Action Lines with
//! their scores, a line of evidence each, the engine version that made
//! them and the Aurora credit — and that is never a stated link.
//!
//! [`StoredSuggestions::from_suggestions`] makes one from the engine's
//! output; [`StoredSuggestions::check`] holds a stored record against a
//! snapshot (goals 1–17, targets that exist and belong to their goal,
//! Action Lines that exist, an engine version) and names every problem
//! with where it is, so a loader can report a broken record instead of
//! showing it.

use serde::{Deserialize, Serialize};

use super::evidence::Suggestions;
use crate::snapshot::Snapshot;

/// How many pieces of evidence are kept per goal.
pub const KEPT_EVIDENCE: usize = 4;

/// What sdgmap suggested for an activity (inferred, not stated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoredSuggestions {
    /// The engine that made them (`sdgmap-suggest/3 (Aurora SDG queries v5.0)`).
    pub engine: String,
    /// The credit owed for the Aurora queries.
    pub credit: String,
    /// Suggested goals, best first.
    pub goals: Vec<StoredGoal>,
    /// Suggested Action Line ids, best first.
    #[serde(default)]
    pub action_lines: Vec<String>,
}

/// One suggested goal as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoredGoal {
    /// The goal number, 1–17.
    pub goal: u8,
    /// The engine's score (comparable within one activity only).
    pub score: f32,
    /// Suggested target codes of the goal, best first.
    #[serde(default)]
    pub targets: Vec<String>,
    /// The evidence, one line each (matched query lines first, then words).
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl StoredSuggestions {
    /// The record of the engine's suggestions, keeping
    /// [`KEPT_EVIDENCE`] lines of evidence per goal.
    pub fn from_suggestions(s: &Suggestions) -> StoredSuggestions {
        StoredSuggestions {
            engine: s.engine.clone(),
            credit: s.credit.clone(),
            goals: s
                .goals
                .iter()
                .map(|g| StoredGoal {
                    goal: g.goal,
                    score: (g.score * 10.0).round() / 10.0,
                    targets: g.targets.iter().map(|t| t.code.clone()).collect(),
                    evidence: g
                        .evidence
                        .iter()
                        .take(KEPT_EVIDENCE)
                        .map(|e| e.describe())
                        .collect(),
                })
                .collect(),
            action_lines: s.action_lines.iter().map(|l| l.id.clone()).collect(),
        }
    }

    /// The suggested goal numbers, best first.
    pub fn goal_numbers(&self) -> Vec<u8> {
        self.goals.iter().map(|g| g.goal).collect()
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
            for (k, code) in g.targets.iter().enumerate() {
                match s.index().target(code) {
                    None => out.push(format!(
                        "goals[{i}].targets[{k}]: target '{code}' is not in the snapshot"
                    )),
                    Some(t) if s.target(t).goal != g.goal => out.push(format!(
                        "goals[{i}].targets[{k}]: target '{code}' is of SDG {}, not SDG {}",
                        s.target(t).goal,
                        g.goal
                    )),
                    Some(_) => {}
                }
            }
        }
        for (k, id) in self.action_lines.iter().enumerate() {
            if s.index().line(id).is_none() {
                out.push(format!(
                    "action_lines[{k}]: Action Line '{id}' is not in the snapshot"
                ));
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
                    targets: vec!["7.1".into(), "6.1".into(), "99.9".into()],
                    evidence: vec![],
                },
                StoredGoal {
                    goal: 7,
                    score: 2.0,
                    targets: vec![],
                    evidence: vec![],
                },
            ],
            action_lines: vec!["C7-e-health".into(), "C99".into()],
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
    fn unknown_keys_are_refused() {
        let e = serde_json::from_str::<StoredSuggestions>(
            r#"{"engine":"x","credit":"c","goals":[],"stated":true}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("stated"), "{e}");
    }
}
