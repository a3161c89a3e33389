//! The report of `sdgmap check`: counts of a valid snapshot, or its problems.
//!
//! Built from a load result so the CLI, tests and (later) the app's reload
//! all describe a snapshot the same way; rendered as a one-screen text
//! summary or serialized as JSON for scripts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::snapshot::{LinkStatus, LoadError, Problem, Severity, Snapshot};

/// Counts of a valid snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// `meta.title`.
    pub title: String,
    /// `meta.snapshot_date`.
    pub snapshot_date: String,
    /// Goals.
    pub sdgs: usize,
    /// Targets.
    pub targets: usize,
    /// Indicators.
    pub indicators: usize,
    /// All Action Lines, parents and sub-lines.
    pub action_lines: usize,
    /// Leaf lines: the Matrix rows.
    pub matrix_rows: usize,
    /// All link records.
    pub links: usize,
    /// Links with status `confirmed`.
    pub links_confirmed: usize,
    /// Links with status `partial`.
    pub links_partial: usize,
    /// Links with status `disputed`.
    pub links_disputed: usize,
    /// Countries.
    pub countries: usize,
    /// Activities.
    pub activities: usize,
    /// Sources.
    pub sources: usize,
    /// For each source, in `meta.sources` order, how many records cite it.
    pub by_source: Vec<SourceCount>,
}

/// How many records of each kind cite one source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// The source id.
    pub id: String,
    /// Goals (names, colours, target texts).
    pub sdgs: usize,
    /// Indicators (their text).
    pub indicators: usize,
    /// Indicators whose tier, custodians and partners come from it.
    pub indicator_tiers: usize,
    /// Action Lines (facilitators, prize categories).
    pub action_lines: usize,
    /// Matrix links.
    pub links: usize,
    /// Countries.
    pub countries: usize,
    /// Activities.
    pub activities: usize,
}

impl SourceCount {
    /// `124 links, 60 activities`, or `cited by no record`.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.sdgs, "SDGs"),
            (self.indicators, "indicators"),
            (self.indicator_tiers, "indicator tiers"),
            (self.action_lines, "action lines"),
            (self.links, "links"),
            (self.countries, "countries"),
            (self.activities, "activities"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            "cited by no record".to_string()
        } else {
            parts.join(", ")
        }
    }
}

fn by_source(s: &Snapshot) -> Vec<SourceCount> {
    let mut out: Vec<SourceCount> = s
        .meta()
        .sources
        .iter()
        .map(|x| SourceCount {
            id: x.id.clone(),
            ..SourceCount::default()
        })
        .collect();
    let mut bump = |id: Option<crate::snapshot::SourceId>,
                    f: fn(&mut SourceCount) -> &mut usize| {
        if let Some(c) = id.and_then(|i| out.get_mut(i.ix())) {
            *f(c) += 1;
        }
    };
    for g in s.sdgs() {
        bump(g.source, |c| &mut c.sdgs);
    }
    for i in s.indicators() {
        bump(i.source, |c| &mut c.indicators);
        bump(i.tier_source, |c| &mut c.indicator_tiers);
    }
    for l in s.action_lines() {
        bump(l.source, |c| &mut c.action_lines);
    }
    for l in s.links() {
        bump(Some(l.source), |c| &mut c.links);
    }
    for c in s.countries() {
        bump(c.source, |c| &mut c.countries);
    }
    for a in s.activities() {
        bump(Some(a.source()), |c| &mut c.activities);
    }
    out
}

impl Summary {
    /// Counts the records of `s`, and how many cite each source.
    pub fn of(s: &Snapshot) -> Self {
        Summary {
            by_source: by_source(s),
            ..Summary::counts(s)
        }
    }

    /// [`Summary::of`] without the per-source counts (`by_source` is
    /// empty): no pass over the activities, cheap enough for every frame
    /// of the explorer's header.
    pub fn counts(s: &Snapshot) -> Self {
        let status = |st| s.links().iter().filter(|l| l.status == st).count();
        Summary {
            title: s.meta().title.clone(),
            snapshot_date: s.meta().snapshot_date.clone(),
            sdgs: s.sdgs().len(),
            targets: s.targets().len(),
            indicators: s.indicators().len(),
            action_lines: s.action_lines().len(),
            matrix_rows: s.rows().len(),
            links: s.links().len(),
            links_confirmed: status(LinkStatus::Confirmed),
            links_partial: status(LinkStatus::Partial),
            links_disputed: status(LinkStatus::Disputed),
            countries: s.countries().len(),
            activities: s.activities().len(),
            sources: s.meta().sources.len(),
            by_source: Vec::new(),
        }
    }
}

