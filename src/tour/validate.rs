//! The rules of a tour file, checked against a snapshot.
//!
//! A tour is read field by field from a `serde_json::Value` rather than
//! through serde derive, so that *every* problem — a wrong type, a bad view
//! string, an unknown focus id, an empty caption — is collected with its
//! path in one pass, and the presenter fixes the file once. `format` and
//! `version` are checked first and reported alone, as for snapshots.

use serde_json::{Map, Value};

use super::load::TourProblem;
use super::raw::{TOUR_FORMAT, TOUR_VERSION};
use super::{Screen, Step, Tour};
use crate::entity::EntityRef;
use crate::sanitize::{Lines, sanitize};
use crate::snapshot::{Severity, Snapshot};
use crate::view::{parse_checked, suggest};

const STEP_KEYS: [&str; 5] = ["view", "focus", "screen", "caption", "notes"];
const TOP_KEYS: [&str; 5] = ["format", "version", "title", "snapshot", "steps"];

/// Validates a parsed tour document against `s`. On success the tour
/// carries its warnings; on failure every problem, errors and warnings.
pub fn validate(doc: &Value, s: &Snapshot) -> Result<Tour, Vec<TourProblem>> {
    let mut p = Vec::new();
    let Value::Object(top) = doc else {
        return Err(vec![TourProblem::error(
            "(document)",
            format!(
                "expected an object with the tour keys, found {}",
                describe(doc)
            ),
        )]);
    };
    if let Some(problem) = format_problem(top) {
        return Err(vec![problem]);
    }
    unknown_keys(top, "", &TOP_KEYS, &mut p);
    let title = string(top, "title", "title", true, Lines::Single, &mut p);
    if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        p.push(TourProblem::error("title", "the title must not be empty"));
    }
    let snapshot = string(top, "snapshot", "snapshot", false, Lines::Single, &mut p);
    if let Some(written_for) = &snapshot
        && *written_for != s.meta().title
    {
        p.push(TourProblem::warning(
            "snapshot",
            format!(
                "the tour was written for the snapshot \"{written_for}\"; checking it against \"{}\"",
                s.meta().title
            ),
        ));
    }
    let mut steps = Vec::new();
    match top.get("steps") {
        None => p.push(TourProblem::error("steps", "missing required key")),
        Some(Value::Array(items)) if items.is_empty() => p.push(TourProblem::error(
            "steps",
            "a tour needs at least one step",
        )),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if let Some(step) = step(item, i, s, &mut p) {
                    steps.push(step);
                }
            }
        }
        Some(other) => p.push(TourProblem::error(
            "steps",
            format!("expected an array, found {}", describe(other)),
        )),
    }
    if p.iter().any(|x| x.severity == Severity::Error) {
        return Err(p);
    }
    Ok(Tour {
        title: title.unwrap_or_default(),
        snapshot,
        steps,
        warnings: p,
    })
}

/// The single problem with `format`/`version`, if any.
pub(super) fn format_problem(top: &Map<String, Value>) -> Option<TourProblem> {
    match top.get("format") {
        None => return Some(TourProblem::error("format", "missing required key")),
        Some(Value::String(f)) if f == TOUR_FORMAT => {}
        Some(Value::String(f)) => {
            return Some(TourProblem::error(
                "format",
                format!(
                    "this is not an sdgmap tour (format \"{}\"; expected \"{TOUR_FORMAT}\")",
                    sanitize(f, Lines::Single)
                ),
            ));
        }
        Some(other) => {
            return Some(TourProblem::error(
                "format",
                format!("expected string, found {}", describe(other)),
            ));
        }
    }
    match top.get("version") {
        None => Some(TourProblem::error("version", "missing required key")),
        Some(v) => match v.as_u64() {
            Some(TOUR_VERSION) => None,
            Some(n) => Some(TourProblem::error(
                "version",
                format!("this file is tour version {n}; this sdgmap reads version {TOUR_VERSION}"),
            )),
            None => Some(TourProblem::error(
                "version",
                format!("expected a non-negative integer, found {}", describe(v)),
            )),
        },
    }
}

