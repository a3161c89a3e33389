//! From words to a [`View`]: telling facets from free text, parsing and
//! validating each facet's values, and normalizing the result.
//!
//! A word is a facet when it starts, unquoted, with letters and a colon
//! (`sdg:`, `-al:`); an unknown key there is an error with a suggestion
//! rather than silently becoming text, because a typo in a facet would
//! otherwise quietly match nothing. Values are checked for *form* here
//! (SDG 1–17, target code shape, year ranges, status and show words);
//! whether they exist in a snapshot is [`super::check`]'s job.

use std::ops::Range;

use super::lex::{Ch, Word, words};
use super::{Key, Show, View, ViewError, YearRange, status_name};
use crate::search::MAX_PATTERN_CHARS;
use crate::snapshot::LinkStatus;

/// Where a facet value stood in the input, for errors found later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located {
    /// The facet.
    pub key: Key,
    /// The value as typed, quotes removed.
    pub value: String,
    /// Its byte range.
    pub span: Range<usize>,
}

/// Parses a view. The result is normalized (see [`View::normalize`]).
pub fn parse(input: &str) -> Result<View, ViewError> {
    parse_located(input).map(|(v, _)| v)
}

/// The longest view string, in characters: far more than any real view
/// (a bookmark is a few dozen), small enough that parsing, checking and
/// applying one is cheap per keystroke.
pub const MAX_VIEW_CHARS: usize = 4096;

/// Parses a view and reports where each facet value stood. Work is linear
/// in the input; a view longer than [`MAX_VIEW_CHARS`], or with more than
/// [`MAX_PATTERN_CHARS`] characters of free text, is an error.
pub(super) fn parse_located(input: &str) -> Result<(View, Vec<Located>), ViewError> {
    if let Some((cut, _)) = input.char_indices().nth(MAX_VIEW_CHARS) {
        let n = MAX_VIEW_CHARS + input[cut..].chars().count();
        return Err(ViewError::new(
            cut..input.len(),
            format!("the view is {n} characters long; a view is at most {MAX_VIEW_CHARS}"),
        ));
    }
    let mut view = View::default();
    let mut located = Vec::new();
    // free-text words: their spans and the characters they hold in all
    let mut text_spans: Vec<Range<usize>> = Vec::new();
    let mut text_chars = 0;
    for word in words(input)? {
        if word.chars.first().is_some_and(|c| c.c == '~' && !c.quoted) {
            off_term(&mut view, input, &word)?;
            continue;
        }
        match facet_head(&word) {
            Some((negated, key_chars, colon)) => {
                let name: String = key_chars.iter().map(|c| c.c).collect();
                let key_span = key_chars[0].at..colon;
                let Some(key) = Key::from_name(&name) else {
                    let names = Key::ALL.map(Key::name);
                    return Err(ViewError::new(key_span, format!("unknown facet '{name}'"))
                        .suggesting(&name, names));
                };
                let values = split_values(&word, colon + 1);
                if values.is_empty() {
                    return Err(ViewError::new(
                        word.start..word.end,
                        format!(
                            "facet '{}' needs a value, e.g. {}",
                            key.name(),
                            example(key)
                        ),
                    ));
                }
                for (value, span) in values {
                    if value.is_empty() {
                        return Err(ViewError::new(
                            span,
                            format!("empty value in facet '{}'", key.name()),
                        ));
                    }
                    add(&mut view, key, negated, &value, span.clone())?;
                    located.push(Located { key, value, span });
                }
            }
            None => {
                text_chars += word.chars.len();
                text_spans.push(word.start..word.end);
                view.text.push(word.chars.iter().map(|c| c.c).collect());
            }
        }
    }
    if text_chars > MAX_PATTERN_CHARS {
        let (mut total, mut from) = (0, 0);
        for (span, t) in text_spans.iter().zip(&view.text) {
            total += t.chars().count();
            if total > MAX_PATTERN_CHARS {
                from = span.start;
                break;
            }
        }
        let end = text_spans.last().map_or(input.len(), |s| s.end);
        return Err(ViewError::new(
            from..end,
            format!(
                "the search text is {text_chars} characters long; sdgmap searches with at most {MAX_PATTERN_CHARS}"
            ),
        ));
    }
    view.normalize();
    Ok((view, located))
}

