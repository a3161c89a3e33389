//! What changed between two validated snapshots, record by record.
//!
//! Records are matched by their stable keys (target codes, Action Line ids,
//! activity ids, link keys such as `C2/9` or `C6/16/disputed`), never by
//! position, so reordering a file is not a change and a renamed key is a
//! removal plus an addition. Each record is compared through its
//! [`record::Record`] form, field by field. The result is plain data (serde
//! for `--format json`), ordered deterministically: the new snapshot's file
//! order, then what only the old one had; links in Matrix order (row, goal).
//! [`Diff::cells`] regroups link changes per Matrix cell so the app's
//! `--compare` view can mark each cell, and [`reload`] re-reads a file and
//! says what changed without touching the snapshot in use.

pub mod record;
mod reload;
mod report;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

pub use record::{FieldChange, Record, value_text};
pub use reload::{Reloaded, reload};
pub use report::{render_markdown, render_text};

use crate::snapshot::{LinkId, LinkStatus, Snapshot};

/// Whether a record (or a Matrix cell) appeared, disappeared or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only the new snapshot has it.
    Added,
    /// Only the old snapshot has it.
    Removed,
    /// Both have it, with different fields.
    Changed,
}

impl ChangeKind {
    /// The report marker: `+`, `-` or `~`.
    pub fn marker(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        }
    }
}

/// One record that differs, found by its stable key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The stable key: SDG number, target or indicator code, line, source or activity id, link key.
    pub key: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The old record (absent when added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Record>,
    /// The new record (absent when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Record>,
    /// The fields that differ (changed records only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// The record as it is now, or as it was when removed.
    pub fn record(&self) -> Option<&Record> {
        self.new.as_ref().or(self.old.as_ref())
    }
}

/// A Matrix link that differs, with the cell it sits in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkChange {
    /// The row (a leaf Action Line id, e.g. `C2` or `C7-e-health`).
    pub row: String,
    /// The goal number.
    pub sdg: u8,
    /// Whether this is the disputed link of its cell.
    pub disputed: bool,
    /// The change, keyed by the link key (`C2/9`, `C6/16/disputed`).
    #[serde(flatten)]
    pub change: Change,
}

/// One Matrix cell (row × goal) whose links changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChange {
    /// The row id.
    pub row: String,
    /// The goal number.
    pub sdg: u8,
    /// `added`: the cell had no link and now has one; `removed`: it had links
    /// and now has none; `changed`: anything else.
    pub kind: ChangeKind,
    /// Keys of the links that changed in the cell, in [`Diff::links`] order.
    pub links: Vec<String>,
}

/// The title and date of one side of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// `meta.title`.
    pub title: String,
    /// `meta.snapshot_date`.
    pub date: String,
}

/// Added, removed and changed counts of one section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Records only the new snapshot has.
    pub added: usize,
    /// Records only the old snapshot has.
    pub removed: usize,
    /// Records both have, with different fields.
    pub changed: usize,
}

impl Counts {
    fn of<'a>(kinds: impl Iterator<Item = &'a ChangeKind>) -> Self {
        let mut c = Counts::default();
        for k in kinds {
            match k {
                ChangeKind::Added => c.added += 1,
                ChangeKind::Removed => c.removed += 1,
                ChangeKind::Changed => c.changed += 1,
            }
        }
        c
    }
}

/// Everything that differs between an old and a new snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The old snapshot's title and date.
    pub old: Side,
    /// The new snapshot's title and date.
    pub new: Side,
    /// Changed snapshot-wide fields (`title`, `snapshot_date`, `notes`).
    pub meta: Vec<FieldChange>,
    /// Sources, by id.
    pub sources: Vec<Change>,
    /// Goals' own fields (short name, title, colour, source), by number.
    pub sdgs: Vec<Change>,
    /// Targets (goal and text), by code.
    pub targets: Vec<Change>,
    /// Indicators, by code.
    pub indicators: Vec<Change>,
    /// Action Lines (title, short name, parent, facilitators, prize category, source), by id.
    pub action_lines: Vec<Change>,
    /// Matrix links, by link key, in Matrix order (row, goal, disputed last).
    pub links: Vec<LinkChange>,
    /// The Matrix cells whose links changed, in Matrix order.
    pub cells: Vec<CellChange>,
    /// Activities, by id.
    pub activities: Vec<Change>,
}

