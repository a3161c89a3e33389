//! Reading what real spreadsheets write into what a snapshot holds:
//! country strings into ISO codes, category headings into Action Line ids,
//! titles into ids.
//!
//! Nothing here guesses. A country string resolves only through a name the
//! snapshot's `countries` give (codes, English, official names in the six
//! UN languages, short names) or an alias the import's mapping states; a
//! string that names no country is handed back unresolved, for the import
//! to list with its row. A heading resolves only through what it says: the
//! WSIS Prizes category number (`Category 9 — …`), the Action Line code it
//! starts with (`C7. ICT APPLICATIONS: E-HEALTH` → the C7 sub-line named
//! `E-health`), or a line's exact title.

use std::collections::HashMap;

use crate::snapshot::country::name_key;
use crate::snapshot::raw::{RawActionLine, RawCountry};

/// Country names and aliases of a snapshot, folded for lookup.
#[derive(Debug, Clone, Default)]
pub struct CountryResolver {
    /// Folded name → code; `None` when the name is shared by two countries.
    names: HashMap<String, Option<String>>,
}

/// What a country cell says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// ISO alpha-3 codes, in the order the cell names them, without repeats.
    pub codes: Vec<String>,
    /// The parts of the cell that name no country, as written (trimmed).
    pub unresolved: Vec<String>,
}

impl CountryResolver {
    /// Every name of `countries`, plus `aliases` (alias, ISO alpha-3 code).
    pub fn new(countries: &[RawCountry], aliases: &[(String, String)]) -> CountryResolver {
        let mut names: HashMap<String, Option<String>> = HashMap::new();
        let mut add = |name: &str, code: &str| {
            let key = name_key(name);
            if key.is_empty() {
                return;
            }
            names
                .entry(key)
                .and_modify(|c| {
                    if c.as_deref() != Some(code) {
                        *c = None;
                    }
                })
                .or_insert_with(|| Some(code.to_string()));
        };
        for c in countries {
            add(&c.code, &c.code);
            if let Some(a2) = &c.alpha2 {
                add(a2, &c.code);
            }
            add(&c.name, &c.code);
            for n in &c.names {
                add(n, &c.code);
            }
        }
        // An alias the mapping states wins over a shared name.
        for (alias, code) in aliases {
            names.insert(name_key(alias), Some(code.clone()));
        }
        CountryResolver { names }
    }

    /// The country `name` names, if exactly one.
    pub fn one(&self, name: &str) -> Option<&str> {
        self.names.get(&name_key(name))?.as_deref()
    }

    /// Reads a cell: the whole cell as one name first (`Korea, Republic
    /// of`), else each part between `;` or `,` (also the full-width `，`).
    pub fn cell(&self, cell: &str) -> Resolved {
        let mut out = Resolved::default();
        if cell.trim().is_empty() {
            return out;
        }
        if let Some(code) = self.one(cell) {
            out.codes.push(code.to_string());
            return out;
        }
        for part in cell.split([';', ',', '，']) {
            let part = part.trim();
            if name_key(part).is_empty() {
                continue;
            }
            match self.one(part) {
                Some(code) => {
                    if !out.codes.iter().any(|c| c == code) {
                        out.codes.push(code.to_string());
                    }
                }
                None => out.unresolved.push(part.to_string()),
            }
        }
        out
    }
}