/// Validates step `i`; `None` when it has errors (they are in `p`).
fn step(item: &Value, i: usize, s: &Snapshot, p: &mut Vec<TourProblem>) -> Option<Step> {
    let at = |key: &str| format!("steps[{i}].{key}");
    let Value::Object(obj) = item else {
        p.push(TourProblem::error(
            format!("steps[{i}]"),
            format!("expected an object, found {}", describe(item)),
        ));
        return None;
    };
    let before = p.iter().filter(|x| x.severity == Severity::Error).count();
    unknown_keys(obj, &format!("steps[{i}]."), &STEP_KEYS, p);
    let view_text = string(obj, "view", &at("view"), true, Lines::Single, p);
    let view = view_text.as_deref().and_then(|text| {
        parse_checked(text, s)
            .map_err(|errors| {
                for e in errors {
                    p.push(
                        TourProblem::error(at("view"), e.to_string())
                            .with_excerpt(caret(&e.render(text))),
                    );
                }
            })
            .ok()
    });
    let focus_key = string(obj, "focus", &at("focus"), false, Lines::Single, p);
    let focus = focus_key.as_deref().and_then(|key| {
        let found = EntityRef::resolve(s, key);
        if found.is_none() {
            let known = all_keys(s);
            let hint = suggest(key, known.iter().map(String::as_str))
                .map(|k| format!(" — did you mean '{k}'?"))
                .unwrap_or_default();
            p.push(TourProblem::error(
                at("focus"),
                format!("unknown id \"{key}\": no goal, target, Action Line, link, cell or activity has this key{hint}"),
            ));
        }
        found
    });
    if let (Some(key), Some(v)) = (&focus_key, &view)
        && let Some(vf) = &v.focus
        && EntityRef::resolve(s, vf) != EntityRef::resolve(s, key)
    {
        p.push(TourProblem::error(
            at("focus"),
            format!("the step focuses \"{key}\" but its view says focus:{vf}; keep one"),
        ));
    }
    let screen = string(obj, "screen", &at("screen"), false, Lines::Single, p).and_then(|name| {
        let found = Screen::from_name(&name);
        if found.is_none() {
            let hint = suggest(&name, Screen::ALL.iter().map(|s| s.name()))
                .map(|k| format!(" — did you mean '{k}'?"))
                .unwrap_or_default();
            p.push(TourProblem::error(
                at("screen"),
                format!(
                    "unknown screen '{name}'; expected matrix, sdgs, lines or activities{hint}"
                ),
            ));
        }
        found
    });
    let caption = string(obj, "caption", &at("caption"), true, Lines::Multi, p);
    if caption.as_deref().is_some_and(|c| c.trim().is_empty()) {
        p.push(TourProblem::error(
            at("caption"),
            "the caption must not be empty",
        ));
    }
    let notes = string(obj, "notes", &at("notes"), false, Lines::Multi, p).unwrap_or_default();
    if p.iter().filter(|x| x.severity == Severity::Error).count() > before {
        return None;
    }
    let view = view?;
    let focus = focus.or_else(|| view.focus.as_deref().and_then(|k| EntityRef::resolve(s, k)));
    Some(Step {
        view,
        view_text: view_text?,
        focus,
        screen,
        caption: caption?,
        notes,
    })
}

/// The string at `obj[key]`, sanitized for display; a missing required key
/// or a wrong type is a problem, a changed string a warning.
fn string(
    obj: &Map<String, Value>,
    key: &str,
    path: &str,
    required: bool,
    lines: Lines,
    p: &mut Vec<TourProblem>,
) -> Option<String> {
    match obj.get(key) {
        None | Some(Value::Null) if !required => None,
        None => {
            p.push(TourProblem::error(path, "missing required key"));
            None
        }
        Some(Value::String(text)) => {
            let clean = sanitize(text, lines);
            if clean != *text {
                p.push(TourProblem::warning(
                    path,
                    "contains control, bidi or zero-width characters; they are shown as visible placeholders",
                ));
            }
            Some(clean.into_owned())
        }
        Some(other) => {
            p.push(TourProblem::error(
                path,
                format!("expected string, found {}", describe(other)),
            ));
            None
        }
    }
}

/// A warning for each key the format does not define (probably a typo:
/// such a key would be ignored silently otherwise).
fn unknown_keys(obj: &Map<String, Value>, prefix: &str, known: &[&str], p: &mut Vec<TourProblem>) {
    for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
        let hint = suggest(key, known.iter().copied())
            .map(|k| format!(" — did you mean '{k}'?"))
            .unwrap_or_default();
        p.push(TourProblem::warning(
            format!("{prefix}{}", sanitize(key, Lines::Single)),
            format!("unknown key, ignored{hint}"),
        ));
    }
}

/// Every stable key a focus can name that is worth suggesting.
fn all_keys(s: &Snapshot) -> Vec<String> {
    let mut keys: Vec<String> = s.sdgs().iter().map(|g| g.number.to_string()).collect();
    keys.extend(s.targets().iter().map(|t| t.code.clone()));
    keys.extend(s.action_lines().iter().map(|l| l.id.clone()));
    keys.extend(s.activities().iter().map(|a| a.id().to_owned()));
    keys
}

/// The view string and its caret line, without the message that
/// [`crate::view::ViewError::render`] appends (the problem says it already).
fn caret(rendered: &str) -> String {
    rendered.lines().take(2).collect::<Vec<_>>().join("\n")
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{}\"", sanitize(s, Lines::Single)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}
