//! Building a snapshot: the sections first, then activities one at a time.

use std::sync::Arc;

use super::Validator;
use super::staged::{Section, Staged};
use crate::snapshot::index::Parts;
use crate::snapshot::model::*;
use crate::snapshot::raw::*;
use crate::snapshot::{Problem, Severity};

/// Validates `raw` and builds the snapshot, or returns every problem found
/// (errors and warnings) when there is at least one error.
pub fn build(raw: RawSnapshot) -> Result<Snapshot, Vec<Problem>> {
    let mut builder = Builder::new(Head {
        format: raw.format,
        version: raw.version,
        meta: raw.meta,
        sdgs: raw.sdgs,
        indicators: raw.indicators,
        action_lines: raw.action_lines,
        links: raw.links,
        countries: raw.countries,
    })?;
    let ids = raw.activities.iter().map(|a| a.id.len()).sum();
    builder.reserve(raw.activities.len(), ids);
    for a in raw.activities {
        builder.push(&mut a.into());
    }
    builder.finish()
}

/// Everything in a snapshot file but its activities.
pub(crate) struct Head {
    pub format: String,
    pub version: u32,
    pub meta: RawMeta,
    pub sdgs: Vec<RawSdg>,
    pub indicators: Vec<RawIndicator>,
    pub action_lines: Vec<RawActionLine>,
    pub links: Vec<RawLink>,
    pub countries: Vec<RawCountry>,
}

/// Builds a snapshot in two steps: the [`Head`] at once, then the
/// activities one at a time as they are read, so that a loader can stream
/// them from the file without ever holding them all in their raw form.
pub(crate) struct Builder {
    v: Validator,
    meta: Meta,
    sdgs: Vec<Sdg>,
    targets: Vec<Target>,
    indicators: Vec<Indicator>,
    action_lines: Vec<ActionLine>,
    links: Vec<Link>,
    countries: Vec<Country>,
    activities: Vec<Activity>,
    /// The text the activities' raw records are read from, when it can be
    /// kept: their fields are then slices of it, not copies.
    shared: Option<Arc<String>>,
}

impl Builder {
    /// Validates everything but the activities. Only a wrong format or
    /// version fails here (nothing else can then be trusted); other problems
    /// are collected and reported by [`Builder::finish`].
    pub(crate) fn new(head: Head) -> Result<Builder, Vec<Problem>> {
        let mut staged = Staged::default();
        for section in [
            Section::Format(head.format),
            Section::Version(head.version),
            Section::Meta(head.meta),
            Section::Sdgs(head.sdgs),
            Section::Indicators(head.indicators),
            Section::Lines(head.action_lines),
            Section::Links(head.links),
            Section::Countries(head.countries),
        ] {
            staged.offer(section);
        }
        staged.builder()
    }

    /// A builder of the validated head (see [`Staged`]).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn from_parts(
        v: Validator,
        meta: Meta,
        sdgs: Vec<Sdg>,
        targets: Vec<Target>,
        indicators: Vec<Indicator>,
        action_lines: Vec<ActionLine>,
        links: Vec<Link>,
        countries: Vec<Country>,
    ) -> Builder {
        Builder {
            v,
            meta,
            sdgs,
            targets,
            indicators,
            action_lines,
            links,
            countries,
            activities: Vec::new(),
            shared: None,
        }
    }

    /// Activities pushed from now on keep their fields where they lie in
    /// `text` (the text their raw records borrow from) instead of copying
    /// them, wherever they are slices of it.
    pub(crate) fn share(&mut self, text: Arc<String>) {
        self.shared = Some(text);
    }

    /// Makes room for `n` more activities whose ids are `id_bytes` long in all.
    pub(crate) fn reserve(&mut self, n: usize, id_bytes: usize) {
        self.activities.reserve(n);
        self.v.index.activity_by_id.reserve(n, id_bytes);
    }

    /// Validates the next activity and adds it. Takes the record by
    /// reference (its `suggested` is taken out), so a batch of them is
    /// validated where it lies instead of each being moved out first.
    pub(crate) fn push(&mut self, a: &mut RawActivityRef<'_>) {
        let i = self.activities.len();
        let activity = self.v.activity(i, a, &self.targets, self.shared.as_ref());
        self.activities.push(activity);
    }

    /// Validates and adds a batch of activities, each where it lies.
    pub(crate) fn push_all(&mut self, batch: &mut [RawActivityRef<'_>]) {
        let ids = &self.v.index.activity_by_id;
        ids.touch(batch.iter().map(|a| &*a.id));
        for a in batch {
            self.push(a);
        }
    }

    /// The snapshot, or every problem when there is at least one error.
    pub(crate) fn finish(mut self) -> Result<Snapshot, Vec<Problem>> {
        if self
            .v
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error)
        {
            return Err(self.v.problems);
        }
        self.activities.shrink_to_fit();
        let mut index = std::mem::take(&mut self.v.index);
        index.build_relations(Parts {
            sdgs: &self.sdgs,
            targets: self.targets.len(),
            indicators: &self.indicators,
            lines: &self.action_lines,
            links: &self.links,
            countries: &self.countries,
            activities: &self.activities,
        });
        Ok(Snapshot {
            meta: self.meta,
            sdgs: self.sdgs,
            targets: self.targets,
            indicators: self.indicators,
            action_lines: self.action_lines,
            links: self.links,
            countries: self.countries,
            activities: self.activities,
            index,
            warnings: self.v.problems,
        })
    }
}
