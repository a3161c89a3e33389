//! Suggestions drawn as card rows: the activity card's "Suggested (not
//! stated by the source)" section and the `:suggest` overlay share them.
//!
//! Everything here is worded and styled apart from stated links: its own
//! heading, the theme's `suggested` style (a colour no goal chip or stated
//! field uses, in italics, so the mono theme keeps the difference), goals
//! as plain numbers rather than coloured chips, each suggestion with its
//! score and lines of evidence, and the Aurora credit under them.

use ratatui::style::Modifier;
use ratatui::text::Span;

use super::card::Row;
use crate::sanitize::{Lines, sanitize};
use crate::snapshot::{Snapshot, Suggested};
use crate::suggest::{CREDIT, StoredGoal, StoredLine, StoredSuggestions, StoredTarget};
use crate::tui::theme::Theme;

/// The heading of every list of suggestions.
pub const HEADING: &str = "Suggested (not stated by the source)";

/// The key of every suggested goal, target and Action Line, so a row
/// reads as suggested once the heading has scrolled away.
pub const KEY: &str = "suggested";

/// A stored record from the model's (codes and ids for the snapshot's records).
pub fn stored_of(s: &Snapshot, g: &Suggested) -> StoredSuggestions {
    StoredSuggestions {
        engine: g.engine.clone(),
        credit: g.credit.clone(),
        goals: g
            .goals
            .iter()
            .map(|x| StoredGoal {
                goal: x.goal,
                score: x.score,
                targets: x
                    .targets
                    .iter()
                    .map(|t| StoredTarget {
                        code: s.target(t.target).code.clone(),
                        score: t.score,
                        evidence: t.evidence.clone(),
                    })
                    .collect(),
                evidence: x.evidence.clone(),
            })
            .collect(),
        action_lines: g
            .lines
            .iter()
            .map(|l| StoredLine {
                id: s.line(l.line).id.clone(),
                score: l.score,
                evidence: l.evidence.clone(),
            })
            .collect(),
    }
}

/// Every text of `st` made safe for the terminal (the engine's evidence
/// quotes the text it was given).
pub fn sanitized(mut st: StoredSuggestions) -> StoredSuggestions {
    let clean = |x: &mut String| *x = sanitize(x, Lines::Single).into_owned();
    clean(&mut st.engine);
    clean(&mut st.credit);
    for g in &mut st.goals {
        g.evidence.iter_mut().for_each(clean);
        for t in &mut g.targets {
            clean(&mut t.code);
            t.evidence.iter_mut().for_each(clean);
        }
    }
    for l in &mut st.action_lines {
        clean(&mut l.id);
        l.evidence.iter_mut().for_each(clean);
    }
    st
}

/// The rows of `st`: the heading, each goal with its score, evidence and
/// targets, each Action Line with the Matrix links that lead to it, the
/// engine and the credit.
pub fn rows(t: &Theme, s: &Snapshot, st: &StoredSuggestions) -> Vec<Row> {
    let sug = t.suggested;
    let mut out = vec![Row::Text(vec![Span::styled(
        HEADING,
        sug.add_modifier(Modifier::BOLD),
    )])];
    let evidence = |out: &mut Vec<Row>, lines: &[String]| {
        for e in lines {
            out.push(Row::field("", t.dim, format!("‣ {e}"), t.dim));
        }
    };
    if st.goals.is_empty() {
        out.push(Row::text(
            "nothing suggested: no goal has evidence enough in the text",
            t.dim,
        ));
    }
    for g in &st.goals {
        let name = s.sdg(g.goal).map_or("", |x| x.short_name.as_str());
        out.push(Row::field(
            KEY,
            sug,
            format!("SDG {} {name} · score {:.1}", g.goal, g.score),
            sug,
        ));
        evidence(&mut out, &g.evidence);
        // the first target of a run with the same evidence, which shows it
        let mut shown: Option<&StoredTarget> = None;
        for x in &g.targets {
            // the target's official text says what the code means
            let text = s
                .index()
                .target(&x.code)
                .map_or(String::new(), |id| format!(" · {}", s.target(id).text));
            out.push(Row::field(
                &format!("  {KEY}"),
                sug,
                format!("target {} · score {:.1}{text}", x.code, x.score),
                sug,
            ));
            // evidence said once: a target with the goal's words, or with those the last
            // target showed, says so
            match shown {
                _ if x.evidence == g.evidence => {
                    out.push(Row::field("", t.dim, "‣ the goal's words", t.dim));
                }
                Some(b) if b.evidence == x.evidence => out.push(Row::field(
                    "",
                    t.dim,
                    format!("‣ the same words as target {}", b.code),
                    t.dim,
                )),
                _ => {
                    evidence(&mut out, &x.evidence);
                    shown = Some(x);
                }
            }
        }
    }
    for l in &st.action_lines {
        let name = s
            .index()
            .line(&l.id)
            .map_or("", |x| s.line(x).short_name.as_str());
        out.push(Row::field(
            KEY,
            sug,
            format!("Action Line {} {name} · score {:.1}", l.id, l.score),
            sug,
        ));
        evidence(&mut out, &l.evidence);
    }
    out.push(Row::field("engine", t.dim, st.engine.clone(), t.dim));
    out.push(Row::text(CREDIT, t.dim));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::ThemeChoice;

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                Row::Text(spans) => spans.iter().map(|s| s.content.as_ref()).collect(),
                Row::Field { key, value, .. } => {
                    let v: String = value.iter().map(|s| s.content.as_ref()).collect();
                    format!("{key}|{v}")
                }
                Row::Blank => String::new(),
            })
            .collect()
    }

    #[test]
    fn each_evidence_line_is_shown_once() {
        let s = crate::snapshot::load_bundled().expect("bundled");
        let words = |w: &str| vec![format!("words: «{w}» weight 1.0 (target text)")];
        let target = |code: &str, evidence| StoredTarget {
            code: code.into(),
            score: 2.0,
            evidence,
        };
        let st = StoredSuggestions {
            engine: "e".into(),
            credit: CREDIT.into(),
            goals: vec![StoredGoal {
                goal: 3,
                score: 20.0,
                targets: vec![
                    target("3.1", words("health")),
                    target("3.a", words("health")),
                    target("3.b", words("health")),
                    target("3.8", words("health coverage")),
                    target("3.c", words("nurses")),
                ],
                evidence: words("health coverage"),
            }],
            action_lines: Vec::new(),
        };
        let rows = texts(&rows(&Theme::new(ThemeChoice::Dark), &s, &st));
        let health = rows.iter().filter(|r| r.contains("«health»")).count();
        assert_eq!(health, 1, "{rows:#?}");
        assert!(
            rows.iter().any(|r| r == "|‣ the same words as target 3.1"),
            "{rows:#?}"
        );
        let same = rows
            .iter()
            .filter(|r| *r == "|‣ the same words as target 3.1");
        assert_eq!(same.count(), 2, "{rows:#?}");
        assert!(rows.iter().any(|r| r == "|‣ the goal's words"), "{rows:#?}");
        assert!(rows.iter().any(|r| r.contains("«nurses»")), "{rows:#?}");
    }
}
