//! Validation of the records that refer to others — Matrix links and
//! activities — with every dangling reference named at both ends. Split
//! from the rest of validation only to keep each file about one thing.

use std::borrow::Cow;
use std::fmt;

use super::{ActivityName, At, Validator, clean};
use crate::sanitize::Lines;
use crate::snapshot::activity::{ActivityParts, MAX_TEXT};
use crate::snapshot::model::*;
use crate::snapshot::raw::*;

impl Validator {
    pub(super) fn links(
        &mut self,
        raw: Vec<RawLink>,
        lines: &[ActionLine],
        targets: &[Target],
    ) -> Vec<Link> {
        let mut seen: foldhash::HashMap<(String, u8, bool), usize> = Default::default();
        seen.reserve(raw.len());
        let mut out = Vec::with_capacity(raw.len());
        for (i, l) in raw.into_iter().enumerate() {
            let path = format!("links[{i}]");
            let name = format!("link {} × SDG {}", clean(&l.action_line), l.sdg);
            let line = match self.index.line(&l.action_line) {
                None => {
                    self.err(
                        format!("{path}.action_line"),
                        format!(
                            "{name} refers to action line \"{}\", which is not in action_lines",
                            clean(&l.action_line)
                        ),
                    );
                    None
                }
                Some(id) if !lines[id.ix()].children.is_empty() => {
                    self.err(
                        format!("{path}.action_line"),
                        format!(
                            "{name}: {} has sub-lines, so links go to one of its sub-lines",
                            l.action_line
                        ),
                    );
                    None
                }
                Some(id) => Some(id),
            };
            if !self.sdg_numbers.contains(l.sdg) {
                self.err(
                    format!("{path}.sdg"),
                    format!("{name} refers to SDG {}, which is not in sdgs", l.sdg),
                );
            }
            let ids = self.target_refs(&path, &name, &l.targets, Some(l.sdg), targets);
            match l.scope {
                Scope::Targets if l.targets.is_empty() => self.err(
                    format!("{path}.targets"),
                    format!("{name} has scope \"targets\" but lists no targets"),
                ),
                Scope::Goal if !l.targets.is_empty() => self.err(
                    format!("{path}.targets"),
                    format!("{name} has scope \"goal\" but lists targets; use scope \"targets\""),
                ),
                _ => {}
            }
            let key = (
                l.action_line.clone(),
                l.sdg,
                l.status == LinkStatus::Disputed,
            );
            if let Some(first) = seen.insert(key, i) {
                self.err(path.clone(), format!("{name} repeats links[{first}]; a cell has at most one link (and one disputed link)"));
            }
            let source = self.source_ref(format_args!("{path}.source"), &name, &l.source);
            let rationale =
                self.required(format_args!("{path}.rationale"), l.rationale, Lines::Multi);
            let note = l
                .note
                .map(|n| self.text(format_args!("{path}.note"), n, Lines::Multi));
            if let Some(action_line) = line {
                out.push(Link {
                    action_line,
                    sdg: l.sdg,
                    targets: ids,
                    scope: l.scope,
                    status: l.status,
                    rationale,
                    source,
                    note,
                });
            }
        }
        out
    }

    /// Resolves target codes, checking each belongs to `goal` when given.
    fn target_refs(
        &mut self,
        path: impl fmt::Display,
        name: impl fmt::Display,
        codes: &[impl std::ops::Deref<Target = str>],
        goal: Option<u8>,
        targets: &[Target],
    ) -> Vec<TargetId> {
        let mut ids = Vec::with_capacity(codes.len());
        for (j, code) in codes.iter().enumerate() {
            match self.index.target(code) {
                None => self.err(
                    format!("{path}.targets[{j}]"),
                    format!(
                        "{name} refers to target \"{}\", which is not in sdgs[].targets",
                        clean(code)
                    ),
                ),
                Some(t) => {
                    let g = targets[t.ix()].goal;
                    match goal {
                        Some(goal) if g != goal => self.err(
                            format!("{path}.targets[{j}]"),
                            format!(
                                "{name} lists target {}, which belongs to SDG {g}, not SDG {goal}",
                                clean(code)
                            ),
                        ),
                        _ => ids.push(t),
                    }
                }
            }
        }
        ids
    }

