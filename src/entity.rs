//! A reference to any record of a snapshot, and its stable key.
//!
//! Drill-down history, breadcrumbs, search results, bookmarks and tours all
//! point at records; they do so with an [`EntityRef`], which is cheap to copy
//! and compare, and persist it as a *stable key* (`9`, `9.c`, `C2`,
//! `C2/9`, an activity id, an indicator code `9.c.1`, a country code `THA`)
//! that survives a reload or a new snapshot.

use crate::snapshot::{
    ActivityId, CountryId, IndicatorId, LineId, LinkId, LinkStatus, Snapshot, TargetId,
};

/// Any record a user can focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// A goal, by number.
    Sdg(u8),
    /// A target.
    Target(TargetId),
    /// An Action Line or sub-line.
    Line(LineId),
    /// A Matrix link.
    Link(LinkId),
    /// A Matrix cell: a row and a goal, whether or not a link exists there.
    Cell(LineId, u8),
    /// An activity.
    Activity(ActivityId),
    /// An SDG indicator.
    Indicator(IndicatorId),
    /// A country or territory.
    Country(CountryId),
}

/// The kinds of records, in the order related records are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Goals.
    Sdg,
    /// Targets.
    Target,
    /// Action Lines.
    Line,
    /// Matrix links.
    Link,
    /// Matrix cells.
    Cell,
    /// Activities.
    Activity,
    /// SDG indicators.
    Indicator,
    /// Countries.
    Country,
}

impl Kind {
    /// Plural heading for a group of this kind.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Sdg => "SDGs",
            Kind::Target => "Targets",
            Kind::Line => "Action Lines",
            Kind::Link => "Matrix links",
            Kind::Cell => "Matrix cells",
            Kind::Activity => "Activities",
            Kind::Indicator => "Indicators",
            Kind::Country => "Countries",
        }
    }
}

impl EntityRef {
    /// The kind of record.
    pub fn kind(self) -> Kind {
        match self {
            EntityRef::Sdg(_) => Kind::Sdg,
            EntityRef::Target(_) => Kind::Target,
            EntityRef::Line(_) => Kind::Line,
            EntityRef::Link(_) => Kind::Link,
            EntityRef::Cell(..) => Kind::Cell,
            EntityRef::Activity(_) => Kind::Activity,
            EntityRef::Indicator(_) => Kind::Indicator,
            EntityRef::Country(_) => Kind::Country,
        }
    }

    /// The stable key: `9`, `9.c`, `C2`, `C2/9` (link), `C2@9` (cell), an
    /// activity id, an indicator code (`9.c.1`) or a country code (`THA`).
    pub fn key(self, s: &Snapshot) -> String {
        match self {
            EntityRef::Sdg(n) => n.to_string(),
            EntityRef::Target(t) => s.target(t).code.clone(),
            EntityRef::Line(l) => s.line(l).id.clone(),
            EntityRef::Link(l) => s.link_key(l),
            EntityRef::Cell(l, n) => format!("{}@{n}", s.line(l).id),
            EntityRef::Activity(a) => s.activity(a).id().to_owned(),
            EntityRef::Indicator(i) => s.indicator(i).code.clone(),
            EntityRef::Country(c) => s.country(c).code.clone(),
        }
    }

    /// A short label for breadcrumbs and lists: `SDG 9`, `9.c`, `C2`,
    /// `C2 × SDG 9`, an activity title, `9.c.1`, a country's name.
    pub fn label(self, s: &Snapshot) -> String {
        match self {
            EntityRef::Sdg(n) => format!("SDG {n}"),
            EntityRef::Target(t) => s.target(t).code.clone(),
            EntityRef::Line(l) => s.line(l).id.clone(),
            EntityRef::Link(l) => {
                let link = s.link(l);
                let d = if link.status == LinkStatus::Disputed {
                    " (disputed)"
                } else {
                    ""
                };
                format!("{} × SDG {}{d}", s.line(link.action_line).id, link.sdg)
            }
            EntityRef::Cell(l, n) => format!("{} × SDG {n}", s.line(l).id),
            EntityRef::Activity(a) => s.activity(a).title().to_owned(),
            EntityRef::Indicator(i) => s.indicator(i).code.clone(),
            EntityRef::Country(c) => s.country(c).name.clone(),
        }
    }

