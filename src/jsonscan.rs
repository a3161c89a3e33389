//! One linear, non-recursive pass over JSON text for what a parser does not
//! say: how deep values nest, which keys an object repeats, and how a value
//! was written.
//!
//! serde_json refuses arrays and objects nested more than [`MAX_NESTING`]
//! deep only where it builds values; what it skips (keys sdgmap does not
//! know) it skips at any depth, and where it does refuse it stops, hiding
//! every other problem of the file. A `Value` keeps only the last of two
//! equal keys and turns `-0` into `-0.0` and `1e26`-sized integers into
//! floats. This scan works on the text itself, in time linear in its length
//! and memory bounded by [`MAX_NESTING`] frames, so loaders can report each
//! of these with a JSON path, and parse the rest of a too-deep file after
//! [`neutralize`].

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The most arrays and objects a file may nest: the value inside the
/// 127th is the 128th level, the last serde_json parses, and SCHEMA.md
/// promises the same everywhere in a file.
pub(crate) const MAX_NESTING: usize = 127;

/// The byte offset of the first `[` or `{` nested deeper than
/// [`MAX_NESTING`] anywhere in `text`, strings skipped. The quick check run
/// before every load.
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = string_end(b, i)?;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// A value found by [`scan`]: its JSON path and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spot {
    /// `activities[3].extra`, or `(document)` for the whole text.
    pub path: String,
    /// Where it is written.
    pub range: Range<usize>,
}

/// What [`scan`] found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Each array or object opened deeper than [`MAX_NESTING`] (outermost
    /// only), with its whole extent.
    pub deep: Vec<Spot>,
    /// The last of `deep` is never closed: the text ends inside it.
    pub unclosed: bool,
    /// Each key repeated in its object: the path of the repeated key's value
    /// and the range of the repeated key.
    pub duplicates: Vec<Spot>,
    /// The text of scalar values at the paths asked for.
    pub literals: HashMap<String, Range<usize>>,
}

enum Frame {
    Object {
        keys: HashSet<String>,
        key: Option<String>,
        expect_key: bool,
    },
    Array {
        index: usize,
    },
}

/// Scans `text` once for too-deep values and repeated keys, and notes where
/// the scalar values at the paths in `literals` are written. Stops quietly
/// at malformed JSON (the parser reports that).
pub(crate) fn scan(text: &str, literals: &HashSet<String>) -> Found {
    let b = text.as_bytes();
    let mut found = Found::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array { index }) => *index += 1,
                    Some(Frame::Object {
                        key, expect_key, ..
                    }) => {
                        *key = None;
                        *expect_key = true;
                    }
                    None => {}
                }
                i += 1;
            }
            b'[' | b'{' if stack.len() >= MAX_NESTING => {
                // too deep: note it whole and go on after it, so no more
                // than the limit of frames is ever kept
                let path = path_of(&stack);
                match value_end(b, i) {
                    Some(end) => {
                        found.deep.push(Spot {
                            path,
                            range: i..end,
                        });
                        i = end;
                    }
                    None => {
                        found.deep.push(Spot {
                            path,
                            range: i..b.len(),
                        });
                        found.unclosed = true;
                        break;
                    }
                }
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                i += 1;
            }
            b'{' => {
                stack.push(Frame::Object {
                    keys: HashSet::new(),
                    key: None,
                    expect_key: true,
                });
                i += 1;
            }
            b']' | b'}' => {
                stack.pop();
                i += 1;
            }
            b'"' => {
                let Some(end) = string_end(b, i) else {
                    break;
                };
                match stack.last_mut() {
                    Some(Frame::Object {
                        keys,
                        key,
                        expect_key: expect_key @ true,
                    }) => {
                        *expect_key = false;
                        let name = key_name(&text[i..end]);
                        let repeated = !keys.insert(name.clone());
                        *key = Some(name);
                        if repeated {
                            found.duplicates.push(Spot {
                                path: path_of(&stack),
                                range: i..end,
                            });
                        }
                    }
                    _ if !literals.is_empty() => {
                        note_literal(&stack, literals, i..end, &mut found);
                    }
                    _ => {}
                }
                i = end;
            }
            _ => {
                let len = b[i..]
                    .iter()
                    .position(|&x| matches!(x, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(b.len() - i)
                    .max(1);
                if !literals.is_empty() {
                    note_literal(&stack, literals, i..i + len, &mut found);
                }
                i += len;
            }
        }
    }
    found
}

/// A key as written (`"name"`, quotes included), unescaped.
fn key_name(raw: &str) -> String {
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    if raw.contains('\\') {
        serde_json::from_str::<String>(raw).unwrap_or_else(|_| inner.to_string())
    } else {
        inner.to_string()
    }
}

