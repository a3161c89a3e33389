//! Applying a view to a snapshot: which goals, targets, lines, links and
//! activities it lets through (the rules are in the [module doc](super)).
//!
//! Goals, targets and lines are judged on facets first (the *frame* the
//! Matrix is drawn in, see [`Selection`]) and then on their own text.
//!
//! Values are resolved to ids once (sets indexed by id), then every record
//! is tested in one pass per kind, so applying a view costs a few linear
//! scans even at a million activities. Free text uses the same prefilter as
//! the finder ([`crate::search::Query::matches`]), never the scorer.

use crate::entity::EntityRef;
use crate::related::link_targets;
use crate::search::{Corpus, Query, lower_haystack};
use crate::selection::Selection;
use crate::snapshot::{
    ActivityId, CountryId, IndicatorId, LineId, Link, LinkId, Snapshot, TargetId,
};

use super::sides::{CountrySide, IndicatorSide};
use super::{Facet, View};

/// The records of `s` that `v` lets through. Builds haystacks on the fly
/// for free text; use [`apply_with`] when a [`Corpus`] exists already.
pub fn apply(s: &Snapshot, v: &View) -> Selection {
    let q = Query::from_terms(&v.text);
    let f = Facets::new(s, v);
    let mut t = TextTest::new(&q);
    apply_inner(s, v, &f, &mut |e| t.matches(s, e))
}

/// [`apply`] with free text tested against a prepared corpus of `s`.
pub fn apply_with(s: &Snapshot, v: &View, corpus: &Corpus) -> Selection {
    let q = Query::from_terms(&v.text);
    let f = Facets::new(s, v);
    if q.is_empty() {
        return apply_inner(s, v, &f, &mut |_| true);
    }
    let mut pass = std::collections::HashSet::new();
    for i in 0..corpus.len() as u32 {
        if q.matches(corpus.text(i)) {
            pass.extend(corpus.entity(i));
        }
    }
    apply_inner(s, v, &f, &mut |e| pass.contains(&e))
}

/// What [`apply_scored`] finds besides the selection: the activities the
/// view's free text selects, with their scores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scored {
    /// `(score, activity index)` of every selected activity, in storage order.
    pub hits: Vec<(i64, u32)>,
    /// Whether the selected activities' ids ascend in storage order (as in
    /// every file sdgmap writes), so that ties in score are in id order.
    pub ids_ascending: bool,
}

/// One chunk's share of [`Scored`], with its first and last id.
struct Part<'a> {
    hits: Vec<(i64, u32)>,
    ends: Option<(&'a str, &'a str)>,
    ascending: bool,
}

/// [`apply`], also scoring the free text of every activity it lets through
/// (as [`Query::score`] does), for ranking: one pass over the activities,
/// split over threads, that tests facets, then text, then scores, building
/// each haystack once (and noting whether ids ascend while each activity is
/// at hand). `None` when the view has no text.
pub fn apply_scored(s: &Snapshot, v: &View) -> (Selection, Option<Scored>) {
    let q = Query::from_terms(&v.text);
    let f = Facets::new(s, v);
    if q.is_empty() {
        return (apply_inner(s, v, &f, &mut |_| true), None);
    }
    let acts = s.activities();
    let score_part = |from: usize, part: &[crate::snapshot::Activity]| {
        // one lowercased haystack per activity, tested and scored in one go
        let mut hay = String::new();
        let mut p = Part {
            hits: Vec::new(),
            ends: None,
            ascending: true,
        };
        for (k, a) in part.iter().enumerate() {
            if !f.activity(v, a) {
                continue;
            }
            hay.clear();
            let i = (from + k) as u32;
            lower_haystack(s, EntityRef::Activity(ActivityId(i)), &mut hay);
            let Some(score) = q.scored(&hay) else {
                continue;
            };
            p.hits.push((score, i));
            // (borrowed from the snapshot, which outlives the chunk)
            let id = acts.get(i as usize).map_or("", |a| a.id());
            p.ends = Some(match p.ends {
                None => (id, id),
                Some((first, last)) => {
                    p.ascending &= last < id;
                    (first, id)
                }
            });
        }
        p
    };
    let parts = crate::par::chunks(acts, 2048, score_part);
    let mut scored = Scored {
        hits: Vec::with_capacity(parts.iter().map(|p| p.hits.len()).sum()),
        ids_ascending: true,
    };
    let mut last: Option<&str> = None;
    for p in parts {
        scored.hits.extend_from_slice(&p.hits);
        scored.ids_ascending &= p.ascending;
        if let Some((first, end)) = p.ends {
            scored.ids_ascending &= last.is_none_or(|l| l < first);
            last = Some(end);
        }
    }
    let mut selected = vec![false; acts.len()];
    for &(_, i) in &scored.hits {
        if let Some(b) = selected.get_mut(i as usize) {
            *b = true;
        }
    }
    let mut t = TextTest::new(&q);
    let sel = apply_inner(s, v, &f, &mut |e| match e {
        EntityRef::Activity(a) => selected.get(a.ix()).copied().unwrap_or(false),
        _ => t.matches(s, e),
    });
    (sel, Some(scored))
}

