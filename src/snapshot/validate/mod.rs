//! From a [`RawSnapshot`] to the validated [`Snapshot`].
//!
//! One pass over the raw records that checks every rule, collects *all*
//! problems (with JSON paths, and both ends of any dangling reference), and —
//! only when there is no error — moves the strings into the model (sanitized
//! for display) and builds the [`Index`]. Records are consumed, not cloned,
//! so loading a large snapshot does not hold two copies of its text.

mod relations;

use std::collections::HashSet;
use std::fmt;

use super::Problem;
use super::index::{Index, Parts};
use super::model::*;
use super::raw::*;
use crate::sanitize::{Lines, sanitize_in_place};

/// Validates `raw` and builds the snapshot, or returns every problem found
/// (errors and warnings) when there is at least one error.
pub fn build(raw: RawSnapshot) -> Result<Snapshot, Vec<Problem>> {
    let mut v = Validator::default();
    if let Some(p) = format_problem(&raw.format, raw.version.into()) {
        return Err(vec![p]);
    }
    let meta = v.meta(raw.meta);
    let (sdgs, targets) = v.sdgs(raw.sdgs);
    let indicators = v.indicators(raw.indicators);
    let action_lines = v.lines(raw.action_lines);
    let links = v.links(raw.links, &action_lines, &targets);
    let activities = v.activities(raw.activities, &targets);
    if v.problems
        .iter()
        .any(|p| p.severity == super::Severity::Error)
    {
        return Err(v.problems);
    }
    let mut index = std::mem::take(&mut v.index);
    index.build_relations(Parts {
        sdgs: &sdgs,
        targets: targets.len(),
        indicators: &indicators,
        lines: &action_lines,
        links: &links,
        activities: &activities,
    });
    Ok(Snapshot {
        meta,
        sdgs,
        targets,
        indicators,
        action_lines,
        links,
        activities,
        index,
        warnings: v.problems,
    })
}

/// Checks `format` and `version`; a mismatch stops validation at once,
/// because nothing else in the file can be trusted to mean what we think.
pub(crate) fn format_problem(format: &str, version: u64) -> Option<Problem> {
    if format != FORMAT_NAME {
        return Some(Problem::error(
            "format",
            format!(
                "expected \"{FORMAT_NAME}\", found \"{}\"; this is not an sdgmap snapshot",
                clean(format)
            ),
        ));
    }
    (version != u64::from(FORMAT_VERSION)).then(|| {
        Problem::error(
            "version",
            format!("this file is snapshot version {version}; this sdgmap reads version {FORMAT_VERSION}"),
        )
    })
}

fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, Lines::Single).into_owned()
}

/// Whether `id` is usable as a stable key in view strings and bookmarks.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A JSON path (`activities[3].partners[1]`) that is only turned into a
/// string when a problem is recorded, so valid records cost no formatting.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A top-level key or dotted prefix, e.g. `activities` or `meta.title`.
    Key(&'a str),
    /// `parent[i]`.
    Index(&'a At<'a>, usize),
    /// `parent.field`.
    Field(&'a At<'a>, &'a str),
}

impl At<'_> {
    fn at(&self, i: usize) -> At<'_> {
        At::Index(self, i)
    }
    fn field<'b>(&'b self, name: &'b str) -> At<'b> {
        At::Field(self, name)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Key(k) => f.write_str(k),
            At::Index(p, i) => write!(f, "{p}[{i}]"),
            At::Field(p, name) => write!(f, "{p}.{name}"),
        }
    }
}

/// `activity <id>` in messages, with the id sanitized, formatted only when used.
struct ActivityName<'a>(&'a str);

impl fmt::Display for ActivityName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "activity {}",
            crate::sanitize::sanitize(self.0, Lines::Single)
        )
    }
}

/// True when `s` has only printable ASCII (and `\n` in multi-line text), so
/// sanitizing cannot change it; anything else takes the full check.
fn plain_ascii(s: &str, lines: Lines) -> bool {
    let newline_ok = lines == Lines::Multi;
    let bad = |b: u8| (b < 0x20 && !(newline_ok && b == b'\n')) || b >= 0x7f;
    // Branch-free over fixed chunks so the compiler can vectorize it.
    let mut chunks = s.as_bytes().chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |acc, &b| acc | bad(b)) {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| bad(b))
}

