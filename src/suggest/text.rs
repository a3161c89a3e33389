//! Text normalization for the suggestion engine: one tokenizer for the
//! texts users give and for the words of queries and official wording, so
//! both sides always agree on what a word is.
//!
//! A word is a run of letters and digits, lower-cased, with Latin accents
//! folded (`é` → `e`, `œ` → `oe`); a possessive `'s` is dropped and other
//! apostrophes join (`don't` → `dont`); everything else separates words,
//! so `socio-economic` is two words and `PM2.5` is `pm2`, `5` on both
//! sides. Each word also has a *lemma*: its singular by Harman's S-stemmer
//! (`fisheries` → `fishery`, `policies` → `policy`, `waters` → `water`) in
//! American spelling (`organisations` → `organization`, `labour` →
//! `labor`), which is how a query word without a wildcard matches its
//! plural and its other spelling, as Scopus does. Every token keeps the
//! byte range it came from, so evidence can highlight the user's own text.

use std::collections::HashMap;
use std::ops::Range;

pub use super::lemma::lemma;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized word (lower case, accents folded).
    pub word: String,
    /// Its lemma: the singular in American spelling ([`lemma`]); equal to
    /// `word` for most words.
    pub lemma: String,
    /// Byte range of the word in the original text.
    pub span: Range<usize>,
}

/// Splits `text` into normalized words with their byte ranges.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            push_folded_char(&mut word, c);
            end = i + c.len_utf8();
            continue;
        }
        if is_apostrophe(c) && !word.is_empty() {
            // `'s` at a word's end is a possessive: drop it; otherwise join.
            let next = chars.peek().map(|&(_, n)| n);
            if let Some(n) = next.filter(|n| n.is_alphanumeric()) {
                let after_s = text[i + c.len_utf8() + n.len_utf8()..].chars().next();
                if (n == 's' || n == 'S') && !after_s.is_some_and(char::is_alphanumeric) {
                    chars.next();
                    end = i + c.len_utf8() + 1;
                }
                continue;
            }
        }
        flush(&mut out, &mut word, start..end);
    }
    flush(&mut out, &mut word, start..end);
    out
}

fn flush(out: &mut Vec<Token>, word: &mut String, span: Range<usize>) {
    if word.is_empty() {
        return;
    }
    let w = std::mem::take(word);
    out.push(Token {
        lemma: lemma(&w),
        word: w,
        span,
    });
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// Appends `c` lower-cased with its Latin accent folded.
pub(crate) fn push_folded_char(out: &mut String, c: char) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'š' | 'ś' | 'Š' | 'Ś' => "s",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        'ł' | 'Ł' => "l",
        'ř' | 'Ř' => "r",
        'ť' | 'Ť' => "t",
        'ď' | 'Ď' => "d",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// A tokenized text with the lookups the query evaluator needs: positions
/// by lemma (exact words) and the words sorted (wildcard prefixes).
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    tokens: Vec<Token>,
    by_lemma: HashMap<String, Vec<u32>>,
    /// `(word, position)`, sorted by word then position.
    sorted: Vec<(String, u32)>,
}

impl Document {
    /// Tokenizes `text` and indexes its words.
    pub fn new(text: &str) -> Document {
        let tokens = tokenize(text);
        let mut by_lemma: HashMap<String, Vec<u32>> = HashMap::with_capacity(tokens.len());
        let mut sorted = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_lemma.entry(t.lemma.clone()).or_default().push(i);
            sorted.push((t.word.clone(), i));
        }
        sorted.sort_unstable();
        Document {
            text: text.to_string(),
            tokens,
            by_lemma,
            sorted,
        }
    }

    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the text has no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Positions of the words whose lemma is `lemma`, ascending.
    pub fn positions_of_lemma(&self, lemma: &str) -> &[u32] {
        self.by_lemma.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Whether some word has this lemma.
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.by_lemma.contains_key(lemma)
    }

    /// The distinct lemmas of the text.
    pub fn lemmas(&self) -> impl Iterator<Item = &str> {
        self.by_lemma.keys().map(String::as_str)
    }

    /// How often the lemma occurs.
    pub fn count(&self, lemma: &str) -> usize {
        self.positions_of_lemma(lemma).len()
    }

    /// Positions (ascending) of the words starting with `prefix`.
    pub fn positions_with_prefix(&self, prefix: &str) -> Vec<u32> {
        let from = self.sorted.partition_point(|(w, _)| w.as_str() < prefix);
        let mut out: Vec<u32> = self.sorted[from..]
            .iter()
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|&(_, p)| p)
            .collect();
        out.sort_unstable();
        out
    }

    /// The words (ascending) that start with `prefix`, each once.
    pub fn words_with_prefix(&self, prefix: &str) -> impl Iterator<Item = &str> {
        let from = self.sorted.partition_point(|(w, _)| w.as_str() < prefix);
        let mut last: Option<&str> = None;
        self.sorted[from..]
            .iter()
            .take_while(move |(w, _)| w.starts_with(prefix))
            .filter_map(move |(w, _)| {
                if last == Some(w.as_str()) {
                    None
                } else {
                    last = Some(w.as_str());
                    last
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        tokenize(t).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(
            words("Socio-economic PM2.5 in Yaoundé, women's rights; don't"),
            [
                "socio", "economic", "pm2", "5", "in", "yaounde", "women", "rights", "dont"
            ]
        );
        assert_eq!(words("Œuvre STRASSE ß"), ["oeuvre", "strasse", "ss"]);
        assert_eq!(words("’tis  -- '"), ["tis"]);
        assert!(words("").is_empty());
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "Renewable énergie, women’s";
        let toks = tokenize(text);
        assert_eq!(&text[toks[1].span.clone()], "énergie");
        assert_eq!(&text[toks[2].span.clone()], "women’s");
    }

    #[test]
    fn document_looks_up_lemmas_and_prefixes() {
        let d = Document::new("Water policies and the water policy; developing countries develop");
        assert_eq!(d.positions_of_lemma("water"), [0, 4]);
        assert_eq!(d.positions_of_lemma("policy"), [1, 5]);
        assert_eq!(d.positions_with_prefix("develop"), [6, 8]);
        assert_eq!(
            d.words_with_prefix("develop").collect::<Vec<_>>(),
            ["develop", "developing"]
        );
        assert!(d.positions_with_prefix("zz").is_empty());
    }
}
