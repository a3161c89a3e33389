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
//!   ([`CellContent::disputed_targets`]) and never counted;
//! * a cross-cutting activity (one that names every goal, see
//!   [`Snapshot::is_cross_cutting`]) is listed apart and not counted, unless
//!   the view says `with:cross-cutting`.
//!
//! Targets are judged on the view's *frame* (its facets, text aside): free
//! text picks links and activities, never which of a link's targets count.

use super::{Column, Mark, Metric};
use crate::related::link_targets;
use crate::selection::Selection;
use crate::snapshot::{ActivityId, LineId, LinkId, LinkStatus, Scope, Snapshot, TargetId};

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
