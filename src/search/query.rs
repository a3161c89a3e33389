//! A search query in fzf's syntax, parsed once and matched many times.
//!
//! Words are AND-ed; `a | b` ORs neighbours (scored by the first that
//! matches, as fzf scores them). `'x` is an exact substring,
//! `^x` a prefix and `x$` a suffix of any *field* of a record (title,
//! summary, name … — fields are lines of the haystack), `^x$` a whole
//! field, `!x` excludes (exact), anything else is fuzzy (a subsequence,
//! scored by fuzzy-matcher, see `score.rs`). Matching is always
//! case-insensitive: haystacks are lowercased once when the corpus is built,
//! terms when the query is parsed, so the hot loop compares bytes. Every
//! term has a cheap boolean test (the prefilter, which alone decides
//! membership) and a score; only ranking pays for the matcher.

use memchr::memmem;

use super::score::{MAX_PATTERN_CHARS, MAX_WINDOW_BYTES, fuzzy, window};
use super::single::Single;

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Subsequence, scored by the fuzzy matcher.
    Fuzzy,
    /// `'x`: substring.
    Exact,
    /// `^x`: start of a field.
    Prefix,
    /// `x$`: end of a field.
    Suffix,
    /// `^x$`: a whole field.
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone)]
pub struct Term {
    /// How it matches.
    pub op: Op,
    /// `!`: records that match are excluded.
    pub negated: bool,
    /// The lowercased text, operators removed.
    pub text: String,
    finder: memmem::Finder<'static>,
    bound: i64,
    /// Score of the term right after the best kind of word boundary.
    mid: i64,
    /// ASCII characters after which a contiguous occurrence scores `mid`.
    good_prev: [bool; 128],
    /// The matcher's scores of a one-character fuzzy term, learned once.
    single: Option<Box<Single>>,
}

/// A parsed query: AND of OR-groups of terms.
#[derive(Debug, Clone, Default)]
pub struct Query {
    groups: Vec<Vec<Term>>,
    /// `(best score, first-character gain)` when every group is one term.
    top: Option<(i64, i64)>,
}

/// Lowercases `s` char by char (ASCII fast path), as haystacks are.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Fuzzy terms up to this long get the finder's no-scoring shortcut
/// ([`Query::top_score`]); working it out costs 128 small matcher calls.
const TOP_TERM_CHARS: usize = 32;

/// The most characters of a text [`Query::highlight`] marks up.
pub const HIGHLIGHT_CHARS: usize = 1024;

/// Exact terms score this much per character, a little above a fuzzy match.
const EXACT_PER_CHAR: i64 = 20;

impl Term {
    /// Parses one word (`!^foo$` …); `None` when nothing is left to match.
    pub fn parse(word: &str) -> Option<Term> {
        let mut w = word;
        let negated = w.starts_with('!');
        if negated {
            w = &w[1..];
        }
        let mut op = if negated { Op::Exact } else { Op::Fuzzy };
        if let Some(rest) = w.strip_prefix('\'') {
            w = rest;
            op = Op::Exact;
        } else if let Some(rest) = w.strip_prefix('^') {
            w = rest;
            op = Op::Prefix;
        }
        if (w.len() > 1 || op == Op::Prefix)
            && op != Op::Exact
            && let Some(rest) = w.strip_suffix('$')
        {
            w = rest;
            op = if op == Op::Prefix {
                Op::Equal
            } else {
                Op::Suffix
            };
        }
        if w.is_empty() {
            return None;
        }
        let text = lower(w);
        let needle = match op {
            Op::Prefix => format!("\n{text}"),
            Op::Suffix => format!("{text}\n"),
            Op::Equal => format!("\n{text}\n"),
            _ => text.clone(),
        };
        let bound = match (negated, op) {
            (true, _) => 0,
            (false, Op::Fuzzy) => fuzzy(&text, &text, false).map_or(0, |(s, _)| s),
            (false, _) => EXACT_PER_CHAR * text.chars().count() as i64,
        };
        let mut good_prev = [false; 128];
        let mut mid = 0;
        let chars = text.chars().count();
        if !negated && op == Op::Fuzzy && chars <= TOP_TERM_CHARS {
            // The score of the term right after `d`, counted only when the
            // matcher aligns it exactly there (not on `d` itself).
            let n = chars as u32;
            let after = |d: u8| {
                let hay = format!("{}{text}", d as char);
                match fuzzy(&hay, &text, true) {
                    Some((s, pos)) if pos.iter().copied().eq((1..=n).map(|i| i as usize)) => s,
                    _ => i64::MIN,
                }
            };
            let scores: Vec<i64> = (0u8..128).map(after).collect();
            mid = scores.iter().copied().max().unwrap_or(0);
            for (good, &score) in good_prev.iter_mut().zip(&scores) {
                *good = score == mid;
            }
        }
        let single = (!negated && op == Op::Fuzzy)
            .then(|| Single::new(&text).map(Box::new))
            .flatten();
        Some(Term {
            op,
            negated,
            finder: memmem::Finder::new(needle.as_bytes()).into_owned(),
            text,
            bound,
            mid,
            good_prev,
            single,
        })
    }

