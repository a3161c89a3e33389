//! The view language: one textual description of a filtered view, shared by
//! the app (`/`, `f`, `:`), `sdgmap query`, `sdgmap export`, bookmarks and
//! presenter tours.
//!
//! A view is a list of whitespace-separated words. `key:v1,v2` is a facet
//! (values OR-ed, different facets AND-ed), `-key:v` excludes, anything else
//! is free text in fzf syntax (`'exact`, `^prefix`, `suffix$`, `!not`,
//! `a | b`, see [`crate::search::Query`]). Double quotes group words with
//! spaces (`lead:"World Bank"`, `"digital health"`). `show:`, `focus:` and
//! `at:` name what the view shows, the record drilled into and the record
//! under the cursor, so a saved view reopens exactly; `~term` is a filter
//! switched off — kept with the view, applied to nothing (the app lists it
//! as a chip that is off); `with:cross-cutting` counts cross-cutting activities (those that
//! name every goal) in the Matrix cells, which leave them out by default
//! (see [`crate::matrix`]). The module is split by stage — [`lex`](self) → `parse` → `View`
//! → `print` (canonical text), `check` (against a snapshot) and `apply`
//! (to a [`Selection`](crate::selection::Selection)) — so that the text form
//! and the semantics can be tested apart, and the parser needs no snapshot.
//!
//! # Semantics across kinds
//!
//! [`apply`] keeps, for each kind of record, those that pass every active
//! facet *that says something about that kind*:
//!
//! * **Activities** pass `sdg`/`target`/`al` on their own goals, targets and
//!   lines, and the activity facets `sector`, `kind`, `lead`, `partner`,
//!   `year`, `source` on their own fields. `status` does not restrict them.
//!   An activity without a year fails every `year:` include and passes
//!   every `-year:` exclude.
//! * **Indicator facets** (`indicator`, `custodian`, `tier`) judge one
//!   indicator at a time: an indicator *includes* when it passes every
//!   include of the three at once (`custodian:ITU tier:II`: one indicator
//!   that is both), and is *excluded* when it has any excluded value. An
//!   indicator passes when it includes and is not excluded. Any other record
//!   is judged through the targets it names (activities), covers (links;
//!   every target of the goal for scope `all_targets`) or is (targets): it
//!   passes when one of them has an including indicator (if an include is
//!   active) and none has an excluded one, so `-custodian:WHO` keeps an
//!   activity that names no target. A goal passes the includes when one of
//!   its targets does; lines follow the links that pass, as for `target:`.
//! * **Country facets** (`country` — by code or any name —, `region`,
//!   `subregion` — an M49 sub-region or intermediate region —, `group`)
//!   judge one country at a time the same way, and restrict activities only,
//!   through the countries they name.
//! * **Indicators** (`show:indicators`) pass the indicator facets on
//!   themselves, `sdg`/`target` on their target and, with any of
//!   `al`/`status`/`source` active, a passing link must cover their target.
//! * **Countries** (`show:countries`) pass the country facets on
//!   themselves and, when the view restricts activities (any facet but the
//!   country ones, `status` and free text), must be named by an activity
//!   that passes.
//! * **Links** pass `sdg` on their goal, `target` on the targets they cover
//!   (named, or all of the goal's for scope `all_targets`), `al` on their
//!   row, `status` on their status and `source` on their own source.
//!   Activity facets do not restrict links.
//! * **Goals** pass `sdg` on their number; with a `target:` include only the
//!   goals of those targets pass; with any of `al`/`status`/`source` active,
//!   a goal must be reached by a link that passes the link facets.
//! * **Targets** pass `sdg` on their goal and `target` on their code; with
//!   any of `al`/`status`/`source` active, a passing link must cover them.
//! * **Action Lines** pass `al` on their id (`al:C7` means C7 and all its
//!   sub-lines; a sub-line does not bring in its parent); with any of
//!   `sdg`/`target`/`status`/`source` active, a passing link must start at
//!   the line (for a parent line: at one of its sub-lines).
//!
//! Exclusions drop a record that *has* the excluded value (`-target:9.c`
//! drops every link and activity naming 9.c and the target itself, but not
//! goal 9). Free text restricts every kind by its own text only (see
//! [`crate::search::haystack`]); it does not propagate: the links that make a
//! goal reachable are judged on facets, never on text. A facet given twice
//! merges its values (OR). Facet keys are case-insensitive, as are the
//! values of `sector`, `kind`, `lead`, `partner`, `status`, `al`, `source`,
//! `custodian`, `tier`, `country`, `region`, `subregion` and `group`
//! (region names also ignore `-` and `_`: `subregion:sub-saharan-africa`).

