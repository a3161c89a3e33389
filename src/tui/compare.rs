//! `--compare OLD`: what changed in each Matrix cell since an older
//! snapshot, for the grid's marks, the cell line and the cell's card.
//!
//! The diff itself is the library's ([`crate::diff`]); this keeps the older
//! snapshot beside it so a reload can compare again, and phrases the
//! changes of one cell for the screen.

use std::sync::Arc;

use crate::diff::{ChangeKind, Diff};
use crate::snapshot::{LineId, Snapshot};

/// What the matrix is compared with.
#[derive(Debug)]
pub struct Compare {
    /// The older snapshot's name (file), for headings (sanitized).
    pub name: String,
    /// The older snapshot, kept so a reload can compare again.
    pub old: Arc<Snapshot>,
    /// Old → current.
    pub diff: Diff,
}

impl Compare {
    /// Compares `old` (named `name`) with `current`.
    pub fn new(name: &str, old: Arc<Snapshot>, current: &Snapshot) -> Self {
        let diff = Diff::between(&old, current);
        let name = crate::sanitize::sanitize(name, crate::sanitize::Lines::Single).into_owned();
        Compare { name, old, diff }
    }

    /// The change at a Matrix cell of `s` (the current snapshot), if any.
    pub fn cell_change(&self, s: &Snapshot, row: LineId, sdg: u8) -> Option<ChangeKind> {
        self.diff.cell(&s.line(row).id, sdg).map(|c| c.kind)
    }

    /// Lines describing what changed in a cell of `s` since the compared snapshot.
    pub fn cell_changes(&self, s: &Snapshot, row: LineId, sdg: u8) -> Vec<String> {
        let row_id = &s.line(row).id;
        let mut out = Vec::new();
        for l in self.diff.links_in(row_id, sdg) {
            let what = match l.change.kind {
                ChangeKind::Added => "added".to_string(),
                ChangeKind::Removed => "removed".to_string(),
                ChangeKind::Changed => {
                    let fields: Vec<String> = l
                        .change
                        .fields
                        .iter()
                        .map(|f| format!("{}: {} → {}", f.field, short(&f.old), short(&f.new)))
                        .collect();
                    format!("changed — {}", fields.join("; "))
                }
            };
            out.push(format!("{} {}", l.change.key, what));
        }
        out
    }

    /// Compares again after the current snapshot was replaced by `s`.
    pub fn rediff(&mut self, s: &Snapshot) {
        self.diff = Diff::between(&self.old, s);
    }
}

/// The glyph for a change: `+` added, `−` removed, `±` changed (`~` is taken by partial links).
pub fn change_mark(k: ChangeKind) -> char {
    match k {
        ChangeKind::Added => '+',
        ChangeKind::Removed => '−',
        ChangeKind::Changed => '±',
    }
}

fn short(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    super::text::clip(&s, 60)
}
