//! The syntax tree of a query line, and its canonical printed form.
//!
//! Printing puts every group in parentheses and every phrase in quotes, so
//! what it prints parses back to the same tree (the property tests hold it
//! to that) and reads without knowing Scopus's operator precedence.

use std::fmt;

use crate::suggest::text::{lemma, push_folded_char};

/// One word of a phrase: a normalized word that may hold `*` (any run of
/// characters) and `?` (one character) wildcards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    /// The normalized word, wildcards included.
    pub text: String,
    /// The lemma an exact word matches by; `None` for a wildcard word.
    pub lemma: Option<String>,
}

impl WordPattern {
    /// A pattern from a normalized word.
    pub fn new(text: String) -> WordPattern {
        let lemma = (!text.contains(['*', '?'])).then(|| lemma(&text));
        WordPattern { text, lemma }
    }

    /// The fixed start of the pattern: everything before its first wildcard.
    pub fn prefix(&self) -> &str {
        let cut = self.text.find(['*', '?']).unwrap_or(self.text.len());
        &self.text[..cut]
    }

    /// Whether a normalized word matches this wildcard pattern.
    pub fn matches_glob(&self, word: &str) -> bool {
        glob(self.text.as_bytes(), word.as_bytes())
    }
}

/// Glob matching with `*` and `?` over bytes, linear in practice (the
/// classic backtrack-to-last-star algorithm).
fn glob(pat: &[u8], s: &[u8]) -> bool {
    let (mut p, mut i) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while i < s.len() {
        if p < pat.len() && (pat[p] == b'?' || pat[p] == s[i]) {
            p += 1;
            i += 1;
        } else if p < pat.len() && pat[p] == b'*' {
            star = Some((p, i));
            p += 1;
        } else if let Some((sp, si)) = star {
            p = sp + 1;
            i = si + 1;
            star = Some((sp, si + 1));
        } else {
            return false;
        }
    }
    pat[p..].iter().all(|&b| b == b'*')
}

/// A phrase: words that must follow one another (loosely: punctuation
/// between them is ignored, as in a Scopus quoted phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The words, at least one.
    pub words: Vec<WordPattern>,
}

impl Phrase {
    /// Splits a phrase's text into normalized word patterns, the same way
    /// [`crate::suggest::text::tokenize`] splits texts, keeping `*` and `?`.
    /// `None` when it holds no word, or a word that is only wildcards.
    pub fn parse(text: &str) -> Option<Phrase> {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                push_folded_char(&mut cur, c);
            } else if matches!(c, '*' | '?') {
                cur.push(c);
            } else if matches!(c, '\'' | '\u{2019}') && !cur.is_empty() {
                // possessive `'s` dropped, other apostrophes join (as in texts)
                let mut ahead = chars.clone();
                if matches!(ahead.next(), Some('s' | 'S'))
                    && !ahead.next().is_some_and(char::is_alphanumeric)
                {
                    chars.next();
                }
            } else if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        if words.is_empty()
            || words
                .iter()
                .any(|w| w.chars().all(|c| matches!(c, '*' | '?')))
        {
            return None;
        }
        Some(Phrase {
            words: words.into_iter().map(WordPattern::new).collect(),
        })
    }
}

/// A query expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A quoted phrase or a bare word.
    Phrase(Phrase),
    /// Any of the alternatives (two or more).
    Or(Vec<Expr>),
    /// All of the parts (two or more).
    And(Vec<Expr>),
    /// The left side where the right side does not occur.
    AndNot(Box<Expr>, Box<Expr>),
    /// Both sides with at most `distance` words between them; with
    /// `ordered` (`PRE/n`) the left side first, else in either order (`W/n`).
    Near {
        /// Left side.
        left: Box<Expr>,
        /// Right side.
        right: Box<Expr>,
        /// The most words between the sides.
        distance: u16,
        /// `PRE/n` rather than `W/n`.
        ordered: bool,
    },
    /// A field restriction (`TITLE-ABS-KEY(...)`); sdgmap searches one text.
    Field {
        /// The field name.
        name: String,
        /// The restricted expression.
        inner: Box<Expr>,
    },
}

impl Expr {
    /// Every phrase of the expression, left to right; `negated` tells
    /// whether it sits under the right side of an `AND NOT`.
    pub fn phrases(&self) -> Vec<(&Phrase, bool)> {
        fn walk<'a>(e: &'a Expr, neg: bool, out: &mut Vec<(&'a Phrase, bool)>) {
            match e {
                Expr::Phrase(p) => out.push((p, neg)),
                Expr::Or(v) | Expr::And(v) => v.iter().for_each(|c| walk(c, neg, out)),
                Expr::AndNot(l, r) => {
                    walk(l, neg, out);
                    walk(r, true, out);
                }
                Expr::Near { left, right, .. } => {
                    walk(left, neg, out);
                    walk(right, neg, out);
                }
                Expr::Field { inner, .. } => walk(inner, neg, out),
            }
        }
        let mut out = Vec::new();
        walk(self, false, &mut out);
        out
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(&w.text)?;
        }
        f.write_str("\"")
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, parts: &[Expr], op: &str| -> fmt::Result {
            f.write_str("(")?;
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    write!(f, " {op} ")?;
                }
                write!(f, "{p}")?;
            }
            f.write_str(")")
        };
        match self {
            Expr::Phrase(p) => write!(f, "{p}"),
            Expr::Or(v) => join(f, v, "OR"),
            Expr::And(v) => join(f, v, "AND"),
            Expr::AndNot(l, r) => write!(f, "({l} AND NOT {r})"),
            Expr::Near {
                left,
                right,
                distance,
                ordered,
            } => {
                let op = if *ordered { "PRE" } else { "W" };
                write!(f, "({left} {op}/{distance} {right})")
            }
            Expr::Field { name, inner } => write!(f, "{name}({inner})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_normalize_like_texts() {
        let p = Phrase::parse("Women's  Socio-Economic* R-D PM2.5").unwrap();
        let words: Vec<&str> = p.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["women", "socio", "economic*", "r", "d", "pm2", "5"]);
        assert_eq!(p.words[0].lemma.as_deref(), Some("women"));
        assert_eq!(p.words[2].lemma, None);
        assert!(Phrase::parse(" - ").is_none());
        assert!(Phrase::parse("a *").is_none());
    }

    #[test]
    fn globs_match_stars_and_question_marks() {
        let w = WordPattern::new("labo*".into());
        assert!(w.matches_glob("labour") && w.matches_glob("labor") && w.matches_glob("labo"));
        assert!(!w.matches_glob("lab"));
        let w = WordPattern::new("wom?n*".into());
        assert!(w.matches_glob("women") && w.matches_glob("womans"));
        assert!(!w.matches_glob("womn"));
        assert_eq!(w.prefix(), "wom");
        let w = WordPattern::new("a*b*c".into());
        assert!(w.matches_glob("abc") && w.matches_glob("axxbyyc") && !w.matches_glob("axxbyy"));
    }
}
