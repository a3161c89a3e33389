//! Which words can carry a topic: at least three letters, not only
//! digits, and not an English function word (articles, pronouns,
//! auxiliaries, prepositions, conjunctions). Both sides — the goals'
//! bodies and the texts weighed — filter through [`is_content`], by lemma,
//! so the check agrees with the stemmer (`this` is not mistaken for a
//! plural and let through as `thi`).
//!
//! The list is general English grammar (with the Latin `inter alia` of
//! UN texts), the number words and the United Nations' own name: it names
//! no topic of any goal (a test checks that no word of
//! `goal-vocabulary.txt` is in it). Without the numbers, `four`,
//! which one goal's Aurora paragraph happens to use twice, weighed 5 for
//! SDG 6 in "Four-year rolling Operational Plans"; without the name,
//! `united` and `nations` (from the United Nations Framework Convention on
//! Climate Change, named in SDG 13's targets, indicators and queries) made
//! "United Nations partnership for digital connectivity" a climate text.
//! Words match by lemma, so `nation` alone is out too: it names no goal.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::suggest::text::lemma;

/// English function words, number words and the UN's name, whitespace-separated.
pub(super) const STOP: &str = "
the and for with from are was were been being this that these those its their there which who
whom whose what when where how all any each other such some more most than into through between
among within without under over per also not nor only own same very can will just should would
could may might must shall does did has have had having our they them she his her you your via
including include includes etc
but about after before because both either neither however thus therefore whether although
though while yet upon onto whereas hence
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
million billion first second third fourth fifth sixth seventh eighth ninth tenth
united nations
inter alia
";

fn stop_lemmas() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| STOP.split_whitespace().map(lemma).collect())
}

/// Whether a lemma may carry topic.
pub fn is_content(l: &str) -> bool {
    l.len() >= 3 && !l.bytes().all(|b| b.is_ascii_digit()) && !stop_lemmas().contains(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_carry_no_topic() {
        for w in [
            "the", "this", "these", "however", "whether", "includes", "four", "first", "inter",
            "alia", "united", "nations",
        ] {
            assert!(!is_content(&lemma(w)), "{w}");
        }
        for w in ["poverty", "water", "energy", "analysis", "12"] {
            assert_eq!(is_content(&lemma(w)), w != "12", "{w}");
        }
    }

    #[test]
    fn no_stop_word_is_a_vocabulary_word() {
        let vocab = crate::suggest::engine::VOCABULARY;
        for line in vocab.lines().filter(|l| !l.starts_with('#')) {
            for w in line.split_whitespace().skip(1) {
                let w = w.trim_end_matches('*');
                assert!(!stop_lemmas().contains(&lemma(w)), "{w} is a stop word");
            }
        }
    }
}
