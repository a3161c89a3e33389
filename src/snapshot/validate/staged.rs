//! The head of a snapshot (everything but its activities) validated
//! section by section, each as soon as it and every section validated
//! before it have been read, so that a loader can validate the goals while
//! it parses the indicators, and so on.
//!
//! The sections are validated in one fixed order whatever the order of the
//! file — format and version, meta, goals and targets, indicators, Action
//! Lines, Matrix links, countries — so the problems come out in the same
//! order as when the whole head is validated at once.

use super::builder::Builder;
use super::{Validator, format_problem};
use crate::snapshot::Problem;
use crate::snapshot::model::*;
use crate::snapshot::raw::*;

/// One section of the head, as read.
pub(crate) enum Section {
    Format(String),
    Version(u32),
    Meta(RawMeta),
    Sdgs(Vec<RawSdg>),
    Indicators(Vec<RawIndicator>),
    Lines(Vec<RawActionLine>),
    Links(Vec<RawLink>),
    Countries(Vec<RawCountry>),
}

/// Sections read and not validated yet.
#[derive(Default)]
struct Read {
    format: Option<String>,
    version: Option<u32>,
    meta: Option<RawMeta>,
    sdgs: Option<Vec<RawSdg>>,
    indicators: Option<Vec<RawIndicator>>,
    lines: Option<Vec<RawActionLine>>,
    links: Option<Vec<RawLink>>,
    countries: Option<Vec<RawCountry>>,
}

/// A head being validated: what was read, and what is validated so far.
#[derive(Default)]
pub(crate) struct Staged {
    read: Read,
    v: Validator,
    /// Set once the format and version are known to be this build's.
    checked: bool,
    /// A wrong format or version: nothing else is validated.
    failed: Option<Vec<Problem>>,
    meta: Option<Meta>,
    sdgs: Option<(Vec<Sdg>, Vec<Target>)>,
    indicators: Option<Vec<Indicator>>,
    lines: Option<Vec<ActionLine>>,
    links: Option<Vec<Link>>,
    countries: Option<Vec<Country>>,
}

impl Staged {
    /// Takes a section as read and validates whatever can be now.
    pub(crate) fn offer(&mut self, section: Section) {
        let r = &mut self.read;
        match section {
            Section::Format(f) => r.format = Some(f),
            Section::Version(v) => r.version = Some(v),
            Section::Meta(m) => r.meta = Some(m),
            Section::Sdgs(s) => r.sdgs = Some(s),
            Section::Indicators(i) => r.indicators = Some(i),
            Section::Lines(l) => r.lines = Some(l),
            Section::Links(l) => r.links = Some(l),
            Section::Countries(c) => r.countries = Some(c),
        }
        self.advance();
    }

    /// Validates the next sections in the fixed order, as far as they have
    /// been read.
    fn advance(&mut self) {
        if !self.checked {
            let (Some(format), Some(version)) = (&self.read.format, self.read.version) else {
                return;
            };
            if let Some(p) = format_problem(format, version.into()) {
                self.failed = Some(vec![p]);
            }
            self.checked = true;
        }
        if self.failed.is_some() {
            return;
        }
        let v = &mut self.v;
        let r = &mut self.read;
        if self.meta.is_none() {
            let Some(m) = r.meta.take() else { return };
            self.meta = Some(v.meta(m));
        }
        if self.sdgs.is_none() {
            let Some(s) = r.sdgs.take() else { return };
            self.sdgs = Some(v.sdgs(s));
        }
        if self.indicators.is_none() {
            let Some(i) = r.indicators.take() else { return };
            self.indicators = Some(v.indicators(i));
        }
        if self.lines.is_none() {
            let Some(l) = r.lines.take() else { return };
            self.lines = Some(v.lines(l));
        }
        if self.links.is_none() {
            let (Some(l), Some(lines), Some((_, targets))) =
                (r.links.take(), &self.lines, &self.sdgs)
            else {
                return;
            };
            self.links = Some(v.links(l, lines, targets));
        }
        if self.countries.is_none() {
            let Some(c) = r.countries.take() else { return };
            self.countries = Some(v.countries(c));
        }
    }

    /// The builder of the activities, once every required section has been
    /// offered (countries are optional: none when not offered). Only a wrong
    /// format or version fails, as with [`Builder::new`]; a section never
    /// offered is reported as missing.
    pub(crate) fn builder(mut self) -> Result<Builder, Vec<Problem>> {
        if self.countries.is_none() && self.read.countries.is_none() {
            self.read.countries = Some(Vec::new());
        }
        self.advance();
        if let Some(problems) = self.failed {
            return Err(problems);
        }
        let missing = |key: &str| vec![Problem::error(key, "missing required key")];
        if !self.checked {
            let key = if self.read.format.is_none() {
                "format"
            } else {
                "version"
            };
            return Err(missing(key));
        }
        let meta = self.meta.ok_or_else(|| missing("meta"))?;
        let (sdgs, targets) = self.sdgs.ok_or_else(|| missing("sdgs"))?;
        let indicators = self.indicators.ok_or_else(|| missing("indicators"))?;
        let lines = self.lines.ok_or_else(|| missing("action_lines"))?;
        let links = self.links.ok_or_else(|| missing("links"))?;
        let countries = self.countries.unwrap_or_default();
        Ok(Builder::from_parts(
            self.v, meta, sdgs, targets, indicators, lines, links, countries,
        ))
    }
}
