//! Reads an Aurora query file: the goal, version and DOI, and for each
//! target its official descriptions and its query lines, each parsed.
//!
//! The files follow one small XML schema (`aqd:query` → `aqd:query-definitions`
//! → `aqd:query-definition` → `aqd:query-lines` → `aqd:query-line`), so a
//! purpose-built scanner reads them: elements, text, comments, processing
//! instructions and the five XML entities plus numeric character
//! references. Anything it does not understand is an error naming the file
//! and line, never a silent skip.

use super::ast::Expr;
use super::parse::parse;

/// An error in an Aurora file: where and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct AuroraError {
    /// The file's name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One query file: the query of one goal.
#[derive(Debug, Clone)]
pub struct QueryFile {
    /// The file's name.
    pub file: String,
    /// The goal, 1–17.
    pub goal: u8,
    /// The query set's version (`5.0`).
    pub version: String,
    /// The query set's DOI.
    pub doi: String,
    /// The file's title (`SDG-01 no poverty`).
    pub title: String,
    /// The file's paragraph on the goal (`dc:description`), whitespace collapsed.
    pub description: String,
    /// One query per target, in file order.
    pub targets: Vec<TargetQuery>,
}

/// The query of one target.
#[derive(Debug, Clone)]
pub struct TargetQuery {
    /// The target code (`1.1`, `13.0`).
    pub code: String,
    /// The target and indicator texts the file gives, whitespace collapsed.
    pub descriptions: Vec<String>,
    /// Its query lines; a text matches the target when any line matches.
    pub lines: Vec<QueryLine>,
}

/// One query line.
#[derive(Debug, Clone)]
pub struct QueryLine {
    /// The line as written, whitespace collapsed.
    pub source: String,
    /// The parsed expression.
    pub expr: Expr,
    /// 1-based line in the file where the line starts.
    pub line: usize,
}

#[derive(Debug)]
enum Event<'a> {
    Start {
        name: &'a str,
        attrs: &'a str,
        at: usize,
    },
    End {
        name: &'a str,
    },
    Text {
        text: &'a str,
        at: usize,
    },
}

struct Scanner<'a> {
    file: &'a str,
    src: &'a str,
}

impl<'a> Scanner<'a> {
    fn err(&self, at: usize, message: impl Into<String>) -> AuroraError {
        AuroraError {
            file: self.file.to_string(),
            line: line_of(self.src, at),
            message: message.into(),
        }
    }

    fn events(&self) -> Result<Vec<Event<'a>>, AuroraError> {
        let src = self.src;
        let mut out = Vec::new();
        let mut i = 0;
        while i < src.len() {
            let Some(lt) = src[i..].find('<').map(|k| i + k) else {
                out.push(Event::Text {
                    text: &src[i..],
                    at: i,
                });
                break;
            };
            if lt > i {
                out.push(Event::Text {
                    text: &src[i..lt],
                    at: i,
                });
            }
            let rest = &src[lt..];
            let (close, skip) = if rest.starts_with("<!--") {
                ("-->", true)
            } else if rest.starts_with("<?") {
                ("?>", true)
            } else if rest.starts_with("<![CDATA[") {
                return Err(self.err(lt, "CDATA sections are not expected in a query file"));
            } else {
                (">", false)
            };
            let end = rest
                .find(close)
                .map(|k| lt + k + close.len())
                .ok_or_else(|| self.err(lt, format!("this tag is never closed with '{close}'")))?;
            if !skip {
                let inner = &src[lt + 1..end - 1];
                if let Some(name) = inner.strip_prefix('/') {
                    out.push(Event::End { name: name.trim() });
                } else {
                    let self_closing = inner.ends_with('/');
                    let inner = inner.trim_end_matches('/');
                    let (name, attrs) =
                        inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
                    out.push(Event::Start {
                        name,
                        attrs,
                        at: lt,
                    });
                    if self_closing {
                        out.push(Event::End { name });
                    }
                }
            }
            i = end;
        }
        Ok(out)
    }
}