    pub(super) fn activity(
        &mut self,
        i: usize,
        a: &mut RawActivityRef<'_>,
        targets: &[Target],
        shared: Option<&std::sync::Arc<String>>,
    ) -> Activity {
        let stored = a.suggested.take();
        let a: &RawActivityRef<'_> = a;
        let root = At::Key("activities");
        let path = root.at(i);
        self.unique_id(path.field("id"), "activity", &a.id, |ix| {
            ix.activity_by_id
                .insert(&a.id, ActivityId(i as u32))
                .is_none()
        });
        if let Some(other) = super::other_kind_key(&a.id, |id| self.index.line(id).is_some()) {
            self.err(
                path.field("id"),
                format!(
                    "activity id \"{}\" reads as {other}: a view, bookmark or tour naming it \
                     would mean that record, not the activity; choose another id",
                    super::clean(&a.id)
                ),
            );
        }
        let name = ActivityName(&a.id);
        let mut sdgs = SdgSet::EMPTY;
        for (j, &s) in a.sdgs.iter().enumerate() {
            if self.sdg_numbers.contains(s) {
                sdgs.insert(s);
            } else {
                self.err(
                    path.field("sdgs").at(j),
                    format!("{name} refers to SDG {s}, which is not in sdgs"),
                );
            }
        }
        let listed = sdgs;
        let tids = self.target_refs(path, &name, &a.targets, None, targets);
        for t in &tids {
            let g = targets[t.ix()].goal;
            if !listed.contains(g) {
                self.warn(
                    path.field("targets"),
                    format!(
                        "{name} lists target {} but not its goal SDG {g}; SDG {g} is added",
                        targets[t.ix()].code
                    ),
                );
                sdgs.insert(g);
            }
        }
        let mut lids = Vec::with_capacity(a.action_lines.len());
        for (j, l) in a.action_lines.iter().enumerate() {
            match self.index.line(l) {
                Some(id) => lids.push(id),
                None => self.err(
                    path.field("action_lines").at(j),
                    format!(
                        "{name} refers to action line \"{}\", which is not in action_lines",
                        clean(l)
                    ),
                ),
            }
        }
        let mut cids = Vec::with_capacity(a.countries.len());
        for (j, c) in a.countries.iter().enumerate() {
            match self.index.country(c) {
                Some(id) => cids.push(id),
                None => {
                    let hint = match self.index.country(&c.to_ascii_uppercase()) {
                        Some(_) => {
                            format!(" (codes are upper-case: \"{}\")", c.to_ascii_uppercase())
                        }
                        None => String::new(),
                    };
                    self.err(
                        path.field("countries").at(j),
                        format!(
                            "{name} refers to country \"{}\", which is not in countries{hint}",
                            clean(c)
                        ),
                    );
                }
            }
        }
        if sdgs.is_empty() && lids.is_empty() {
            self.warn(
                path,
                format!("{name} links to no SDG, target or action line"),
            );
        }
        let source = self.source_ref(path.field("source"), &name, &a.source);
        if super::blank(&a.title) {
            self.err(path.field("title"), "must not be empty");
        }
        let title = self.text_ref(path.field("title"), &a.title, Lines::Single);
        let summary = self.text_ref(path.field("summary"), &a.summary, Lines::Multi);
        let lead = self.opt_ref(path.field("lead"), &a.lead);
        let partners: smallvec::SmallVec<[Cow<'_, str>; 4]> = a
            .partners
            .iter()
            .enumerate()
            .map(|(j, p)| self.text_ref(path.field("partners").at(j), p, Lines::Single))
            .collect();
        let sector = self.opt_ref(path.field("sector"), &a.sector);
        let kind = self.opt_ref(path.field("kind"), &a.kind);
        let url = self.opt_ref(path.field("url"), &a.url);
        let note = a
            .note
            .as_deref()
            .map(|n| self.text_ref(path.field("note"), n, Lines::Multi));
        let suggested =
            stored.map(|s| self.suggested(&path.field("suggested"), &name, *s, targets));
        let parts = ActivityParts {
            id: &a.id,
            title: &title,
            summary: &summary,
            lead: lead.as_deref(),
            sector: sector.as_deref(),
            kind: kind.as_deref(),
            url: url.as_deref(),
            note: note.as_deref(),
            partners: &partners,
            year: a.year,
            sdgs,
            targets: tids,
            action_lines: lids,
            countries: cids,
            source,
            suggested,
            shared,
        };
        if parts.text_len() > MAX_TEXT {
            self.err(
                path,
                format!(
                    "{name} holds {} bytes of text once control characters are made visible; an activity holds at most {MAX_TEXT}",
                    parts.text_len()
                ),
            );
        }
        Activity::from(parts)
    }

    /// A single-line optional field, sanitized.
    fn opt_ref<'a>(
        &mut self,
        path: impl fmt::Display,
        s: &'a Option<CowStr<'_>>,
    ) -> Option<Cow<'a, str>> {
        s.as_deref().map(|s| self.text_ref(path, s, Lines::Single))
    }
}
