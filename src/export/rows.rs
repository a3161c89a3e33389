//! The rows of each kind of record a view can list, and which records a
//! view lists in what order.
//!
//! A row is a plain serde struct whose lists are lists (`"sdgs": [9, 17]`),
//! so JSON keeps its types; [`cells`] flattens a row into text cells, lists
//! joined with `;`, for CSV, Markdown and the terminal table.

use serde::Serialize;

use crate::entity::{EntityRef, Kind};
use crate::related::link_targets;
use crate::search::{Query, lower_haystack};
use crate::selection::Selection;
use crate::snapshot::{ActivityId, CountryId, IndicatorId, LinkId, Scope, SdgSet, Snapshot};
use crate::view::{Show, View, status_name};

/// One output row: its cells by column name (column order of [`columns`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Row<'a> {
    /// An activity.
    Activity(ActivityRow<'a>),
    /// A Matrix link.
    Link(LinkRow<'a>),
    /// An SDG indicator.
    Indicator(IndicatorRow<'a>),
    /// A country.
    Country(CountryRow<'a>),
    /// A goal, target or row: a key, a title and activities.
    Record(RecordRow),
}

/// An activity row; its text borrowed from the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityRow<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Leading organisation.
    pub lead: &'a str,
    /// Sector.
    pub sector: &'a str,
    /// Kind.
    pub kind: &'a str,
    /// Start year.
    pub year: Option<i32>,
    /// Goals served.
    pub sdgs: SdgSet,
    /// Targets served.
    pub targets: Vec<&'a str>,
    /// Action Lines.
    pub action_lines: Vec<&'a str>,
    /// Countries (ISO alpha-3 codes).
    pub countries: Vec<&'a str>,
    /// Goals sdgmap *suggested* (`import --suggest`), best first: inferred,
    /// never stated; empty when none are stored.
    pub suggested_sdgs: Vec<u8>,
    /// Targets sdgmap suggested, by goal rank then target rank.
    pub suggested_targets: Vec<&'a str>,
    /// Action Lines sdgmap suggested, best first.
    pub suggested_action_lines: Vec<&'a str>,
    /// What it does.
    pub summary: &'a str,
}

/// A Matrix link: where it sits, what it covers, how sure and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkRow<'a> {
    /// Stable key (`C2/9`, `C6/16/disputed`).
    pub key: String,
    /// The Matrix row (a leaf Action Line id).
    pub row: &'a str,
    /// The goal.
    pub goal: u8,
    /// `targets`, `goal` or `all_targets`.
    pub scope: &'static str,
    /// `confirmed`, `partial` or `disputed`.
    pub status: &'static str,
    /// The targets the link covers (every target of the goal for `all_targets`).
    pub targets: Vec<&'a str>,
    /// Why the link exists.
    pub rationale: &'a str,
    /// Activities in the view at the link's cell.
    pub activities: usize,
    /// How many of `activities` are cross-cutting (they name every goal):
    /// the Matrix cell lists them apart and leaves them out of its count
    /// unless the view says `with:cross-cutting`.
    pub cross_cutting: usize,
}

/// An SDG indicator with its tier (and the tier's date) and agencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorRow<'a> {
    /// `9.c.1`.
    pub code: &'a str,
    /// The target it measures.
    pub target: &'a str,
    /// Official text.
    pub name: &'a str,
    /// UNSD indicator code.
    pub unsd_code: &'a str,
    /// Other indicators with the same UNSD code (the same indicator repeated).
    pub same_code_as: Vec<&'a str>,
    /// The tier as stated, or `not classified in YYYY-MM`; empty when unknown.
    pub tier: String,
    /// The date of the tier classification.
    pub tier_as_of: &'a str,
    /// Custodian agencies.
    pub custodians: Vec<&'a str>,
    /// Partner agencies.
    pub partners: Vec<&'a str>,
    /// Activities in the view naming its target.
    pub activities: usize,
}