/// 1-based line of byte offset `at`.
fn line_of(src: &str, at: usize) -> usize {
    src.as_bytes()[..at.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Decodes XML entities and collapses whitespace.
fn text_of(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after
            .find(';')
            .filter(|&k| k <= 10)
            .ok_or("a '&' that starts no entity")?;
        let name = &after[..semi];
        let c = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity '&{name};'"))?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The value of attribute `key` in an attribute string.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(k) = rest.find(key) {
        let after = rest[k + key.len()..].trim_start();
        let before_ok = k == 0 || rest[..k].ends_with(char::is_whitespace);
        if before_ok && let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let body = &v[1..];
                return body.find(q).map(|e| &body[..e]);
            }
        }
        rest = &rest[k + key.len()..];
    }
    None
}

/// Reads one query file. `file` names it in errors.
pub fn read(file: &str, src: &str) -> Result<QueryFile, AuroraError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let sc = Scanner { file, src };
    let events = sc.events()?;

    let mut stack: Vec<(&str, &str)> = Vec::new();
    let mut text = String::new();
    let mut text_at = 0;
    let mut description = String::new();
    let (mut goal, mut version, mut doi, mut title) =
        (None, String::new(), String::new(), String::new());
    let mut targets: Vec<TargetQuery> = Vec::new();
    let mut current: Option<(Option<String>, Option<String>, TargetQuery)> = None;

    for ev in events {
        match ev {
            Event::Start { name, attrs, at } => {
                if name == "aqd:query-definition" {
                    if current.is_some() {
                        return Err(sc.err(at, "a query-definition inside another"));
                    }
                    current = Some((
                        None,
                        None,
                        TargetQuery {
                            code: String::new(),
                            descriptions: Vec::new(),
                            lines: Vec::new(),
                        },
                    ));
                }
                stack.push((name, attrs));
                text.clear();
                text_at = at;
            }
            Event::Text { text: t, at } => {
                if text.is_empty() {
                    text_at = at;
                }
                text.push_str(t);
            }
            Event::End { name } => {
                let Some((open, attrs)) = stack.pop() else {
                    return Err(sc.err(text_at, format!("</{name}> closes nothing")));
                };
                if open != name {
                    return Err(sc.err(text_at, format!("</{name}> closes <{open}>")));
                }
                let value = text_of(&text).map_err(|m| sc.err(text_at, m))?;
                let kind = attr(attrs, "type");
                match (name, kind, current.as_mut()) {
                    ("dc:identifier", Some("sdg"), None) => {
                        goal = Some(
                            value
                                .parse::<u8>()
                                .ok()
                                .filter(|g| (1..=17).contains(g))
                                .ok_or_else(|| {
                                    sc.err(text_at, format!("goal '{value}' is not 1–17"))
                                })?,
                        );
                    }
                    ("dc:identifier", Some("version"), None) => version = value,
                    ("dc:identifier", Some("doi"), None) => doi = value,
                    ("dc:title", _, None) => title = value,
                    ("dc:description", _, None) => description = value,
                    ("aqd:subquery-identifier", _, Some(cur)) => cur.0 = Some(value),
                    ("dc:identifier", Some("uri"), Some(cur)) => cur.1 = Some(value),
                    ("aqd:subquery-description", _, Some(cur)) => cur.2.descriptions.push(value),
                    ("aqd:query-line", _, Some(cur)) => {
                        let line = line_of(src, text_at) + leading_newlines(&text);
                        let expr = parse(&value).map_err(|e| AuroraError {
                            file: file.to_string(),
                            line,
                            message: format!(
                                "query line does not parse: {}\n{}",
                                e.message,
                                e.render(&value)
                            ),
                        })?;
                        cur.2.lines.push(QueryLine {
                            source: value,
                            expr,
                            line,
                        });
                    }
                    ("aqd:query-definition", _, Some(_)) => {
                        let Some((sub, uri, mut q)) = current.take() else {
                            continue;
                        };
                        let g = goal.ok_or_else(|| {
                            sc.err(text_at, "a query-definition before the goal's identifier")
                        })?;
                        let sub = sub.ok_or_else(|| {
                            sc.err(text_at, "a query-definition without subquery-identifier")
                        })?;
                        q.code = format!("{g}.{sub}");
                        // the uri names the target too (one file writes `3c` for 3.c)
                        let last = uri.as_deref().and_then(|u| u.rsplit('/').next());
                        if let Some(last) = last
                            && last.replace('.', "") != q.code.replace('.', "")
                        {
                            let uri = uri.unwrap_or_default();
                            return Err(sc.err(text_at, format!("target {} but uri {uri}", q.code)));
                        }
                        if q.lines.is_empty() {
                            return Err(
                                sc.err(text_at, format!("target {} has no query line", q.code))
                            );
                        }
                        targets.push(q);
                    }
                    _ => {}
                }
                text.clear();
            }
        }
    }
    if let Some((open, _)) = stack.last() {
        return Err(sc.err(src.len(), format!("<{open}> is never closed")));
    }
    let goal = goal.ok_or_else(|| sc.err(0, "no <dc:identifier type=\"sdg\">"))?;
    if targets.is_empty() {
        return Err(sc.err(0, "no query-definition"));
    }
    Ok(QueryFile {
        file: file.to_string(),
        goal,
        version,
        doi,
        title,
        description,
        targets,
    })
}

