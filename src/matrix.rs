//! The WSIS–SDG Matrix as numbers: rows × goals (or × one goal's targets).
//!
//! [`Matrix::compute`] turns a snapshot, a [`Metric`], an optional zoom into
//! one goal and a [`Selection`] into a grid of values with per-cell link
//! marks and row/column totals. The explorer paints it; nothing here knows
//! about colours or glyphs beyond the shade level of a value.

use crate::related::link_targets;
use crate::selection::Selection;
use crate::snapshot::{LineId, LinkStatus, Scope, Snapshot, TargetId};

/// What a cell counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Metric {
    /// Targets named by the (not disputed) Matrix link at the cell.
    #[default]
    Targets,
    /// Activities tagged with the row and serving the goal (or target).
    Activities,
}

impl Metric {
    /// The next metric, for cycling.
    pub fn next(self) -> Self {
        match self {
            Metric::Targets => Metric::Activities,
            Metric::Activities => Metric::Targets,
        }
    }
    /// A word for headers: `linked targets`, `activities`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Targets => "linked targets",
            Metric::Activities => "activities",
        }
    }
}

/// A column: a goal, or a target when zoomed into one goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A goal.
    Sdg(u8),
    /// A target of the zoomed goal.
    Target(TargetId),
}

/// The strongest kind of link at a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Mark {
    /// No link.
    #[default]
    None,
    /// Only a disputed link.
    Disputed,
    /// A partial link.
    Partial,
    /// A confirmed link naming the goal as a whole (no targets).
    GoalLevel,
    /// A confirmed link with targets.
    Confirmed,
}

/// A computed grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Rows: Matrix lines, in file order.
    pub rows: Vec<LineId>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Values, row-major.
    pub values: Vec<u32>,
    /// Link marks, row-major.
    pub marks: Vec<Mark>,
    /// Whether a disputed link also exists at the cell.
    pub disputed: Vec<bool>,
    /// Per-row totals: distinct targets or activities over the row.
    pub row_totals: Vec<u32>,
    /// Per-column totals: distinct targets covered (or rows, when zoomed) or distinct activities.
    pub column_totals: Vec<u32>,
    /// The largest cell value.
    pub max: u32,
}

impl Matrix {
    /// Computes the grid for `metric`, zoomed into goal `zoom` when given.
    pub fn compute(s: &Snapshot, metric: Metric, zoom: Option<u8>, sel: &Selection) -> Matrix {
        let rows: Vec<LineId> = s.rows().iter().copied().filter(|&l| sel.line(l)).collect();
        let columns: Vec<Column> = match zoom.and_then(|n| s.sdg(n)) {
            Some(g) => g
                .targets
                .iter()
                .copied()
                .filter(|&t| sel.target(t))
                .map(Column::Target)
                .collect(),
            None => s
                .sdgs()
                .iter()
                .filter(|g| sel.sdg(g.number))
                .map(|g| Column::Sdg(g.number))
                .collect(),
        };
        let (nr, nc) = (rows.len(), columns.len());
        let mut values = vec![0u32; nr * nc];
        let mut marks = vec![Mark::None; nr * nc];
        let mut disputed = vec![false; nr * nc];
        let mut row_sets: Vec<Vec<u32>> = vec![Vec::new(); nr];
        let mut col_sets: Vec<Vec<u32>> = vec![Vec::new(); nc];
        for (r, &line) in rows.iter().enumerate() {
            for (c, &col) in columns.iter().enumerate() {
                let i = r * nc + c;
                let goal = match col {
                    Column::Sdg(n) => n,
                    Column::Target(t) => s.target(t).goal,
                };
                for &k in s.index().links_at(line, goal) {
                    if !sel.link(k) {
                        continue;
                    }
                    let link = s.link(k);
                    let covers = match col {
                        Column::Sdg(_) => true,
                        Column::Target(t) => {
                            link.scope == Scope::AllTargets || link.targets.contains(&t)
                        }
                    };
                    if !covers {
                        continue;
                    }
                    let mark = match (link.status, link.scope) {
                        (LinkStatus::Disputed, _) => Mark::Disputed,
                        (LinkStatus::Partial, _) => Mark::Partial,
                        (LinkStatus::Confirmed, Scope::Goal) => Mark::GoalLevel,
                        (LinkStatus::Confirmed, _) => Mark::Confirmed,
                    };
                    if link.status == LinkStatus::Disputed {
                        disputed[i] = true;
                    }
                    marks[i] = marks[i].max(mark);
                    if metric == Metric::Targets && link.status != LinkStatus::Disputed {
                        let n = match col {
                            Column::Sdg(_) => link_targets(s, k)
                                .into_iter()
                                .filter(|&t| sel.target(t))
                                .count(),
                            Column::Target(_) => 1,
                        };
                        values[i] = values[i].max(n as u32);
                        if let Column::Target(t) = col {
                            row_sets[r].push(t.0);
                            col_sets[c].push(r as u32);
                        } else {
                            let ts = link_targets(s, k)
                                .into_iter()
                                .filter(|&t| sel.target(t))
                                .map(|t| t.0);
                            let ts: Vec<u32> = ts.collect();
                            row_sets[r].extend(&ts);
                            col_sets[c].extend(&ts);
                        }
                    }
                }
                if metric == Metric::Activities {
                    let acts = s
                        .index()
                        .activities_at(line, goal)
                        .iter()
                        .filter(|&&a| sel.activity(a));
                    let acts: Vec<u32> = match col {
                        Column::Sdg(_) => acts.map(|a| a.0).collect(),
                        Column::Target(t) => acts
                            .filter(|&&a| s.activity(a).targets().contains(&t))
                            .map(|a| a.0)
                            .collect(),
                    };
                    values[i] = acts.len() as u32;
                    row_sets[r].extend(&acts);
                    col_sets[c].extend(&acts);
                }
            }
        }
        let distinct = |mut v: Vec<u32>| {
            v.sort_unstable();
            v.dedup();
            v.len() as u32
        };
        let row_totals = row_sets.into_iter().map(distinct).collect();
        let column_totals = col_sets.into_iter().map(distinct).collect();
        let max = values.iter().copied().max().unwrap_or(0);
        Matrix {
            rows,
            columns,
            values,
            marks,
            disputed,
            row_totals,
            column_totals,
            max,
        }
    }

