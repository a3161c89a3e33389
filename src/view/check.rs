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
    for code in all(&v.indicator) {
        if s.index().indicator(&code).is_none() {
            let codes: Vec<&str> = s.indicators().iter().map(|i| i.code.as_str()).collect();
            unknown(Key::Indicator, &code, "indicator", &codes);
        }
    }
    if !v.custodian.is_empty() {
        let known: BTreeSet<&str> = s
            .indicators()
            .iter()
            .flat_map(|i| i.custodians.iter().map(String::as_str))
            .collect();
        let known: Vec<&str> = known.into_iter().collect();
        for value in all(&v.custodian) {
            if !known.iter().any(|k| k.eq_ignore_ascii_case(&value)) {
                unknown(Key::Custodian, &value, "custodian agency", &known);
            }
        }
    }
    let mut later = Vec::new();
    for name in all(&v.country) {
        if s.country_named(&name).is_none() {
            let e = ViewError::new(
                span(Key::Country, &name),
                format!("unknown country '{name}'"),
            );
            later.push(match suggest_country(s, &name) {
                Some(c) => ViewError {
                    suggestion: Some(c),
                    ..e
                },
                None => e,
            });
        }
    }
    type Places = fn(&crate::snapshot::Country) -> Vec<&str>;
    let places: [(Key, &str, Places); 3] = [
        (Key::Region, "region", |c| {
            c.region.as_deref().into_iter().collect()
        }),
        (Key::Subregion, "sub-region", |c| {
            [&c.subregion, &c.intermediate_region]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect()
        }),
        (Key::Group, "country group", |c| {
            c.groups.iter().map(String::as_str).collect()
        }),
    ];
    for (key, what, field) in places {
        let facet = match key {
            Key::Region => &v.region,
            Key::Subregion => &v.subregion,
            _ => &v.group,
        };
        if facet.is_empty() {
            continue;
        }
        let known: BTreeSet<&str> = s.countries().iter().flat_map(field).collect();
        let known: Vec<&str> = known.into_iter().collect();
        for value in all(facet) {
            let key_of = crate::snapshot::country::place_key;
            if !known.iter().any(|k| key_of(k) == key_of(&value)) {
                unknown(key, &value, what, &known);
            }
        }
    }
    for value in all(&v.suggested) {
        match super::suggested_kind(&value) {
            super::SuggestedKind::Goal(_) => {}
            super::SuggestedKind::Target => {
                if s.index().target(&value).is_none() {
                    let codes: Vec<&str> = s.targets().iter().map(|t| t.code.as_str()).collect();
                    unknown(Key::Suggested, &value, "target", &codes);
                }
            }
            super::SuggestedKind::Line => {
                if !lines.iter().any(|l| l.eq_ignore_ascii_case(&value)) {
                    unknown(Key::Suggested, &value, "action line", &lines);
                }
            }
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
    errors.extend(later);
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

/// The country a mistyped name most likely meant: the nearest code or name
/// by edit distance, else the first English name that contains the text
/// (`Thai` → `Thailand`). A typed code gets a code back; a typed name gets
/// the country's English name.
fn suggest_country(s: &Snapshot, typed: &str) -> Option<String> {
    let names = s.countries().iter().flat_map(|c| c.all_names());
    let looks_like_code =
        (2..=3).contains(&typed.len()) && typed.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(hit) = super::suggest(typed, names) {
        if looks_like_code {
            return Some(hit);
        }
        return s
            .country_named(&hit)
            .map(|c| s.country(c).name.clone())
            .or(Some(hit));
    }
    let low = typed.to_lowercase();
    if low.chars().count() < 3 {
        return None;
    }
    s.countries()
        .iter()
        .map(|c| c.name.as_str())
        .find(|n| n.to_lowercase().contains(&low))
        .map(str::to_string)
}