/// What `sdgmap check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The file checked.
    pub file: String,
    /// Whether the snapshot loads.
    pub valid: bool,
    /// Counts, when valid.
    pub summary: Option<Summary>,
    /// Errors (when invalid) and warnings.
    pub problems: Vec<Problem>,
    /// The full error message of a failed load (with file, line, column and excerpt).
    pub message: Option<String>,
}

impl CheckReport {
    /// The report for a load result.
    pub fn new(file: &str, result: &Result<Snapshot, LoadError>) -> Self {
        match result {
            Ok(s) => {
                let mut problems = s.warnings().to_vec();
                problems.extend(name_clashes(s));
                CheckReport {
                    file: file.into(),
                    valid: true,
                    summary: Some(Summary::of(s)),
                    problems,
                    message: None,
                }
            }
            Err(e) => CheckReport {
                file: file.into(),
                valid: false,
                summary: None,
                problems: e.problems(),
                message: Some(e.to_string()),
            },
        }
    }

    /// Errors in the report.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// The one-screen text summary of a valid snapshot.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let warnings = self.problems.len() - self.errors();
        if let Some(s) = &self.summary {
            let _ = writeln!(
                out,
                "ok: {} is a valid sdgmap snapshot (version 1)",
                self.file
            );
            let _ = writeln!(out, "  {} — {}", s.title, s.snapshot_date);
            let rows: [(&str, String); 11] = [
                ("SDGs", s.sdgs.to_string()),
                ("targets", s.targets.to_string()),
                ("indicators", s.indicators.to_string()),
                (
                    "action lines",
                    format!("{} ({} Matrix rows)", s.action_lines, s.matrix_rows),
                ),
                (
                    "links",
                    format!(
                        "{} ({} confirmed, {} partial, {} disputed)",
                        s.links, s.links_confirmed, s.links_partial, s.links_disputed
                    ),
                ),
                ("  not disputed", (s.links - s.links_disputed).to_string()),
                ("countries", s.countries.to_string()),
                ("activities", s.activities.to_string()),
                ("sources", s.sources.to_string()),
                ("warnings", warnings.to_string()),
                ("errors", "0".to_string()),
            ];
            for (k, v) in rows {
                let _ = writeln!(out, "  {k:<14} {v}");
                if k == "sources" {
                    let w = s
                        .by_source
                        .iter()
                        .map(|c| c.id.chars().count())
                        .max()
                        .unwrap_or(0);
                    for c in &s.by_source {
                        let _ = writeln!(out, "    {:<w$}  {}", c.id, c.describe());
                    }
                }
            }
        }
        match &self.message {
            Some(m) => {
                let _ = writeln!(out, "{m}");
            }
            None => {
                for p in &self.problems {
                    let _ = writeln!(out, "{p}");
                }
            }
        }
        if !self.valid {
            let _ = writeln!(
                out,
                "{}: invalid snapshot: {} error{}, {} warning{}",
                self.file,
                self.errors(),
                plural(self.errors()),
                warnings,
                plural(warnings)
            );
        }
        out
    }
}

/// A warning for each name two countries share: a view or an import
/// naming it finds neither country.
fn name_clashes(s: &Snapshot) -> Vec<Problem> {
    s.country_name_clashes()
        .iter()
        .map(|(name, first, second)| {
            Problem::warning(
                format!("countries[{}]", second.ix()),
                format!(
                    "country {} shares the name \"{}\" with countries[{}] ({}); the name finds neither",
                    s.country(*second).code,
                    crate::sanitize::sanitize(name, crate::sanitize::Lines::Single),
                    first.ix(),
                    s.country(*first).code
                ),
            )
        })
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_counts_are_the_summary_without_the_per_source_pass() {
        let s = crate::snapshot::load_bundled().expect("bundled");
        let full = Summary::of(&s);
        let counts = Summary::counts(&s);
        assert!(counts.by_source.is_empty());
        assert_eq!(full.by_source.len(), s.meta().sources.len());
        assert_eq!(
            Summary {
                by_source: Vec::new(),
                ..full
            },
            counts
        );
    }
}
