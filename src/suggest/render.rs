//! Suggestions as text for people (a table with evidence) and as the
//! cells of the `id,sdgs,targets,action_lines` CSV. Everything that came
//! from the user's text is sanitized before it is printed.

use std::fmt::Write;

use super::CREDIT;
use super::evidence::Suggestions;
use crate::sanitize::{Lines, sanitize};

/// The four cells of a `--input` CSV row after the id: goals as numbers,
/// target codes and Action Line ids, each `;`-joined.
pub fn csv_cells(s: &Suggestions) -> [String; 3] {
    let goals: Vec<String> = s.goals.iter().map(|g| g.goal.to_string()).collect();
    [
        goals.join(";"),
        s.target_codes().join(";"),
        s.line_ids().join(";"),
    ]
}

/// The human-readable report: each suggested goal with its score, targets
/// and evidence, then the Action Lines with the links that lead to them,
/// then the engine and the Aurora credit. `stated` lists the goals a
/// source states for the record, when the text is a snapshot record.
pub fn table(s: &Suggestions, stated: Option<&[u8]>) -> String {
    let mut out = String::new();
    let clean = |t: &str| sanitize(t, Lines::Single).into_owned();
    if s.goals.is_empty() {
        out.push_str(
            "No SDG suggested: no query line matched and no goal's wording weighs enough.\n",
        );
    } else {
        out.push_str(
            "Suggested SDGs (inferred by sdgmap from the text, not stated by any source)\n",
        );
    }
    if let Some(st) = stated {
        let list: Vec<String> = st.iter().map(|g| format!("SDG {g}")).collect();
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(out, "Stated by the record's source: {list}");
    }
    for g in &s.goals {
        let _ = writeln!(
            out,
            "\nSDG {:>2}  {}  score {:.1}",
            g.goal,
            clean(&g.name),
            g.score
        );
        if !g.targets.is_empty() {
            let ts: Vec<String> = g
                .targets
                .iter()
                .map(|t| format!("{} ({:.1})", t.code, t.score))
                .collect();
            let _ = writeln!(out, "        targets  {}", ts.join("  "));
        }
        for e in &g.evidence {
            let _ = writeln!(out, "        · {}", clean(&e.describe()));
        }
    }
    if !s.action_lines.is_empty() {
        out.push_str("\nAction Lines (Matrix links of the suggested targets and goals)\n");
        for l in &s.action_lines {
            let mut via: Vec<String> = Vec::new();
            for v in &l.via {
                let s = match &v.target {
                    Some(t) => t.clone(),
                    None => format!("SDG {} (whole goal)", v.goal),
                };
                if !via.contains(&s) {
                    via.push(s);
                }
            }
            let _ = writeln!(
                out,
                "  {:<18} {}  score {:.1}  via {}",
                clean(&l.id),
                clean(&l.name),
                l.score,
                via.join(", ")
            );
        }
    }
    let _ = writeln!(out, "\nQueries: {CREDIT}\nEngine: {}", s.engine);
    out
}
