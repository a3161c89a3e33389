//! The human-readable forms of a [`Diff`]: a text report and Markdown.
//!
//! Both are rendered from one list of report lines (headings and items
//! with a depth and a `+`/`-`/`~` marker), so the two formats cannot drift
//! apart. Every piece of snapshot text passes through
//! [`crate::sanitize::sanitize`] here, even though the model is sanitized
//! at load, so no diff of any snapshot can put an escape sequence on a
//! terminal. Colour is an argument, not a guess: the caller knows whether
//! stdout is a terminal and whether `NO_COLOR` is set. The ANSI codes are
//! written by hand (four of them), which needs no terminal library.

use std::fmt::Write as _;

use super::{Change, ChangeKind, Diff, FieldChange, Record, value_text};
use crate::sanitize::{Lines, sanitize};

/// One line of a report.
enum Line {
    Heading(String),
    Item {
        depth: usize,
        kind: Option<ChangeKind>,
        text: String,
    },
}

fn clean(s: &str) -> String {
    sanitize(s, Lines::Single).into_owned()
}

fn item(out: &mut Vec<Line>, depth: usize, kind: Option<ChangeKind>, text: String) {
    out.push(Line::Item { depth, kind, text });
}

/// A one-line description of a record for its added/removed/changed line.
fn headline(r: Option<&Record>, link: bool, prefer: &[&str]) -> String {
    let Some(r) = r else {
        return String::new();
    };
    let get = |f: &str| r.get(f).map(value_text).unwrap_or_default();
    if link {
        return clean(&format!(
            "{}, {}: {}",
            get("status"),
            match get("scope").as_str() {
                "targets" => format!("targets {}", get("targets")),
                "goal" => "the goal as a whole".to_string(),
                _ => "all targets".to_string(),
            },
            get("rationale")
        ));
    }
    prefer
        .iter()
        .find_map(|f| r.get(f).map(value_text))
        .map(|t| clean(&t))
        .unwrap_or_default()
}

fn fields(out: &mut Vec<Line>, depth: usize, fields: &[FieldChange]) {
    for f in fields {
        if f.is_list() {
            let mut parts: Vec<String> = f.added_items().iter().map(|x| format!("+{x}")).collect();
            parts.extend(f.removed_items().iter().map(|x| format!("-{x}")));
            if parts.is_empty() {
                parts.push("order changed".into());
            }
            item(
                out,
                depth,
                None,
                clean(&format!("{}: {}", f.field, parts.join(" "))),
            );
            continue;
        }
        let (old, new) = (value_text(&f.old), value_text(&f.new));
        if old.chars().count() + new.chars().count() <= 60 && !old.contains('\n') {
            item(
                out,
                depth,
                None,
                clean(&format!("{}: {old} → {new}", f.field)),
            );
        } else {
            item(out, depth, None, format!("{}:", f.field));
            item(out, depth + 1, Some(ChangeKind::Removed), clean(&old));
            item(out, depth + 1, Some(ChangeKind::Added), clean(&new));
        }
    }
}