mod apply;
mod check;
pub mod chips;
mod error;
pub mod facets;
mod lex;
mod parse;
mod print;
mod sides;

pub use apply::{Scored, apply, apply_scored, apply_with};
pub use check::parse_checked;
pub use error::{ViewError, suggest};
pub use parse::{MAX_VIEW_CHARS, example, parse};

use crate::snapshot::{LinkStatus, TierClass};

/// A parsed view: facets, free text and presentation. Build one with
/// [`parse`]; print it canonically with `to_string()`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// `sdg:` goal numbers, 1–17.
    pub sdg: Facet<u8>,
    /// `target:` target codes such as `9.c`.
    pub target: Facet<String>,
    /// `indicator:` indicator codes such as `9.c.1`.
    pub indicator: Facet<String>,
    /// `custodian:` agencies named as custodian of an indicator (`ITU`).
    pub custodian: Facet<String>,
    /// `tier:` indicator tier classes, or unclassified.
    pub tier: Facet<TierValue>,
    /// `al:` Action Line ids; a parent id means the line and its sub-lines.
    pub al: Facet<String>,
    /// `sector:` activity sectors (`ITU-D` …).
    pub sector: Facet<String>,
    /// `kind:` activity kinds (`partnership` …).
    pub kind: Facet<String>,
    /// `lead:` leading organisations.
    pub lead: Facet<String>,
    /// `partner:` partner organisations.
    pub partner: Facet<String>,
    /// `country:` countries, by ISO code or any of their names.
    pub country: Facet<String>,
    /// `region:` UN M49 regions of the countries (`Africa`).
    pub region: Facet<String>,
    /// `subregion:` UN M49 sub-regions or intermediate regions.
    pub subregion: Facet<String>,
    /// `group:` country groups (`ldc`, `lldc`, `sids`).
    pub group: Facet<String>,
    /// `year:` inclusive start-year ranges.
    pub year: Facet<YearRange>,
    /// `status:` Matrix link statuses.
    pub status: Facet<LinkStatus>,
    /// `source:` source ids.
    pub source: Facet<String>,
    /// Free-text terms in fzf syntax, in the order typed (`|` is its own term).
    pub text: Vec<String>,
    /// `show:` what the view lists.
    pub show: Option<Show>,
    /// `focus:` the stable key of the focused record (see [`crate::entity::EntityRef::key`]).
    pub focus: Option<String>,
    /// `at:` the stable key of the record under the cursor (not drilled into).
    pub at: Option<String>,
    /// `~term`: filters switched off, each the canonical text of one filter
    /// (`sdg:9`); kept with the view, applied to nothing.
    pub off: Vec<String>,
    /// `with:cross-cutting`: Matrix cells count cross-cutting activities too.
    pub cross_cutting: bool,
}

/// The values of one facet: a record passes when it has one of `include`
/// (or `include` is empty) and none of `exclude`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet<T> {
    /// Values written `key:a,b`.
    pub include: Vec<T>,
    /// Values written `-key:a,b`.
    pub exclude: Vec<T>,
}

