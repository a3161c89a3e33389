//! What the HTML page says about each cell, as one JSON document embedded
//! in the page: the cell's links (status, scope, rationale, note, source),
//! the targets it counts with their official text (and those only a
//! disputed link names, apart), and its activities (title, lead), with the
//! cross-cutting ones it leaves out listed apart.
//!
//! Every cell is read through [`cell_content`], as the grid's numbers are.
//! Target and activity texts are held once in tables that cells refer to
//! by index, so the page grows with the snapshot, not with the number of
//! cells a record appears in. The JSON is made safe to sit inside a
//! `<script>` element: `<`, `>` and `&` are written as `\u` escapes.

use serde::Serialize;

use super::Figure;
use crate::matrix::{Column, cell_content, key};
use crate::snapshot::Scope;
use crate::view::status_name;

#[derive(Serialize)]
struct Data {
    metric: &'static str,
    rows: Vec<String>,
    /// `[name, official title or text]`.
    cols: Vec<[String; 2]>,
    /// `[code, official text]`.
    targets: Vec<[String; 2]>,
    /// `[title, lead]`.
    activities: Vec<[String; 2]>,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    r: usize,
    c: usize,
    links: Vec<Link>,
    /// Targets counted (indices into `targets`).
    targets: Vec<u32>,
    /// Targets only a disputed link names: not counted.
    disputed_targets: Vec<u32>,
    /// Activities counted (indices into `activities`).
    activities: Vec<u32>,
    /// Cross-cutting activities at the cell, not counted.
    cross_cutting: Vec<u32>,
}

#[derive(Serialize)]
struct Link {
    status: &'static str,
    scope: &'static str,
    rationale: String,
    note: Option<String>,
    source: String,
}

/// A column's name (`SDG 9 Industry, innovation and infrastructure`,
/// `SDG 9 as a whole`, `target 9.c`) and its official title or text.
fn column(fig: &Figure<'_>, c: Column) -> [String; 2] {
    let s = fig.s;
    match c {
        Column::Sdg(n) | Column::Goal(n) => {
            let (short, title) = s.sdg(n).map_or((String::new(), String::new()), |g| {
                (g.short_name.clone(), g.title.clone())
            });
            let name = match c {
                Column::Goal(_) => format!("SDG {n} {short} as a whole"),
                _ => format!("SDG {n} {short}"),
            };
            [name, title]
        }
        Column::Target(t) => {
            let t = s.target(t);
            [format!("target {}", t.code), t.text.clone()]
        }
    }
}

/// A link's scope in words.
fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::Targets => "named targets",
        Scope::Goal => "the goal as a whole",
        Scope::AllTargets => "every target of the goal",
    }
}

/// Hands out table indices in order of first use.
struct Table {
    slot: Vec<Option<u32>>,
    next: u32,
}

impl Table {
    fn new(n: usize) -> Table {
        Table {
            slot: vec![None; n],
            next: 0,
        }
    }
    /// The index of record `i`, and whether it is new.
    fn index(&mut self, i: usize) -> (u32, bool) {
        match self.slot.get(i).copied().flatten() {
            Some(ix) => (ix, false),
            None => {
                let ix = self.next;
                if let Some(s) = self.slot.get_mut(i) {
                    *s = Some(ix);
                }
                self.next += 1;
                (ix, true)
            }
        }
    }
}

/// The page's data, as JSON safe inside `<script>`.
pub fn json(fig: &Figure<'_>) -> String {
    let s = fig.s;
    let m = &fig.matrix;
    let mut ts = Table::new(s.targets().len());
    let mut acts = Table::new(s.activities().len());
    let mut data = Data {
        metric: m.metric.name(),
        rows: m.rows.iter().map(|&r| key::row_name(s, r)).collect(),
        cols: m.columns.iter().map(|&c| column(fig, c)).collect(),
        targets: Vec::new(),
        activities: Vec::new(),
        cells: Vec::new(),
    };
    for (r, &row) in m.rows.iter().enumerate() {
        for (c, &col) in m.columns.iter().enumerate() {
            let cell = cell_content(s, fig.sel, row, col);
            if cell.links.is_empty() && cell.activities.is_empty() && cell.cross_cutting.is_empty()
            {
                continue;
            }
            let mut target_ix = |t: crate::snapshot::TargetId, data: &mut Data| {
                let (ix, new) = ts.index(t.ix());
                if new {
                    let t = s.target(t);
                    data.targets.push([t.code.clone(), t.text.clone()]);
                }
                ix
            };
            let targets = cell
                .targets
                .iter()
                .map(|&t| target_ix(t, &mut data))
                .collect();
            let disputed_targets = cell
                .disputed_targets
                .iter()
                .map(|&t| target_ix(t, &mut data))
                .collect();
            let mut act_ix = |a: crate::snapshot::ActivityId, data: &mut Data| {
                let (ix, new) = acts.index(a.ix());
                if new {
                    let a = s.activity(a);
                    data.activities
                        .push([a.title().to_string(), a.lead().unwrap_or("").to_string()]);
                }
                ix
            };
            let activities = cell
                .activities
                .iter()
                .map(|&a| act_ix(a, &mut data))
                .collect();
            let cross_cutting = cell
                .cross_cutting
                .iter()
                .map(|&a| act_ix(a, &mut data))
                .collect();
            let links = cell
                .links
                .iter()
                .map(|&k| {
                    let link = s.link(k);
                    Link {
                        status: status_name(link.status),
                        scope: scope_words(link.scope),
                        rationale: link.rationale.clone(),
                        note: link.note.clone(),
                        source: s.source(link.source).title.clone(),
                    }
                })
                .collect();
            data.cells.push(Cell {
                r,
                c,
                links,
                targets,
                disputed_targets,
                activities,
                cross_cutting,
            });
        }
    }
    let text = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
    script_safe(&text)
}

/// JSON text made safe inside a `<script>` element: `<`, `>`, `&` as `\u`
/// escapes (they only ever occur inside JSON strings, where the escapes
/// mean the same characters).
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_still_parses_to_the_same_text() {
        let raw = serde_json::to_string(&["</script><!-- & > \u{2028}"]).unwrap();
        let safe = script_safe(&raw);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, ["</script><!-- & > \u{2028}"]);
    }
}