#[derive(Default)]
pub(super) struct Validator {
    problems: Vec<Problem>,
    index: Index,
    sdg_numbers: HashSet<u8>,
}

impl Validator {
    fn err(&mut self, path: impl fmt::Display, msg: impl Into<String>) {
        self.problems.push(Problem::error(path.to_string(), msg));
    }

    fn warn(&mut self, path: impl fmt::Display, msg: impl Into<String>) {
        self.problems.push(Problem::warning(path.to_string(), msg));
    }

    /// Sanitizes `s` for display, warning when it had to change anything.
    fn text(&mut self, path: impl fmt::Display, mut s: String, lines: Lines) -> String {
        if !plain_ascii(&s, lines) && sanitize_in_place(&mut s, lines) {
            self.warn(path, "contains control, bidi or zero-width characters; they are shown as visible placeholders");
        }
        s
    }

    fn required(&mut self, path: impl fmt::Display, s: String, lines: Lines) -> String {
        if s.trim().is_empty() {
            self.err(&path, "must not be empty");
        }
        self.text(path, s, lines)
    }

    fn opt(&mut self, path: impl fmt::Display, s: Option<String>) -> Option<String> {
        s.map(|s| self.text(path, s, Lines::Single))
    }

    fn list(&mut self, path: impl fmt::Display, mut items: Vec<String>) -> Vec<String> {
        for (i, s) in items.iter_mut().enumerate() {
            if !plain_ascii(s, Lines::Single) {
                let owned = std::mem::take(s);
                *s = self.text(format_args!("{path}[{i}]"), owned, Lines::Single);
            }
        }
        items
    }

    fn source_ref(
        &mut self,
        path: impl fmt::Display,
        what: impl fmt::Display,
        id: &str,
    ) -> SourceId {
        match self.index.source(id) {
            Some(s) => s,
            None => {
                self.err(
                    path,
                    format!(
                        "{what} cites source \"{}\", which is not in meta.sources",
                        clean(id)
                    ),
                );
                SourceId(0)
            }
        }
    }

    fn meta(&mut self, m: RawMeta) -> Meta {
        let title = self.required("meta.title", m.title, Lines::Single);
        if !is_iso_date(&m.snapshot_date) {
            self.err(
                "meta.snapshot_date",
                format!(
                    "expected a date YYYY-MM-DD, found \"{}\"",
                    clean(&m.snapshot_date)
                ),
            );
        }
        let snapshot_date = self.text("meta.snapshot_date", m.snapshot_date, Lines::Single);
        let mut sources = Vec::with_capacity(m.sources.len());
        for (i, s) in m.sources.into_iter().enumerate() {
            let path = format!("meta.sources[{i}]");
            if !is_valid_id(&s.id) {
                self.err(
                    format!("{path}.id"),
                    format!(
                        "\"{}\" is not a valid id (letters, digits, '-', '_', '.')",
                        clean(&s.id)
                    ),
                );
            } else if self
                .index
                .source_by_id
                .insert(s.id.clone(), SourceId(i as u32))
                .is_some()
            {
                self.err(
                    format!("{path}.id"),
                    format!("duplicate source id \"{}\"", s.id),
                );
            }
            let title = self.required(format_args!("{path}.title"), s.title, Lines::Single);
            let url = self.opt(format_args!("{path}.url"), s.url);
            sources.push(Source {
                id: s.id,
                title,
                url,
            });
        }
        let notes = m.notes.map(|n| self.text("meta.notes", n, Lines::Multi));
        Meta {
            title,
            snapshot_date,
            sources,
            notes,
        }
    }

