//! The WSIS–SDG Matrix as numbers: rows × goals (or × one goal's targets).
//!
//! [`Matrix::compute`] turns a snapshot, a [`Metric`], an optional zoom into
//! one goal and a [`Selection`] into a grid of values with per-cell link
//! marks and row/column totals. Every cell is read through
//! [`cell_content`], the same definition the drill-down lists, so a cell's
//! number is always the length of what its drill-down shows; every Σ is the
//! distinct union of its cells (plus, for a row under the `activities`
//! metric, the row's activities that name no goal at all). The `indicators`
//! metric counts the distinct indicators of the targets the `targets`
//! metric counts, under the same link rules. Links that name a goal as a
//! whole cover no target: the targets and indicators metrics count them
//! apart, in
//! [`Matrix::row_goals`] and [`Matrix::column_goals`], and a zoomed goal
//! gets a [`Column::Goal`] column for them, so "no link" is never read where
//! the Matrix has one. How a grid is shown — the heat scale, mark glyphs,
//! totals and legend — is [`key`], shared by the explorer and the figures.

mod cell;
pub mod key;

pub use cell::{CellContent, cell_content, column_goal, goalless_activities, indicator_key};

use crate::selection::Selection;
use crate::snapshot::{ActivityId, LineId, Scope, Snapshot};

/// What a cell counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Metric {
    /// Targets covered by the (not disputed) Matrix links at the cell.
    #[default]
    Targets,
    /// Activities tagged with the row and serving the goal (or target).
    Activities,
    /// Distinct indicators measuring the targets the `Targets` metric
    /// counts at the cell (an indicator repeated under several of them
    /// counts once).
    Indicators,
}

impl Metric {
    /// Every metric, in the order [`Metric::next`] cycles through them.
    pub const ALL: [Metric; 3] = [Metric::Targets, Metric::Activities, Metric::Indicators];

    /// The next metric, for cycling: targets, activities, indicators.
    pub fn next(self) -> Self {
        match self {
            Metric::Targets => Metric::Activities,
            Metric::Activities => Metric::Indicators,
            Metric::Indicators => Metric::Targets,
        }
    }
    /// A word for headers: `linked targets`, `activities`, `indicators of
    /// linked targets`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Targets => "linked targets",
            Metric::Activities => "activities",
            Metric::Indicators => "indicators of linked targets",
        }
    }
    /// The metric's one-word name, as `--metric` takes it: `targets`,
    /// `activities`, `indicators`.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Targets => "targets",
            Metric::Activities => "activities",
            Metric::Indicators => "indicators",
        }
    }
    /// Whether the metric counts what links cover (targets, indicators),
    /// so whole-goal links are counted apart in the totals.
    pub fn counts_link_cover(self) -> bool {
        matches!(self, Metric::Targets | Metric::Indicators)
    }
}

/// A column: a goal, or, zoomed into one goal, its whole-goal column and
/// its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A goal.
    Sdg(u8),
    /// The zoomed goal as a whole: links naming the goal without targets
    /// (and, under the activities metric, activities naming none of its
    /// targets).
    Goal(u8),
    /// A target of the zoomed goal.
    Target(crate::snapshot::TargetId),
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
    /// The metric the values count.
    pub metric: Metric,
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
    /// Per-row totals: distinct targets, activities or indicators over the row.
    pub row_totals: Vec<u32>,
    /// Per-column totals: distinct targets covered (rows covering the
    /// target, when zoomed), distinct activities or distinct indicators.
    pub column_totals: Vec<u32>,
    /// Per row, under the targets and indicators metrics: goals the row
    /// links as a whole (confirmed or partial links of scope `goal`); 0
    /// under activities.
    pub row_goals: Vec<u32>,
    /// Per row, under the activities metric (not zoomed): activities of
    /// the row that state no goal — in its Σ, in none of its cells (the
    /// WSIS Prizes nominees state an Action Line and no goal).
    pub row_goalless: Vec<u32>,
    /// Per column, under the targets and indicators metrics: rows linking
    /// the column's goal as a whole; 0 under activities and for target
    /// columns.
    pub column_goals: Vec<u32>,
    /// Cross-cutting activities at some cell of the grid that no cell
    /// counts (0 under `with:cross-cutting` or the targets metric).
    pub cross_cutting: u32,
    /// The largest cell value.
    pub max: u32,
}