    /// Whether the lowercased haystack satisfies the term (negation applied).
    pub fn matches(&self, hay: &str) -> bool {
        let h = hay.as_bytes();
        let t = self.text.as_bytes();
        let found = match self.op {
            Op::Fuzzy => is_subsequence(&self.text, hay),
            Op::Exact => self.finder.find(h).is_some(),
            Op::Prefix => h.starts_with(t) || self.finder.find(h).is_some(),
            Op::Suffix => h.ends_with(t) || self.finder.find(h).is_some(),
            Op::Equal => {
                h == t
                    || (h.starts_with(t) && h.get(t.len()) == Some(&b'\n'))
                    || (h.ends_with(t) && h.len() > t.len() && h[h.len() - t.len() - 1] == b'\n')
                    || self.finder.find(h).is_some()
            }
        };
        found != self.negated
    }

    /// Whether the term matches the lowercased haystack closely: a fuzzy
    /// term as a run of text or within one word (`hlth` in `health`), not
    /// as letters strewn across a paragraph; other terms as [`Term::matches`].
    pub fn matches_closely(&self, hay: &str) -> bool {
        if self.op != Op::Fuzzy || self.negated {
            return self.matches(hay);
        }
        self.finder.find(hay.as_bytes()).is_some()
            || hay
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() >= self.text.len() && is_subsequence(&self.text, w))
    }

    /// Where the term occurs as a whole at its best: at the start of the
    /// haystack (`Some(true)`), after a best boundary (`Some(false)`), else `None`.
    fn best_occurrence(&self, hay: &str) -> Option<bool> {
        let h = hay.as_bytes();
        if h.starts_with(self.text.as_bytes()) {
            return Some(true);
        }
        self.finder
            .find_iter(h)
            .any(|i| i > 0 && h[i - 1] < 128 && self.good_prev[h[i - 1] as usize])
            .then_some(false)
    }

    /// The characters every haystack the term matches contains (see
    /// [`super::mask`]); 0 for a negated term.
    pub(super) fn mask(&self) -> u64 {
        if self.negated {
            0
        } else {
            super::mask(self.text.as_bytes())
        }
    }

    /// Whether the term is a plain ASCII fuzzy term, matched greedily byte
    /// by byte, so a longer term can resume where a shorter one ended.
    pub(super) fn resumable(&self) -> bool {
        !self.negated && self.op == Op::Fuzzy && self.text.is_ascii()
    }

    /// Whether two terms test the same thing.
    pub(super) fn same(&self, other: &Term) -> bool {
        self.op == other.op && self.negated == other.negated && self.text == other.text
    }

    /// The score of a haystack the term matches: the matcher's, worked out
    /// without it where that is certain ([`Term::cheap_score`]).
    pub(super) fn score(&self, hay: &str) -> i64 {
        self.cheap_score(hay)
            .unwrap_or_else(|| self.matcher_score(hay))
    }

    /// The score of a haystack the term matches when it is known without
    /// the matcher: always for a negated or non-fuzzy term, and for a fuzzy
    /// one of one character or occurring whole at its best (see
    /// [`Term::whole_score`]); `None` when the matcher must be asked.
    fn cheap_score(&self, hay: &str) -> Option<i64> {
        match (self.negated, self.op) {
            (true, _) => Some(0),
            (false, Op::Fuzzy) => self
                .single
                .as_ref()
                .and_then(|t| t.score(hay))
                .or_else(|| self.whole_score(hay)),
            (false, _) => Some(self.bound),
        }
    }

    /// The fuzzy matcher's score of `hay`, always asking it.
    pub(super) fn matcher_score(&self, hay: &str) -> i64 {
        fuzzy(window(hay, &self.text), &self.text, false).map_or(0, |(s, _)| s)
    }

    /// The score of a text the term occurs in whole at its best, without
    /// the matcher: at the very start it scores [`Query::bound`]'s share,
    /// the most any text scores; after a best boundary, in a text that does
    /// not start with the term's first character (so no alignment earns the
    /// first-character bonus), it scores `mid`, as no spread-out alignment
    /// beats a whole occurrence. `None` otherwise, and for a text the
    /// matcher would cut to a window.
    fn whole_score(&self, hay: &str) -> Option<i64> {
        if hay.len() > MAX_WINDOW_BYTES {
            return None;
        }
        let first = self.text.chars().next()?;
        // (no `mid` when the matcher never aligned the term whole)
        if self.best_occurrence(hay)? {
            Some(self.bound)
        } else {
            (self.mid != i64::MIN && !hay.starts_with(first)).then_some(self.mid)
        }
    }
}

