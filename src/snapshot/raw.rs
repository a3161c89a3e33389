//! The snapshot file as it is on disk, one serde type per JSON object.
//!
//! These types mirror `assets/snapshot.json` one to one and carry no
//! invariants: a `RawSnapshot` may reference unknown SDGs or repeat ids.
//! `crate::snapshot::validate` turns it into the immutable, indexed
//! [`crate::snapshot::Snapshot`]. Keeping the two apart (ripgrep's
//! low-args / high-args split) lets the file format stay stable while the
//! in-memory model is shaped for fast queries. The JSON Schema shipped in
//! `assets/snapshot.schema.json` is generated from these types.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::suggest::StoredSuggestions;

/// The value of the top-level `format` key every snapshot carries.
pub const FORMAT_NAME: &str = "sdgmap-snapshot";
/// The snapshot format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole snapshot file: the SDGs, the WSIS Action Lines, the Matrix links
/// between them and the activities mapped onto both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "sdgmap snapshot",
        description = "A snapshot of how the SDGs, the WSIS Action Lines and ICT activities link to one another."
    )
)]
pub struct RawSnapshot {
    /// Always `"sdgmap-snapshot"`.
    pub format: String,
    /// The format version; this build reads version 1.
    pub version: u32,
    /// Title, date and the sources every record cites.
    pub meta: RawMeta,
    /// The 17 Sustainable Development Goals with their targets.
    pub sdgs: Vec<RawSdg>,
    /// SDG indicators (at least those of interest, e.g. ITU's custodian indicators).
    pub indicators: Vec<RawIndicator>,
    /// WSIS Action Lines C1–C11 and the C7 sub-lines.
    pub action_lines: Vec<RawActionLine>,
    /// WSIS–SDG Matrix links: one Action Line (row) to one SDG.
    pub links: Vec<RawLink>,
    /// Countries and territories that activities name (ISO 3166, UN M49 regions, groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<RawCountry>,
    /// Activities (projects, programmes, partnerships …) mapped to SDGs and Action Lines.
    pub activities: Vec<RawActivity>,
}

/// Snapshot-wide metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawMeta {
    /// Human-readable title shown in the header.
    pub title: String,
    /// The date the data describes, `YYYY-MM-DD`.
    pub snapshot_date: String,
    /// Every source that records cite by `source` id.
    pub sources: Vec<RawSource>,
    /// Free-form remarks about the snapshot (provenance, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawSource {
    /// Stable id that records cite, e.g. `wsis-sdg-matrix`.
    pub id: String,
    /// Full title of the source.
    pub title: String,
    /// Where to find it, when it has an address.
    #[serde(default)]
    pub url: Option<String>,
}

/// One Sustainable Development Goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawSdg {
    /// Goal number, 1–17.
    pub number: u8,
    /// Official short name, e.g. `No poverty`.
    pub short_name: String,
    /// Official full title of the goal.
    pub title: String,
    /// Official colour as `#RRGGBB`.
    pub color: String,
    /// The goal's targets in official order (`1.1` … `1.b`).
    pub targets: Vec<RawTarget>,
    /// Source id of the goal's names, colour and target texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One SDG target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawTarget {
    /// Target code, `<goal>.<number or letter>`, e.g. `9.c`.
    pub code: String,
    /// Official wording of the target.
    pub text: String,
}

/// One SDG indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawIndicator {
    /// Indicator code, e.g. `9.c.1`.
    pub code: String,
    /// The target it measures, e.g. `9.c`.
    pub target: String,
    /// Official name of the indicator.
    pub name: String,
    /// UNSD indicator code, e.g. `C090c01`; an indicator repeated under
    /// several targets (1.5.1, 11.5.1, 13.1.1) has one code for all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsd_code: Option<String>,
    /// The tier as the classification states it, e.g. `Tier I` or
    /// `Tier I (a)/Tier II (b)`; absent with `tier_as_of` given: the
    /// classification of that date does not classify the indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// The date of the tier classification, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_as_of: Option<String>,
    /// Custodian agencies, e.g. `["ITU"]`.
    #[serde(default)]
    pub custodians: Vec<String>,
    /// Partner agencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Codes the indicator had in earlier versions of the framework.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_codes: Vec<String>,
    /// Source id of the tier, custodians and partners, when it is not `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_source: Option<String>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One country or territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawCountry {
    /// ISO 3166-1 alpha-3 code, e.g. `THA`: the key activities cite.
    pub code: String,
    /// ISO 3166-1 alpha-2 code, e.g. `TH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha2: Option<String>,
    /// UN M49 numeric code, e.g. `764`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m49: Option<u16>,
    /// English name, e.g. `Thailand`.
    pub name: String,
    /// UN M49 region, e.g. `Asia`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// UN M49 sub-region, e.g. `South-eastern Asia`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subregion: Option<String>,
    /// UN M49 intermediate region, e.g. `Eastern Africa`, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_region: Option<String>,
    /// Country groups, e.g. `["ldc", "lldc"]` (least developed, landlocked
    /// developing, small island developing states: `ldc`, `lldc`, `sids`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Other names it goes by (official names in other languages, short names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One WSIS Action Line or C7 sub-line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawActionLine {
    /// Stable id: `C1` … `C11`, or `C7-e-health` style for C7 sub-lines.
    pub id: String,
    /// Name as ITU uses it.
    pub title: String,
    /// A short label for narrow places (matrix row labels); defaults to the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The parent line for sub-lines (`C7`), else null.
    #[serde(default)]
    pub parent: Option<String>,
    /// UN facilitators, lead first.
    #[serde(default)]
    pub facilitators: Vec<String>,
    /// WSIS Prizes category number, when the line has one.
    #[serde(default)]
    pub prize_category: Option<u8>,
    /// Source id for the facilitators and category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How much of a goal a Matrix link covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Specific targets are listed.
    Targets,
    /// The goal as a whole is named, no targets.
    Goal,
    /// Every target of the goal applies.
    AllTargets,
}

