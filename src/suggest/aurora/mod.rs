//! The Aurora Universities Network's SDG queries (v5.0, CC-BY-4.0): the
//! seventeen XML files compiled into the binary, their Scopus-style query
//! language (lexer, parser with Scopus precedence, canonical printer) and
//! its evaluation against a text.
//!
//! Credit: Aurora Universities Network, SDG queries v5.0, doi
//! 10.5281/zenodo.3817445, CC-BY-4.0 — see `assets/aurora/`.

mod ast;
mod eval;
mod lex;
mod parse;
mod xml;

use std::sync::OnceLock;

pub use ast::{Expr, Phrase, WordPattern};
pub use eval::{MAX_SPANS, Outcome, Span, eval, highlights, phrase_spans, word_matches};
pub use lex::{FIELDS, MAX_DISTANCE, Tok, lex};
pub use parse::{MAX_DEPTH, parse};
pub use xml::{AuroraError, QueryFile, QueryLine, TargetQuery, read};

/// A syntax error in a query line: the byte offset and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at byte {offset}: {message}")]
pub struct ParseError {
    /// Byte offset in the line.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    /// An error at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            offset,
            message: message.into(),
        }
    }

    /// The line with a caret under the offending place and the message.
    pub fn render(&self, src: &str) -> String {
        let col = src
            .get(..self.offset.min(src.len()))
            .map_or(0, |s| s.chars().count());
        format!("{src}\n{}^ {}", " ".repeat(col), self.message)
    }
}

macro_rules! aurora_files {
    ($($n:literal),*) => {
        /// The bundled query files, `(name, text)`, one per goal in order.
        pub const FILES: [(&str, &str); 17] = [$(
            (
                concat!("query_SDG", $n, ".xml"),
                include_str!(concat!("../../../assets/aurora/query_SDG", $n, ".xml")),
            ),
        )*];
    };
}
aurora_files!(
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"
);

/// The bundled query files, read and parsed once. An error here is a
/// defect of the build, which the test suite catches
/// (`every_bundled_query_parses`); callers still get it as an error.
pub fn bundled() -> Result<&'static [QueryFile], &'static AuroraError> {
    static CELL: OnceLock<Result<Vec<QueryFile>, AuroraError>> = OnceLock::new();
    CELL.get_or_init(|| FILES.iter().map(|(name, text)| read(name, text)).collect())
        .as_ref()
        .map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_query_parses() {
        let files = bundled().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(files.len(), 17);
        let mut targets = 0;
        let mut lines = 0;
        for (i, f) in files.iter().enumerate() {
            assert_eq!(usize::from(f.goal), i + 1, "{}", f.file);
            assert_eq!(f.version, "5.0", "{}", f.file);
            assert_eq!(f.doi, "10.5281/zenodo.3817445", "{}", f.file);
            for t in &f.targets {
                assert!(t.code.starts_with(&format!("{}.", f.goal)), "{}", t.code);
                for l in &t.lines {
                    // the canonical form parses back to the same tree
                    let printed = l.expr.to_string();
                    assert_eq!(
                        parse(&printed).as_ref(),
                        Ok(&l.expr),
                        "{}:{}",
                        f.file,
                        l.line
                    );
                }
                lines += t.lines.len();
            }
            targets += f.targets.len();
        }
        // 169 targets plus 13.0, as the reference README says
        assert_eq!(targets, 170);
        assert!(lines > 300, "{lines}");
    }

    #[test]
    fn errors_render_a_caret() {
        let e = parse(r#""a" OR ) "#).unwrap_err();
        assert_eq!(
            e.render(r#""a" OR ) "#),
            "\"a\" OR ) \n       ^ expected a term before ')'"
        );
    }
}