/// A country with its UN regions and groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryRow<'a> {
    /// ISO alpha-3 code.
    pub code: &'a str,
    /// English name.
    pub name: &'a str,
    /// UN M49 region.
    pub region: &'a str,
    /// UN M49 sub-region.
    pub subregion: &'a str,
    /// UN M49 intermediate region.
    pub intermediate_region: &'a str,
    /// Groups (`ldc`, `lldc`, `sids`).
    pub groups: Vec<&'a str>,
    /// Activities in the view naming it.
    pub activities: usize,
}

/// A goal, target or row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRow {
    /// Stable key (`9`, `9.c`, `C2`).
    pub key: String,
    /// Title, target text or line title.
    pub title: String,
    /// Activities in the view that relate to the record.
    pub activities: usize,
    /// How many of `activities` are cross-cutting (they name every goal),
    /// which the Matrix's cells and `Σ` leave out unless the view says
    /// `with:cross-cutting`.
    pub cross_cutting: usize,
}

/// The column names of rows for `show`.
pub fn columns(show: Show) -> &'static [&'static str] {
    match show {
        Show::Activities => &[
            "id",
            "title",
            "lead",
            "sector",
            "kind",
            "year",
            "sdgs",
            "targets",
            "action_lines",
            "countries",
            "suggested_sdgs",
            "suggested_targets",
            "suggested_action_lines",
            "summary",
        ],
        Show::Links => &[
            "key",
            "row",
            "goal",
            "scope",
            "status",
            "targets",
            "rationale",
            "activities",
            "cross_cutting",
        ],
        Show::Indicators => &[
            "code",
            "target",
            "name",
            "unsd_code",
            "same_code_as",
            "tier",
            "tier_as_of",
            "custodians",
            "partners",
            "activities",
        ],
        Show::Countries => &[
            "code",
            "name",
            "region",
            "subregion",
            "intermediate_region",
            "groups",
            "activities",
        ],
        Show::Sdgs | Show::Targets | Show::Rows => &["key", "title", "activities", "cross_cutting"],
    }
}