/// The score of an OR group on `hay`, or `None` when none of its terms
/// matches. As fzf scores a group: by its first term in the query's order
/// that matches and is not negated; a negated term that holds (its word is
/// absent) makes the group match with 0 when no later term matches. One
/// term is scored per record, so `a | b` never pays for two matcher calls.
fn group_score(g: &[Term], hay: &str) -> Option<i64> {
    let mut held = None;
    for t in g.iter().filter(|t| t.matches(hay)) {
        if t.negated {
            held = Some(0);
        } else {
            return Some(t.score(hay));
        }
    }
    held
}

/// The summed first-character gain of the terms starting with `c`.
fn first_char_gain<'a>(terms: impl Iterator<Item = &'a Term>, c: Option<char>) -> i64 {
    terms
        .filter(|t| t.text.chars().next() == c)
        .map(|t| t.bound - t.mid)
        .sum()
}

/// Where the greedy, leftmost match of the ASCII `needle` as a subsequence
/// of `hay[from..]` ends (one past its last byte), or `None`. Greedy is
/// optimal for membership, and matching `ab` then `c` from there is matching
/// `abc`, which is what lets the finder resume a growing term.
pub(super) fn subsequence_end(needle: &[u8], hay: &[u8], from: usize) -> Option<usize> {
    let mut pos = from;
    for &b in needle {
        // Successive characters are usually close: look a few bytes ahead
        // before paying for memchr's setup.
        let near = hay.get(pos..(pos + 8).min(hay.len()))?;
        match near.iter().position(|&x| x == b) {
            Some(i) => pos += i + 1,
            None => pos += 8 + memchr::memchr(b, hay.get(pos + 8..)?)? + 1,
        }
    }
    Some(pos)
}

/// Whether `needle`'s characters occur in `hay` in order.
pub fn is_subsequence(needle: &str, hay: &str) -> bool {
    let h = hay.as_bytes();
    if needle.is_ascii() {
        subsequence_end(needle.as_bytes(), h, 0).is_some()
    } else {
        let mut it = hay.chars();
        needle.chars().all(|c| it.by_ref().any(|x| x == c))
    }
}

