//! Action Lines for suggested goals, from the WSIS-SDG Matrix: the rows
//! linked to the suggested targets (and to goals the Matrix links as a
//! whole), each weighted by the suggestion's score and the link's
//! certainty, with the links that lead there as the evidence.

use std::collections::HashMap;

use super::engine::Engine;
use super::evidence::{GoalSuggestion, LineSuggestion, LineVia};
use crate::snapshot::{LineId, LinkStatus};

/// How much a link of this status counts.
fn certainty(s: LinkStatus) -> f32 {
    match s {
        LinkStatus::Confirmed => 1.0,
        LinkStatus::Partial => 0.75,
        LinkStatus::Disputed => 0.5,
    }
}

impl Engine {
    /// Action Lines linked to the suggested targets and goals, best first.
    pub(super) fn lines_for(&self, goals: &[GoalSuggestion]) -> Vec<LineSuggestion> {
        let mut acc: HashMap<LineId, (f32, Vec<LineVia>)> = HashMap::new();
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
        out.truncate(self.params().max_lines);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmed_links_count_most() {
        assert!(certainty(LinkStatus::Confirmed) > certainty(LinkStatus::Partial));
        assert!(certainty(LinkStatus::Partial) > certainty(LinkStatus::Disputed));
    }
}
