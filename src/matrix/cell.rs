//! What one Matrix cell holds, under a selection: the one definition that
//! the grid's numbers, the line under the grid and the cell's drill-down all
//! read, so they cannot disagree.
//!
//! A cell is a row (a leaf Action Line) and a [`Column`]. It holds the
//! selected links there, the targets those links cover, and the selected
//! activities tagged with the row and the goal (or target). Three rules keep
//! the numbers honest:
//!
//! * a link of scope `all_targets` covers every target of its goal, even
//!   when it also names some for emphasis;
//! * a target only a disputed link covers is listed apart
//!   ([`CellContent::disputed_targets`]) and never counted, and so are its
//!   indicators ([`CellContent::disputed_indicators`]);
//! * an indicator counts once however many of the cell's targets list it:
//!   the framework repeats a few under several targets (15.7.1 and 15.c.1
//!   are one indicator, one UNSD code), and [`indicator_key`] names the one
//!   record that stands for all of them;
//! * a cross-cutting activity (one that names every goal, see
//!   [`Snapshot::is_cross_cutting`]) is listed apart and not counted, unless
//!   the view says `with:cross-cutting`.
//!
//! Targets and indicators are judged on the view's *frame* (its facets,
//! text aside): free text picks links and activities, never which of a
//! link's targets or their indicators count.

use super::{Column, Mark, Metric};
use crate::related::link_targets;
use crate::selection::Selection;
use crate::snapshot::{
    ActivityId, IndicatorId, LineId, LinkId, LinkStatus, Scope, Snapshot, TargetId,
};

/// The records of one cell under a selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellContent {
    /// Selected links at the cell that cover its column, any status.
    pub links: Vec<LinkId>,
    /// Targets a selected confirmed or partial link covers: what the
    /// `targets` metric counts. Sorted.
    pub targets: Vec<TargetId>,
    /// Targets only a selected disputed link covers: shown flagged, not
    /// counted. Sorted.
    pub disputed_targets: Vec<TargetId>,
    /// The distinct indicators (in the frame) of [`Self::targets`]: what
    /// the `indicators` metric counts. One record per indicator — the
    /// lowest of a repeated indicator's records under these targets — sorted.
    pub indicators: Vec<IndicatorId>,
    /// Indicators of [`Self::disputed_targets`] not already counted:
    /// shown flagged, not counted. Sorted.
    pub disputed_indicators: Vec<IndicatorId>,
    /// Selected activities the `activities` metric counts. Sorted.
    pub activities: Vec<ActivityId>,
    /// Selected cross-cutting activities at the cell that are not counted
    /// (empty under `with:cross-cutting`). Sorted.
    pub cross_cutting: Vec<ActivityId>,
    /// The strongest kind of link at the cell.
    pub mark: Mark,
    /// Whether a selected disputed link is at the cell.
    pub disputed: bool,
    /// Whether a selected confirmed or partial link names the goal as a
    /// whole (scope `goal`) at the cell.
    pub whole_goal: bool,
}

impl CellContent {
    /// The cell's value under `metric`.
    pub fn value(&self, metric: Metric) -> u32 {
        match metric {
            Metric::Targets => self.targets.len() as u32,
            Metric::Activities => self.activities.len() as u32,
            Metric::Indicators => self.indicators.len() as u32,
        }
    }
}

/// The goal a column belongs to.
pub fn column_goal(s: &Snapshot, c: Column) -> u8 {
    match c {
        Column::Sdg(n) | Column::Goal(n) => n,
        Column::Target(t) => s.target(t).goal,
    }
}

