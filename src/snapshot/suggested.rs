//! Suggestions kept on an activity, in the model: what sdgmap inferred
//! (goals, targets, Action Lines, each with a score and evidence), resolved
//! to the snapshot's records and sanitized — never stated links.
//!
//! An [`Activity`](super::Activity)'s stated goals, targets and lines are
//! what every count, cell and facet of sdgmap is made of; its
//! [`Suggested`] record is held apart, behind its own accessor, and only
//! the `suggested:` facet, the card's "Suggested" section and the
//! `suggested_*` export columns read it.

use super::activity::SdgSet;
use super::model::{LineId, TargetId};

/// What sdgmap suggested for an activity (inferred, not stated by its source).
#[derive(Debug, Clone, PartialEq)]
pub struct Suggested {
    /// The engine that made the suggestions (`sdgmap-suggest/5 …`).
    pub engine: String,
    /// The credit owed for the queries the engine evaluates.
    pub credit: String,
    /// Suggested goals, best first.
    pub goals: Vec<SuggestedGoal>,
    /// Suggested Action Lines, best first.
    pub lines: Vec<SuggestedLine>,
}

/// One suggested goal.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedGoal {
    /// The goal number, 1–17.
    pub goal: u8,
    /// The engine's score (comparable within one activity only).
    pub score: f32,
    /// Suggested targets of the goal, best first.
    pub targets: Vec<SuggestedTarget>,
    /// Evidence, one sanitized line each.
    pub evidence: Vec<String>,
}

/// One suggested target.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedTarget {
    /// The target.
    pub target: TargetId,
    /// The weight of the evidence naming it.
    pub score: f32,
    /// Evidence, one sanitized line each.
    pub evidence: Vec<String>,
}

/// One suggested Action Line.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedLine {
    /// The line.
    pub line: LineId,
    /// The summed score of the suggestions linking to it.
    pub score: f32,
    /// Evidence (the Matrix links that lead to it), one sanitized line each.
    pub evidence: Vec<String>,
}

// Scores are finite (validation refuses NaN and infinities), so equality is
// an equivalence, as `Activity: Eq` needs.
impl Eq for Suggested {}

impl Suggested {
    /// The suggested goals as a set.
    pub fn sdgs(&self) -> SdgSet {
        self.goals.iter().map(|g| g.goal).collect()
    }
    /// The suggested targets, by goal rank then target rank.
    pub fn targets(&self) -> impl Iterator<Item = TargetId> + Clone + '_ {
        self.goals
            .iter()
            .flat_map(|g| g.targets.iter().map(|t| t.target))
    }
    /// The suggested Action Lines, best first.
    pub fn lines(&self) -> impl Iterator<Item = LineId> + Clone + '_ {
        self.lines.iter().map(|l| l.line)
    }
    /// Whether nothing is suggested (the engine found no goal).
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Suggested {
        Suggested {
            engine: "e".into(),
            credit: "c".into(),
            goals: vec![
                SuggestedGoal {
                    goal: 9,
                    score: 3.0,
                    targets: vec![SuggestedTarget {
                        target: TargetId(5),
                        score: 1.0,
                        evidence: vec![],
                    }],
                    evidence: vec!["words".into()],
                },
                SuggestedGoal {
                    goal: 4,
                    score: 1.0,
                    targets: vec![],
                    evidence: vec![],
                },
            ],
            lines: vec![SuggestedLine {
                line: LineId(2),
                score: 3.0,
                evidence: vec![],
            }],
        }
    }

    #[test]
    fn sets_and_lists() {
        let s = sample();
        assert_eq!(s.sdgs().iter().collect::<Vec<_>>(), [4, 9]);
        assert_eq!(s.targets().collect::<Vec<_>>(), [TargetId(5)]);
        assert_eq!(s.lines().collect::<Vec<_>>(), [LineId(2)]);
        assert!(!s.is_empty());
        assert_eq!(s, s.clone());
    }
}