fn note_literal(stack: &[Frame], wanted: &HashSet<String>, range: Range<usize>, f: &mut Found) {
    let path = path_of(stack);
    if wanted.contains(&path) {
        f.literals.insert(path, range);
    }
}

/// One past the bracket closing the array or object opening at `start`,
/// strings skipped; `None` when the text ends first. A tight loop: it is
/// what a file of nothing but brackets costs.
fn value_end(b: &[u8], start: usize) -> Option<usize> {
    // a text that never closes again (a file of open brackets) is known at once
    let rest = b.get(start..)?;
    if !rest.contains(&b']') && !rest.contains(&b'}') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = string_end(b, i)?;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// One past the closing quote of the string opening at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut j = start + 1;
    loop {
        let k = memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
        if b[j + k] == b'\\' {
            j += k + 2;
        } else {
            return Some(j + k + 1);
        }
    }
}

/// The JSON path of the value the innermost frame is at, as problems name
/// paths: `activities[3].title`, `(document)` at the top.
fn path_of(stack: &[Frame]) -> String {
    let mut p = String::new();
    for f in stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                p.push('[');
                p.push_str(&index.to_string());
                p.push(']');
            }
        }
    }
    if p.is_empty() {
        p.push_str("(document)");
    }
    p
}

/// `text` with each of `spots` (in order, not overlapping) replaced by a
/// `0` and a space per character, line breaks kept, so the rest parses as
/// before with the same lines and columns.
pub(crate) fn neutralize(text: &str, spots: &[Spot]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spots {
        let Some(region) = text.get(s.range.clone()) else {
            continue;
        };
        out.push_str(&text[at..s.range.start]);
        out.push('0');
        out.extend(region.chars().skip(1).map(|c| match c {
            '\n' | '\r' => c,
            _ => ' ',
        }));
        at = s.range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("{}1{}", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn depth_agrees_with_serde_json() {
        for n in [1, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1, 5000] {
            let text = nested(n);
            let serde_ok = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(too_deep(&text).is_none(), serde_ok, "depth {n}");
            assert_eq!(scan(&text, &HashSet::new()).deep.is_empty(), serde_ok);
        }
        // brackets in strings do not count
        let text = format!(r#"{{"a": "{}\"{}"}}"#, "[".repeat(500), "{".repeat(500));
        assert_eq!(too_deep(&text), None);
    }

    #[test]
    fn deep_values_are_found_with_their_path_and_neutralized() {
        let deep = nested(200);
        let text = format!("{{\n \"a\": [1, {{\"x\": {deep}}}],\n \"b\": {deep}\n}}");
        let found = scan(&text, &HashSet::new());
        let paths: Vec<&str> = found.deep.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                format!("a[1].x{}", "[0]".repeat(124)),
                format!("b{}", "[0]".repeat(126))
            ]
        );
        assert!(!found.unclosed);
        let clean = neutralize(&text, &found.deep);
        assert_eq!(clean.lines().count(), text.lines().count());
        let v: serde_json::Value = serde_json::from_str(&clean).expect("parses once neutralized");
        assert!(v["a"][0] == 1);
    }

    #[test]
    fn a_deep_value_the_text_never_closes() {
        let text = "[".repeat(100_000);
        let found = scan(&text, &HashSet::new());
        assert_eq!(found.deep.len(), 1);
        assert_eq!(found.deep[0].range, MAX_NESTING..text.len());
        assert!(found.unclosed);
    }

    #[test]
    fn repeated_keys_are_found_at_any_depth() {
        let text =
            r#"{"format": 1, "x": {"a": 1, "\u0061": 2}, "format": 2, "l": [{"k": 1, "k": 1}]}"#;
        let found = scan(text, &HashSet::new());
        let paths: Vec<&str> = found.duplicates.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["x.a", "format", "l[0].k"]);
        assert_eq!(&text[found.duplicates[1].range.clone()], "\"format\"");
    }

    #[test]
    fn literals_are_found_as_written() {
        let text = r#"{"a": [{"year": -0}, {"year": 100000000000000000000000000, "t": "s"}]}"#;
        let want: HashSet<String> = ["a[0].year", "a[1].year", "a[1].t"]
            .map(String::from)
            .into();
        let found = scan(text, &want);
        let lit = |p: &str| &text[found.literals[p].clone()];
        assert_eq!(lit("a[0].year"), "-0");
        assert_eq!(lit("a[1].year"), "100000000000000000000000000");
        assert_eq!(lit("a[1].t"), "\"s\"");
    }

    #[test]
    fn malformed_text_stops_quietly() {
        for t in ["{\"a", "[[[", "]]]}", "\"\\", "{\"a\":tru", "}}{{\"a\"::,,"] {
            let _ = scan(t, &HashSet::new());
            let _ = too_deep(t);
        }
    }
}