/// What the cell at `row` × `col` holds under `sel`.
pub fn cell_content(s: &Snapshot, sel: &Selection, row: LineId, col: Column) -> CellContent {
    let goal = column_goal(s, col);
    let mut out = CellContent::default();
    let mut disputed_cover: Vec<TargetId> = Vec::new();
    for &k in s.index().links_at(row, goal) {
        if !sel.link(k) {
            continue;
        }
        let link = s.link(k);
        let covers = match col {
            Column::Sdg(_) => true,
            Column::Goal(_) => link.scope == Scope::Goal,
            Column::Target(t) => link.scope == Scope::AllTargets || link.targets.contains(&t),
        };
        if !covers {
            continue;
        }
        out.links.push(k);
        let mark = match (link.status, link.scope) {
            (LinkStatus::Disputed, _) => Mark::Disputed,
            (LinkStatus::Partial, _) => Mark::Partial,
            (LinkStatus::Confirmed, Scope::Goal) => Mark::GoalLevel,
            (LinkStatus::Confirmed, _) => Mark::Confirmed,
        };
        out.mark = out.mark.max(mark);
        let disputed = link.status == LinkStatus::Disputed;
        out.disputed |= disputed;
        out.whole_goal |= !disputed && link.scope == Scope::Goal;
        let targets = match col {
            Column::Sdg(_) => link_targets(s, k),
            Column::Goal(_) => Vec::new(),
            Column::Target(t) => vec![t],
        };
        let targets = targets.into_iter().filter(|&t| sel.frame_target(t));
        if disputed {
            disputed_cover.extend(targets);
        } else {
            out.targets.extend(targets);
        }
    }
    out.targets.sort_unstable();
    out.targets.dedup();
    disputed_cover.sort_unstable();
    disputed_cover.dedup();
    disputed_cover.retain(|t| out.targets.binary_search(t).is_err());
    out.disputed_targets = disputed_cover;
    out.indicators = distinct_indicators(s, sel, &out.targets, &[]);
    out.disputed_indicators = distinct_indicators(s, sel, &out.disputed_targets, &out.indicators);

    let goal_targets = s.sdg(goal).map(|g| g.targets.as_slice()).unwrap_or(&[]);
    for &a in s.index().activities_at(row, goal) {
        if !sel.activity(a) {
            continue;
        }
        let act = s.activity(a);
        let at = match col {
            Column::Sdg(_) => true,
            Column::Goal(_) => !act.targets().iter().any(|t| goal_targets.contains(t)),
            Column::Target(t) => act.targets().contains(&t),
        };
        if !at {
            continue;
        }
        if !sel.cross_cutting() && s.is_cross_cutting(a) {
            out.cross_cutting.push(a);
        } else {
            out.activities.push(a);
        }
    }
    out.activities.sort_unstable();
    out.activities.dedup();
    out.cross_cutting.sort_unstable();
    out.cross_cutting.dedup();
    out
}

/// The record that stands for indicator `i` and every repeat of it (the
/// records sharing its UNSD code): the first in file order. An indicator
/// without a code stands for itself. Two records are the same indicator
/// exactly when their keys are equal.
pub fn indicator_key(s: &Snapshot, i: IndicatorId) -> IndicatorId {
    s.indicator(i)
        .unsd_code
        .as_deref()
        .and_then(|c| s.index().indicators_with_code(c).first().copied())
        .unwrap_or(i)
}

/// The indicators in `sel`'s frame that measure `targets`, one record per
/// distinct indicator (the lowest), leaving out those `counted` holds (by
/// key). Sorted.
fn distinct_indicators(
    s: &Snapshot,
    sel: &Selection,
    targets: &[TargetId],
    counted: &[IndicatorId],
) -> Vec<IndicatorId> {
    let taken: Vec<IndicatorId> = counted.iter().map(|&i| indicator_key(s, i)).collect();
    // (key, record), sorted so the lowest record of each key comes first
    let mut found: Vec<(IndicatorId, IndicatorId)> = targets
        .iter()
        .flat_map(|&t| s.index().indicators_of_target(t).iter().copied())
        .filter(|&i| sel.frame_indicator(i))
        .map(|i| (indicator_key(s, i), i))
        .filter(|(k, _)| !taken.contains(k))
        .collect();
    found.sort_unstable();
    found.dedup_by_key(|(k, _)| *k);
    let mut out: Vec<IndicatorId> = found.into_iter().map(|(_, i)| i).collect();
    out.sort_unstable();
    out
}