/// The Action Line a heading names, or `None`. An exact id (any case)
/// names itself; `Category N …` names the line with WSIS Prizes category
/// N (and must agree with an `AL Cn` it also gives); a leading `Cn.` names
/// line Cn, or for a line with sub-lines the sub-line whose short name or
/// title ends the heading; else a line whose title is the heading.
pub fn action_line(heading: &str, lines: &[RawActionLine]) -> Option<String> {
    let h = heading.trim();
    if let Some(l) = lines.iter().find(|l| l.id.eq_ignore_ascii_case(h)) {
        return Some(l.id.clone());
    }
    let words = fold(h);
    let code = line_code(&words);
    if let Some(n) = category_number(&words) {
        let l = lines.iter().find(|l| l.prize_category == Some(n))?;
        // `AL C7` must be the line or its parent.
        let agrees = code.as_ref().is_none_or(|c| {
            l.id.eq_ignore_ascii_case(c)
                || l.parent
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(c))
        });
        return agrees.then(|| l.id.clone());
    }
    if let Some(c) = code {
        let line = lines.iter().find(|l| l.id.eq_ignore_ascii_case(&c))?;
        let subs: Vec<&RawActionLine> = lines
            .iter()
            .filter(|l| l.parent.as_deref() == Some(line.id.as_str()))
            .collect();
        if subs.is_empty() {
            return Some(line.id.clone());
        }
        // The sub-line named at the end: `…: E-HEALTH`, `… — E-health`.
        let tail = words.rsplit([':', '—', '–']).next().unwrap_or("").trim();
        return subs
            .iter()
            .find(|l| {
                let short = fold(l.short_name.as_deref().unwrap_or(&l.title));
                !tail.is_empty() && (tail == short || tail == fold(&l.title))
            })
            .map(|l| l.id.clone());
    }
    lines
        .iter()
        .find(|l| fold(&l.title) == words)
        .map(|l| l.id.clone())
}

