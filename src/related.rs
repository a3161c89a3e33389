//! Everything related to a record, grouped by kind — the heart of drill-down.
//!
//! Given any [`EntityRef`], [`related`] lists the records linked to it
//! through the index, in a fixed group order (SDGs, targets, lines, links,
//! cells, activities), each group sorted and free of duplicates. The explorer
//! shows these groups when a record is focused; the CLI and tours reuse them.

use crate::entity::{EntityRef, Kind};
use crate::selection::Selection;
use crate::snapshot::{
    ActivityId, CountryId, IndicatorId, LineId, LinkId, Scope, Snapshot, TargetId,
};

/// One group of related records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What the records are.
    pub kind: Kind,
    /// Why the group stands apart from the plain one of its kind (`not
    /// counted: only a disputed link names them`); `None` for plain groups.
    pub note: Option<&'static str>,
    /// The records, sorted, without duplicates.
    pub items: Vec<EntityRef>,
}

impl Group {
    /// The heading shown above the group: `Targets`, or
    /// `Targets — not counted: only a disputed link names them`.
    pub fn heading(&self) -> String {
        match self.note {
            Some(n) => format!("{} — {n}", self.kind.heading()),
            None => self.kind.heading().to_string(),
        }
    }
}

/// Note on targets a cell lists but does not count.
pub const DISPUTED_ONLY: &str = "not counted: only a disputed link names them";
/// Note on indicators a cell lists but does not count.
pub const DISPUTED_ONLY_INDICATORS: &str = "not counted: only a disputed link names their targets";
/// Note on cross-cutting activities a cell lists but does not count.
pub const CROSS_CUTTING: &str = "cross-cutting, not counted (x counts them)";

