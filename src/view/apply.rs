//! Applying a view to a snapshot: which goals, targets, lines, links and
//! activities it lets through (the rules are in the [module doc](super)).
//!
//! Values are resolved to ids once (sets indexed by id), then every record
//! is tested in one pass per kind, so applying a view costs a few linear
//! scans even at a million activities. Free text uses the same prefilter as
//! the finder ([`crate::search::Query::matches`]), never the scorer.

use crate::entity::EntityRef;
use crate::related::link_targets;
use crate::search::{Corpus, Query, haystack, lower};
use crate::selection::Selection;
use crate::snapshot::{ActivityId, LineId, Link, LinkId, Snapshot, TargetId};

use super::{Facet, View};

/// The records of `s` that `v` lets through. Builds haystacks on the fly
/// for free text; use [`apply_with`] when a [`Corpus`] exists already.
pub fn apply(s: &Snapshot, v: &View) -> Selection {
    let q = Query::from_terms(&v.text);
    let mut buf = String::new();
    apply_inner(s, v, &mut |e| {
        q.is_empty() || {
            buf.clear();
            haystack(s, e, &mut buf);
            q.matches(&lower(&buf))
        }
    })
}

/// [`apply`] with free text tested against a prepared corpus of `s`.
pub fn apply_with(s: &Snapshot, v: &View, corpus: &Corpus) -> Selection {
    let q = Query::from_terms(&v.text);
    if q.is_empty() {
        return apply_inner(s, v, &mut |_| true);
    }
    let mut pass = std::collections::HashSet::new();
    for i in 0..corpus.len() as u32 {
        if q.matches(corpus.text(i)) {
            pass.extend(corpus.entity(i));
        }
    }
    apply_inner(s, v, &mut |e| pass.contains(&e))
}

/// A facet on strings, compared case-insensitively.
fn strings(f: &Facet<String>) -> Facet<String> {
    Facet {
        include: f.include.iter().map(|x| x.to_lowercase()).collect(),
        exclude: f.exclude.iter().map(|x| x.to_lowercase()).collect(),
    }
}

/// A facet resolved to a membership set over ids `0..n`.
struct IdSet {
    include: Option<Vec<bool>>,
    exclude: Vec<bool>,
}

impl IdSet {
    fn new(n: usize, f: &Facet<String>, resolve: impl Fn(&str) -> Vec<usize>) -> IdSet {
        let set = |vals: &[String]| {
            let mut v = vec![false; n];
            for x in vals.iter().flat_map(|x| resolve(x)) {
                if let Some(b) = v.get_mut(x) {
                    *b = true;
                }
            }
            v
        };
        IdSet {
            include: (!f.include.is_empty()).then(|| set(&f.include)),
            exclude: set(&f.exclude),
        }
    }
    fn passes(&self, ids: impl Iterator<Item = usize> + Clone) -> bool {
        let has = |v: &[bool]| ids.clone().any(|i| v.get(i).copied().unwrap_or(false));
        self.include.as_deref().is_none_or(has) && !has(&self.exclude)
    }
}