    /// The value at (row, column).
    pub fn value(&self, r: usize, c: usize) -> u32 {
        self.values
            .get(r * self.columns.len() + c)
            .copied()
            .unwrap_or(0)
    }
    /// The mark at (row, column).
    pub fn mark(&self, r: usize, c: usize) -> Mark {
        self.marks
            .get(r * self.columns.len() + c)
            .copied()
            .unwrap_or_default()
    }
    /// Whether a disputed link exists at (row, column).
    pub fn has_disputed(&self, r: usize, c: usize) -> bool {
        self.disputed
            .get(r * self.columns.len() + c)
            .copied()
            .unwrap_or(false)
    }
    /// Shade level 0–4 of a value relative to the largest (0 only for 0).
    pub fn shade(&self, value: u32) -> usize {
        if value == 0 || self.max == 0 {
            return 0;
        }
        1 + ((value - 1) as usize * 4 / self.max as usize).min(3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    fn cell(m: &Matrix, s: &Snapshot, line: &str, col: Column) -> (u32, Mark) {
        let r = m
            .rows
            .iter()
            .position(|&l| l == s.index().line(line).unwrap())
            .unwrap();
        let c = m.columns.iter().position(|&x| x == col).unwrap();
        (m.value(r, c), m.mark(r, c))
    }

    #[test]
    fn targets_metric_counts_link_targets() {
        let s = load_bundled().unwrap();
        let m = Matrix::compute(&s, Metric::Targets, None, &Selection::all(&s));
        assert_eq!((m.rows.len(), m.columns.len()), (18, 17));
        assert_eq!(cell(&m, &s, "C2", Column::Sdg(9)), (3, Mark::Confirmed));
        assert_eq!(cell(&m, &s, "C3", Column::Sdg(1)), (0, Mark::GoalLevel));
        assert_eq!(cell(&m, &s, "C3", Column::Sdg(4)), (0, Mark::Partial));
        // e-learning names every target of goal 4 (scope all_targets)
        let g4 = s.sdg(4).unwrap().targets.len() as u32;
        assert_eq!(cell(&m, &s, "C7-e-learning", Column::Sdg(4)).0, g4);
        // a disputed-only cell is marked but counts nothing
        assert_eq!(cell(&m, &s, "C4", Column::Sdg(8)), (0, Mark::Disputed));
        assert_eq!(
            m.marks.iter().filter(|&&x| x != Mark::None).count(),
            129 - 1
        );
    }

    #[test]
    fn activities_metric_matches_the_index() {
        let s = load_bundled().unwrap();
        let m = Matrix::compute(&s, Metric::Activities, None, &Selection::all(&s));
        let c2 = s.index().line("C2").unwrap();
        assert_eq!(
            cell(&m, &s, "C2", Column::Sdg(9)).0 as usize,
            s.index().activities_at(c2, 9).len()
        );
        assert!(m.max > 0);
    }

    #[test]
    fn zoom_shows_targets_as_columns() {
        let s = load_bundled().unwrap();
        let m = Matrix::compute(&s, Metric::Targets, Some(9), &Selection::all(&s));
        assert_eq!(m.columns.len(), s.sdg(9).unwrap().targets.len());
        let t9c = Column::Target(s.index().target("9.c").unwrap());
        let t92 = Column::Target(s.index().target("9.2").unwrap());
        assert_eq!(cell(&m, &s, "C2", t9c), (1, Mark::Confirmed));
        assert_eq!(cell(&m, &s, "C2", t92), (0, Mark::None));
    }

    #[test]
    fn selection_narrows_the_grid() {
        let s = load_bundled().unwrap();
        let mut sel = Selection::all(&s);
        for n in 1..=17 {
            sel.set_sdg(n, n == 9);
        }
        let m = Matrix::compute(&s, Metric::Targets, None, &sel);
        assert_eq!(m.columns, vec![Column::Sdg(9)]);
    }

    #[test]
    fn shades_scale_with_the_maximum() {
        let m = Matrix {
            rows: vec![],
            columns: vec![],
            values: vec![],
            marks: vec![],
            disputed: vec![],
            row_totals: vec![],
            column_totals: vec![],
            max: 8,
        };
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 8].map(|v| m.shade(v)),
            [0, 1, 1, 2, 2, 3, 4]
        );
    }
}