/// How sure the sources are of a Matrix link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Seen as-is in the source.
    Confirmed,
    /// The source's views disagree or the rationale is missing.
    Partial,
    /// One view of the source has it and another lacks it.
    Disputed,
}

/// One WSIS–SDG Matrix link: an Action Line (row) serving an SDG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawLink {
    /// The Matrix row (a leaf Action Line id).
    pub action_line: String,
    /// The goal number.
    pub sdg: u8,
    /// Target codes the Matrix names (empty for `goal` scope).
    #[serde(default)]
    pub targets: Vec<String>,
    /// What the link covers.
    pub scope: Scope,
    /// How sure the sources are.
    pub status: LinkStatus,
    /// One line on why the link exists.
    pub rationale: String,
    /// Source id.
    pub source: String,
    /// Remarks on oddities in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One activity (project, programme, partnership, standard …).
// Fields at their default (empty text or list, null) are left out when
// written: the bundled snapshot's 662 nominees have most of them empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawActivity {
    /// Stable id, unique in the snapshot.
    pub id: String,
    /// Name of the activity.
    pub title: String,
    /// A few sentences on what it does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = "")))]
    pub summary: String,
    /// Leading organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub lead: Option<String>,
    /// Partner organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = [])))]
    pub partners: Vec<String>,
    /// ITU Sector (`ITU-D`, `ITU-T`, `ITU-R`, `GS`) or other grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub sector: Option<String>,
    /// What sort of activity: `partnership`, `programme`, `initiative` …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub kind: Option<String>,
    /// Start year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub year: Option<i32>,
    /// Goal numbers the activity serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = [])))]
    pub sdgs: Vec<u8>,
    /// Target codes the activity serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = [])))]
    pub targets: Vec<String>,
    /// Action Line ids (leaves or `C7`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = [])))]
    pub action_lines: Vec<String>,
    /// ISO 3166-1 alpha-3 codes of the countries it works in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Source id.
    pub source: String,
    /// Web address of the activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub url: Option<String>,
    /// How the record was derived from its source (judgement calls, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What sdgmap suggested for the activity (`sdgmap import --suggest`):
    /// goals, targets and Action Lines *inferred* from its title and
    /// summary, with scores, evidence and the engine's version. Never a
    /// stated link: no count, cell or `sdg:`/`target:`/`al:` facet uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("default" = null)))]
    pub suggested: Option<StoredSuggestions>,
}

/// A string borrowed from the file's bytes when it has no escapes, owned
/// otherwise (serde's `Cow<str>` always owns, even inside a `Vec`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CowStr<'a>(pub Cow<'a, str>);

impl std::ops::Deref for CowStr<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for CowStr<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(s)))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// [`RawActivity`] with its strings borrowed from the file where possible:
/// what the loader streams activities through, so that a large file's
/// records are never all held as owned strings next to the model. Same
/// fields, defaults and types as [`RawActivity`] (a test keeps them in step).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RawActivityRef<'a> {
    #[serde(borrow)]
    pub id: CowStr<'a>,
    #[serde(borrow)]
    pub title: CowStr<'a>,
    #[serde(borrow, default)]
    pub summary: CowStr<'a>,
    #[serde(borrow, default)]
    pub lead: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    pub partners: SmallVec<[CowStr<'a>; 4]>,
    #[serde(borrow, default)]
    pub sector: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    pub kind: Option<CowStr<'a>>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub sdgs: SmallVec<[u8; 8]>,
    #[serde(borrow, default)]
    pub targets: SmallVec<[CowStr<'a>; 4]>,
    #[serde(borrow, default)]
    pub action_lines: SmallVec<[CowStr<'a>; 4]>,
    #[serde(borrow, default)]
    pub countries: SmallVec<[CowStr<'a>; 2]>,
    #[serde(borrow)]
    pub source: CowStr<'a>,
    #[serde(borrow, default)]
    pub url: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    pub note: Option<CowStr<'a>>,
    /// Boxed: few activities carry suggestions, and every record is moved
    /// from the parser to the validator.
    #[serde(default)]
    pub suggested: Option<Box<StoredSuggestions>>,
}

impl From<RawActivity> for RawActivityRef<'_> {
    fn from(a: RawActivity) -> Self {
        let own = |s: String| CowStr(Cow::Owned(s));
        let list = |v: Vec<String>| v.into_iter().map(own).collect();
        RawActivityRef {
            id: own(a.id),
            title: own(a.title),
            summary: own(a.summary),
            lead: a.lead.map(own),
            partners: list(a.partners),
            sector: a.sector.map(own),
            kind: a.kind.map(own),
            year: a.year,
            sdgs: a.sdgs.into(),
            targets: list(a.targets),
            action_lines: list(a.action_lines),
            countries: a.countries.into_iter().map(own).collect(),
            source: own(a.source),
            url: a.url.map(own),
            note: a.note.map(own),
            suggested: a.suggested.map(Box::new),
        }
    }
}