impl<T> Default for Facet<T> {
    fn default() -> Self {
        Facet {
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

impl<T> Facet<T> {
    /// True when the facet restricts nothing.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
    /// Whether a record with the given values passes.
    pub fn passes(&self, mut has: impl FnMut(&T) -> bool) -> bool {
        (self.include.is_empty() || self.include.iter().any(&mut has))
            && !self.exclude.iter().any(has)
    }
}

/// An inclusive range of years; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearRange {
    /// First year, or open.
    pub from: Option<i32>,
    /// Last year, or open.
    pub to: Option<i32>,
}

impl YearRange {
    /// Whether `year` lies in the range.
    pub fn contains(self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// A value of the `tier:` facet: a tier class, or no tier in the
/// classification the snapshot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TierValue {
    /// The tier names this class (`tier:I`, `tier:II`, `tier:III`).
    Class(TierClass),
    /// The classification leaves the indicator out (`tier:unclassified`).
    Unclassified,
}

impl TierValue {
    /// Every value, in canonical order.
    pub const ALL: [TierValue; 4] = [
        TierValue::Class(TierClass::I),
        TierValue::Class(TierClass::II),
        TierValue::Class(TierClass::III),
        TierValue::Unclassified,
    ];
    /// The word used in views: `I`, `II`, `III`, `unclassified`.
    pub fn name(self) -> &'static str {
        match self {
            TierValue::Class(c) => c.name(),
            TierValue::Unclassified => "unclassified",
        }
    }
    /// Whether an indicator with tier `t` has this value.
    pub fn holds(self, t: &crate::snapshot::Tier) -> bool {
        match self {
            TierValue::Class(c) => t.classes().contains(c),
            TierValue::Unclassified => matches!(t, crate::snapshot::Tier::Unclassified { .. }),
        }
    }
}

/// What a view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Show {
    /// Activities.
    Activities,
    /// Goals.
    Sdgs,
    /// Targets.
    Targets,
    /// Matrix rows (leaf Action Lines).
    Rows,
    /// Matrix links.
    Links,
    /// SDG indicators.
    Indicators,
    /// Countries.
    Countries,
}

impl Show {
    /// Every value, in canonical order.
    pub const ALL: [Show; 7] = [
        Show::Activities,
        Show::Sdgs,
        Show::Targets,
        Show::Rows,
        Show::Links,
        Show::Indicators,
        Show::Countries,
    ];
    /// The word used in views and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Show::Activities => "activities",
            Show::Sdgs => "sdgs",
            Show::Targets => "targets",
            Show::Rows => "rows",
            Show::Links => "links",
            Show::Indicators => "indicators",
            Show::Countries => "countries",
        }
    }
}

/// The facet keys, in canonical printing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// `sdg:`
    Sdg,
    /// `target:`
    Target,
    /// `indicator:`
    Indicator,
    /// `custodian:`
    Custodian,
    /// `tier:`
    Tier,
    /// `al:`
    Al,
    /// `sector:`
    Sector,
    /// `kind:`
    Kind,
    /// `lead:`
    Lead,
    /// `partner:`
    Partner,
    /// `country:`
    Country,
    /// `region:`
    Region,
    /// `subregion:`
    Subregion,
    /// `group:`
    Group,
    /// `year:`
    Year,
    /// `status:`
    Status,
    /// `source:`
    Source,
    /// `show:`
    Show,
    /// `focus:`
    Focus,
    /// `with:`
    With,
    /// `at:`
    At,
}