    fn sdgs(&mut self, raw: Vec<RawSdg>) -> (Vec<Sdg>, Vec<Target>) {
        let mut raw: Vec<(usize, RawSdg)> = raw.into_iter().enumerate().collect();
        raw.sort_by_key(|(_, s)| s.number);
        let mut sdgs = Vec::with_capacity(raw.len());
        let mut targets = Vec::new();
        for (i, s) in raw {
            let path = format!("sdgs[{i}]");
            if !(1..=17).contains(&s.number) {
                self.err(
                    format!("{path}.number"),
                    format!("expected a goal number from 1 to 17, found {}", s.number),
                );
                continue;
            }
            if !self.sdg_numbers.insert(s.number) {
                self.err(
                    format!("{path}.number"),
                    format!("SDG {} appears more than once", s.number),
                );
                continue;
            }
            let color = parse_color(&s.color).unwrap_or_else(|| {
                self.err(
                    format!("{path}.color"),
                    format!("expected a colour #RRGGBB, found \"{}\"", clean(&s.color)),
                );
                Rgb(128, 128, 128)
            });
            let short_name = self.required(
                format_args!("{path}.short_name"),
                s.short_name,
                Lines::Single,
            );
            let title = self.required(format_args!("{path}.title"), s.title, Lines::Single);
            let mut ids = Vec::with_capacity(s.targets.len());
            for (j, t) in s.targets.into_iter().enumerate() {
                let tpath = format!("{path}.targets[{j}]");
                match target_goal(&t.code) {
                    None => self.err(
                        format!("{tpath}.code"),
                        format!(
                            "\"{}\" is not a target code like 9.1 or 9.c",
                            clean(&t.code)
                        ),
                    ),
                    Some(g) if g != s.number => self.err(
                        format!("{tpath}.code"),
                        format!(
                            "target {} is listed under SDG {} but belongs to SDG {g}",
                            t.code, s.number
                        ),
                    ),
                    Some(_) => {}
                }
                let id = TargetId(targets.len() as u32);
                if self
                    .index
                    .target_by_code
                    .insert(t.code.clone(), id)
                    .is_some()
                {
                    self.err(
                        format!("{tpath}.code"),
                        format!("duplicate target code \"{}\"", clean(&t.code)),
                    );
                }
                let text = self.required(format_args!("{tpath}.text"), t.text, Lines::Multi);
                let code = self.text(format_args!("{tpath}.code"), t.code, Lines::Single);
                targets.push(Target {
                    code,
                    text,
                    goal: s.number,
                });
                ids.push(id);
            }
            let source = s.source.as_deref().map(|src| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("SDG {}", s.number),
                    src,
                )
            });
            sdgs.push(Sdg {
                number: s.number,
                short_name,
                title,
                color,
                targets: ids,
                source,
            });
        }
        (sdgs, targets)
    }

    fn indicators(&mut self, raw: Vec<RawIndicator>) -> Vec<Indicator> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, ind) in raw.into_iter().enumerate() {
            let path = format!("indicators[{i}]");
            let target = match self.index.target(&ind.target) {
                Some(t) => t,
                None => {
                    self.err(
                        format!("{path}.target"),
                        format!(
                            "indicator {} refers to target \"{}\", which is not in sdgs[].targets",
                            clean(&ind.code),
                            clean(&ind.target)
                        ),
                    );
                    continue;
                }
            };
            if !ind.code.starts_with(&format!("{}.", ind.target)) {
                self.err(
                    format!("{path}.code"),
                    format!(
                        "indicator {} does not belong to its target {}",
                        clean(&ind.code),
                        clean(&ind.target)
                    ),
                );
            }
            if self
                .index
                .indicator_by_code
                .insert(ind.code.clone(), IndicatorId(out.len() as u32))
                .is_some()
            {
                self.err(
                    format!("{path}.code"),
                    format!("duplicate indicator code \"{}\"", clean(&ind.code)),
                );
            }
            let code = self.text(format_args!("{path}.code"), ind.code, Lines::Single);
            let name = self.required(format_args!("{path}.name"), ind.name, Lines::Single);
            let custodians = self.list(format_args!("{path}.custodians"), ind.custodians);
            let former_codes = self.list(format_args!("{path}.former_codes"), ind.former_codes);
            let source = ind.source.as_deref().map(|src| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("indicator {code}"),
                    src,
                )
            });
            out.push(Indicator {
                code,
                target,
                name,
                custodians,
                former_codes,
                source,
            });
        }
        out
    }

    fn lines(&mut self, raw: Vec<RawActionLine>) -> Vec<ActionLine> {
        for (i, l) in raw.iter().enumerate() {
            if !is_valid_id(&l.id) {
                self.err(
                    format!("action_lines[{i}].id"),
                    format!(
                        "\"{}\" is not a valid id (letters, digits, '-', '_', '.')",
                        clean(&l.id)
                    ),
                );
            } else if self
                .index
                .line_by_id
                .insert(l.id.clone(), LineId(i as u32))
                .is_some()
            {
                self.err(
                    format!("action_lines[{i}].id"),
                    format!("duplicate action line id \"{}\"", l.id),
                );
            }
        }
        let parents: Vec<Option<String>> = raw.iter().map(|l| l.parent.clone()).collect();
        let mut out: Vec<ActionLine> = Vec::with_capacity(raw.len());
        for (i, l) in raw.into_iter().enumerate() {
            let path = format!("action_lines[{i}]");
            let parent = l.parent.as_deref().and_then(|p| match self.index.line(p) {
                None => {
                    self.err(format!("{path}.parent"), format!("action line {} names parent \"{}\", which is not in action_lines", clean(&l.id), clean(p)));
                    None
                }
                Some(pid) if pid.ix() == i => {
                    self.err(format!("{path}.parent"), format!("action line {} names itself as its parent", clean(&l.id)));
                    None
                }
                Some(pid) if parents[pid.ix()].is_some() => {
                    self.err(format!("{path}.parent"), format!("action line {} has parent {p}, which is itself a sub-line; only one level is allowed", clean(&l.id)));
                    None
                }
                Some(pid) => Some(pid),
            });
            if l.prize_category == Some(0) {
                self.err(
                    format!("{path}.prize_category"),
                    "WSIS Prizes categories are numbered from 1",
                );
            }
            let source = l.source.as_deref().map(|s| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("action line {}", clean(&l.id)),
                    s,
                )
            });
            let title = self.required(format_args!("{path}.title"), l.title, Lines::Single);
            let short_name = match l.short_name {
                Some(s) => self.required(format_args!("{path}.short_name"), s, Lines::Single),
                None => title.clone(),
            };
            let facilitators = self.list(format_args!("{path}.facilitators"), l.facilitators);
            out.push(ActionLine {
                id: l.id,
                title,
                short_name,
                parent,
                children: Vec::new(),
                facilitators,
                prize_category: l.prize_category,
                source,
            });
        }
        for i in 0..out.len() {
            if let Some(p) = out[i].parent {
                out[p.ix()].children.push(LineId(i as u32));
            }
        }
        out
    }
}

