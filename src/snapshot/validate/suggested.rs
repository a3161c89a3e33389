//! Validation of an activity's `suggested` record: every suggested goal,
//! target and Action Line must exist (a dangling one is an error naming the
//! activity and the missing record), targets must belong to the goal they
//! are listed under, scores must be numbers, and every line of evidence is
//! sanitized for display like any other text of the file.

use std::fmt;

use super::{ActivityName, At, Validator, clean};
use crate::sanitize::Lines;
use crate::snapshot::model::Target;
use crate::snapshot::suggested::{Suggested, SuggestedGoal, SuggestedLine, SuggestedTarget};
use crate::suggest::StoredSuggestions;

impl Validator {
    /// The model of an activity's stored suggestions at `path`
    /// (`activities[i].suggested`), every problem reported.
    pub(super) fn suggested(
        &mut self,
        path: &At<'_>,
        name: &ActivityName<'_>,
        s: StoredSuggestions,
        targets: &[Target],
    ) -> Suggested {
        let engine = self.required(path.field("engine"), s.engine, Lines::Single);
        let credit = self.text(path.field("credit"), s.credit, Lines::Single);
        let mut goals = Vec::with_capacity(s.goals.len());
        let gpath = path.field("goals");
        for (i, g) in s.goals.into_iter().enumerate() {
            let at = gpath.at(i);
            if !self.sdg_numbers.contains(g.goal) {
                self.err(
                    at.field("goal"),
                    format!("{name} is suggested SDG {}, which is not in sdgs", g.goal),
                );
            }
            if goals.iter().any(|h: &SuggestedGoal| h.goal == g.goal) {
                self.err(
                    at.field("goal"),
                    format!("{name} is suggested SDG {} twice", g.goal),
                );
            }
            self.score(at.field("score"), name, g.score);
            let mut ts = Vec::with_capacity(g.targets.len());
            let tpath = at.field("targets");
            for (k, t) in g.targets.into_iter().enumerate() {
                let tat = tpath.at(k);
                self.score(tat.field("score"), name, t.score);
                let evidence = self.evidence(&tat.field("evidence"), t.evidence);
                match self.index.target(&t.code) {
                    None => self.err(
                        tat.field("code"),
                        format!(
                            "{name} is suggested target \"{}\", which is not in sdgs[].targets",
                            clean(&t.code)
                        ),
                    ),
                    Some(id) if targets[id.ix()].goal != g.goal => self.err(
                        tat.field("code"),
                        format!(
                            "{name} is suggested target {} under SDG {}, but it belongs to SDG {}",
                            clean(&t.code),
                            g.goal,
                            targets[id.ix()].goal
                        ),
                    ),
                    Some(id) => ts.push(SuggestedTarget {
                        target: id,
                        score: t.score,
                        evidence,
                    }),
                }
            }
            let evidence = self.evidence(&at.field("evidence"), g.evidence);
            goals.push(SuggestedGoal {
                goal: g.goal,
                score: g.score,
                targets: ts,
                evidence,
            });
        }
        let mut lines = Vec::with_capacity(s.action_lines.len());
        let lpath = path.field("action_lines");
        for (k, l) in s.action_lines.into_iter().enumerate() {
            let at = lpath.at(k);
            self.score(at.field("score"), name, l.score);
            let evidence = self.evidence(&at.field("evidence"), l.evidence);
            match self.index.line(&l.id) {
                None => self.err(
                    at.field("id"),
                    format!(
                        "{name} is suggested action line \"{}\", which is not in action_lines",
                        clean(&l.id)
                    ),
                ),
                Some(id) => lines.push(SuggestedLine {
                    line: id,
                    score: l.score,
                    evidence,
                }),
            }
        }
        Suggested {
            engine,
            credit,
            goals,
            lines,
        }
    }

    /// A score must be a finite number.
    fn score(&mut self, path: impl fmt::Display, name: &ActivityName<'_>, x: f32) {
        if !x.is_finite() {
            self.err(
                path,
                format!("{name} has a suggestion score that is not a finite number"),
            );
        }
    }

    /// Lines of evidence, each sanitized to one line.
    fn evidence(&mut self, path: &At<'_>, lines: Vec<String>) -> Vec<String> {
        lines
            .into_iter()
            .enumerate()
            .map(|(j, e)| self.text(path.at(j), e, Lines::Single))
            .collect()
    }
}
