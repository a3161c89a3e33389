//! A view as chips: one part per active facet (includes and excludes apart)
//! and per free-text term, so the app can show each filter on its own and
//! switch it off without deleting it.
//!
//! [`split`] and [`merge`] are inverses on normalized views:
//! `merge(&split(v)) == v` (minus `show`/`focus`/`at`, which are not
//! filters and stay with the view itself, and the switched-off `~` terms,
//! which the app turns into chips that are off). `with:cross-cutting` is a chip too, so it
//! can be switched off like a filter.

use super::{Facet, View};

/// The filter parts of `v`, in canonical order, each a view of its own.
pub fn split(v: &View) -> Vec<View> {
    let mut out = Vec::new();
    macro_rules! facet {
        ($field:ident) => {
            if !v.$field.include.is_empty() {
                out.push(View {
                    $field: Facet {
                        include: v.$field.include.clone(),
                        exclude: Vec::new(),
                    },
                    ..View::default()
                });
            }
            if !v.$field.exclude.is_empty() {
                out.push(View {
                    $field: Facet {
                        include: Vec::new(),
                        exclude: v.$field.exclude.clone(),
                    },
                    ..View::default()
                });
            }
        };
    }
    facet!(sdg);
    facet!(target);
    facet!(al);
    facet!(sector);
    facet!(kind);
    facet!(lead);
    facet!(partner);
    facet!(year);
    facet!(status);
    facet!(source);
    for t in &v.text {
        out.push(View {
            text: vec![t.clone()],
            ..View::default()
        });
    }
    if v.cross_cutting {
        out.push(View {
            cross_cutting: true,
            ..View::default()
        });
    }
    out
}

/// One view holding the filters of every part (values of a facet given in
/// several parts are OR-ed, as when a facet is written twice).
pub fn merge<'a>(parts: impl IntoIterator<Item = &'a View>) -> View {
    let mut v = View::default();
    for p in parts {
        macro_rules! facet {
            ($($field:ident),*) => {$(
                v.$field.include.extend(p.$field.include.iter().cloned());
                v.$field.exclude.extend(p.$field.exclude.iter().cloned());
            )*};
        }
        facet!(
            sdg, target, al, sector, kind, lead, partner, year, status, source
        );
        v.text.extend(p.text.iter().cloned());
        v.cross_cutting |= p.cross_cutting;
    }
    v.normalize();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::parse;

    #[test]
    fn split_then_merge_gives_the_filters_back() {
        let v = parse("sdg:4,9 -sdg:3 al:C7 year:2015..2020 digital 'health with:cross-cutting")
            .unwrap();
        let parts = split(&v);
        let words: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            words,
            [
                "sdg:4,9",
                "-sdg:3",
                "al:C7",
                "year:2015..2020",
                "digital",
                "'health",
                "with:cross-cutting"
            ]
        );
        assert_eq!(merge(&parts), v);
    }

    #[test]
    fn show_and_focus_are_not_chips() {
        let v = parse("sdg:9 show:links focus:9.c at:9.a").unwrap();
        assert_eq!(split(&v).len(), 1);
    }

    #[test]
    fn switched_off_terms_are_kept_apart_and_round_trip() {
        let v =
            parse("al:C2 ~sdg:4,9 ~\"digital health\" ~-status:disputed show:sdgs at:9").unwrap();
        assert_eq!(v.off, ["sdg:4,9", "\"digital health\"", "-status:disputed"]);
        assert_eq!(split(&v).len(), 1, "only al:C2 filters");
        assert_eq!(v.at.as_deref(), Some("9"));
        let text = v.to_string();
        assert_eq!(
            text,
            "al:C2 ~sdg:4,9 ~\"digital health\" ~-status:disputed show:sdgs at:9"
        );
        assert_eq!(parse(&text).unwrap(), v);
        // a text term starting with ~ is quoted, so it stays text
        let t = parse("\"~x\"").unwrap();
        assert_eq!(t.text, ["~x"]);
        assert_eq!(parse(&t.to_string()).unwrap(), t);
        for bad in ["~", "~sdg:4 ~show:links", "~sgd:4"] {
            let e = parse(bad).unwrap_err();
            assert!(
                e.message.contains("one filter") || e.message.contains("unknown facet"),
                "{bad}: {e}"
            );
        }
    }
}