/// Selected activities of `row` that name no goal at all: they count in
/// the row's Σ (activities) but in no goal cell.
pub fn goalless_activities(s: &Snapshot, sel: &Selection, row: LineId) -> Vec<ActivityId> {
    s.index()
        .activities_of_line(row)
        .iter()
        .copied()
        .filter(|&a| sel.activity(a) && s.activity(a).sdgs().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::Matrix;
    use crate::snapshot::load_bundled;
    use crate::view;

    fn codes(s: &Snapshot, v: &[IndicatorId]) -> Vec<String> {
        v.iter().map(|&i| s.indicator(i).code.clone()).collect()
    }

    fn cell(s: &Snapshot, v: &str, line: &str, col: Column) -> CellContent {
        let sel = view::apply(s, &view::parse(v).unwrap());
        cell_content(s, &sel, s.index().line(line).unwrap(), col)
    }

    #[test]
    fn a_cell_counts_the_indicators_of_its_linked_targets() {
        let s = load_bundled().unwrap();
        let c = cell(&s, "", "C2", Column::Sdg(9));
        assert_eq!(
            codes(&s, &c.indicators),
            ["9.1.1", "9.1.2", "9.a.1", "9.c.1"]
        );
        assert_eq!(c.value(Metric::Indicators), 4);
        // all_targets: every indicator of goal 3
        let c = cell(&s, "", "C7-e-health", Column::Sdg(3));
        let g3 = s
            .indicators()
            .iter()
            .filter(|i| s.target(i.target).goal == 3);
        assert_eq!(c.indicators.len(), g3.count());
        assert_eq!(c.indicators.len(), 28);
        // zoomed into a target: that target's indicators
        let t9c = s.index().target("9.c").unwrap();
        let c = cell(&s, "", "C2", Column::Target(t9c));
        assert_eq!(codes(&s, &c.indicators), ["9.c.1"]);
    }

    #[test]
    fn whole_goal_and_disputed_links_count_no_indicator() {
        let s = load_bundled().unwrap();
        // C3 names goal 1 as a whole: no target, so no indicator
        let c = cell(&s, "", "C3", Column::Sdg(1));
        assert!(c.whole_goal);
        assert!(c.indicators.is_empty() && c.disputed_indicators.is_empty());
        // C6 × 16: 16.2 only a disputed link names; its indicators stand apart
        let c = cell(&s, "", "C6", Column::Sdg(16));
        assert_eq!(c.indicators.len(), 10);
        assert_eq!(
            codes(&s, &c.disputed_indicators),
            ["16.2.1", "16.2.2", "16.2.3"]
        );
    }

    #[test]
    fn indicator_facets_and_not_text_decide_which_indicators_count() {
        let s = load_bundled().unwrap();
        let c = cell(&s, "custodian:ITU", "C2", Column::Sdg(9));
        assert_eq!(codes(&s, &c.indicators), ["9.c.1"]);
        let c = cell(&s, "tier:I", "C2", Column::Sdg(9));
        assert!(c.indicators.iter().all(|&i| {
            s.indicator(i)
                .tier
                .classes()
                .iter()
                .any(|t| t.name() == "I")
        }));
        // free text picks links, not which of their indicators count
        let c = cell(&s, "broadband", "C2", Column::Sdg(9));
        assert!(!c.links.is_empty());
        assert_eq!(c.indicators.len(), 4);
    }

    #[test]
    fn a_repeated_indicator_is_one_indicator() {
        let s = load_bundled().unwrap();
        let ix = s.index();
        let (a, b) = (
            ix.indicator("15.7.1").unwrap(),
            ix.indicator("15.c.1").unwrap(),
        );
        assert_eq!(indicator_key(&s, a), a);
        assert_eq!(indicator_key(&s, b), a);
        let one = ix.indicator("9.c.1").unwrap();
        assert_eq!(indicator_key(&s, one), one);
        // 15.7 and 15.c together (a generated link): one indicator
        let sel = Selection::all(&s);
        let t = |c: &str| ix.target(c).unwrap();
        let got = distinct_indicators(&s, &sel, &[t("15.7"), t("15.c")], &[]);
        assert_eq!(codes(&s, &got), ["15.7.1"]);
        // … and once counted, not again among the disputed ones
        let apart = distinct_indicators(&s, &sel, &[t("15.c")], &got);
        assert!(apart.is_empty());
    }

    #[test]
    fn a_row_total_counts_an_indicator_repeated_across_goals_once() {
        let s = load_bundled().unwrap();
        let sel = Selection::all(&s);
        let m = Matrix::compute(&s, Metric::Indicators, None, &sel);
        let r = m
            .rows
            .iter()
            .position(|&l| l == s.index().line("C7-e-environment").unwrap())
            .unwrap();
        // cells 9: 9.4.1; 11: 11.6.1 11.6.2 11.b.1 11.b.2; 13: 13.1.1 13.1.2
        // 13.1.3 13.3.1 13.b.1 — where 11.b.1 = 13.1.2 and 11.b.2 = 13.1.3
        let cells: u32 = (0..m.columns.len()).map(|c| m.value(r, c)).sum();
        assert_eq!(cells, 10);
        assert_eq!(m.row_totals[r], 8);
        // goals 14 and 15 are linked as a whole: counted apart, as for targets
        assert_eq!(m.row_goals[r], 2);
        let t = Matrix::compute(&s, Metric::Targets, None, &sel);
        assert_eq!(t.row_goals, m.row_goals);
        assert_eq!(t.column_goals, m.column_goals);
    }
}
