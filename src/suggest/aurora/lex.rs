//! The lexer of Scopus-style query lines: parentheses, quoted phrases,
//! bare words, `AND` / `OR` / `NOT`, `W/n` and `PRE/n` proximity, and
//! field names such as `TITLE-ABS-KEY(`. Every token keeps its byte
//! offset so an error can point at the exact place.

use super::ParseError;

/// The largest proximity distance Scopus accepts (`W/255`).
pub const MAX_DISTANCE: u16 = 255;

/// One lexical token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// A quoted phrase, without its quotes.
    Phrase(String),
    /// An unquoted search word.
    Word(String),
    /// `AND`.
    And,
    /// `OR`.
    Or,
    /// `NOT`.
    Not,
    /// `W/n` (`ordered` false) or `PRE/n` (`ordered` true).
    Near {
        /// The most words allowed between the two sides.
        distance: u16,
        /// Whether the left side must come first.
        ordered: bool,
    },
    /// A field restriction such as `TITLE-ABS-KEY`, always followed by `(`.
    Field(String),
}

/// Field names a line may restrict itself to; sdgmap has one text, so all
/// of them search it.
pub const FIELDS: &[&str] = &[
    "TITLE-ABS-KEY",
    "TITLE-ABS",
    "TITLE",
    "ABS",
    "KEY",
    "AUTHKEY",
    "INDEXTERMS",
    "ALL",
];

/// Splits a query line into tokens with their byte offsets.
pub fn lex(src: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        match c {
            c if c.is_whitespace() => {
                it.next();
            }
            '(' => {
                it.next();
                out.push((i, Tok::Open));
            }
            ')' => {
                it.next();
                out.push((i, Tok::Close));
            }
            '"' | '\u{201C}' | '\u{201D}' => {
                it.next();
                let body_start = i + c.len_utf8();
                let mut end = None;
                for (j, d) in it.by_ref() {
                    if matches!(d, '"' | '\u{201C}' | '\u{201D}') {
                        end = Some(j);
                        break;
                    }
                }
                let Some(end) = end else {
                    return Err(ParseError::new(i, "this quote is never closed"));
                };
                out.push((i, Tok::Phrase(src[body_start..end].to_string())));
            }
            _ => {
                let mut end = src.len();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_whitespace() || matches!(d, '(' | ')' | '"' | '\u{201C}' | '\u{201D}') {
                        end = j;
                        break;
                    }
                    it.next();
                }
                let word = &src[i..end];
                let next_is_open = src[end..].trim_start().starts_with('(');
                out.push((i, classify(word, i, next_is_open)?));
            }
        }
    }
    Ok(out)
}

fn classify(word: &str, at: usize, next_is_open: bool) -> Result<Tok, ParseError> {
    let upper = word.to_ascii_uppercase();
    match upper.as_str() {
        "AND" => return Ok(Tok::And),
        "OR" => return Ok(Tok::Or),
        "NOT" => return Ok(Tok::Not),
        _ => {}
    }
    for (prefix, ordered) in [("W/", false), ("PRE/", true)] {
        if let Some(n) = upper.strip_prefix(prefix) {
            let distance = n
                .parse::<u16>()
                .ok()
                .filter(|&d| d <= MAX_DISTANCE)
                .ok_or_else(|| {
                    ParseError::new(
                        at,
                        format!("{prefix}n needs a distance from 0 to {MAX_DISTANCE}"),
                    )
                })?;
            return Ok(Tok::Near { distance, ordered });
        }
    }
    if next_is_open && FIELDS.contains(&word) {
        return Ok(Tok::Field(word.to_string()));
    }
    Ok(Tok::Word(word.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).unwrap().into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn lexes_every_kind_of_token() {
        assert_eq!(
            toks(r#"TITLE-ABS-KEY( ("a b*" OR c) W/3 "d" PRE/0 e AND NOT f )"#),
            vec![
                Tok::Field("TITLE-ABS-KEY".into()),
                Tok::Open,
                Tok::Open,
                Tok::Phrase("a b*".into()),
                Tok::Or,
                Tok::Word("c".into()),
                Tok::Close,
                Tok::Near {
                    distance: 3,
                    ordered: false
                },
                Tok::Phrase("d".into()),
                Tok::Near {
                    distance: 0,
                    ordered: true
                },
                Tok::Word("e".into()),
                Tok::And,
                Tok::Not,
                Tok::Word("f".into()),
                Tok::Close,
            ]
        );
    }

    #[test]
    fn a_field_name_without_parenthesis_is_a_word() {
        assert_eq!(toks("TITLE"), vec![Tok::Word("TITLE".into())]);
        assert_eq!(toks("and or"), vec![Tok::And, Tok::Or]);
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let e = lex(r#"a OR "open"#).unwrap_err();
        assert_eq!(e.offset, 5);
        let e = lex("a W/x b").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(e.message.contains("distance"));
        assert!(lex("a W/256 b").is_err());
        assert!(lex("a W/255 b").is_ok());
    }
}