/// Blank lines before a query line's first word, so errors and evidence
/// name the line where the query text starts.
fn leading_newlines(raw: &str) -> usize {
    let lead = raw.len() - raw.trim_start().len();
    raw[..lead].matches('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0"?>
<aqd:query>
  <dc:identifier type="sdg">6</dc:identifier>
  <dc:identifier type="version">5.0</dc:identifier>
  <dc:identifier type="doi">10.5281/zenodo.3817445</dc:identifier>
  <dc:title>SDG-06 water</dc:title>
  <dc:description>Water is
     life.</dc:description>
  <aqd:query-definitions>
    <aqd:query-definition>
      <aqd:subquery-identifier>a</aqd:subquery-identifier>
      <dc:identifier type="uri">http://metadata.un.org/sdg/6.a</dc:identifier>
      <aqd:subquery-descriptions>
        <aqd:subquery-description><!---->Expand   international
          cooperation &amp; support &lt;here&gt;</aqd:subquery-description>
      </aqd:subquery-descriptions>
      <aqd:query-lines>
        <aqd:query-line field="TITLE-ABS-KEY">
          ("water*") W/3 ("cooperation*")
        </aqd:query-line>
      </aqd:query-lines>
    </aqd:query-definition>
  </aqd:query-definitions>
</aqd:query>
"#;

    #[test]
    fn reads_goal_targets_descriptions_and_lines() {
        let f = read("small.xml", SMALL).unwrap();
        assert_eq!(
            (f.goal, f.version.as_str(), f.title.as_str()),
            (6, "5.0", "SDG-06 water")
        );
        assert_eq!(f.doi, "10.5281/zenodo.3817445");
        assert_eq!(f.description, "Water is life.");
        let t = &f.targets[0];
        assert_eq!(t.code, "6.a");
        assert_eq!(
            t.descriptions,
            ["Expand international cooperation & support <here>"]
        );
        assert_eq!(t.lines[0].source, r#"("water*") W/3 ("cooperation*")"#);
        assert_eq!(t.lines[0].line, 19);
    }

    #[test]
    fn errors_name_the_line() {
        let bad = SMALL.replace(r#"("cooperation*")"#, r#"("cooperation*""#);
        let e = read("bad.xml", &bad).unwrap_err();
        assert_eq!(e.line, 19);
        assert!(
            e.to_string()
                .starts_with("bad.xml:19: query line does not parse"),
            "{e}"
        );
        let e = read("x.xml", &SMALL.replace("</aqd:query-lines>", "")).unwrap_err();
        assert!(e.message.contains("closes"), "{e}");
        let e = read("x.xml", &SMALL.replace("sdg/6.a", "sdg/6.b")).unwrap_err();
        assert!(e.message.contains("uri"), "{e}");
        let e = read("x.xml", &SMALL.replace(">6<", ">18<")).unwrap_err();
        assert!(e.message.contains("not 1–17"), "{e}");
        let e = read("x.xml", "<a>&bogus;</a>").unwrap_err();
        assert!(e.message.contains("entity"), "{e}");
    }

    #[test]
    fn attributes_are_found_by_name() {
        assert_eq!(attr(r#"type="uri" x='y'"#, "type"), Some("uri"));
        assert_eq!(attr(r#"subtype="a" type = "b""#, "type"), Some("b"));
        assert_eq!(attr("", "type"), None);
    }
}
