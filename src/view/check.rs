//! Checking a view against a snapshot: every action line, target, source,
//! sector, kind, organisation and focus key it names must exist there.
//!
//! Parsing only checks the *form* of values; a view is saved and reused
//! across snapshots, so existence is checked separately, with the nearest
//! existing value as a suggestion. A value that exists nowhere would make
//! the view silently match nothing, which is worse than an error.

use std::collections::BTreeSet;

use super::parse::{Located, parse_located};
use super::print::print_located;
use super::{Key, View, ViewError};
use crate::entity::EntityRef;
use crate::snapshot::Snapshot;

impl View {
    /// Every value of the view that the snapshot does not know; spans point
    /// into the canonical text `self.to_string()`.
    pub fn check(&self, s: &Snapshot) -> Vec<ViewError> {
        check_with(self, s, &print_located(self).1)
    }
}

/// Parses `input` and checks it against `s`; spans point into `input`.
pub fn parse_checked(input: &str, s: &Snapshot) -> Result<View, Vec<ViewError>> {
    let (view, located) = parse_located(input).map_err(|e| vec![e])?;
    let errors = check_with(&view, s, &located);
    if errors.is_empty() {
        Ok(view)
    } else {
        Err(errors)
    }
}

fn check_with(v: &View, s: &Snapshot, located: &[Located]) -> Vec<ViewError> {
    let mut errors = Vec::new();
    let span = |key: Key, value: &str| {
        located
            .iter()
            .find(|l| l.key == key && l.value.eq_ignore_ascii_case(value))
            .map_or(0..0, |l| l.span.clone())
    };
    let mut unknown = |key: Key, value: &str, what: &str, known: &[&str]| {
        errors.push(
            ViewError::new(span(key, value), format!("unknown {what} '{value}'"))
                .suggesting(value, known.iter().copied()),
        );
    };
    let all = |f: &super::Facet<String>| -> Vec<String> {
        f.include.iter().chain(&f.exclude).cloned().collect()
    };

    let lines: Vec<&str> = s.action_lines().iter().map(|l| l.id.as_str()).collect();
    for id in all(&v.al) {
        if !lines.iter().any(|l| l.eq_ignore_ascii_case(&id)) {
            unknown(Key::Al, &id, "action line", &lines);
        }
    }
    for code in all(&v.target) {
        if s.index().target(&code).is_none() {
            let codes: Vec<&str> = s.targets().iter().map(|t| t.code.as_str()).collect();
            unknown(Key::Target, &code, "target", &codes);
        }
    }
    let sources: Vec<&str> = s.meta().sources.iter().map(|x| x.id.as_str()).collect();
    for id in all(&v.source) {
        if !sources.iter().any(|x| x.eq_ignore_ascii_case(&id)) {
            unknown(Key::Source, &id, "source", &sources);
        }
    }
    type Field = fn(&crate::snapshot::Activity) -> Vec<&str>;
    let fields: [(Key, &str, Field); 4] = [
        (Key::Sector, "sector", |a| a.sector().into_iter().collect()),
        (Key::Kind, "activity kind", |a| {
            a.kind().into_iter().collect()
        }),
        (Key::Lead, "lead organisation", |a| {
            a.lead().into_iter().collect()
        }),
        (Key::Partner, "partner", |a| a.partners().collect()),
    ];
    for (key, what, field) in fields {
        let facet = match key {
            Key::Sector => &v.sector,
            Key::Kind => &v.kind,
            Key::Lead => &v.lead,
            _ => &v.partner,
        };
        if facet.is_empty() {
            continue;
        }
        let known: BTreeSet<&str> = s.activities().iter().flat_map(field).collect();
        let known: Vec<&str> = known.into_iter().collect();
        for value in all(facet) {
            if !known.iter().any(|k| k.eq_ignore_ascii_case(&value)) {
                unknown(key, &value, what, &known);
            }
        }
    }
    if let Some(key) = &v.focus
        && EntityRef::resolve(s, key).is_none()
    {
        errors.push(ViewError::new(
            span(Key::Focus, key),
            format!("nothing to focus on: no record has the key '{key}'"),
        ));
    }
    if let Some(key) = &v.at
        && EntityRef::resolve(s, key).is_none()
    {
        errors.push(ViewError::new(
            span(Key::At, key),
            format!("nothing to put the cursor on: no record has the key '{key}'"),
        ));
    }
    errors
}