impl Key {
    /// Every key, in canonical order.
    pub const ALL: [Key; 21] = [
        Key::Sdg,
        Key::Target,
        Key::Indicator,
        Key::Custodian,
        Key::Tier,
        Key::Al,
        Key::Sector,
        Key::Kind,
        Key::Lead,
        Key::Partner,
        Key::Country,
        Key::Region,
        Key::Subregion,
        Key::Group,
        Key::Year,
        Key::Status,
        Key::Source,
        Key::Show,
        Key::Focus,
        Key::With,
        Key::At,
    ];
    /// The key as written before the colon.
    pub fn name(self) -> &'static str {
        match self {
            Key::Sdg => "sdg",
            Key::Target => "target",
            Key::Indicator => "indicator",
            Key::Custodian => "custodian",
            Key::Tier => "tier",
            Key::Al => "al",
            Key::Sector => "sector",
            Key::Kind => "kind",
            Key::Lead => "lead",
            Key::Partner => "partner",
            Key::Country => "country",
            Key::Region => "region",
            Key::Subregion => "subregion",
            Key::Group => "group",
            Key::Year => "year",
            Key::Status => "status",
            Key::Source => "source",
            Key::Show => "show",
            Key::Focus => "focus",
            Key::With => "with",
            Key::At => "at",
        }
    }
    /// The key named `name` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
}

/// The value of `with:` that counts cross-cutting activities in Matrix cells.
pub const CROSS_CUTTING: &str = "cross-cutting";

/// The words a link status is written as.
pub fn status_name(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Confirmed => "confirmed",
        LinkStatus::Partial => "partial",
        LinkStatus::Disputed => "disputed",
    }
}

impl View {
    /// True when the view filters nothing (it may still name `show`/`focus`).
    pub fn is_unfiltered(&self) -> bool {
        self.sdg.is_empty()
            && self.target.is_empty()
            && self.indicator.is_empty()
            && self.custodian.is_empty()
            && self.tier.is_empty()
            && self.al.is_empty()
            && self.sector.is_empty()
            && self.kind.is_empty()
            && self.lead.is_empty()
            && self.partner.is_empty()
            && self.country.is_empty()
            && self.region.is_empty()
            && self.subregion.is_empty()
            && self.group.is_empty()
            && self.year.is_empty()
            && self.status.is_empty()
            && self.source.is_empty()
            && self.text.is_empty()
    }

    /// Puts every value list in canonical order without duplicates and
    /// drops empty text terms; [`parse`] returns normalized views.
    pub fn normalize(&mut self) {
        fn strings(f: &mut Facet<String>) {
            for v in [&mut f.include, &mut f.exclude] {
                v.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
                v.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
            }
        }
        fn ord<T: Ord>(f: &mut Facet<T>) {
            for v in [&mut f.include, &mut f.exclude] {
                v.sort();
                v.dedup();
            }
        }
        ord(&mut self.sdg);
        for v in [
            &mut self.target.include,
            &mut self.target.exclude,
            &mut self.indicator.include,
            &mut self.indicator.exclude,
        ] {
            v.sort_by_key(|c| target_sort_key(c));
            v.dedup();
        }
        for f in [
            &mut self.custodian,
            &mut self.al,
            &mut self.sector,
            &mut self.kind,
            &mut self.lead,
            &mut self.partner,
            &mut self.country,
            &mut self.region,
            &mut self.subregion,
            &mut self.group,
            &mut self.source,
        ] {
            strings(f);
        }
        ord(&mut self.tier);
        ord(&mut self.year);
        ord(&mut self.status);
        self.text.retain(|t| !t.is_empty());
        let mut seen = std::collections::HashSet::new();
        self.off.retain(|t| seen.insert(t.clone()));
    }
}

/// Natural order of target and indicator codes: `9.2` before `9.10`
/// before `9.a`, and `9.c.1` before `9.c.2`.
fn target_sort_key(code: &str) -> (u32, bool, u32, String, u32) {
    let (g, rest) = code.split_once('.').unwrap_or((code, ""));
    let (t, ind) = rest.split_once('.').unwrap_or((rest, ""));
    let goal = g.parse().unwrap_or(u32::MAX);
    let ind = ind.parse().unwrap_or(0);
    match t.parse::<u32>() {
        Ok(n) => (goal, false, n, String::new(), ind),
        Err(_) => (goal, true, 0, t.to_string(), ind),
    }
}