/// The goal number of a target code like `9.1` or `9.c`.
pub fn target_goal(code: &str) -> Option<u8> {
    let (goal, rest) = code.split_once('.')?;
    let ok_rest = (!rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()))
        || (rest.len() == 1 && rest.as_bytes()[0].is_ascii_lowercase());
    if !ok_rest || goal.is_empty() || goal.len() > 2 || !goal.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    goal.parse().ok()
}

fn parse_color(s: &str) -> Option<Rgb> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|x| x.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|x| x.parse::<u32>().ok())
    };
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_codes() {
        assert_eq!(target_goal("9.c"), Some(9));
        assert_eq!(target_goal("17.19"), Some(17));
        assert_eq!(target_goal("9.C"), None);
        assert_eq!(target_goal("9."), None);
        assert_eq!(target_goal(".1"), None);
        assert_eq!(target_goal("9.1.1"), None);
    }

    #[test]
    fn colours_and_dates() {
        assert_eq!(parse_color("#E5243B"), Some(Rgb(0xE5, 0x24, 0x3B)));
        assert_eq!(parse_color("E5243B"), None);
        assert_eq!(parse_color("#E5243"), None);
        assert_eq!(parse_color("#G5243B"), None);
        assert!(is_iso_date("2026-11-27"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-11-27"));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("C7-e-health"));
        assert!(is_valid_id("digital-health-for-africa"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a,b"));
    }
}