/// The records of kind `show` in `sel`, ranked by the view's free text
/// (score descending, ties by key) or, without text, in snapshot order.
pub fn records(s: &Snapshot, v: &View, sel: &Selection, show: Show) -> Vec<EntityRef> {
    let ids: Vec<EntityRef> = match show {
        Show::Activities => (0..s.activities().len() as u32)
            .map(ActivityId)
            .filter(|&a| sel.activity(a))
            .map(EntityRef::Activity)
            .collect(),
        Show::Sdgs => s
            .sdgs()
            .iter()
            .map(|g| g.number)
            .filter(|&n| sel.sdg(n))
            .map(EntityRef::Sdg)
            .collect(),
        Show::Targets => s
            .sdgs()
            .iter()
            .flat_map(|g| g.targets.iter().copied())
            .filter(|&t| sel.target(t))
            .map(EntityRef::Target)
            .collect(),
        Show::Rows => s
            .rows()
            .iter()
            .copied()
            .filter(|&l| sel.line(l))
            .map(EntityRef::Line)
            .collect(),
        Show::Links => (0..s.links().len() as u32)
            .map(LinkId)
            .filter(|&k| sel.link(k))
            .map(EntityRef::Link)
            .collect(),
        Show::Indicators => (0..s.indicators().len() as u32)
            .map(IndicatorId)
            .filter(|&i| sel.indicator(i))
            .map(EntityRef::Indicator)
            .collect(),
        Show::Countries => (0..s.countries().len() as u32)
            .map(CountryId)
            .filter(|&c| sel.country(c))
            .map(EntityRef::Country)
            .collect(),
    };
    let q = Query::from_terms(&v.text);
    if q.is_empty() {
        return ids;
    }
    let mut buf = String::new();
    let mut scored: Vec<(i64, String, EntityRef)> = ids
        .into_iter()
        .map(|e| {
            buf.clear();
            lower_haystack(s, e, &mut buf);
            (q.score(&buf), e.key(s), e)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

/// A view applied to `s` and its records of kind `show` ranked, as
/// [`crate::view::apply`] then [`records`] would, but in one pass over the
/// activities: each haystack is built once, to test and to score it.
pub fn select(s: &Snapshot, v: &View, show: Show) -> (Selection, Vec<EntityRef>) {
    if show != Show::Activities {
        // activity scores would rank nothing
        let sel = crate::view::apply(s, v);
        let ids = records(s, v, &sel, show);
        return (sel, ids);
    }
    let (sel, scores) = crate::view::apply_scored(s, v);
    let (Show::Activities, Some(scores)) = (show, scores) else {
        let ids = records(s, v, &sel, show);
        return (sel, ids);
    };
    let mut ranked = scores.hits;
    // Score descending, ties by key (an activity's key is its unique id).
    // Activities are usually stored in id order: then the ties are already
    // in order and a stable sort on the score alone is enough.
    if scores.ids_ascending {
        ranked.sort_by_key(|&(sc, _)| std::cmp::Reverse(sc));
    } else {
        let acts = s.activities();
        let id = |i: u32| acts.get(i as usize).map_or("", |a| a.id());
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| id(a.1).cmp(id(b.1))));
    }
    let ids = ranked
        .into_iter()
        .map(|(_, i)| EntityRef::Activity(ActivityId(i)))
        .collect();
    (sel, ids)
}

/// Activities in `sel` among those related to `e`.
fn activities_in(s: &Snapshot, sel: &Selection, e: EntityRef) -> usize {
    activities_split(s, sel, e).0
}

/// Activities in `sel` among those related to `e`, and how many of them
/// are cross-cutting.
fn activities_split(s: &Snapshot, sel: &Selection, e: EntityRef) -> (usize, usize) {
    crate::related::related(s, e)
        .into_iter()
        .filter(|g| g.kind == Kind::Activity)
        .flat_map(|g| g.items)
        .filter_map(|x| match x {
            EntityRef::Activity(a) if sel.activity(a) => Some(a),
            _ => None,
        })
        .fold((0, 0), |(n, x), a| {
            (n + 1, x + usize::from(s.is_cross_cutting(a)))
        })
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Targets => "targets",
        Scope::Goal => "goal",
        Scope::AllTargets => "all_targets",
    }
}