impl Diff {
    /// Compares `old` with `new`.
    pub fn between(old: &Snapshot, new: &Snapshot) -> Diff {
        let meta = record::meta(old).changes_to(&record::meta(new));
        let sources = compare(
            old.meta()
                .sources
                .iter()
                .map(|x| (x.id.clone(), record::source(x))),
            new.meta()
                .sources
                .iter()
                .map(|x| (x.id.clone(), record::source(x))),
        );
        let sdg = |s: &Snapshot| -> Vec<(String, Record)> {
            let r = |g| record::sdg(s, g);
            s.sdgs()
                .iter()
                .map(|g| (g.number.to_string(), r(g)))
                .collect()
        };
        let target = |s: &Snapshot| -> Vec<(String, Record)> {
            let t = s.targets().iter();
            t.map(|t| (t.code.clone(), record::target(t))).collect()
        };
        let indicator = |s: &Snapshot| -> Vec<(String, Record)> {
            let i = s.indicators().iter();
            i.map(|i| (i.code.clone(), record::indicator(s, i)))
                .collect()
        };
        let line = |s: &Snapshot| -> Vec<(String, Record)> {
            let l = s.action_lines().iter();
            l.map(|l| (l.id.clone(), record::action_line(s, l)))
                .collect()
        };
        let activity = |s: &Snapshot| -> Vec<(String, Record)> {
            let a = s.activities().iter();
            a.map(|a| (a.id().to_owned(), record::activity(s, a)))
                .collect()
        };
        let links = link_changes(old, new);
        let cells = cell_changes(old, new, &links);
        Diff {
            old: side(old),
            new: side(new),
            meta,
            sources,
            sdgs: compare(sdg(old), sdg(new)),
            targets: compare(target(old), target(new)),
            indicators: compare(indicator(old), indicator(new)),
            action_lines: compare(line(old), line(new)),
            links,
            cells,
            activities: compare(activity(old), activity(new)),
        }
    }

    /// True when the snapshots hold the same data (file order aside).
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
            && self.sources.is_empty()
            && self.sdgs.is_empty()
            && self.targets.is_empty()
            && self.indicators.is_empty()
            && self.action_lines.is_empty()
            && self.links.is_empty()
            && self.activities.is_empty()
    }

    /// How many changes in all: records added, removed or changed in every
    /// section, plus each snapshot-wide field (`title` …) that changed.
    pub fn change_count(&self) -> usize {
        self.meta.len()
            + self
                .counts()
                .iter()
                .map(|(_, c)| c.added + c.removed + c.changed)
                .sum::<usize>()
    }

    /// The Matrix cells whose links changed, for marking cells `+`/`-`/`~`.
    pub fn cells(&self) -> &[CellChange] {
        &self.cells
    }

    /// The change of one cell (row id × goal), if its links changed.
    pub fn cell(&self, row: &str, sdg: u8) -> Option<&CellChange> {
        self.cells.iter().find(|c| c.row == row && c.sdg == sdg)
    }

    /// The link changes in one cell, for drilling into a marked cell.
    pub fn links_in<'a>(&'a self, row: &'a str, sdg: u8) -> impl Iterator<Item = &'a LinkChange> {
        self.links
            .iter()
            .filter(move |l| l.row == row && l.sdg == sdg)
    }

    /// How many links, activities … were added, removed and changed, by
    /// section name (`sources`, `sdgs`, `targets`, `indicators`,
    /// `action_lines`, `links`, `activities`), in report order.
    pub fn counts(&self) -> Vec<(&'static str, Counts)> {
        let of = |v: &[Change]| Counts::of(v.iter().map(|c| &c.kind));
        vec![
            (
                "links",
                Counts::of(self.links.iter().map(|l| &l.change.kind)),
            ),
            ("activities", of(&self.activities)),
            ("sdgs", of(&self.sdgs)),
            ("targets", of(&self.targets)),
            ("indicators", of(&self.indicators)),
            ("action_lines", of(&self.action_lines)),
            ("sources", of(&self.sources)),
        ]
    }
}

