//! Splitting view text into words, shell-style.
//!
//! Words are separated by whitespace; double quotes group text containing
//! spaces, commas or colons, with `\"` and `\\` as the only escapes. The
//! lexer keeps, for every character, whether it was quoted and where it
//! was, because the parser must tell a facet's `:` and `,` from quoted ones
//! and point errors at exact positions.

use super::ViewError;

/// One character of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ch {
    /// The character.
    pub c: char,
    /// Whether it stood inside double quotes.
    pub quoted: bool,
    /// Its byte offset in the input.
    pub at: usize,
}

/// A whitespace-separated word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// Its characters, quotes removed.
    pub chars: Vec<Ch>,
    /// Byte offset of its first character (or quote).
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// Splits `input` into words.
pub(super) fn words(input: &str) -> Result<Vec<Word>, ViewError> {
    let mut out = Vec::new();
    let mut it = input.char_indices().peekable();
    while let Some(&(start, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
            continue;
        }
        let mut chars = Vec::new();
        let mut end = start;
        while let Some(&(i, c)) = it.peek() {
            if c.is_whitespace() {
                break;
            }
            it.next();
            end = i + c.len_utf8();
            if c != '"' {
                chars.push(Ch {
                    c,
                    quoted: false,
                    at: i,
                });
                continue;
            }
            let open = i;
            let mut closed = false;
            while let Some((j, q)) = it.next() {
                end = j + q.len_utf8();
                match q {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => match it.next() {
                        Some((k, e @ ('"' | '\\'))) => {
                            end = k + 1;
                            chars.push(Ch {
                                c: e,
                                quoted: true,
                                at: j,
                            });
                        }
                        Some((k, e)) => {
                            return Err(ViewError::new(
                                j..k + e.len_utf8(),
                                format!("unknown escape '\\{e}' (only \\\" and \\\\ are escapes)"),
                            ));
                        }
                        None => break,
                    },
                    _ => chars.push(Ch {
                        c: q,
                        quoted: true,
                        at: j,
                    }),
                }
            }
            if !closed {
                return Err(ViewError::new(
                    open..input.len(),
                    "unterminated quote: a '\"' is missing",
                ));
            }
        }
        out.push(Word { chars, start, end });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        words(s)
            .unwrap()
            .into_iter()
            .map(|w| w.chars.iter().map(|c| c.c).collect())
            .collect()
    }

    #[test]
    fn splits_on_whitespace_and_groups_quotes() {
        assert_eq!(texts("  a  b\tc "), ["a", "b", "c"]);
        assert_eq!(texts(r#"lead:"World Bank" x"#), ["lead:World Bank", "x"]);
        assert_eq!(texts(r#""a \"b\" \\""#), [r#"a "b" \"#]);
        assert_eq!(texts(r#""""#), [""]);
    }

    #[test]
    fn quoted_characters_are_marked() {
        let w = &words(r#"a"b:c""#).unwrap()[0];
        assert_eq!(
            w.chars.iter().map(|c| c.quoted).collect::<Vec<_>>(),
            [false, true, true, true]
        );
        assert_eq!((w.start, w.end), (0, 6));
    }

    #[test]
    fn unterminated_quotes_and_bad_escapes_are_errors() {
        let e = words(r#"x "abc"#).unwrap_err();
        assert_eq!(
            (e.span, e.message.as_str()),
            (2..6, "unterminated quote: a '\"' is missing")
        );
        let e = words(r#""a\nb""#).unwrap_err();
        assert_eq!(e.span, 2..4);
        assert!(e.message.starts_with("unknown escape '\\n'"));
    }
}
