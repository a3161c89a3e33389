//! The scoring shortcuts never change a score: each term's score, worked
//! out without the matcher where it can be, equals the matcher's own.

use super::query::Term;

/// The shortcut and the matcher agree on `hay` for the term `t`.
fn agree(t: &str, hay: &str) -> Result<(), String> {
    match Term::parse(t) {
        Some(term) => agree_on(&term, t, hay),
        None => Ok(()),
    }
}

fn agree_on(term: &Term, t: &str, hay: &str) -> Result<(), String> {
    if !term.matches(hay) {
        return Ok(());
    }
    let (got, want) = (term.score(hay), term.matcher_score(hay));
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{t:?} in {hay:?}: {got} but the matcher says {want}"
        ))
    }
}

#[test]
fn whole_occurrences_score_as_the_matcher_says() {
    for (t, hay) in [
        ("health", "digital health"),
        ("health", "health for all"),
        ("health", "h health"),
        ("health", "hx health"),
        ("health", "e-health and health"),
        ("sat", "s a t sat"),
        ("sat", "x sat"),
        ("sat", "sxat\nsat"),
        ("access", "an access point"),
        ("aa", "b aa"),
        ("aa", "a aa"),
        ("e-gov", "open e-gov"),
        ("ab", "(ab"),
    ] {
        assert_eq!(agree(t, hay), Ok(()));
    }
}

proptest::proptest! {
    #![proptest_config(crate::proptest_config(5000))]
    #[test]
    fn shortcuts_score_as_the_matcher(
        t in "[a-d]{1,5}|[a-c][-. ]?[a-c]{1,3}",
        hay in "[a-e \\n.\\-/(]{0,40}",
    ) {
        let term = Term::parse(&t).ok_or_else(|| proptest::test_runner::TestCaseError::fail("no term"))?;
        // a term mostly occurs whole, at every kind of place
        for hay in [hay.clone(), format!("{hay} {t}"), format!("{t}{hay}"), format!("{hay}-{t}{hay}")] {
            proptest::prop_assert_eq!(agree_on(&term, &t, &hay), Ok(()));
        }
    }
}

proptest::proptest! {
    #![proptest_config(crate::proptest_config(3000))]
    #[test]
    fn or_groups_score_their_first_matching_term(
        a in "[a-d]{1,4}", b in "[a-d]{1,4}", c in "'?[a-d]{1,3}",
        hay in "[a-e \\n.\\-]{0,40}",
    ) {
        let q = super::Query::parse(&format!("{a} | {b} | {c}"));
        let [g] = q.groups() else {
            return Err(proptest::test_runner::TestCaseError::fail("one group"));
        };
        // the first matching term, scored by the matcher, as fzf scores a group
        let want = g
            .iter()
            .find(|t| t.matches(&hay))
            .map(|t| if t.op == super::Op::Fuzzy { t.matcher_score(&hay) } else { t.score(&hay) });
        proptest::prop_assert_eq!(q.scored(&hay), want, "{:?} in {:?}", q.groups().len(), hay);
        proptest::prop_assert_eq!(q.scored(&hay).unwrap_or(0), if q.matches(&hay) { q.score(&hay) } else { 0 });
    }
}