/// `~term`: one filter, switched off; kept as its canonical text.
fn off_term(view: &mut View, input: &str, word: &Word) -> Result<(), ViewError> {
    let from = word.chars[0].at + 1;
    let inner = input.get(from..word.end).unwrap_or_default();
    let part = parse(inner).map_err(|e| ViewError {
        span: e.span.start + from..e.span.end + from,
        ..e
    })?;
    let filters = super::chips::split(&part);
    let extra = part.show.is_some() || part.focus.is_some() || part.at.is_some();
    match filters.as_slice() {
        [one] if !extra && part.off.is_empty() => {
            let text = one.to_string();
            if !view.off.contains(&text) {
                view.off.push(text);
            }
            Ok(())
        }
        _ => Err(ViewError::new(
            word.start..word.end,
            "a switched-off filter holds one filter, e.g. ~sdg:9 or ~\"digital health\"",
        )),
    }
}

/// `(negated, key characters, byte offset of the colon)` when the word is a facet.
fn facet_head(word: &Word) -> Option<(bool, &[Ch], usize)> {
    let chars = &word.chars;
    let negated = chars.first().is_some_and(|c| c.c == '-' && !c.quoted);
    let skip = usize::from(negated);
    let len = chars[skip..]
        .iter()
        .take_while(|c| !c.quoted && c.c.is_ascii_alphabetic())
        .count();
    let colon = chars.get(skip + len)?;
    (len > 0 && colon.c == ':' && !colon.quoted)
        .then(|| (negated, &chars[skip..skip + len], colon.at))
}

/// The comma-separated values after the colon, with their spans.
fn split_values(word: &Word, from: usize) -> Vec<(String, Range<usize>)> {
    let rest: Vec<&Ch> = word.chars.iter().filter(|c| c.at >= from).collect();
    if rest.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = from;
    let mut any_quoted = false;
    for ch in &rest {
        if ch.c == ',' && !ch.quoted {
            out.push((std::mem::take(&mut cur), start..ch.at.max(start)));
            start = ch.at + 1;
            any_quoted = false;
        } else {
            if cur.is_empty() && !any_quoted {
                start = ch.at;
            }
            any_quoted |= ch.quoted;
            cur.push(ch.c);
        }
    }
    let end = word.end.max(start);
    out.push((cur, start..end));
    out
}

/// An example of `key` with a value, for messages and the app's help.
pub fn example(key: Key) -> &'static str {
    match key {
        Key::Sdg => "sdg:4,9",
        Key::Target => "target:9.c",
        Key::Al => "al:C7-e-health",
        Key::Sector => "sector:ITU-D",
        Key::Kind => "kind:partnership",
        Key::Lead => "lead:ITU",
        Key::Partner => "partner:WHO",
        Key::Year => "year:2015..2020",
        Key::Status => "status:disputed",
        Key::Source => "source:wsis-sdg-matrix",
        Key::Show => "show:activities",
        Key::Focus => "focus:9.c",
        Key::With => "with:cross-cutting",
        Key::At => "at:9.c",
    }
}

