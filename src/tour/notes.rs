//! The speaker sheet: a tour printed as Markdown for the presenter's eyes.
//!
//! `sdgmap tour notes` prints it; it lists every step with its number,
//! caption, view string, focus and screen, followed by the presenter notes
//! that never appear on the projected screen. The focus is spelled out with
//! the record's name from the snapshot, so the sheet reads on its own.

use std::fmt::Write as _;

use super::Tour;
use crate::entity::EntityRef;
use crate::snapshot::Snapshot;

/// The Markdown speaker sheet of `tour`, naming focused records from `s`.
pub fn speaker_notes(tour: &Tour, s: &Snapshot) -> String {
    let mut out = String::new();
    let n = tour.steps.len();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {}\n", one_line(&tour.title));
    let plural = if n == 1 { "" } else { "s" };
    let _ = write!(out, "Speaker notes · {n} step{plural}");
    if let Some(written_for) = &tour.snapshot {
        let _ = write!(out, " · written for “{}”", one_line(written_for));
    }
    let _ = writeln!(out);
    for (i, step) in tour.steps.iter().enumerate() {
        let _ = writeln!(out, "\n## {}/{n} · {}\n", i + 1, one_line(&step.caption));
        if step.caption.contains('\n') {
            let _ = writeln!(out, "Caption:\n\n{}\n", quote(&step.caption));
        }
        let view = if step.view_text.trim().is_empty() {
            "(no filter: everything)".to_string()
        } else {
            code(&step.view_text)
        };
        let _ = writeln!(out, "- View: {view}");
        if let Some(e) = step.focus {
            let _ = writeln!(out, "- Focus: {} — {}", code(&e.key(s)), describe(e, s));
        }
        if let Some(screen) = step.screen {
            let _ = writeln!(out, "- Screen: {}", screen.name());
        }
        // Each line of the notes is a paragraph: Markdown would otherwise
        // run the presenter's separate points together.
        for line in step.notes.lines().map(str::trim_end) {
            if !line.trim().is_empty() {
                let _ = writeln!(out, "\n{line}");
            }
        }
    }
    out
}

/// The record's name as a reader wants it: `SDG 9: Industry, …`, a target's
/// text, a line's title, an activity's title, `C2 × SDG 9: rationale`.
fn describe(e: EntityRef, s: &Snapshot) -> String {
    let (key, label, title) = (e.key(s), e.label(s), e.title(s));
    let text = if label == key {
        title
    } else if label == title {
        label
    } else {
        format!("{label}: {title}")
    };
    let text = one_line(&text);
    match text.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote(s: &str) -> String {
    s.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` as a Markdown code span, with enough backticks to hold any inside it.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("sdg:9"), "`sdg:9`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