/// The free-text test of records without a corpus, reusing its buffer.
struct TextTest<'q> {
    q: &'q Query,
    /// The lowercased haystack of the record last tested.
    low: String,
}

impl<'q> TextTest<'q> {
    fn new(q: &'q Query) -> Self {
        TextTest {
            q,
            low: String::new(),
        }
    }
    fn matches(&mut self, s: &Snapshot, e: EntityRef) -> bool {
        if self.q.is_empty() {
            return true;
        }
        self.low.clear();
        lower_haystack(s, e, &mut self.low);
        self.q.matches(&self.low)
    }
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
    /// `None` when nothing is excluded.
    exclude: Option<Vec<bool>>,
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
            exclude: (!f.exclude.is_empty()).then(|| set(&f.exclude)),
        }
    }
    fn passes(&self, ids: impl Iterator<Item = usize> + Clone) -> bool {
        let has = |v: &[bool]| ids.clone().any(|i| v.get(i).copied().unwrap_or(false));
        self.include.as_deref().is_none_or(has) && !self.exclude.as_deref().is_some_and(has)
    }
}

/// A view's facets resolved against a snapshot.
struct Facets {
    al: IdSet,
    targets: IdSet,
    sources: IdSet,
    sector: Facet<String>,
    kind: Facet<String>,
    lead: Facet<String>,
    partner: Facet<String>,
    ind: IndicatorSide,
    ctry: CountrySide,
}

impl Facets {
    fn new(s: &Snapshot, v: &View) -> Facets {
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
        Facets {
            al,
            targets,
            sources,
            sector: strings(&v.sector),
            kind: strings(&v.kind),
            lead: strings(&v.lead),
            partner: strings(&v.partner),
            ind: IndicatorSide::new(s, v),
            ctry: CountrySide::new(s, v),
        }
    }

    /// Whether activity `a` passes every facet (free text aside).
    fn activity(&self, v: &View, a: &crate::snapshot::Activity) -> bool {
        // Lowercase only what an active facet compares.
        let low = |o: Option<&str>| o.map(str::to_lowercase);
        let one = |f: &Facet<String>, o: Option<&str>| {
            let x = low(o);
            f.passes(|y| x.as_ref() == Some(y))
        };
        (v.sdg.is_empty() || v.sdg.passes(|&n| a.sdgs().contains(n)))
            && self.targets.passes(a.targets().iter().map(|t| t.ix()))
            && self.al.passes(a.action_lines().iter().map(|l| l.ix()))
            && self.sources.passes(std::iter::once(a.source().ix()))
            && (self.sector.is_empty() || one(&self.sector, a.sector()))
            && (self.kind.is_empty() || one(&self.kind, a.kind()))
            && (self.lead.is_empty() || one(&self.lead, a.lead()))
            && (self.partner.is_empty() || {
                let partners: Vec<String> = a.partners().map(str::to_lowercase).collect();
                self.partner.passes(|x| partners.contains(x))
            })
            && v.year.passes(|r| a.year().is_some_and(|y| r.contains(y)))
            && self.ind.targets.passes(a.targets().iter().map(|t| t.ix()))
            && self
                .ctry
                .countries
                .passes(a.countries().iter().map(|c| c.ix()))
    }
}

