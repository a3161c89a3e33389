//! The countries section from `country-codes.csv` (the datasets/country-codes
//! package: ISO 3166 codes, UN M49 regions, LDC/LLDC/SIDS flags and the
//! UNTERM names in the six UN languages).
//!
//! Names are kept as the source gives them, with only the typesetting of
//! the UN terminology database taken off so they read as names: the
//! trailing article of a short name (`Bahamas (the)`), the leading article
//! of a formal name (`the Czech Republic`, `la République de Corée`) and
//! the asterisk that marks a footnote (`State of Palestine *`). A short
//! name keeps a leading article (`El Salvador`).

use super::BuildError;
use crate::snapshot::raw::RawCountry;

/// Columns holding names, in the order the names are kept.
const SHORT: &[&str] = &[
    "CLDR display name",
    "UNTERM English Short",
    "official_name_fr",
    "UNTERM French Short",
    "official_name_es",
    "UNTERM Spanish Short",
    "official_name_ru",
    "UNTERM Russian Short",
    "official_name_ar",
    "UNTERM Arabic Short",
    "official_name_cn",
    "UNTERM Chinese Short",
];
/// Formal names are kept in English only (`Kingdom of Thailand`): the
/// short names already cover the six languages, and every name costs
/// loading time.
const FORMAL: &[&str] = &["UNTERM English Formal"];
const ARTICLES: &[&str] = &[
    "the ", "la ", "le ", "l'", "l’", "les ", "el ", "los ", "las ",
];
const TRAILING: &[&str] = &[
    "(the)", "(la)", "(le)", "(l')", "(l’)", "(les)", "(el)", "(los)", "(las)",
];

/// A name as a name: footnote asterisk and article typesetting removed.
pub fn clean_name(raw: &str, formal: bool) -> String {
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(x) = s.strip_suffix('*') {
        s = x.trim_end().to_string();
    }
    for t in TRAILING {
        if let Some(x) = s.strip_suffix(t) {
            s = x.trim_end().to_string();
        }
    }
    if formal {
        for a in ARTICLES {
            if s.len() > a.len()
                && s.is_char_boundary(a.len())
                && s[..a.len()].eq_ignore_ascii_case(a)
            {
                s = s[a.len()..].to_string();
                break;
            }
        }
    }
    s
}

/// Reads the countries; `source` is the source id they cite.
pub fn read(name: &str, bytes: &[u8], source: &str) -> Result<Vec<RawCountry>, BuildError> {
    let mut r = super::Csv::open(name, bytes)?;
    let col = |h: &str| r.col(h);
    let code = col("ISO3166-1-Alpha-3")?;
    let alpha2 = col("ISO3166-1-Alpha-2")?;
    let m49 = col("M49")?;
    let english = col("official_name_en")?;
    let region = col("Region Name")?;
    let sub = col("Sub-region Name")?;
    let inter = col("Intermediate Region Name")?;
    let groups = [
        (col("Least Developed Countries (LDC)")?, "ldc"),
        (col("Land Locked Developing Countries (LLDC)")?, "lldc"),
        (col("Small Island Developing States (SIDS)")?, "sids"),
    ];
    let names: Vec<(usize, bool)> = SHORT
        .iter()
        .map(|h| col(h).map(|i| (i, false)))
        .chain(FORMAL.iter().map(|h| col(h).map(|i| (i, true))))
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec?;
        let get = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
        let opt = |k: usize| Some(get(k)).filter(|s| !s.is_empty());
        let english_name = clean_name(&get(english), false);
        let mut other: Vec<String> = Vec::new();
        for &(k, formal) in &names {
            let n = clean_name(&get(k), formal);
            if !n.is_empty() && n != english_name && !other.contains(&n) {
                other.push(n);
            }
        }
        let m = get(m49);
        out.push(RawCountry {
            code: get(code),
            alpha2: opt(alpha2),
            m49: match m.as_str() {
                "" => None,
                m => Some(m.parse().map_err(|_| {
                    BuildError::input(
                        name,
                        format!("row {}: M49 code \"{m}\" is not a number", i + 2),
                    )
                })?),
            },
            name: english_name,
            region: opt(region),
            subregion: opt(sub),
            intermediate_region: opt(inter),
            groups: groups
                .iter()
                .filter(|(k, _)| get(*k).eq_ignore_ascii_case("x"))
                .map(|(_, g)| g.to_string())
                .collect(),
            names: other,
            source: Some(source.to_string()),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_typesetting_only() {
        assert_eq!(clean_name("Bahamas (the)", false), "Bahamas");
        assert_eq!(
            clean_name("State of Palestine (the) *", false),
            "State of Palestine"
        );
        assert_eq!(clean_name("the Czech Republic", true), "Czech Republic");
        assert_eq!(
            clean_name("la République de Corée", true),
            "République de Corée"
        );
        assert_eq!(
            clean_name("l'État de Palestine *", true),
            "État de Palestine"
        );
        assert_eq!(clean_name("El Salvador", false), "El Salvador");
        assert_eq!(clean_name("  Viet  Nam ", false), "Viet Nam");
    }
}
