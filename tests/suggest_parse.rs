//! Property tests of the Aurora query parser: it never panics on any
//! input, and whatever tree it is given prints to a line that parses back
//! to the same tree.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use sdgmap::suggest::aurora::{Expr, Phrase, WordPattern, eval, parse};
use sdgmap::suggest::text::Document;

fn word() -> impl Strategy<Value = String> {
    ("[a-z][a-z0-9]{0,6}", prop::bool::ANY)
        .prop_map(|(w, star)| if star { format!("{w}*") } else { w })
}

fn phrase() -> impl Strategy<Value = Expr> {
    prop::collection::vec(word(), 1..4).prop_map(|ws| {
        Expr::Phrase(Phrase {
            words: ws.into_iter().map(WordPattern::new).collect(),
        })
    })
}

fn expr() -> impl Strategy<Value = Expr> {
    phrase().prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::Or),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
            (inner.clone(), inner.clone())
                .prop_map(|(l, r)| Expr::AndNot(Box::new(l), Box::new(r))),
            (inner.clone(), inner.clone(), 0u16..=255, prop::bool::ANY).prop_map(
                |(l, r, distance, ordered)| {
                    Expr::Near {
                        left: Box::new(l),
                        right: Box::new(r),
                        distance,
                        ordered,
                    }
                }
            ),
            inner.prop_map(|e| Expr::Field {
                name: "TITLE-ABS-KEY".into(),
                inner: Box::new(e),
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printing_round_trips(e in expr()) {
        let printed = e.to_string();
        prop_assert_eq!(parse(&printed), Ok(e), "{}", printed);
    }

    #[test]
    fn never_panics_on_query_like_noise(
        src in prop::collection::vec(
            prop_oneof![
                Just("(".to_string()), Just(")".to_string()), Just("\"".to_string()),
                Just(" AND ".to_string()), Just(" OR ".to_string()), Just(" NOT ".to_string()),
                Just(" W/3 ".to_string()), Just(" PRE/0 ".to_string()), Just(" W/999 ".to_string()),
                Just("TITLE-ABS-KEY(".to_string()), Just("*".to_string()), Just("’".to_string()),
                "[a-zé]{1,5}",
            ],
            0..40,
        )
    ) {
        let src: String = src.concat();
        if let Ok(e) = parse(&src) {
            // a parsed line also evaluates without panicking, and re-parses
            let _ = eval(&e, &Document::new("a b c aé"));
            prop_assert_eq!(parse(&e.to_string()), Ok(e));
        } else if let Err(err) = parse(&src) {
            prop_assert!(err.offset <= src.len());
            let _ = err.render(&src);
        }
    }

    #[test]
    fn never_panics_on_any_text(src in any::<String>()) {
        let _ = parse(&src);
    }

    #[test]
    fn evaluation_never_panics(e in expr(), text in "[a-z0-9 .,'’-]{0,200}") {
        let o = eval(&e, &Document::new(&text));
        prop_assert!((0.0..=1.0).contains(&o.degree));
        prop_assert_eq!(o.matched(), o.degree >= 1.0);
    }
}