/// Lower case with runs of white space as one space.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// N of a folded heading starting `category N`.
fn category_number(words: &str) -> Option<u8> {
    let rest = words.strip_prefix("category")?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// `c7` of the first word `cN` (after an optional `al`) of a folded heading:
/// `c7. ict applications: e-health` or `category 9 — al c7. …`.
fn line_code(words: &str) -> Option<String> {
    let mut prev = "";
    for w in words.split(|c: char| c.is_whitespace() || c == '.' || c == ':') {
        let is_code = w.len() >= 2
            && w.len() <= 3
            && w.starts_with('c')
            && w[1..].bytes().all(|b| b.is_ascii_digit());
        if is_code && (prev.is_empty() || prev == "al" || prev == "—") {
            return Some(w.to_ascii_uppercase());
        }
        if !w.is_empty() {
            prev = w;
        }
    }
    None
}

/// An id made from text: lower-case ASCII letters and digits (common
/// accented Latin letters without their accents), other characters as one
/// `-`, at most `max` bytes cut at a `-`. Empty when nothing is left.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = fold_letter(c);
        match plain {
            Some(p) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push_str(p);
            }
            None => dash = true,
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// An ASCII letter or digit as itself, a common accented Latin letter
/// without its accent, anything else as `None`.
fn fold_letter(c: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    Some(match c {
        'a'..='z' => ASCII[c as usize - 'a' as usize],
        '0'..='9' => ASCII[26 + c as usize - '0' as usize],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str, name: &str, names: &[&str]) -> RawCountry {
        RawCountry {
            code: code.into(),
            alpha2: None,
            m49: None,
            name: name.into(),
            region: None,
            subregion: None,
            intermediate_region: None,
            groups: Vec::new(),
            names: names.iter().map(|s| s.to_string()).collect(),
            source: None,
        }
    }

    fn resolver() -> CountryResolver {
        CountryResolver::new(
            &[
                country("THA", "Thailand", &["Tailandia"]),
                country("VNM", "Viet Nam", &["Vietnam"]),
                country("CMR", "Cameroon", &[]),
                country("KOR", "Republic of Korea", &["Korea, Republic of"]),
            ],
            &[
                ("Korea (Rep. of)".into(), "KOR".into()),
                ("Douala".into(), "CMR".into()),
            ],
        )
    }

    #[test]
    fn country_cells_resolve_by_name_code_and_alias_only() {
        let r = resolver();
        assert_eq!(r.cell("THAILAND").codes, ["THA"]);
        assert_eq!(r.cell("tha").codes, ["THA"]);
        assert_eq!(r.cell("Viet Nam").codes, ["VNM"]);
        assert_eq!(r.cell("vietnam ").codes, ["VNM"]);
        assert_eq!(r.cell("Korea, Republic of").codes, ["KOR"]);
        assert_eq!(r.cell("KOREA (REP. OF)").codes, ["KOR"]);
        let d = r.cell("Douala, Yaoundé,");
        assert_eq!(d.codes, ["CMR"]);
        assert_eq!(d.unresolved, ["Yaoundé"]);
        let l = r.cell("Ltd., THAILAND");
        assert_eq!(
            (l.codes, l.unresolved),
            (vec!["THA".to_string()], vec!["Ltd.".to_string()])
        );
        let i = r.cell("International");
        assert!(i.codes.is_empty());
        assert_eq!(i.unresolved, ["International"]);
        assert_eq!(r.cell("  ").unresolved, Vec::<String>::new());
        assert_eq!(r.cell("Thailand; Viet Nam; Thailand").codes, ["THA", "VNM"]);
    }

    fn line(
        id: &str,
        title: &str,
        short: Option<&str>,
        parent: Option<&str>,
        cat: Option<u8>,
    ) -> RawActionLine {
        RawActionLine {
            id: id.into(),
            title: title.into(),
            short_name: short.map(Into::into),
            parent: parent.map(Into::into),
            facilitators: Vec::new(),
            prize_category: cat,
            source: None,
        }
    }

    fn lines() -> Vec<RawActionLine> {
        vec![
            line(
                "C1",
                "The role of public governance authorities",
                None,
                None,
                Some(1),
            ),
            line("C7", "ICT applications", None, None, None),
            line(
                "C7-e-learning",
                "ICT applications: E-learning",
                Some("E-learning"),
                Some("C7"),
                Some(9),
            ),
            line(
                "C7-e-health",
                "ICT applications: E-health",
                Some("E-health"),
                Some("C7"),
                Some(10),
            ),
            line(
                "C8",
                "Cultural diversity and identity",
                None,
                None,
                Some(15),
            ),
        ]
    }

    #[test]
    fn headings_name_the_matrix_row() {
        let l = lines();
        let r = |h: &str| action_line(h, &l);
        assert_eq!(r("C7-e-health").as_deref(), Some("C7-e-health"));
        assert_eq!(r("c1").as_deref(), Some("C1"));
        assert_eq!(
            r("C7. ICT APPLICATIONS: E-HEALTH").as_deref(),
            Some("C7-e-health")
        );
        assert_eq!(
            r("C1. THE ROLE OF GOVERNMENTS AND ALL STAKEHOLDERS IN THE PROMOTION OF ICTS FOR DEVELOPMENT").as_deref(),
            Some("C1")
        );
        assert_eq!(
            r("Category 9 — AL C7. ICT applications: benefits in all aspects of life — E-learning")
                .as_deref(),
            Some("C7-e-learning")
        );
        assert_eq!(
            r("Category 15 — AL C8. Cultural diversity").as_deref(),
            Some("C8")
        );
        assert_eq!(
            r("Category 15 — AL C1. wrong line"),
            None,
            "category and line disagree"
        );
        assert_eq!(r("Category 99"), None);
        assert_eq!(r("C7. ICT APPLICATIONS: E-NOTHING"), None);
        assert_eq!(
            r("ICT applications: E-health").as_deref(),
            Some("C7-e-health")
        );
        assert_eq!(r("C12. Something"), None);
        assert_eq!(r("Chile"), None);
    }

    #[test]
    fn slugs_are_plain_ascii_ids() {
        assert_eq!(
            slug("Burkina Open Data Initiative", 60),
            "burkina-open-data-initiative"
        );
        assert_eq!(slug("En TIC Confío — «ADILET»", 60), "en-tic-confio-adilet");
        assert_eq!(slug("Ströme & Straße", 60), "strome-strasse");
        assert_eq!(slug("智慧城市", 60), "");
        assert_eq!(slug("alpha beta gamma", 11), "alpha-beta");
        assert_eq!(slug("abcdefghijkl", 5), "abcde");
    }
}