fn changes(out: &mut Vec<Line>, list: &[Change], label: &dyn Fn(&str) -> String, prefer: &[&str]) {
    for c in list {
        let head = headline(c.record(), false, prefer);
        let text = match head.is_empty() {
            true => label(&c.key),
            false => format!("{}  {head}", label(&c.key)),
        };
        item(out, 0, Some(c.kind), text);
        fields(out, 1, &c.fields);
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn lines(d: &Diff) -> Vec<Line> {
    let mut out = Vec::new();
    let summary: Vec<String> = d
        .counts()
        .into_iter()
        .filter(|(_, c)| c.added + c.removed + c.changed > 0)
        .map(|(name, c)| {
            let parts: Vec<String> = [
                (c.added, "added"),
                (c.removed, "removed"),
                (c.changed, "changed"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| format!("{n} {w}"))
            .collect();
            format!("{} {}", name.replace('_', " "), parts.join(", "))
        })
        .collect();
    let title = if d.is_empty() {
        "The snapshots are identical".to_string()
    } else if summary.is_empty() {
        "The snapshots differ in their metadata".to_string()
    } else {
        format!("The snapshots differ: {}", summary.join("; "))
    };
    out.push(Line::Heading(title));
    item(
        &mut out,
        0,
        None,
        clean(&format!("old: {} ({})", d.old.title, d.old.date)),
    );
    item(
        &mut out,
        0,
        None,
        clean(&format!("new: {} ({})", d.new.title, d.new.date)),
    );
    if !d.cells.is_empty() {
        out.push(Line::Heading(format!(
            "Matrix links ({} in {})",
            plural(d.links.len(), "change"),
            plural(d.cells.len(), "cell")
        )));
        for cell in &d.cells {
            let text = clean(&format!("{} × SDG {}", cell.row, cell.sdg));
            item(&mut out, 0, Some(cell.kind), text);
            for l in d.links_in(&cell.row, cell.sdg) {
                let c = &l.change;
                let text = format!("{}  {}", clean(&c.key), headline(c.record(), true, &[]));
                item(&mut out, 1, Some(c.kind), text);
                fields(&mut out, 2, &c.fields);
            }
        }
    }
    let mut section =
        |title: &str, list: &[Change], label: &dyn Fn(&str) -> String, prefer: &[&str]| {
            if !list.is_empty() {
                out.push(Line::Heading(format!("{title} ({})", list.len())));
                changes(&mut out, list, label, prefer);
            }
        };
    let plain = |k: &str| clean(k);
    section("Activities", &d.activities, &plain, &["title"]);
    section(
        "SDGs",
        &d.sdgs,
        &|k| format!("SDG {}", clean(k)),
        &["short_name"],
    );
    section(
        "Targets",
        &d.targets,
        &|k| format!("target {}", clean(k)),
        &["text"],
    );
    section("Indicators", &d.indicators, &plain, &["name"]);
    section("Action Lines", &d.action_lines, &plain, &["title"]);
    section("Countries", &d.countries, &plain, &["name"]);
    section("Sources", &d.sources, &plain, &["title"]);
    if !d.meta.is_empty() {
        out.push(Line::Heading("Snapshot metadata".into()));
        fields(&mut out, 0, &d.meta);
    }
    out
}

/// The text report: a heading per section, one line per change with a
/// `+`/`-`/`~` marker, indented field changes. With `color`, markers and
/// headings carry ANSI colours (green added, red removed, yellow changed).
pub fn render_text(d: &Diff, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut s = String::new();
    for (i, line) in lines(d).iter().enumerate() {
        match line {
            Line::Heading(h) => {
                if i > 0 {
                    s.push('\n');
                }
                let _ = writeln!(s, "{}", paint("1", h));
            }
            Line::Item { depth, kind, text } => {
                let pad = "  ".repeat(depth + 1);
                let _ = match kind {
                    None => writeln!(s, "{pad}{text}"),
                    Some(k) => {
                        let code = match k {
                            ChangeKind::Added => "32",
                            ChangeKind::Removed => "31",
                            ChangeKind::Changed => "33",
                        };
                        writeln!(s, "{pad}{} {text}", paint(code, &k.marker().to_string()))
                    }
                };
            }
        }
    }
    s
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The report as Markdown: `##` headings and nested bullet lists, with
/// Markdown's special characters escaped.
pub fn render_markdown(d: &Diff) -> String {
    let mut s = String::from("# Snapshot diff\n");
    for line in lines(d) {
        match line {
            Line::Heading(h) => {
                let _ = write!(s, "\n## {}\n\n", md_escape(&h));
            }
            Line::Item { depth, kind, text } => {
                let pad = "  ".repeat(depth);
                let marker = kind
                    .map(|k| format!("`{}` ", k.marker()))
                    .unwrap_or_default();
                let _ = writeln!(s, "{pad}- {marker}{}", md_escape(&text));
            }
        }
    }
    s
}
