//! Countries and territories: ISO codes, UN M49 regions, country groups and
//! the names a country goes by.
//!
//! Activities name countries by ISO 3166-1 alpha-3 code; people name them in
//! many ways (`THAILAND`, `Viet Nam`, `Vietnam`, `the Czech Republic`). A
//! country keeps its English name and every other name its source gives
//! (official names in the six UN languages, short names), and
//! [`name_key`] folds the differences that carry no meaning — case, runs of
//! spaces, a leading article, trailing punctuation, typographic quotes — so
//! that a name finds its country the same way in the view language and in
//! `sdgmap import`.

use super::model::SourceId;

/// The country groups the bundled snapshot uses, with their names.
pub const GROUPS: [(&str, &str); 3] = [
    ("ldc", "Least Developed Countries"),
    ("lldc", "Landlocked Developing Countries"),
    ("sids", "Small Island Developing States"),
];

/// A country or territory.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, e.g. `THA`.
    pub code: String,
    /// ISO 3166-1 alpha-2 code, e.g. `TH`.
    pub alpha2: Option<String>,
    /// UN M49 numeric code.
    pub m49: Option<u16>,
    /// English name.
    pub name: String,
    /// UN M49 region, e.g. `Asia`.
    pub region: Option<String>,
    /// UN M49 sub-region, e.g. `South-eastern Asia`.
    pub subregion: Option<String>,
    /// UN M49 intermediate region, e.g. `Eastern Africa`.
    pub intermediate_region: Option<String>,
    /// Groups (`ldc`, `lldc`, `sids` …), lower-case.
    pub groups: Vec<String>,
    /// Other names.
    pub names: Vec<String>,
    /// Source.
    pub source: Option<SourceId>,
}

impl Country {
    /// Whether the country is in group `g` (case-insensitive).
    pub fn in_group(&self, g: &str) -> bool {
        self.groups.iter().any(|x| x.eq_ignore_ascii_case(g))
    }

    /// Whether the country lies in sub-region `s`: its M49 sub-region or
    /// intermediate region, compared with [`place_key`].
    pub fn in_subregion(&self, s: &str) -> bool {
        let key = place_key(s);
        [&self.subregion, &self.intermediate_region]
            .into_iter()
            .flatten()
            .any(|x| place_key(x) == key)
    }

    /// Whether the country lies in region `r`, compared with [`place_key`].
    pub fn in_region(&self, r: &str) -> bool {
        self.region
            .as_deref()
            .is_some_and(|x| place_key(x) == place_key(r))
    }

    /// Every name the country answers to: code, alpha-2 code, English name
    /// and other names (not folded; see [`name_key`]).
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.code.as_str())
            .chain(self.alpha2.as_deref())
            .chain(std::iter::once(self.name.as_str()))
            .chain(self.names.iter().map(String::as_str))
    }
}

/// A country name folded for lookup: lower case, typographic apostrophes as
/// `'`, runs of white space as one space, a leading `the ` and trailing
/// `.`, `,`, `;`, `*` and spaces removed. `" THE  Gambia, "` → `"gambia"`.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        // The common case, byte by byte.
        for word in name.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.bytes().map(|b| match b {
                b'`' => '\'',
                b => char::from(b.to_ascii_lowercase()),
            }));
        }
    } else {
        for word in name.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            for c in word.chars() {
                match c {
                    '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
                    c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                    c => out.extend(c.to_lowercase()),
                }
            }
        }
    }
    let end = out.trim_end_matches(['.', ',', ';', '*', ' ']).len();
    out.truncate(end);
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

/// A region or sub-region name folded for comparison: case, `-`, `_` and
/// runs of spaces do not count, so `sub-saharan-africa` is
/// `Sub-Saharan Africa`.
pub fn place_key(name: &str) -> String {
    let spaced: String = name
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_case_space_articles_and_punctuation() {
        assert_eq!(name_key(" THE  Gambia, "), "gambia");
        assert_eq!(name_key("THAILAND"), "thailand");
        assert_eq!(name_key("Côte d’Ivoire"), "côte d'ivoire");
        assert_eq!(
            name_key("State of Palestine (the) *"),
            "state of palestine (the)"
        );
        assert_eq!(name_key("Ltd."), "ltd");
        assert_eq!(name_key("Théâtre"), "théâtre");
    }

    #[test]
    fn places_fold_hyphens() {
        assert_eq!(
            place_key("sub-saharan-africa"),
            place_key("Sub-Saharan Africa")
        );
        assert_eq!(
            place_key("Latin_America  and the Caribbean"),
            "latin america and the caribbean"
        );
    }
}