/// The output row of a record.
pub fn row<'a>(s: &'a Snapshot, sel: &Selection, e: EntityRef) -> Row<'a> {
    match e {
        EntityRef::Activity(a) => {
            let a = s.activity(a);
            Row::Activity(ActivityRow {
                id: a.id(),
                title: a.title(),
                lead: a.lead().unwrap_or_default(),
                sector: a.sector().unwrap_or_default(),
                kind: a.kind().unwrap_or_default(),
                year: a.year(),
                sdgs: a.sdgs(),
                targets: a
                    .targets()
                    .iter()
                    .map(|&t| s.target(t).code.as_str())
                    .collect(),
                action_lines: a
                    .action_lines()
                    .iter()
                    .map(|&l| s.line(l).id.as_str())
                    .collect(),
                countries: a
                    .countries()
                    .iter()
                    .map(|&c| s.country(c).code.as_str())
                    .collect(),
                suggested_sdgs: a
                    .suggested()
                    .map(|g| g.goals.iter().map(|g| g.goal).collect())
                    .unwrap_or_default(),
                suggested_targets: a
                    .suggested()
                    .map(|g| g.targets().map(|t| s.target(t).code.as_str()).collect())
                    .unwrap_or_default(),
                suggested_action_lines: a
                    .suggested()
                    .map(|g| g.lines().map(|l| s.line(l).id.as_str()).collect())
                    .unwrap_or_default(),
                summary: a.summary(),
            })
        }
        EntityRef::Link(k) => {
            let link = s.link(k);
            let (activities, cross_cutting) = activities_split(s, sel, e);
            Row::Link(LinkRow {
                key: s.link_key(k),
                row: &s.line(link.action_line).id,
                goal: link.sdg,
                scope: scope_name(link.scope),
                status: status_name(link.status),
                targets: link_targets(s, k)
                    .into_iter()
                    .map(|t| s.target(t).code.as_str())
                    .collect(),
                rationale: &link.rationale,
                activities,
                cross_cutting,
            })
        }
        EntityRef::Indicator(i) => {
            let ind = s.indicator(i);
            Row::Indicator(IndicatorRow {
                code: &ind.code,
                target: &s.target(ind.target).code,
                name: &ind.name,
                unsd_code: ind.unsd_code.as_deref().unwrap_or_default(),
                same_code_as: s
                    .indicator_repeats(i)
                    .into_iter()
                    .map(|o| s.indicator(o).code.as_str())
                    .collect(),
                tier: ind.tier.label(),
                tier_as_of: ind.tier.as_of().unwrap_or_default(),
                custodians: ind.custodians.iter().map(String::as_str).collect(),
                partners: ind.partners.iter().map(String::as_str).collect(),
                activities: activities_in(s, sel, e),
            })
        }
        EntityRef::Country(c) => {
            let country = s.country(c);
            Row::Country(CountryRow {
                code: &country.code,
                name: &country.name,
                region: country.region.as_deref().unwrap_or_default(),
                subregion: country.subregion.as_deref().unwrap_or_default(),
                intermediate_region: country.intermediate_region.as_deref().unwrap_or_default(),
                groups: country.groups.iter().map(String::as_str).collect(),
                activities: activities_in(s, sel, e),
            })
        }
        _ => {
            let title = match e {
                EntityRef::Sdg(n) => s.sdg(n).map(|g| g.title.clone()).unwrap_or_default(),
                _ => e.title(s),
            };
            let (activities, cross_cutting) = activities_split(s, sel, e);
            Row::Record(RecordRow {
                key: e.key(s),
                title,
                activities,
                cross_cutting,
            })
        }
    }
}

/// The row as text cells in [`columns`] order, lists joined with `;`.
pub fn cells(r: &Row<'_>) -> Vec<String> {
    let join = |v: &[&str]| v.join(";");
    let opt = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    match r {
        Row::Activity(a) => vec![
            a.id.to_owned(),
            a.title.to_owned(),
            a.lead.to_owned(),
            a.sector.to_owned(),
            a.kind.to_owned(),
            opt(a.year),
            a.sdgs
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(";"),
            join(&a.targets),
            join(&a.action_lines),
            join(&a.countries),
            a.suggested_sdgs
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(";"),
            join(&a.suggested_targets),
            join(&a.suggested_action_lines),
            a.summary.to_owned(),
        ],
        Row::Link(l) => vec![
            l.key.clone(),
            l.row.to_owned(),
            l.goal.to_string(),
            l.scope.to_owned(),
            l.status.to_owned(),
            join(&l.targets),
            l.rationale.to_owned(),
            l.activities.to_string(),
            l.cross_cutting.to_string(),
        ],
        Row::Indicator(i) => vec![
            i.code.to_owned(),
            i.target.to_owned(),
            i.name.to_owned(),
            i.unsd_code.to_owned(),
            join(&i.same_code_as),
            i.tier.clone(),
            i.tier_as_of.to_owned(),
            join(&i.custodians),
            join(&i.partners),
            i.activities.to_string(),
        ],
        Row::Country(c) => vec![
            c.code.to_owned(),
            c.name.to_owned(),
            c.region.to_owned(),
            c.subregion.to_owned(),
            c.intermediate_region.to_owned(),
            join(&c.groups),
            c.activities.to_string(),
        ],
        Row::Record(r) => vec![
            r.key.clone(),
            r.title.clone(),
            r.activities.to_string(),
            r.cross_cutting.to_string(),
        ],
    }
}
