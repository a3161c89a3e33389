//! `import --suggest`: the suggestion engine run on each imported
//! activity's title and summary, its result stored in the activity's
//! `suggested` record — never in its `sdgs`, `targets` or `action_lines`,
//! which hold only what the source states.

use super::{ImportError, Imported};
use crate::snapshot::{Problem, build};
use crate::suggest::{Engine, StoredSuggestions};

/// The text suggestions are made for: an activity's title and summary.
pub fn activity_text(title: &str, summary: &str) -> String {
    if summary.trim().is_empty() {
        title.to_string()
    } else {
        format!("{title}. {summary}")
    }
}

impl Imported {
    /// Runs `engine` on every imported activity (added, updated or
    /// unchanged) and stores what it suggests, with its evidence and the
    /// engine's version, in the activity's `suggested` record (replacing an
    /// older one). The merged snapshot is validated again. Returns how many
    /// activities got at least one suggested goal.
    pub fn store_suggestions(&mut self, engine: &Engine) -> Result<usize, ImportError> {
        let r = &self.report;
        let ids: std::collections::HashSet<&str> = r
            .added
            .iter()
            .chain(&r.updated)
            .chain(&r.unchanged)
            .map(String::as_str)
            .collect();
        let mut with_goals = 0;
        for a in self
            .raw
            .activities
            .iter_mut()
            .filter(|a| ids.contains(a.id.as_str()))
        {
            let s = engine.suggest(&activity_text(&a.title, &a.summary));
            if !s.goals.is_empty() {
                with_goals += 1;
            }
            a.suggested = Some(StoredSuggestions::from_suggestions(&s));
        }
        self.snapshot = build(self.raw.clone()).map_err(|mut p: Vec<Problem>| {
            p.retain(|p| p.severity == crate::snapshot::Severity::Error);
            ImportError::Merged(p)
        })?;
        Ok(with_goals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_title_and_summary() {
        assert_eq!(activity_text("Solar", ""), "Solar");
        assert_eq!(activity_text("Solar", "Grids."), "Solar. Grids.");
    }
}