    /// The record's title: goal short name, target text, line title, link
    /// rationale, activity title, indicator name, country name.
    pub fn title(self, s: &Snapshot) -> String {
        match self {
            EntityRef::Sdg(n) => s.sdg(n).map(|g| g.short_name.clone()).unwrap_or_default(),
            EntityRef::Target(t) => s.target(t).text.clone(),
            EntityRef::Line(l) => s.line(l).title.clone(),
            EntityRef::Link(l) => s.link(l).rationale.clone(),
            EntityRef::Cell(l, n) => {
                let goal = s.sdg(n).map(|g| g.short_name.as_str()).unwrap_or("");
                format!("{} × {goal}", s.line(l).short_name)
            }
            EntityRef::Activity(a) => s.activity(a).title().to_owned(),
            EntityRef::Indicator(i) => s.indicator(i).name.clone(),
            EntityRef::Country(c) => s.country(c).name.clone(),
        }
    }

    /// Resolves a stable key against a snapshot.
    pub fn resolve(s: &Snapshot, key: &str) -> Option<EntityRef> {
        let key = key.trim();
        if let Ok(n) = key.parse::<u8>() {
            return s.sdg(n).map(|_| EntityRef::Sdg(n));
        }
        let goal = key.strip_prefix("SDG").or_else(|| key.strip_prefix("sdg"));
        if let Some(n) = goal.and_then(|n| n.trim().parse::<u8>().ok()) {
            return s.sdg(n).map(|_| EntityRef::Sdg(n));
        }
        if let Some(t) = s.index().target(key) {
            return Some(EntityRef::Target(t));
        }
        if let Some(l) = s.index().line(key) {
            return Some(EntityRef::Line(l));
        }
        if let Some(a) = s.index().activity(key) {
            return Some(EntityRef::Activity(a));
        }
        if let Some(i) = s.index().indicator(key) {
            return Some(EntityRef::Indicator(i));
        }
        if let Some(c) = s.index().country(key) {
            return Some(EntityRef::Country(c));
        }
        if let Some((line, n)) = key.split_once('@') {
            let l = s.index().line(line)?;
            let n: u8 = n.parse().ok()?;
            return (s.index().row_pos(l).is_some() && s.sdg(n).is_some())
                .then_some(EntityRef::Cell(l, n));
        }
        let disputed = key.ends_with("/disputed");
        let (line, rest) = key.split_once('/')?;
        let n: u8 = rest.trim_end_matches("/disputed").parse().ok()?;
        let l = s.index().line(line)?;
        s.index()
            .links_at(l, n)
            .iter()
            .copied()
            .find(|&id| (s.link(id).status == LinkStatus::Disputed) == disputed)
            .map(EntityRef::Link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    #[test]
    fn keys_round_trip_for_every_record() {
        let s = load_bundled().unwrap();
        let mut all: Vec<EntityRef> = s.sdgs().iter().map(|g| EntityRef::Sdg(g.number)).collect();
        all.extend((0..s.targets().len()).map(|i| EntityRef::Target(TargetId(i as u32))));
        all.extend((0..s.action_lines().len()).map(|i| EntityRef::Line(LineId(i as u32))));
        all.extend((0..s.links().len()).map(|i| EntityRef::Link(LinkId(i as u32))));
        all.extend((0..s.activities().len()).map(|i| EntityRef::Activity(ActivityId(i as u32))));
        all.extend((0..s.indicators().len()).map(|i| EntityRef::Indicator(IndicatorId(i as u32))));
        all.extend((0..s.countries().len()).map(|i| EntityRef::Country(CountryId(i as u32))));
        all.extend(s.rows().iter().map(|&r| EntityRef::Cell(r, 9)));
        for e in all {
            assert_eq!(
                EntityRef::resolve(&s, &e.key(&s)),
                Some(e),
                "key {}",
                e.key(&s)
            );
        }
    }

    #[test]
    fn unknown_keys_do_not_resolve() {
        let s = load_bundled().unwrap();
        for k in [
            "0",
            "18",
            "9.z",
            "C12",
            "C2/18",
            "C7@9",
            "nope",
            "C2/9/disputed",
        ] {
            assert_eq!(EntityRef::resolve(&s, k), None, "{k}");
        }
        assert_eq!(
            EntityRef::resolve(&s, "C6/16/disputed").map(|e| e.kind()),
            Some(Kind::Link)
        );
    }
}
