//! How titles and names sort for a reader: by their first letter or digit,
//! whatever the case and whatever quotes, brackets or dashes open them —
//! `“Smart” Villages`, `"Smart" Villages` and `smart villages` sort
//! together, under S, not before A or after Z.

/// The key `s` sorts by: lowercased, from its first letter or digit on (the
/// whole of `s` when it has none).
pub fn key(s: &str) -> String {
    let start = s
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, _)| i);
    s[start..].to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_brackets_and_case_do_not_move_a_title() {
        let mut titles = vec![
            "“Smart” Villages",
            "(Re)connect",
            "\"Open\" Data",
            "apps for all",
            "Zebra",
            "‘Basic’ skills",
            "...",
        ];
        titles.sort_by_cached_key(|t| key(t));
        assert_eq!(
            titles,
            [
                "...",
                "apps for all",
                "‘Basic’ skills",
                "\"Open\" Data",
                "(Re)connect",
                "“Smart” Villages",
                "Zebra"
            ]
        );
        assert_eq!(key("Élan"), "élan");
    }
}