fn apply_inner(
    s: &Snapshot,
    v: &View,
    f: &Facets,
    text: &mut dyn FnMut(EntityRef) -> bool,
) -> Selection {
    let ix = s.index();
    let lines = s.action_lines();
    let (al, targets, sources) = (&f.al, &f.targets, &f.sources);
    let sdg = |n: u8| v.sdg.passes(|&x| x == n);

    let mut sel = Selection::all(s);
    for (i, a) in s.activities().iter().enumerate() {
        let ok = f.activity(v, a) && text(EntityRef::Activity(ActivityId(i as u32)));
        sel.set_activity(ActivityId(i as u32), ok);
    }

    // Links: on facets alone (`reach`), then with their own text.
    let mut reach = vec![false; s.links().len()];
    for (i, link) in s.links().iter().enumerate() {
        let id = LinkId(i as u32);
        let covers = link_targets(s, id);
        reach[i] = sdg(link.sdg)
            && targets.passes(covers.iter().map(|t| t.ix()))
            && f.ind.targets.passes(covers.iter().map(|t| t.ix()))
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
    let goal_side = !(v.sdg.is_empty()
        && v.target.is_empty()
        && !f.ind.active
        && v.status.is_empty()
        && v.source.is_empty());

    let target_goals: Vec<u8> = v
        .target
        .include
        .iter()
        .filter_map(|c| ix.target(c).map(|t| s.target(t).goal))
        .collect();
    for g in s.sdgs() {
        let n = g.number;
        let frame = sdg(n)
            && (v.target.include.is_empty() || target_goals.contains(&n))
            && (!f.ind.targets.includes()
                || g.targets.iter().any(|t| f.ind.targets.included(t.ix())))
            && (!link_side || reaching(&|l, _| l.sdg == n));
        sel.set_sdg_split(n, frame && text(EntityRef::Sdg(n)), frame);
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
        let frame = sdg(t.goal)
            && targets.passes(std::iter::once(i))
            && f.ind.targets.passes(std::iter::once(i))
            && (!link_side || covered.get(i).copied().unwrap_or(false));
        sel.set_target_split(id, frame && text(EntityRef::Target(id)), frame);
    }
    for (i, ind) in s.indicators().iter().enumerate() {
        let id = IndicatorId(i as u32);
        let t = ind.target.ix();
        let frame = f.ind.indicators.passes(std::iter::once(i))
            && sdg(s.target(ind.target).goal)
            && targets.passes(std::iter::once(t))
            && (!link_side || covered.get(t).copied().unwrap_or(false));
        sel.set_indicator_split(id, frame && text(EntityRef::Indicator(id)), frame);
    }
    // Countries pass their own facets and text; when the view restricts
    // activities, a country must also be named by one that passes.
    let act_side = !(v.sdg.is_empty()
        && v.target.is_empty()
        && !f.ind.active
        && v.al.is_empty()
        && v.sector.is_empty()
        && v.kind.is_empty()
        && v.lead.is_empty()
        && v.partner.is_empty()
        && v.year.is_empty()
        && v.source.is_empty());
    let mut named = vec![!act_side; s.countries().len()];
    if act_side {
        for (a, act) in s.activities().iter().enumerate() {
            if sel.activity(ActivityId(a as u32)) {
                for c in act.countries() {
                    named[c.ix()] = true;
                }
            }
        }
    }
    for (i, &is_named) in named.iter().enumerate() {
        let id = CountryId(i as u32);
        let ok =
            is_named && f.ctry.countries.passes(std::iter::once(i)) && text(EntityRef::Country(id));
        sel.set_country(id, ok);
    }
    for (i, l) in lines.iter().enumerate() {
        let id = LineId(i as u32);
        let family: Vec<LineId> = std::iter::once(id)
            .chain(l.children.iter().copied())
            .collect();
        let frame = al.passes(std::iter::once(i))
            && (!goal_side || reaching(&|k, _| family.contains(&k.action_line)));
        sel.set_line_split(id, frame && text(EntityRef::Line(id)), frame);
    }
    sel.set_cross_cutting(v.cross_cutting);
    sel
}