impl Query {
    /// Parses fzf syntax: words split on whitespace (`\ ` keeps a space).
    pub fn parse(s: &str) -> Query {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek() == Some(&' ') {
                cur.push(' ');
                chars.next();
            } else if c.is_whitespace() {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        Query::from_terms(&words)
    }

    /// Builds a query from words already split (a view's text terms).
    /// Words past [`MAX_PATTERN_CHARS`] characters in all are dropped (the
    /// last one cut), so no caller can make matching superlinear; the view
    /// parser and the app refuse such text with a message before this.
    pub fn from_terms<S: AsRef<str>>(words: &[S]) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut or_next = false;
        let mut budget = MAX_PATTERN_CHARS;
        for w in words {
            if budget == 0 {
                break;
            }
            let w = w.as_ref();
            let w = match w.char_indices().nth(budget) {
                Some((cut, _)) => &w[..cut],
                None => w,
            };
            budget = budget.saturating_sub(w.chars().count());
            if w == "|" {
                or_next = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(w) else {
                continue;
            };
            match groups.last_mut() {
                Some(g) if or_next => g.push(term),
                _ => groups.push(vec![term]),
            }
            or_next = false;
        }
        // the shortcut needs every fuzzy term's `mid`, worked out for short terms only
        let short = groups
            .iter()
            .flatten()
            .all(|t| t.negated || t.op != Op::Fuzzy || t.text.chars().count() <= TOP_TERM_CHARS);
        let top = (short && groups.iter().all(|g| g.len() == 1)).then(|| {
            let terms = groups.iter().flatten();
            let fuzzy = || terms.clone().filter(|t| !t.negated && t.op == Op::Fuzzy);
            // Only terms sharing a first character can all start at the very
            // start of a haystack and earn the first-character bonus together.
            let gain = fuzzy()
                .map(|t| first_char_gain(fuzzy(), t.text.chars().next()))
                .max()
                .unwrap_or(0);
            let rest: i64 = terms
                .clone()
                .map(|t| {
                    if t.op == Op::Fuzzy && !t.negated {
                        t.mid
                    } else {
                        t.bound
                    }
                })
                .sum();
            (rest + gain, gain)
        });
        Query { groups, top }
    }

    /// The score of a matching haystack when it provably scores the best any
    /// record can (every fuzzy term occurs whole after a best boundary, one
    /// with the largest first-character gain at the very start); `None`
    /// when that is not so and the matcher must decide. Lets the finder fill
    /// its top k without calling the matcher at all.
    pub fn top_score(&self, hay: &str) -> Option<i64> {
        let (best, gain) = self.top?;
        let mut groups: Vec<(Option<char>, i64, bool)> = Vec::new();
        for t in self.groups.iter().flatten() {
            if t.negated || t.op != Op::Fuzzy {
                continue;
            }
            let start = t.best_occurrence(hay)?;
            let c = t.text.chars().next();
            match groups.iter_mut().find(|g| g.0 == c) {
                Some(g) => {
                    g.1 += t.bound - t.mid;
                    g.2 &= start;
                }
                None => groups.push((c, t.bound - t.mid, start)),
            }
        }
        let at_start = gain == 0 || groups.iter().any(|g| g.1 == gain && g.2);
        at_start.then_some(best)
    }

    /// True when the query matches everything.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The characters a haystack needs to match groups `from..` (see
    /// [`super::mask`]): those of every single-term group, and those common
    /// to every term of an OR group.
    pub(super) fn mask_from(&self, from: usize) -> u64 {
        self.groups
            .iter()
            .skip(from)
            .map(|g| g.iter().map(Term::mask).reduce(|a, b| a & b).unwrap_or(0))
            .fold(0, |a, b| a | b)
    }

    /// The AND-ed groups of OR-ed terms.
    pub fn groups(&self) -> &[Vec<Term>] {
        &self.groups
    }

    /// Whether a lowercased haystack matches: the prefilter, no scoring.
    pub fn matches(&self, hay: &str) -> bool {
        self.groups.iter().all(|g| g.iter().any(|t| t.matches(hay)))
    }

    /// Whether a lowercased haystack matches with every term close (see
    /// [`Term::matches_closely`]): what a reader would call a match when
    /// stepping through a list, where a fuzzy subsequence strewn across a
    /// long summary is not one.
    pub fn matches_closely(&self, hay: &str) -> bool {
        !self.is_empty()
            && self
                .groups
                .iter()
                .all(|g| g.iter().any(|t| t.matches_closely(hay)))
    }

    /// [`matches`](Self::matches) and then [`score`](Self::score): the
    /// score, or `None` when the haystack does not match. Every group is
    /// tested before any is scored, so a record that fails a later term
    /// (`rural brodband`, where most records hold `rural` as a subsequence
    /// and few `brodband`) never pays for the matcher on an earlier one.
    pub fn scored(&self, hay: &str) -> Option<i64> {
        self.matches(hay).then(|| self.score(hay))
    }

    /// The score of a lowercased haystack the query [`matches`](Self::matches).
    pub fn score(&self, hay: &str) -> i64 {
        self.groups
            .iter()
            .map(|g| group_score(g, hay).unwrap_or(0))
            .sum()
    }

    /// No haystack scores above this (a fuzzy term scores at most what it
    /// scores against itself); used to stop scoring once the top is full.
    pub fn bound(&self) -> i64 {
        if let Some((best, _)) = self.top {
            return best;
        }
        self.groups
            .iter()
            .map(|g| g.iter().map(|t| t.bound).max().unwrap_or(0))
            .sum()
    }

    /// Character indices of `text` (display text, any case) that the query's
    /// positive terms match, sorted; for highlighting visible rows only.
    /// Only the first [`HIGHLIGHT_CHARS`] characters are looked at: no row
    /// shows more, and a huge title costs no more than a short one.
    pub fn highlight(&self, text: &str) -> Vec<usize> {
        let shown = text.len().min(HIGHLIGHT_CHARS * 4);
        let mut lowered = String::with_capacity(shown);
        let mut map = Vec::with_capacity(shown);
        for (i, c) in text.chars().take(HIGHLIGHT_CHARS).enumerate() {
            for l in c.to_lowercase() {
                lowered.push(l);
                map.push(i);
            }
        }
        let mut out = Vec::new();
        for t in self.groups.iter().flatten().filter(|t| !t.negated) {
            match t.op {
                Op::Fuzzy => {
                    if let Some((_, ix)) = fuzzy(&lowered, &t.text, true) {
                        out.extend(ix.into_iter().filter_map(|i| map.get(i).copied()));
                    }
                }
                _ => {
                    if let Some(b) = lowered.find(&t.text) {
                        let start = lowered[..b].chars().count();
                        let n = t.text.chars().count();
                        out.extend((start..start + n).filter_map(|i| map.get(i).copied()));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_matches_are_runs_or_within_a_word() {
        let q = Query::parse("health");
        assert!(q.matches_closely("digital health for africa"));
        let loose = "hello, a local team had";
        assert!(q.matches(loose));
        assert!(!q.matches_closely(loose));
        assert!(Query::parse("hlth").matches_closely("e-health services"));
        assert!(Query::parse("'itu !wmo").matches_closely("itu and who"));
        assert!(!Query::parse("").matches_closely("anything"));
    }
}
