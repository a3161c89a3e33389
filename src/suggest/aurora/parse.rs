//! The parser of query lines, with Scopus's operator precedence: `OR`
//! binds tightest, then `W/n` and `PRE/n`, then `AND`, then `AND NOT`
//! (so `"a" W/3 "b" OR "c"` is `a W/3 (b OR c)`, and
//! `x AND y AND NOT z` is `(x AND y) AND NOT z`). Two operands side by
//! side with no operator are joined by `AND`, as Scopus does.

use super::ParseError;
use super::ast::{Expr, Phrase};
use super::lex::{Tok, lex};

/// How deep parentheses may nest; deeper input is an error, not a crash.
pub const MAX_DEPTH: usize = 64;

/// Parses one query line.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(ParseError::new(0, "the query is empty"));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end: src.len(),
        depth: 0,
    };
    let e = p.and_not()?;
    if let Some((at, t)) = p.toks.get(p.pos) {
        let what = if *t == Tok::Close {
            "this ')' has no '(' to close"
        } else {
            "expected an operator (AND, OR, AND NOT, W/n, PRE/n) here"
        };
        return Err(ParseError::new(*at, what));
    }
    Ok(e)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |&(o, _)| o)
    }

    fn and_not(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Tok::And)
            && self.toks.get(self.pos + 1).map(|(_, t)| t) == Some(&Tok::Not)
        {
            self.pos += 2;
            let right = self.and()?;
            left = Expr::AndNot(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.near()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    if self.toks.get(self.pos + 1).map(|(_, t)| t) == Some(&Tok::Not) {
                        break;
                    }
                    self.pos += 1;
                }
                Some(Tok::Open | Tok::Phrase(_) | Tok::Word(_) | Tok::Field(_)) => {}
                Some(Tok::Not) => {
                    return Err(ParseError::new(
                        self.offset(),
                        "NOT must follow AND (AND NOT)",
                    ));
                }
                _ => break,
            }
            parts.push(self.near()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }

    fn near(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.or()?;
        while let Some(&Tok::Near { distance, ordered }) = self.peek() {
            self.pos += 1;
            let right = self.or()?;
            left = Expr::Near {
                left: Box::new(left),
                right: Box::new(right),
                distance,
                ordered,
            };
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.primary()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            parts.push(self.primary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let at = self.offset();
        let Some((_, tok)) = self.toks.get(self.pos).cloned() else {
            return Err(ParseError::new(
                at,
                "the query ends where a term was expected",
            ));
        };
        self.pos += 1;
        match tok {
            Tok::Phrase(text) | Tok::Word(text) => Phrase::parse(&text)
                .map(Expr::Phrase)
                .ok_or_else(|| ParseError::new(at, "this term has no word to search for")),
            Tok::Open => self.group(at),
            Tok::Field(name) => {
                let open = self.offset();
                if self.peek() != Some(&Tok::Open) {
                    return Err(ParseError::new(open, "expected '(' after the field name"));
                }
                self.pos += 1;
                let inner = self.group(open)?;
                Ok(Expr::Field {
                    name,
                    inner: Box::new(inner),
                })
            }
            Tok::Close => Err(ParseError::new(at, "expected a term before ')'")),
            Tok::And | Tok::Or | Tok::Not | Tok::Near { .. } => {
                Err(ParseError::new(at, "expected a term, found an operator"))
            }
        }
    }

    /// The rest of a parenthesized group whose `(` at `open` was consumed.
    fn group(&mut self, open: usize) -> Result<Expr, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::new(
                open,
                format!("parentheses nest deeper than {MAX_DEPTH}"),
            ));
        }
        let e = self.and_not()?;
        if self.peek() != Some(&Tok::Close) {
            let at = self.offset();
            let msg = if at == self.end {
                "this '(' is never closed"
            } else {
                "expected ')' or an operator here"
            };
            return Err(ParseError::new(if at == self.end { open } else { at }, msg));
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        parse(s).unwrap().to_string()
    }

    #[test]
    fn precedence_is_scopus() {
        assert_eq!(show(r#""a" W/3 "b" OR "c""#), r#"("a" W/3 ("b" OR "c"))"#);
        assert_eq!(
            show(r#""x" AND "y" AND NOT "z" OR "w""#),
            r#"(("x" AND "y") AND NOT ("z" OR "w"))"#
        );
        assert_eq!(
            show(r#""a" W/3 "b" AND "c" PRE/2 "d""#),
            r#"(("a" W/3 "b") AND ("c" PRE/2 "d"))"#
        );
        assert_eq!(show(r#""a" W/3 "b" W/3 "c""#), r#"(("a" W/3 "b") W/3 "c")"#);
        assert_eq!(show(r#"a b"#), r#"("a" AND "b")"#);
        assert_eq!(show(r#"((("a")))"#), r#""a""#);
    }

    #[test]
    fn fields_and_nesting() {
        assert_eq!(
            show(r#"TITLE-ABS-KEY(("a*" OR "b c") W/6 (("d")))"#),
            r#"TITLE-ABS-KEY((("a*" OR "b c") W/6 "d"))"#
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        for (src, at, needle) in [
            ("", 0, "empty"),
            (r#"("a" OR "b""#, 0, "never closed"),
            (r#""a" OR"#, 6, "ends where a term"),
            (r#""a" )"#, 4, "no '('"),
            (r#""a" NOT "b""#, 4, "AND NOT"),
            (r#"OR "a""#, 0, "operator"),
            (r#""a" W/3 ()"#, 9, "before ')'"),
            (r#""-""#, 0, "no word"),
            (r#"TITLE-ABS-KEY( "a" "#, 13, "never closed"),
        ] {
            let e = parse(src).unwrap_err();
            assert_eq!(e.offset, at, "{src}: {e:?}");
            assert!(e.message.contains(needle), "{src}: {}", e.message);
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}\"a\"{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
        let ok = format!("{}\"a\"{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
