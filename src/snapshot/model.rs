//! The validated, immutable in-memory model of a snapshot.
//!
//! Records refer to each other through small typed ids (indices into the
//! model's vectors) instead of strings, so relations cost a `u32` and every
//! lookup is an index. Strings are held once and are already sanitized for
//! display (see [`crate::sanitize`]). The model is built only by
//! [`super::validate::build`], so every id it holds resolves.

use super::Problem;
pub use super::activity::{Activity, SdgSet};
use super::index::Index;
use super::raw::{LinkStatus, Scope};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            /// The position of the record in its vector.
            pub fn ix(self) -> usize {
                self.0 as usize
            }
        }
    };
}

typed_id!(
    /// A target: index into [`Snapshot::targets`].
    TargetId
);
typed_id!(
    /// An Action Line: index into [`Snapshot::action_lines`].
    LineId
);
typed_id!(
    /// A Matrix link: index into [`Snapshot::links`].
    LinkId
);
typed_id!(
    /// An activity: index into [`Snapshot::activities`].
    ActivityId
);
typed_id!(
    /// A source: index into [`Meta::sources`].
    SourceId
);
typed_id!(
    /// An indicator: index into [`Snapshot::indicators`].
    IndicatorId
);

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Snapshot metadata.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Title for the header.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub snapshot_date: String,
    /// Cited sources.
    pub sources: Vec<Source>,
    /// Free-form remarks.
    pub notes: Option<String>,
}

/// A cited source.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Address, when it has one.
    pub url: Option<String>,
}

/// A goal; `Snapshot::sdgs` is sorted by number.
#[derive(Debug, Clone)]
pub struct Sdg {
    /// 1–17.
    pub number: u8,
    /// Official short name.
    pub short_name: String,
    /// Official title.
    pub title: String,
    /// Official colour.
    pub color: Rgb,
    /// The goal's targets, in official order.
    pub targets: Vec<TargetId>,
    /// Source of names, colour and texts.
    pub source: Option<SourceId>,
}

/// A target.
#[derive(Debug, Clone)]
pub struct Target {
    /// `9.c`.
    pub code: String,
    /// Official wording.
    pub text: String,
    /// The goal number it belongs to.
    pub goal: u8,
}

/// An indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// `9.c.1`.
    pub code: String,
    /// The target it measures.
    pub target: TargetId,
    /// Official name.
    pub name: String,
    /// Custodian agencies.
    pub custodians: Vec<String>,
    /// Earlier codes of the same indicator.
    pub former_codes: Vec<String>,
    /// Source.
    pub source: Option<SourceId>,
}

/// An Action Line or sub-line.
#[derive(Debug, Clone)]
pub struct ActionLine {
    /// `C2`, `C7-e-health`.
    pub id: String,
    /// Full name.
    pub title: String,
    /// Label for narrow places.
    pub short_name: String,
    /// The parent line (`C7`) of a sub-line.
    pub parent: Option<LineId>,
    /// Sub-lines, in file order.
    pub children: Vec<LineId>,
    /// Facilitators, lead first.
    pub facilitators: Vec<String>,
    /// WSIS Prizes category.
    pub prize_category: Option<u8>,
    /// Source of the facilitators and category.
    pub source: Option<SourceId>,
}

/// A Matrix link between a row and a goal.
#[derive(Debug, Clone)]
pub struct Link {
    /// The row.
    pub action_line: LineId,
    /// The goal number.
    pub sdg: u8,
    /// Targets named by the Matrix.
    pub targets: Vec<TargetId>,
    /// What the link covers.
    pub scope: Scope,
    /// How sure the sources are.
    pub status: LinkStatus,
    /// Why the link exists.
    pub rationale: String,
    /// Where it comes from.
    pub source: SourceId,
    /// Remarks on oddities.
    pub note: Option<String>,
}

/// A validated snapshot with its index. Immutable once built.
#[derive(Debug)]
pub struct Snapshot {
    pub(crate) meta: Meta,
    pub(crate) sdgs: Vec<Sdg>,
    pub(crate) targets: Vec<Target>,
    pub(crate) indicators: Vec<Indicator>,
    pub(crate) action_lines: Vec<ActionLine>,
    pub(crate) links: Vec<Link>,
    pub(crate) activities: Vec<Activity>,
    pub(crate) index: Index,
    pub(crate) warnings: Vec<Problem>,
}

impl Snapshot {
    /// Title, date and sources.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }
    /// Goals, sorted by number.
    pub fn sdgs(&self) -> &[Sdg] {
        &self.sdgs
    }
    /// Every target, grouped by goal in official order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }
    /// Indicators in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }
    /// Action Lines in file order (parents and sub-lines).
    pub fn action_lines(&self) -> &[ActionLine] {
        &self.action_lines
    }
    /// Matrix links in file order.
    pub fn links(&self) -> &[Link] {
        &self.links
    }
    /// Activities in file order.
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }
    /// Relations between records.
    pub fn index(&self) -> &Index {
        &self.index
    }
    /// Problems that did not stop the snapshot from loading.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// The goal with this number.
    pub fn sdg(&self, number: u8) -> Option<&Sdg> {
        self.index.sdg_pos(number).map(|i| &self.sdgs[i])
    }
    /// A target by id.
    pub fn target(&self, id: TargetId) -> &Target {
        &self.targets[id.ix()]
    }
    /// An Action Line by id.
    pub fn line(&self, id: LineId) -> &ActionLine {
        &self.action_lines[id.ix()]
    }
    /// A link by id.
    pub fn link(&self, id: LinkId) -> &Link {
        &self.links[id.ix()]
    }
    /// An activity by id.
    pub fn activity(&self, id: ActivityId) -> &Activity {
        &self.activities[id.ix()]
    }
    /// An indicator by id.
    pub fn indicator(&self, id: IndicatorId) -> &Indicator {
        &self.indicators[id.ix()]
    }
    /// A source by id.
    pub fn source(&self, id: SourceId) -> &Source {
        &self.meta.sources[id.ix()]
    }

    /// Whether activity `a` is cross-cutting: it names every goal of the
    /// snapshot (the WSIS Forum, the Stocktaking database and the like). Such
    /// records say nothing about one cell over another, so the Matrix lists
    /// them apart and leaves them out of its cell counts unless asked
    /// (`with:cross-cutting`). This is sdgmap's classification, by that rule
    /// alone; the source states only the goals.
    pub fn is_cross_cutting(&self, a: ActivityId) -> bool {
        let n = self.activity(a).sdgs().len();
        n > 0 && n == self.sdgs.len()
    }

    /// The Matrix rows: leaf Action Lines (lines with no sub-lines), in file order.
    pub fn rows(&self) -> &[LineId] {
        self.index.rows()
    }

    /// The stable key of a link: `C2/9`, with `/disputed` appended for a disputed link.
    pub fn link_key(&self, id: LinkId) -> String {
        let link = self.link(id);
        let base = format!("{}/{}", self.line(link.action_line).id, link.sdg);
        if link.status == LinkStatus::Disputed {
            base + "/disputed"
        } else {
            base
        }
    }
}