fn add(view: &mut View, key: Key, neg: bool, v: &str, span: Range<usize>) -> Result<(), ViewError> {
    let err = |msg: String| ViewError::new(span.clone(), msg);
    fn push<T>(f: &mut super::Facet<T>, neg: bool, x: T) {
        if neg {
            f.exclude.push(x)
        } else {
            f.include.push(x)
        }
    }
    match key {
        Key::Sdg => match v.parse::<u8>() {
            Ok(n @ 1..=17) => push(&mut view.sdg, neg, n),
            _ => return Err(err(format!("SDG must be a number from 1 to 17, not '{v}'"))),
        },
        Key::Target => push(
            &mut view.target,
            neg,
            target_code(v)
                .ok_or_else(|| err(format!("'{v}' is not a target code like 9.c or 4.1")))?,
        ),
        Key::Al => {
            if !crate::snapshot::is_valid_id(v) {
                return Err(err(format!(
                    "'{v}' is not an Action Line id like C7-e-health"
                )));
            }
            push(&mut view.al, neg, v.to_string());
        }
        Key::Sector => push(&mut view.sector, neg, v.to_string()),
        Key::Kind => push(&mut view.kind, neg, v.to_string()),
        Key::Lead => push(&mut view.lead, neg, v.to_string()),
        Key::Partner => push(&mut view.partner, neg, v.to_string()),
        Key::Source => push(&mut view.source, neg, v.to_string()),
        Key::Year => push(&mut view.year, neg, year_range(v).map_err(err)?),
        Key::Status => {
            let all = [
                LinkStatus::Confirmed,
                LinkStatus::Partial,
                LinkStatus::Disputed,
            ];
            match all
                .into_iter()
                .find(|s| status_name(*s).eq_ignore_ascii_case(v))
            {
                Some(s) => push(&mut view.status, neg, s),
                None => {
                    return Err(err(format!("unknown link status '{v}'"))
                        .suggesting(v, all.map(status_name)));
                }
            }
        }
        Key::With => {
            if neg {
                return Err(err("'with' cannot be excluded".into()));
            }
            if !v.eq_ignore_ascii_case(super::CROSS_CUTTING) {
                return Err(err(format!("unknown with '{v}' (cross-cutting)"))
                    .suggesting(v, [super::CROSS_CUTTING]));
            }
            view.cross_cutting = true;
        }
        Key::Show | Key::Focus | Key::At => {
            if neg {
                return Err(err(format!("'{}' cannot be excluded", key.name())));
            }
            if key == Key::Show {
                let Some(show) = Show::ALL
                    .into_iter()
                    .find(|s| s.name().eq_ignore_ascii_case(v))
                else {
                    return Err(err(format!(
                        "unknown show '{v}' (activities, sdgs, targets, rows or links)"
                    ))
                    .suggesting(v, Show::ALL.map(Show::name)));
                };
                if view.show.is_some_and(|s| s != show) {
                    return Err(err("'show' takes one value".into()));
                }
                view.show = Some(show);
            } else {
                let slot = if key == Key::Focus {
                    &mut view.focus
                } else {
                    &mut view.at
                };
                if slot.as_ref().is_some_and(|f| f != v) {
                    return Err(err(format!("'{}' takes one value", key.name())));
                }
                *slot = Some(v.to_string());
            }
        }
    }
    Ok(())
}

/// `9.c`, `17.19`: a goal number 1–17, a dot, digits or one letter; letters lowercased.
fn target_code(v: &str) -> Option<String> {
    let (g, t) = v.split_once('.')?;
    let g: u8 = g.parse().ok()?;
    let ok_t = (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
        || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    ((1..=17).contains(&g) && ok_t).then(|| format!("{g}.{}", t.to_ascii_lowercase()))
}

/// `2017`, `2015..2020`, `..2016`, `2018..`.
fn year_range(v: &str) -> Result<YearRange, String> {
    let bad = || format!("'{v}' is not a year or range like 2017, 2015..2020 or ..2016");
    let year = |s: &str| -> Result<Option<i32>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse::<i32>()
                .ok()
                .filter(|y| (0..=9999).contains(y))
                .map(Some)
                .ok_or_else(bad)
        }
    };
    let r = match v.split_once("..") {
        Some((a, b)) => YearRange {
            from: year(a)?,
            to: year(b)?,
        },
        None => {
            let y = year(v)?;
            YearRange { from: y, to: y }
        }
    };
    match (r.from, r.to) {
        (None, None) => Err(bad()),
        (Some(a), Some(b)) if a > b => Err(format!("year range '{v}' ends before it starts")),
        _ => Ok(r),
    }
}