/// The records related to `e` that `sel` lets through, grouped like
/// [`related`]. A Matrix cell lists exactly what its numbers count (see
/// [`crate::matrix::cell_content`]) — targets, activities and the distinct
/// indicators of its targets — with the targets (and indicators) only a
/// disputed link names and the cross-cutting activities in groups of their
/// own. A Matrix link splits its activities the same way as its cell and
/// lists the distinct indicators of its targets, so the two agree.
pub fn related_in(s: &Snapshot, sel: &Selection, e: EntityRef) -> Vec<Group> {
    if let EntityRef::Cell(l, n) = e {
        let c = crate::matrix::cell_content(s, sel, l, crate::matrix::Column::Sdg(n));
        let mut groups = Vec::new();
        push(&mut groups, Kind::Sdg, vec![n], EntityRef::Sdg);
        push(&mut groups, Kind::Target, c.targets, EntityRef::Target);
        if push(
            &mut groups,
            Kind::Target,
            c.disputed_targets,
            EntityRef::Target,
        ) {
            note_last(&mut groups, DISPUTED_ONLY);
        }
        push(&mut groups, Kind::Line, vec![l], EntityRef::Line);
        push(&mut groups, Kind::Link, c.links, EntityRef::Link);
        push(
            &mut groups,
            Kind::Activity,
            c.activities,
            EntityRef::Activity,
        );
        if push(
            &mut groups,
            Kind::Activity,
            c.cross_cutting,
            EntityRef::Activity,
        ) {
            note_last(&mut groups, CROSS_CUTTING);
        }
        push(
            &mut groups,
            Kind::Indicator,
            c.indicators,
            EntityRef::Indicator,
        );
        if push(
            &mut groups,
            Kind::Indicator,
            c.disputed_indicators,
            EntityRef::Indicator,
        ) {
            note_last(&mut groups, DISPUTED_ONLY_INDICATORS);
        }
        return groups;
    }
    let mut groups: Vec<Group> = related(s, e)
        .into_iter()
        .map(|mut g| {
            g.items.retain(|&x| selected(sel, x));
            g
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    if let EntityRef::Link(k) = e {
        link_groups(s, sel, k, &mut groups);
    }
    groups
}

/// A link's activities as its cell has them — the counted ones, then the
/// cross-cutting ones (under [`CROSS_CUTTING`]) unless the view counts
/// them — and the distinct indicators of its targets under the view, so
/// the link and its cell never disagree.
fn link_groups(s: &Snapshot, sel: &Selection, k: LinkId, groups: &mut Vec<Group>) {
    let link = s.link(k);
    let c = crate::matrix::cell_content(
        s,
        sel,
        link.action_line,
        crate::matrix::Column::Sdg(link.sdg),
    );
    groups.retain(|g| g.kind != Kind::Activity);
    let mut indicators: Vec<IndicatorId> = link_targets(s, k)
        .into_iter()
        .filter(|&t| sel.target(t))
        .flat_map(|t| s.index().indicators_of_target(t).iter().copied())
        .filter(|&i| sel.indicator(i))
        .map(|i| crate::matrix::indicator_key(s, i))
        .collect();
    indicators.sort_unstable();
    indicators.dedup();
    let mut tail = Vec::new();
    push(&mut tail, Kind::Activity, c.activities, EntityRef::Activity);
    if push(
        &mut tail,
        Kind::Activity,
        c.cross_cutting,
        EntityRef::Activity,
    ) {
        note_last(&mut tail, CROSS_CUTTING);
    }
    push(&mut tail, Kind::Indicator, indicators, EntityRef::Indicator);
    groups.append(&mut tail);
}

/// Whether `sel` lets `e` through (a cell: when its row and goal are in
/// the frame the Matrix is drawn in).
pub fn selected(sel: &Selection, e: EntityRef) -> bool {
    match e {
        EntityRef::Sdg(n) => sel.sdg(n),
        EntityRef::Target(t) => sel.target(t),
        EntityRef::Line(l) => sel.line(l),
        EntityRef::Link(k) => sel.link(k),
        EntityRef::Cell(l, n) => sel.frame_line(l) && sel.frame_sdg(n),
        EntityRef::Activity(a) => sel.activity(a),
        EntityRef::Indicator(i) => sel.indicator(i),
        EntityRef::Country(c) => sel.country(c),
    }
}

/// Puts `note` on the last group.
fn note_last(groups: &mut [Group], note: &'static str) {
    if let Some(g) = groups.last_mut() {
        g.note = Some(note);
    }
}

/// The records related to `e`, grouped by kind; empty groups are left out.
pub fn related(s: &Snapshot, e: EntityRef) -> Vec<Group> {
    let ix = s.index();
    let mut sdgs: Vec<u8> = Vec::new();
    let mut targets: Vec<TargetId> = Vec::new();
    let mut lines: Vec<LineId> = Vec::new();
    let mut links: Vec<LinkId> = Vec::new();
    let mut acts: Vec<ActivityId> = Vec::new();
    let mut indicators: Vec<IndicatorId> = Vec::new();
    let mut countries: Vec<CountryId> = Vec::new();
    match e {
        EntityRef::Sdg(n) => {
            if let Some(g) = s.sdg(n) {
                targets.extend(&g.targets);
            }
            links.extend(ix.links_of_sdg(n));
            lines.extend(ix.links_of_sdg(n).iter().map(|&l| s.link(l).action_line));
            acts.extend(ix.activities_of_sdg(n));
        }
        EntityRef::Target(t) => target_side(s, t, &mut sdgs, &mut links, &mut lines, &mut acts),
        EntityRef::Indicator(i) => {
            let t = s.indicator(i).target;
            targets.push(t);
            target_side(s, t, &mut sdgs, &mut links, &mut lines, &mut acts);
            indicators.extend(s.indicator_repeats(i));
        }
        EntityRef::Country(c) => acts.extend(ix.activities_of_country(c)),
        EntityRef::Line(l) => {
            let line = s.line(l);
            lines.extend(line.parent);
            lines.extend(&line.children);
            for &m in std::iter::once(&l).chain(&line.children) {
                links.extend(ix.links_of_line(m));
            }
            acts.extend_from_slice(&line_activities(s, l));
            sdgs.extend(links.iter().map(|&k| s.link(k).sdg));
        }
        EntityRef::Link(k) => {
            let link = s.link(k);
            lines.push(link.action_line);
            sdgs.push(link.sdg);
            targets.extend(link_targets(s, k));
            links.extend(
                ix.links_at(link.action_line, link.sdg)
                    .iter()
                    .filter(|&&o| o != k),
            );
            acts.extend(ix.activities_at(link.action_line, link.sdg));
        }
        EntityRef::Cell(l, n) => {
            lines.push(l);
            sdgs.push(n);
            links.extend(ix.links_at(l, n));
            for &k in ix.links_at(l, n) {
                targets.extend(link_targets(s, k));
            }
            acts.extend(ix.activities_at(l, n));
        }
        EntityRef::Activity(a) => {
            let act = s.activity(a);
            sdgs.extend(&act.sdgs());
            targets.extend(act.targets());
            lines.extend(act.action_lines());
            countries.extend(act.countries());
            for &l in act.action_lines() {
                for n in act.sdgs() {
                    links.extend(ix.links_at(l, n));
                }
            }
        }
    }
    let mut groups = Vec::new();
    push(&mut groups, Kind::Sdg, sdgs, EntityRef::Sdg);
    push(&mut groups, Kind::Target, targets, EntityRef::Target);
    push(&mut groups, Kind::Line, lines, EntityRef::Line);
    push(&mut groups, Kind::Link, links, EntityRef::Link);
    push(&mut groups, Kind::Activity, acts, EntityRef::Activity);
    push(
        &mut groups,
        Kind::Indicator,
        indicators,
        EntityRef::Indicator,
    );
    push(&mut groups, Kind::Country, countries, EntityRef::Country);
    groups
}

/// What a target reaches: its goal, the links that cover it (named, or all
/// of the goal's targets), their rows, and the activities naming it.
fn target_side(
    s: &Snapshot,
    t: TargetId,
    sdgs: &mut Vec<u8>,
    links: &mut Vec<LinkId>,
    lines: &mut Vec<LineId>,
    acts: &mut Vec<ActivityId>,
) {
    let ix = s.index();
    sdgs.push(s.target(t).goal);
    let goal_links = ix.links_of_sdg(s.target(t).goal);
    let covering = goal_links
        .iter()
        .copied()
        .filter(|&l| s.link(l).scope == Scope::AllTargets);
    links.extend(ix.links_of_target(t).iter().copied().chain(covering));
    lines.extend(links.iter().map(|&l| s.link(l).action_line));
    acts.extend(ix.activities_of_target(t));
}

/// The activities of Action Line `l`: those tagged with it and with its
/// sub-lines (C7's e-lines), each once — what its related list lists and
/// its card counts. A line without sub-lines lends its index slice.
pub fn line_activities(s: &Snapshot, l: LineId) -> std::borrow::Cow<'_, [ActivityId]> {
    let ix = s.index();
    let line = s.line(l);
    if line.children.is_empty() {
        return std::borrow::Cow::Borrowed(ix.activities_of_line(l));
    }
    let mut acts: Vec<ActivityId> = std::iter::once(&l)
        .chain(&line.children)
        .flat_map(|&m| ix.activities_of_line(m).iter().copied())
        .collect();
    acts.sort_unstable();
    acts.dedup();
    std::borrow::Cow::Owned(acts)
}

/// The targets a link covers: every target of its goal for scope
/// `all_targets` (whatever it also names for emphasis), the named ones
/// otherwise (none for scope `goal`).
pub fn link_targets(s: &Snapshot, k: LinkId) -> Vec<TargetId> {
    let link = s.link(k);
    if link.scope == Scope::AllTargets {
        s.sdg(link.sdg)
            .map(|g| g.targets.clone())
            .unwrap_or_default()
    } else {
        link.targets.clone()
    }
}

/// Appends a group of `items` (sorted, deduplicated) unless it is empty;
/// says whether it did.
fn push<T: Ord>(
    groups: &mut Vec<Group>,
    kind: Kind,
    mut items: Vec<T>,
    f: impl Fn(T) -> EntityRef,
) -> bool {
    items.sort();
    items.dedup();
    if items.is_empty() {
        return false;
    }
    groups.push(Group {
        kind,
        note: None,
        items: items.into_iter().map(f).collect(),
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    fn keys(s: &Snapshot, e: EntityRef, kind: Kind) -> Vec<String> {
        related(s, e)
            .into_iter()
            .filter(|g| g.kind == kind)
            .flat_map(|g| g.items)
            .map(|x| x.key(s))
            .collect()
    }

    #[test]
    fn a_cell_shows_its_link_targets_and_activities() {
        let s = load_bundled().unwrap();
        let c2 = s.index().line("C2").unwrap();
        let cell = EntityRef::Cell(c2, 9);
        assert_eq!(keys(&s, cell, Kind::Target), ["9.1", "9.a", "9.c"]);
        assert_eq!(keys(&s, cell, Kind::Link), ["C2/9"]);
        assert!(!keys(&s, cell, Kind::Activity).is_empty());
    }

    /// The records of the groups of `kind`: (note, keys).
    fn groups_of(
        s: &Snapshot,
        groups: &[Group],
        kind: Kind,
    ) -> Vec<(Option<&'static str>, Vec<String>)> {
        groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| (g.note, g.items.iter().map(|x| x.key(s)).collect()))
            .collect()
    }

    #[test]
    fn a_link_splits_its_activities_as_its_cell_does() {
        let s = load_bundled().unwrap();
        let c2 = s.index().line("C2").unwrap();
        let k = s.index().links_at(c2, 9)[0];
        let sel = Selection::all(&s);
        let link = related_in(&s, &sel, EntityRef::Link(k));
        let cell = related_in(&s, &sel, EntityRef::Cell(c2, 9));
        let acts = groups_of(&s, &link, Kind::Activity);
        assert_eq!(acts, groups_of(&s, &cell, Kind::Activity));
        // 6 counted, 5 cross-cutting under their note: 11 at the cell
        assert_eq!(acts.len(), 2, "{acts:?}");
        assert_eq!((acts[0].0, acts[0].1.len()), (None, 6));
        assert_eq!((acts[1].0, acts[1].1.len()), (Some(CROSS_CUTTING), 5));
        let all = keys(&s, EntityRef::Link(k), Kind::Activity).len();
        assert_eq!(all, 11);
        // the link's only targets: its indicators are the cell's
        assert_eq!(
            groups_of(&s, &link, Kind::Indicator),
            groups_of(&s, &cell, Kind::Indicator)
        );
    }

    #[test]
    fn a_target_reaches_the_rows_that_name_it() {
        let s = load_bundled().unwrap();
        let t = EntityRef::Target(s.index().target("9.c").unwrap());
        let lines = keys(&s, t, Kind::Line);
        assert!(
            lines.contains(&"C2".to_string()) && lines.contains(&"C9".to_string()),
            "{lines:?}"
        );
        assert_eq!(keys(&s, t, Kind::Sdg), ["9"]);
    }

    #[test]
    fn all_targets_links_cover_every_target_of_the_goal() {
        let s = load_bundled().unwrap();
        let t = EntityRef::Target(s.index().target("4.7").unwrap());
        assert!(keys(&s, t, Kind::Link).contains(&"C7-e-learning/4".to_string()));
    }

    #[test]
    fn the_c7_parent_gathers_its_sub_lines() {
        let s = load_bundled().unwrap();
        let c7 = EntityRef::Line(s.index().line("C7").unwrap());
        assert_eq!(keys(&s, c7, Kind::Line).len(), 8);
        assert!(keys(&s, c7, Kind::Link).len() > 20);
    }

    #[test]
    fn groups_are_sorted_and_unique() {
        let s = load_bundled().unwrap();
        for n in 1..=17 {
            for g in related(&s, EntityRef::Sdg(n)) {
                let mut sorted = g.items.clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(sorted, g.items);
            }
        }
    }
}