impl Matrix {
    /// Computes the grid for `metric`, zoomed into goal `zoom` when given.
    /// Rows and columns come from the selection's frame (its facets), the
    /// cells from [`cell_content`].
    pub fn compute(s: &Snapshot, metric: Metric, zoom: Option<u8>, sel: &Selection) -> Matrix {
        let rows: Vec<LineId> = s
            .rows()
            .iter()
            .copied()
            .filter(|&l| sel.frame_line(l))
            .collect();
        let columns = columns(s, zoom, sel, &rows);
        let (nr, nc) = (rows.len(), columns.len());
        let mut values = vec![0u32; nr * nc];
        let mut marks = vec![Mark::None; nr * nc];
        let mut disputed = vec![false; nr * nc];
        let mut row_goals = vec![0u32; nr];
        let mut row_goalless = vec![0u32; nr];
        let mut column_goals = vec![0u32; nc];
        let mut row_sets: Vec<Vec<u32>> = vec![Vec::new(); nr];
        let mut col_sets: Vec<Vec<u32>> = vec![Vec::new(); nc];
        let mut left_out: Vec<ActivityId> = Vec::new();
        for (r, &line) in rows.iter().enumerate() {
            for (c, &col) in columns.iter().enumerate() {
                let i = r * nc + c;
                let cell = cell_content(s, sel, line, col);
                values[i] = cell.value(metric);
                marks[i] = cell.mark;
                disputed[i] = cell.disputed;
                match metric {
                    Metric::Targets => {
                        let ts = cell.targets.iter().map(|t| t.0);
                        row_sets[r].extend(ts.clone());
                        match col {
                            // a target column counts the rows covering it
                            Column::Target(_) if !cell.targets.is_empty() => {
                                col_sets[c].push(r as u32)
                            }
                            _ => col_sets[c].extend(ts),
                        }
                    }
                    Metric::Activities => {
                        let acts = cell.activities.iter().map(|a| a.0);
                        row_sets[r].extend(acts.clone());
                        col_sets[c].extend(acts);
                        left_out.extend(&cell.cross_cutting);
                    }
                    Metric::Indicators => {
                        // one key per indicator, so a repeat in another
                        // goal's cell is the same indicator in the Σ
                        let keys = cell.indicators.iter().map(|&i| indicator_key(s, i).0);
                        row_sets[r].extend(keys.clone());
                        col_sets[c].extend(keys);
                    }
                }
                if metric.counts_link_cover() {
                    let whole = cell.whole_goal && !matches!(col, Column::Target(_));
                    row_goals[r] += u32::from(whole);
                    column_goals[c] += u32::from(whole);
                }
            }
            if metric == Metric::Activities && zoom.is_none() {
                let none = goalless_activities(s, sel, line);
                row_goalless[r] = none.len() as u32;
                row_sets[r].extend(none.iter().map(|a| a.0));
            }
        }
        let distinct = |mut v: Vec<u32>| {
            v.sort_unstable();
            v.dedup();
            v.len() as u32
        };
        let row_totals = row_sets.into_iter().map(distinct).collect();
        let column_totals = col_sets.into_iter().map(distinct).collect();
        left_out.sort_unstable();
        left_out.dedup();
        let max = values.iter().copied().max().unwrap_or(0);
        Matrix {
            metric,
            rows,
            columns,
            values,
            marks,
            disputed,
            row_totals,
            column_totals,
            row_goals,
            row_goalless,
            column_goals,
            cross_cutting: left_out.len() as u32,
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

/// The columns: the frame's goals, or the zoomed goal's frame targets led
/// by its whole-goal column when a selected link of one of `rows` names the
/// goal as a whole.
fn columns(s: &Snapshot, zoom: Option<u8>, sel: &Selection, rows: &[LineId]) -> Vec<Column> {
    match zoom.and_then(|n| s.sdg(n)) {
        Some(g) => {
            let whole = rows.iter().any(|&l| {
                s.index()
                    .links_at(l, g.number)
                    .iter()
                    .any(|&k| sel.link(k) && s.link(k).scope == Scope::Goal)
            });
            whole
                .then_some(Column::Goal(g.number))
                .into_iter()
                .chain(
                    g.targets
                        .iter()
                        .copied()
                        .filter(|&t| sel.frame_target(t))
                        .map(Column::Target),
                )
                .collect()
        }
        None => s
            .sdgs()
            .iter()
            .filter(|g| sel.frame_sdg(g.number))
            .map(|g| Column::Sdg(g.number))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;
    use crate::view;

    fn at(m: &Matrix, s: &Snapshot, line: &str, col: Column) -> (usize, usize) {
        let r = m
            .rows
            .iter()
            .position(|&l| l == s.index().line(line).unwrap())
            .unwrap();
        (r, m.columns.iter().position(|&x| x == col).unwrap())
    }

    fn cell(m: &Matrix, s: &Snapshot, line: &str, col: Column) -> (u32, Mark) {
        let (r, c) = at(m, s, line, col);
        (m.value(r, c), m.mark(r, c))
    }

    fn grid(s: &Snapshot, metric: Metric, zoom: Option<u8>, v: &str) -> Matrix {
        let sel = view::apply(s, &view::parse(v).unwrap());
        Matrix::compute(s, metric, zoom, &sel)
    }

    #[test]
    fn targets_metric_counts_covered_targets() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Targets, None, "");
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
    fn all_targets_counts_every_target_even_with_some_named_for_emphasis() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Targets, None, "");
        let g3 = s.sdg(3).unwrap().targets.len() as u32;
        assert_eq!(g3, 13);
        assert_eq!(
            cell(&m, &s, "C7-e-health", Column::Sdg(3)),
            (13, Mark::Confirmed)
        );
    }

    #[test]
    fn a_target_only_a_disputed_link_names_is_apart_and_uncounted() {
        let s = load_bundled().unwrap();
        let sel = Selection::all(&s);
        let c6 = s.index().line("C6").unwrap();
        let c = cell_content(&s, &sel, c6, Column::Sdg(16));
        let codes = |v: &[crate::snapshot::TargetId]| {
            v.iter()
                .map(|&t| s.target(t).code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&c.targets), ["16.3", "16.6", "16.7", "16.10", "16.b"]);
        assert_eq!(codes(&c.disputed_targets), ["16.2"]);
        assert!(c.disputed);
        let m = Matrix::compute(&s, Metric::Targets, None, &sel);
        assert_eq!(cell(&m, &s, "C6", Column::Sdg(16)).0, 5);
    }

    #[test]
    fn whole_goal_links_count_in_the_totals() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Targets, None, "");
        let (c3, _) = at(&m, &s, "C3", Column::Sdg(1));
        // C3 names 16 goals as a whole; its goal-4 link is partial (~)
        assert_eq!(m.row_totals[c3], 0);
        assert!(m.row_goals[c3] >= 16, "{}", m.row_goals[c3]);
        let (_, g1) = at(&m, &s, "C1", Column::Sdg(1));
        assert_eq!(m.column_goals[g1], 2); // C1 and C3
    }

    #[test]
    fn zoom_keeps_whole_goal_and_disputed_links_in_a_goal_column() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Targets, Some(5), "");
        assert_eq!(m.columns[0], Column::Goal(5));
        assert_eq!(m.columns.len(), 1 + s.sdg(5).unwrap().targets.len());
        assert_eq!(cell(&m, &s, "C1", Column::Goal(5)).1, Mark::GoalLevel);
        assert_eq!(cell(&m, &s, "C3", Column::Goal(5)).1, Mark::GoalLevel);
        assert_eq!(cell(&m, &s, "C8", Column::Goal(5)).1, Mark::Disputed);
        let (c1, _) = at(&m, &s, "C1", Column::Goal(5));
        assert_eq!(m.row_goals[c1], 1);
        // a zoom with no whole-goal link in view gets no such column
        let m = grid(&s, Metric::Targets, Some(9), "al:C2");
        assert!(matches!(m.columns[0], Column::Target(_)));
    }

    #[test]
    fn a_row_sigma_is_its_cells_plus_its_activities_stating_no_goal() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Activities, None, "");
        let nc = m.columns.len();
        let mut any = false;
        for (r, &line) in m.rows.iter().enumerate() {
            let mut in_cells: Vec<u32> = (0..nc)
                .flat_map(|c| cell_content(&s, &Selection::all(&s), line, m.columns[c]).activities)
                .map(|a| a.0)
                .collect();
            in_cells.sort_unstable();
            in_cells.dedup();
            let none = s
                .index()
                .activities_of_line(line)
                .iter()
                .filter(|&&a| s.activity(a).sdgs().is_empty())
                .count() as u32;
            assert_eq!(m.row_goalless[r], none, "{}", s.line(line).id);
            assert_eq!(m.row_totals[r], in_cells.len() as u32 + none);
            let shown = key::row_total(&m, r);
            let want = match none {
                0 => in_cells.len().to_string(),
                n => format!("{}+{n}∅", in_cells.len()),
            };
            assert_eq!(shown, want, "{}", s.line(line).id);
            any |= none > 0;
        }
        assert!(any, "the bundled nominees state no goal");
        assert!(key::legend(&m, false).iter().any(|i| i.key == "+N∅"));
        // other metrics and a zoom have no such part
        let t = grid(&s, Metric::Targets, None, "");
        assert!(t.row_goalless.iter().all(|&n| n == 0));
        let z = grid(&s, Metric::Activities, Some(9), "");
        assert!(z.row_goalless.iter().all(|&n| n == 0));
    }

    #[test]
    fn the_legend_explains_the_marks_on_the_grid_and_no_others() {
        let s = load_bundled().unwrap();
        for view in ["", "al:C2", "sdg:9", "al:C3 sdg:4", "status:disputed"] {
            let m = grid(&s, Metric::Targets, None, view);
            let mut shown = Vec::new();
            for r in 0..m.rows.len() {
                shown.extend((0..m.columns.len()).filter_map(|c| key::cell_mark(&m, r, c)));
            }
            let items = key::legend(&m, false);
            for g in ['•', '~', '?', '*'] {
                let listed = items.iter().any(|i| i.key == g.to_string());
                assert_eq!(listed, shown.contains(&g), "{view:?}: {g}");
            }
        }
    }

    #[test]
    fn cross_cutting_activities_stay_out_of_cells_unless_asked() {
        let s = load_bundled().unwrap();
        let hubs = (0..s.activities().len() as u32)
            .filter(|&a| s.is_cross_cutting(crate::snapshot::ActivityId(a)))
            .count();
        assert_eq!(hubs, 5);
        let m = grid(&s, Metric::Activities, None, "");
        let with = grid(&s, Metric::Activities, None, "with:cross-cutting");
        assert_eq!(m.cross_cutting, 5);
        assert_eq!(with.cross_cutting, 0);
        for i in 0..m.values.len() {
            assert_eq!(m.values[i] + 5, with.values[i], "cell {i}");
        }
    }

    #[test]
    fn free_text_narrows_cells_not_the_frame() {
        let s = load_bundled().unwrap();
        let v = "sdg:4,5 -sector:GS digital";
        let m = grid(&s, Metric::Targets, None, v);
        let sel = view::apply(&s, &view::parse(v).unwrap());
        // every selected link sits in a drawn cell with its mark
        let drawn: usize = m.marks.iter().filter(|&&x| x != Mark::None).count();
        let links = (0..s.links().len() as u32)
            .filter(|&k| sel.link(crate::snapshot::LinkId(k)))
            .count();
        assert!(links > 0);
        assert_eq!(drawn, links);
        assert_eq!(m.columns, vec![Column::Sdg(4), Column::Sdg(5)]);
    }

    #[test]
    fn activities_metric_matches_the_index() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Activities, None, "with:cross-cutting");
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
        let m = grid(&s, Metric::Targets, Some(9), "");
        // C3 and C8 name goal 9 as a whole: a goal column leads the targets
        assert_eq!(m.columns[0], Column::Goal(9));
        assert_eq!(m.columns.len(), 1 + s.sdg(9).unwrap().targets.len());
        let t9c = Column::Target(s.index().target("9.c").unwrap());
        let t92 = Column::Target(s.index().target("9.2").unwrap());
        assert_eq!(cell(&m, &s, "C2", t9c), (1, Mark::Confirmed));
        assert_eq!(cell(&m, &s, "C2", t92), (0, Mark::None));
    }

    #[test]
    fn selection_narrows_the_grid() {
        let s = load_bundled().unwrap();
        let m = grid(&s, Metric::Targets, None, "sdg:9");
        assert_eq!(m.columns, vec![Column::Sdg(9)]);
    }

    #[test]
    fn shades_scale_with_the_maximum() {
        let s = load_bundled().unwrap();
        let mut m = grid(&s, Metric::Targets, None, "");
        m.max = 8;
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 8].map(|v| m.shade(v)),
            [0, 1, 1, 2, 2, 3, 4]
        );
    }
}