fn side(s: &Snapshot) -> Side {
    Side {
        title: s.meta().title.clone(),
        date: s.meta().snapshot_date.clone(),
    }
}

/// Matches records by key: new records in their order (added or changed),
/// then the removed ones in the old order.
fn compare(
    old: impl IntoIterator<Item = (String, Record)>,
    new: impl IntoIterator<Item = (String, Record)>,
) -> Vec<Change> {
    let mut old: Vec<(String, Option<Record>)> =
        old.into_iter().map(|(k, r)| (k, Some(r))).collect();
    let pos: HashMap<String, usize> = old
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.clone(), i))
        .collect();
    let mut out = Vec::new();
    for (key, new) in new {
        let was = pos.get(&key).and_then(|&i| old[i].1.take());
        match was {
            None => out.push(Change {
                key,
                kind: ChangeKind::Added,
                old: None,
                new: Some(new),
                fields: Vec::new(),
            }),
            Some(was) => {
                let fields = was.changes_to(&new);
                if !fields.is_empty() {
                    out.push(Change {
                        key,
                        kind: ChangeKind::Changed,
                        old: Some(was),
                        new: Some(new),
                        fields,
                    });
                }
            }
        }
    }
    for (key, rest) in old {
        if let Some(was) = rest {
            out.push(Change {
                key,
                kind: ChangeKind::Removed,
                old: Some(was),
                new: None,
                fields: Vec::new(),
            });
        }
    }
    out
}

/// Position of each row id in Matrix order: the new snapshot's rows, then
/// rows only the old one has.
fn row_order(old: &Snapshot, new: &Snapshot) -> HashMap<String, usize> {
    let mut order = HashMap::new();
    for s in [new, old] {
        for &l in s.rows() {
            let n = order.len();
            order.entry(s.line(l).id.clone()).or_insert(n);
        }
    }
    order
}

fn link_changes(old: &Snapshot, new: &Snapshot) -> Vec<LinkChange> {
    let entries = |s: &Snapshot| -> Vec<(String, Record)> {
        (0..s.links().len() as u32)
            .map(LinkId)
            .map(|k| (s.link_key(k), record::link(s, s.link(k))))
            .collect()
    };
    let cell_of = |s: &Snapshot| -> HashMap<String, (String, u8, bool)> {
        (0..s.links().len() as u32)
            .map(LinkId)
            .map(|k| {
                let l = s.link(k);
                let disputed = l.status == LinkStatus::Disputed;
                (
                    s.link_key(k),
                    (s.line(l.action_line).id.clone(), l.sdg, disputed),
                )
            })
            .collect()
    };
    let mut cells = cell_of(old);
    cells.extend(cell_of(new));
    let order = row_order(old, new);
    let mut out: Vec<LinkChange> = compare(entries(old), entries(new))
        .into_iter()
        .filter_map(|change| {
            let (row, sdg, disputed) = cells.get(&change.key)?.clone();
            Some(LinkChange {
                row,
                sdg,
                disputed,
                change,
            })
        })
        .collect();
    out.sort_by_key(|l| (order.get(&l.row).copied(), l.sdg, l.disputed));
    out
}

fn cell_changes(old: &Snapshot, new: &Snapshot, links: &[LinkChange]) -> Vec<CellChange> {
    let count = |s: &Snapshot, row: &str, sdg: u8| {
        s.index()
            .line(row)
            .map_or(0, |l| s.index().links_at(l, sdg).len())
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in links {
        if !seen.insert((l.row.as_str(), l.sdg)) {
            continue;
        }
        let keys = links
            .iter()
            .filter(|m| m.row == l.row && m.sdg == l.sdg)
            .map(|m| m.change.key.clone())
            .collect();
        let kind = match (count(old, &l.row, l.sdg), count(new, &l.row, l.sdg)) {
            (0, _) => ChangeKind::Added,
            (_, 0) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        out.push(CellChange {
            row: l.row.clone(),
            sdg: l.sdg,
            kind,
            links: keys,
        });
    }
    out
}
