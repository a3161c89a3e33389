//! From raw records to the validated [`Snapshot`].
//!
//! One pass over the raw records that checks every rule, collects *all*
//! problems (with JSON paths, and both ends of any dangling reference), and —
//! only when there is no error — keeps the model (text sanitized for
//! display) and builds the [`Index`]. The [`Builder`] takes the sections
//! first (`sections.rs`), then activities one at a time (`relations.rs`), so
//! the loader can validate each activity as it parses it.

mod builder;
mod countries;
mod relations;
mod sections;
mod staged;
mod suggested;

pub(crate) use builder::Builder;
pub use builder::build;
pub(crate) use staged::{Section, Staged};

use std::borrow::Cow;
use std::fmt;

use super::Problem;
use super::index::Index;
use super::model::*;
use super::raw::*;
use crate::sanitize::Lines;

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
    // Bytes, not chars: every byte of a non-ASCII character fails the test
    // as the character does.
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// What `id` would mean as a stable key of another kind of record (see
/// [`crate::entity::EntityRef::resolve`]), if anything: a goal (`9`,
/// `SDG9`), a target (`9.c`), an indicator (`9.c.1`) or an existing Action
/// Line (`is_line`). Activity ids must not read as any of them.
pub(super) fn other_kind_key(id: &str, is_line: impl FnOnce(&str) -> bool) -> Option<String> {
    // A goal, target or indicator key starts with a number (after spaces; a
    // `+` sign parses too) or with `SDG`: any other id can only be a line's,
    // and is checked without the copies below (the common case, once per
    // activity).
    let numeric = matches!(id.trim_start().bytes().next(), Some(b'0'..=b'9' | b'+'));
    if !numeric && !id.starts_with("SDG") && !id.starts_with("sdg") {
        return is_line(id).then(|| format!("the Action Line {id}"));
    }
    let goal = |s: &str| s.trim().parse::<u8>().ok();
    if let Some(n) = goal(id) {
        return Some(format!("the key of SDG {n}"));
    }
    let prefixed = id.strip_prefix("SDG").or_else(|| id.strip_prefix("sdg"));
    if let Some(n) = prefixed.and_then(goal) {
        return Some(format!("the key of SDG {n}"));
    }
    let lower = id.to_ascii_lowercase();
    if target_goal(&lower).is_some() {
        return Some("a target code".into());
    }
    if let Some((target, n)) = lower.rsplit_once('.')
        && target_goal(target).is_some()
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return Some("an indicator code".into());
    }
    is_line(id).then(|| format!("the Action Line {id}"))
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
    // Eight bytes at a time: a word is looked at byte by byte only when it
    // may hold a byte of 0x80 or more, one under 0x20 or a 0x7f (each test
    // flags at least the first such byte; a newline is let through there).
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = s.as_bytes().chunks_exact(8);
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        let del = w ^ (ONES * 0x7f);
        let suspect =
            (w | (w.wrapping_sub(ONES * 0x20) & !w) | (del.wrapping_sub(ONES) & !del)) & HIGH;
        if suspect != 0 && word.iter().any(|&b| bad(b)) {
            return false;
        }
    }
    !words.remainder().iter().any(|&b| bad(b))
}

/// Whether `s` is empty or only white space (`str::trim`'s), looking no
/// further than its first character that is not.
fn blank(s: &str) -> bool {
    s.trim_start().is_empty()
}

#[derive(Default)]
pub(super) struct Validator {
    problems: Vec<Problem>,
    index: Index,
    /// The goal numbers of `sdgs` (1–17) seen so far.
    sdg_numbers: SdgSet,
}

impl Validator {
    fn err(&mut self, path: impl fmt::Display, msg: impl Into<String>) {
        self.problems.push(Problem::error(path.to_string(), msg));
    }

    fn warn(&mut self, path: impl fmt::Display, msg: impl Into<String>) {
        self.problems.push(Problem::warning(path.to_string(), msg));
    }

    /// Sanitizes `s` for display, warning when it had to change anything.
    fn text(&mut self, path: impl fmt::Display, s: String, lines: Lines) -> String {
        let changed = match self.text_ref(path, &s, lines) {
            Cow::Owned(clean) => Some(clean),
            Cow::Borrowed(_) => None,
        };
        changed.unwrap_or(s)
    }

    /// [`Validator::text`] for a borrowed string: borrows it back unless
    /// sanitizing had to change it.
    fn text_ref<'a>(&mut self, path: impl fmt::Display, s: &'a str, lines: Lines) -> Cow<'a, str> {
        if plain_ascii(s, lines) {
            return Cow::Borrowed(s);
        }
        let clean = crate::sanitize::sanitize(s, lines);
        if let Cow::Owned(_) = clean {
            self.warn(path, "contains control, bidi or zero-width characters; they are shown as visible placeholders");
        }
        clean
    }

    fn required(&mut self, path: impl fmt::Display, s: String, lines: Lines) -> String {
        if blank(&s) {
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

    /// Checks that `id` is a usable id and, through `insert` (true when the
    /// id was new), that no other record of its kind has it.
    fn unique_id(
        &mut self,
        path: impl fmt::Display,
        what: &str,
        id: &str,
        insert: impl FnOnce(&mut Index) -> bool,
    ) {
        if !is_valid_id(id) {
            self.err(
                path,
                format!(
                    "\"{}\" is not a valid id (letters, digits, '-', '_', '.')",
                    clean(id)
                ),
            );
        } else if !insert(&mut self.index) {
            self.err(path, format!("duplicate {what} id \"{id}\""));
        }
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
    fn plain_ascii_flags_every_unsafe_byte_wherever_it_is() {
        let base = "abcdefghijklmnopqrstuvwxyz0123456789";
        for at in 0..base.len() {
            for bad in [
                "\u{0}", "\u{1f}", "\u{7f}", "\u{80}", "é", "\t", "\r", "\u{202e}",
            ] {
                let s = format!("{}{bad}{}", &base[..at], &base[at..]);
                assert!(!plain_ascii(&s, Lines::Single), "{s:?}");
                assert!(!plain_ascii(&s, Lines::Multi), "{s:?}");
            }
            let s = format!("{}\n{}", &base[..at], &base[at..]);
            assert!(!plain_ascii(&s, Lines::Single), "{s:?}");
            assert!(plain_ascii(&s, Lines::Multi), "{s:?}");
        }
        assert!(plain_ascii(base, Lines::Single));
        assert!(plain_ascii(
            " ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}",
            Lines::Single
        ));
        assert!(plain_ascii("", Lines::Single));
        for b in 0..=255u8 {
            let ok = (0x20..0x7f).contains(&b);
            let s =
                String::from_utf8_lossy(&[b'a'; 9].iter().copied().chain([b]).collect::<Vec<_>>())
                    .into_owned();
            assert_eq!(plain_ascii(&s, Lines::Single), ok, "{b:#x}");
        }
    }

    #[test]
    fn blank_is_trim_empty() {
        for s in ["", " ", "\t\n", "\u{3000}", " x", "x ", "\u{a0}y"] {
            assert_eq!(blank(s), s.trim().is_empty(), "{s:?}");
        }
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
