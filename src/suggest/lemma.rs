//! The lemma of a word, which is how a query word without a wildcard
//! matches a text's word and how the goals' bodies count words: its
//! singular (Harman's S-stemmer: `fisheries` → `fishery`, `waters` →
//! `water`) in American spelling (`organisations` → `organization`,
//! `labour` → `labor`), as Scopus matches plurals and spelling variants.
//! Both sides of every match go through the same map.

/// The lemma of a normalized word: its singular (`singular`) in
/// American spelling (`american`), so `organisations` and
/// `organization` are one lemma, as Scopus matches spelling variants.
pub fn lemma(word: &str) -> String {
    american(&singular(word))
}

/// A singular in American spelling, as Scopus matches British and American
/// variants: `-ise`/`-isation` → `-ize`/`-ization`, `-yse` → `-yze`,
/// `-tre` → `-ter`, `-elling` → `-eling`, `labour` → `labor` (a list of
/// `-our` stems), `ae` after the first letter → `e` (`paediatric`), and the
/// `oe` of a few medical stems (`diarrhoea`). Both sides of every match
/// (texts, queries, official wording) go through it, so a word that merely
/// looks British (`enterprise` → `enterprize`) still meets itself; words
/// under five letters and non-ASCII words are kept.
pub(crate) fn american(w: &str) -> String {
    if w.len() < 5 || !w.is_ascii() {
        return w.to_string();
    }
    let mut s = w.to_string();
    for (uk, us) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("iser", "izer"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("elling", "eling"),
        ("elled", "eled"),
        ("tre", "ter"),
    ] {
        if let Some(stem) = s.strip_suffix(uk) {
            s = format!("{stem}{us}");
            break;
        }
    }
    for stem in [
        "labour",
        "behaviour",
        "colour",
        "favour",
        "honour",
        "neighbour",
        "harbour",
        "rumour",
        "vigour",
        "humour",
        "endeavour",
        "odour",
        "flavour",
        "tumour",
        "savour",
        "armour",
    ] {
        if s.starts_with(stem) {
            s = format!("{}or{}", &stem[..stem.len() - 3], &s[stem.len()..]);
            break;
        }
    }
    if let Some(i) = s[1..].find("ae") {
        s.replace_range(i + 1..i + 3, "e");
    }
    for (uk, us) in [
        ("diarrhoe", "diarrhe"),
        ("oedem", "edem"),
        ("foet", "fet"),
        ("oestr", "estr"),
        ("oesoph", "esoph"),
    ] {
        if let Some(rest) = s.strip_prefix(uk) {
            s = format!("{us}{rest}");
        }
    }
    s
}

/// The singular of a normalized word by Harman's S-stemmer: `-ies` → `-y`
/// (not `-eies`, `-aies`), `-es` → `-e` (not `-aes`, `-ees`, `-oes`), `-s`
/// dropped (not `-us`, `-ss`, nor `-is`: `analysis`, `basis`, `this` are
/// singulars); words of three letters or fewer are kept.
fn singular(word: &str) -> String {
    let n = word.len();
    if n <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    if word.ends_with("ies") && !word.ends_with("eies") && !word.ends_with("aies") {
        return format!("{}y", &word[..n - 3]);
    }
    if word.ends_with("es")
        && !(word.ends_with("aes") || word.ends_with("ees") || word.ends_with("oes"))
    {
        return word[..n - 1].to_string();
    }
    if word.ends_with('s')
        && !word.ends_with("us")
        && !word.ends_with("ss")
        && !word.ends_with("is")
    {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_are_singulars() {
        for (w, l) in [
            ("fisheries", "fishery"),
            ("policies", "policy"),
            ("waters", "water"),
            ("status", "status"),
            ("glass", "glass"),
            ("goes", "goe"),
            ("gas", "gas"),
            ("houses", "house"),
            ("analysis", "analysis"),
            ("this", "this"),
        ] {
            assert_eq!(lemma(w), l, "{w}");
        }
    }

    #[test]
    fn lemmas_meet_across_british_and_american_spelling() {
        for (uk, us) in [
            ("organisations", "organization"),
            ("urbanisation", "urbanization"),
            ("prioritise", "prioritize"),
            ("recognised", "recognized"),
            ("analysed", "analyzed"),
            ("labourers", "laborers"),
            ("behavioural", "behavioral"),
            ("centres", "centers"),
            ("kilometre", "kilometer"),
            ("modelling", "modeling"),
            ("paediatric", "pediatric"),
            ("anaemia", "anemia"),
            ("diarrhoea", "diarrhea"),
        ] {
            assert_eq!(lemma(uk), lemma(us), "{uk} / {us}");
        }
        // a word that only looks British still meets itself, and stays
        // apart from other words
        assert_eq!(lemma("enterprises"), lemma("enterprise"));
        assert_eq!(lemma("tourism"), "tourism");
        assert_eq!(lemma("resources"), "resource");
        assert_eq!(lemma("rise"), "rise");
    }
}
