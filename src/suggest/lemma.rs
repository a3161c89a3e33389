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

/// British stems and the American form that replaces them where a word
/// begins with them (`labourers` → `laborers`, `paediatric` →
/// `pediatric`). No American form begins with its British stem, so a word
/// already American is left alone.
const STEMS: [(&str, &str); 47] = [
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("colour", "color"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("humour", "humor"),
    ("endeavour", "endeavor"),
    ("odour", "odor"),
    ("flavour", "flavor"),
    ("tumour", "tumor"),
    ("savour", "savor"),
    ("armour", "armor"),
    ("vapour", "vapor"),
    ("programme", "program"),
    ("fibre", "fiber"),
    ("sulphur", "sulfur"),
    ("defence", "defense"),
    ("licence", "license"),
    ("offence", "offense"),
    ("ageing", "aging"),
    ("practis", "practic"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
    ("instalment", "installment"),
    ("haem", "hem"),
    ("anaem", "anem"),
    ("anaesth", "anesth"),
    ("paed", "ped"),
    ("orthopaed", "orthoped"),
    ("gynaec", "gynec"),
    ("leukaem", "leukem"),
    ("septicaem", "septicem"),
    ("palaeo", "paleo"),
    ("archaeo", "archeo"),
    ("faec", "fec"),
    ("defaec", "defec"),
    ("caesar", "cesar"),
    ("diarrhoe", "diarrhe"),
    ("gonorrhoe", "gonorrhe"),
    ("oedem", "edem"),
    ("oestr", "estr"),
    ("oesoph", "esoph"),
    ("foet", "fet"),
];

/// British word endings and their American form (`recognised` →
/// `recognized`, `centre` → `center`), the longest first where one ends
/// another.
const ENDINGS: [(&str, &str); 12] = [
    ("ising", "izing"),
    ("ised", "ized"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("elling", "eling"),
    ("elled", "eled"),
    ("ellor", "elor"),
    ("tre", "ter"),
    ("ogue", "og"),
];

/// A singular in American spelling, as Scopus matches British and American
/// variants: the stems of [`STEMS`] (`labour`, `programme`, `paediatric`,
/// `diarrhoea`, …), `-isation` anywhere in a word (`organisational`), then
/// the endings of [`ENDINGS`] (`-ise`, `-yse`, `-elling`, `-tre`, `-ogue`).
/// Both sides of every match (texts, queries, official wording) go through
/// it, so a word that merely looks British (`enterprise` → `enterprize`)
/// still meets itself; words under five letters and non-ASCII words are
/// kept.
pub(crate) fn american(w: &str) -> String {
    let mut s = american_prefix(w);
    if s.len() < 5 || !s.is_ascii() {
        return s;
    }
    for (uk, us) in ENDINGS {
        if let Some(stem) = s.strip_suffix(uk) {
            s = format!("{stem}{us}");
            break;
        }
    }
    s
}

/// The part of [`american`] that holds for the beginning of a word, for
/// the prefixes of `word*` patterns: the stems and `-isation`, no endings
/// (the prefix `entre*` is not the word `entre`).
pub(crate) fn american_prefix(w: &str) -> String {
    if w.len() < 5 || !w.is_ascii() {
        return w.to_string();
    }
    let mut s = match STEMS.iter().find(|(uk, _)| w.starts_with(uk)) {
        Some((uk, us)) => format!("{us}{}", &w[uk.len()..]),
        None => w.to_string(),
    };
    if let Some(i) = s.find("isation") {
        s.replace_range(i..i + 2, "iz");
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
            ("organisational", "organizational"),
            ("enrolment", "enrollment"),
            ("programmes", "programs"),
            ("fibre", "fiber"),
            ("ageing", "aging"),
            ("practised", "practiced"),
            ("catalogue", "catalog"),
            ("counsellors", "counselors"),
        ] {
            assert_eq!(lemma(uk), lemma(us), "{uk} / {us}");
        }
    }

    #[test]
    fn american_words_and_other_words_are_left_alone() {
        for w in [
            "organization",
            "labor",
            "center",
            "tourism",
            "resource",
            "enrollment",
            "israel",
            "saeed",
            "seed",
            "aerial",
            "raise",
        ] {
            // `raise` only looks British: it becomes `raize`, the same for
            // every text, and meets nothing else
            let want = if w == "raise" { "raize" } else { w };
            assert_eq!(lemma(w), want, "{w}");
        }
        // names and topic words stay apart
        assert_ne!(lemma("saeed"), lemma("seed"));
    }

    #[test]
    fn prefixes_take_stems_but_not_endings() {
        assert_eq!(american_prefix("organisation"), "organization");
        assert_eq!(american_prefix("labour"), "labor");
        assert_eq!(american_prefix("entre"), "entre");
        assert_eq!(american_prefix("urbanis"), "urbanis");
        assert_eq!(american("entre"), "enter");
    }
}