fn apply_inner(s: &Snapshot, v: &View, text: &mut dyn FnMut(EntityRef) -> bool) -> Selection {
    let ix = s.index();
    let lines = s.action_lines();
    // `al:C7` means C7 and its sub-lines.
    let al = IdSet::new(lines.len(), &v.al, |id| {
        lines
            .iter()
            .position(|l| l.id.eq_ignore_ascii_case(id))
            .map(|p| {
                std::iter::once(p)
                    .chain(lines[p].children.iter().map(|c| c.ix()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let targets = IdSet::new(s.targets().len(), &v.target, |c| {
        ix.target(c).map(|t| t.ix()).into_iter().collect()
    });
    let sources = IdSet::new(s.meta().sources.len(), &v.source, |id| {
        s.meta()
            .sources
            .iter()
            .position(|x| x.id.eq_ignore_ascii_case(id))
            .into_iter()
            .collect()
    });
    let sdg = |n: u8| v.sdg.passes(|&x| x == n);
    let (sector, kind, lead, partner) = (
        strings(&v.sector),
        strings(&v.kind),
        strings(&v.lead),
        strings(&v.partner),
    );
    let low = |o: &Option<String>| o.as_deref().map(str::to_lowercase);

    let mut sel = Selection::all(s);
    for (i, a) in s.activities().iter().enumerate() {
        let (sec, kin, led) = (low(&a.sector), low(&a.kind), low(&a.lead));
        let partners: Vec<String> = if partner.is_empty() {
            Vec::new()
        } else {
            a.partners.iter().map(|p| p.to_lowercase()).collect()
        };
        let ok = (v.sdg.is_empty() || v.sdg.passes(|n| a.sdgs.contains(n)))
            && targets.passes(a.targets.iter().map(|t| t.ix()))
            && al.passes(a.action_lines.iter().map(|l| l.ix()))
            && sources.passes(std::iter::once(a.source.ix()))
            && sector.passes(|x| sec.as_ref() == Some(x))
            && kind.passes(|x| kin.as_ref() == Some(x))
            && lead.passes(|x| led.as_ref() == Some(x))
            && partner.passes(|x| partners.contains(x))
            && v.year.passes(|r| a.year.is_some_and(|y| r.contains(y)))
            && text(EntityRef::Activity(ActivityId(i as u32)));
        sel.set_activity(ActivityId(i as u32), ok);
    }

    // Links: on facets alone (`reach`), then with their own text.
    let mut reach = vec![false; s.links().len()];
    for (i, link) in s.links().iter().enumerate() {
        let id = LinkId(i as u32);
        reach[i] = sdg(link.sdg)
            && targets.passes(link_targets(s, id).iter().map(|t| t.ix()))
            && al.passes(std::iter::once(link.action_line.ix()))
            && v.status.passes(|x| *x == link.status)
            && sources.passes(std::iter::once(link.source.ix()));
        let ok = reach[i] && text(EntityRef::Link(id));
        sel.set_link(id, ok);
    }
    let reaching = |f: &dyn Fn(&Link, usize) -> bool| {
        s.links()
            .iter()
            .enumerate()
            .any(|(i, l)| reach[i] && f(l, i))
    };
    let link_side = !(v.al.is_empty() && v.status.is_empty() && v.source.is_empty());
    let goal_side =
        !(v.sdg.is_empty() && v.target.is_empty() && v.status.is_empty() && v.source.is_empty());

    let target_goals: Vec<u8> = v
        .target
        .include
        .iter()
        .filter_map(|c| ix.target(c).map(|t| s.target(t).goal))
        .collect();
    for g in s.sdgs() {
        let n = g.number;
        let ok = sdg(n)
            && (v.target.include.is_empty() || target_goals.contains(&n))
            && (!link_side || reaching(&|l, _| l.sdg == n))
            && text(EntityRef::Sdg(n));
        sel.set_sdg(n, ok);
    }
    let covered: Vec<bool> = if link_side {
        let mut c = vec![false; s.targets().len()];
        for (i, _) in s.links().iter().enumerate().filter(|(i, _)| reach[*i]) {
            for t in link_targets(s, LinkId(i as u32)) {
                c[t.ix()] = true;
            }
        }
        c
    } else {
        Vec::new()
    };
    for (i, t) in s.targets().iter().enumerate() {
        let id = TargetId(i as u32);
        let ok = sdg(t.goal)
            && targets.passes(std::iter::once(i))
            && (!link_side || covered.get(i).copied().unwrap_or(false))
            && text(EntityRef::Target(id));
        sel.set_target(id, ok);
    }
    for (i, l) in lines.iter().enumerate() {
        let id = LineId(i as u32);
        let family: Vec<LineId> = std::iter::once(id)
            .chain(l.children.iter().copied())
            .collect();
        let ok = al.passes(std::iter::once(i))
            && (!goal_side || reaching(&|k, _| family.contains(&k.action_line)))
            && text(EntityRef::Line(id));
        sel.set_line(id, ok);
    }
    sel
}
