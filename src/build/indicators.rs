//! The indicator section from the UN global indicator framework (the 2025
//! CSV) joined with the IAEG-SDGs tier classification by UNSD code.
//!
//! The framework CSV is the official list laid out as a document: heading
//! rows, goal rows, a target's text only on the row where the target
//! starts, footnote markers glued to the text (`… by speed4`) and the
//! footnotes at the end (`4 The current indicator 17.6.1 was previously
//! listed as 17.6.2.`). A row is an indicator when its third column starts
//! with an indicator number; a trailing marker is removed only when the
//! footnote it points at speaks of that indicator, and a "previously listed
//! as" footnote becomes the indicator's former code. The tier file has one
//! row per indicator of 2022; where one UNSD code has several rows (the same
//! indicator under several targets), the row with the same number is used.

use std::collections::HashMap;

use super::BuildError;
use crate::snapshot::raw::RawIndicator;

/// One indicator of the framework CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkIndicator {
    /// `9.c.1`.
    pub number: String,
    /// Official text, white space normalized, footnote marker removed.
    pub text: String,
    /// UNSD code, e.g. `C090c01`.
    pub unsd_code: String,
    /// Codes a footnote says the indicator had before.
    pub former_codes: Vec<String>,
}

/// White space runs as one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Some(("9.c.1", rest))` when `text` starts with an indicator number.
fn split_number(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    let number = &t[..end];
    let parts: Vec<&str> = number.split('.').collect();
    let ok = parts.len() == 3
        && parts[0].parse::<u8>().is_ok()
        && !parts[1].is_empty()
        && parts[1]
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        && !parts[2].is_empty()
        && parts[2].bytes().all(|b| b.is_ascii_digit());
    ok.then(|| (number, t[end..].trim()))
}

/// Reads the framework CSV.
pub fn framework(name: &str, bytes: &[u8]) -> Result<Vec<FrameworkIndicator>, BuildError> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out: Vec<FrameworkIndicator> = Vec::new();
    let mut footnotes: HashMap<String, String> = HashMap::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| BuildError::input(name, format!("row {}: {e}", i + 1)))?;
        let col = |k: usize| rec.get(k).unwrap_or("").trim();
        if let Some((number, text)) = split_number(col(2)) {
            let code = col(3);
            if code.is_empty() {
                return Err(BuildError::input(
                    name,
                    format!("row {}: indicator {number} has no UNSD code", i + 1),
                ));
            }
            out.push(FrameworkIndicator {
                number: number.to_string(),
                text: squash(text),
                unsd_code: code.to_string(),
                former_codes: Vec::new(),
            });
        } else if col(2).is_empty() && col(3).is_empty() {
            // Footnotes: `4 The current indicator …`.
            let note = col(1);
            let digits: String = note.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && note[digits.len()..].starts_with(' ') {
                footnotes.insert(digits.clone(), squash(&note[digits.len()..]));
            }
        }
    }
    for ind in &mut out {
        let digits: String = {
            let rev: String = ind
                .text
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            rev.chars().rev().collect()
        };
        let Some(note) = footnotes.get(&digits) else {
            continue;
        };
        let cut = ind.text.len() - digits.len();
        let glued = ind.text[..cut].ends_with(|c: char| c.is_alphabetic() || c == ')');
        if !glued || !note.split_whitespace().any(|w| w == ind.number) {
            continue;
        }
        ind.text.truncate(cut);
        if let Some((_, former)) = note.split_once("previously listed as ") {
            let former = former.trim_end_matches('.').trim();
            if split_number(former).is_some() {
                ind.former_codes.push(former.to_string());
            }
        }
    }
    Ok(out)
}

/// One indicator's row of the tier classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierRow {
    /// The indicator number of 2022, e.g. `17.6.1`.
    pub number: String,
    /// The tier as stated, e.g. `Tier I`.
    pub tier: String,
    /// Custodian agencies.
    pub custodians: Vec<String>,
    /// Partner agencies.
    pub partners: Vec<String>,
}

/// Splits an agency list at commas and semicolons outside parentheses:
/// `UNESCO-UIS, ITU` → two; `Under discussion among agencies (ILO, WHO)` → one.
pub fn agencies(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if (c == ',' || c == ';') && depth == 0 {
            out.push(squash(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    out.push(squash(&cur));
    out.retain(|s| !s.is_empty());
    out
}

/// Reads the tier classification CSV: rows by UNSD code.
pub fn tiers(name: &str, bytes: &[u8]) -> Result<HashMap<String, Vec<TierRow>>, BuildError> {
    let mut r = super::Csv::open(name, bytes)?;
    let col = |h: &str| r.col(h);
    let (code, num, tier, cust, part) = (
        col("indicator_code")?,
        col("indicator_num")?,
        col("updated_tier")?,
        col("cust_agency")?,
        col("partner_agency")?,
    );
    let mut out: HashMap<String, Vec<TierRow>> = HashMap::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec?;
        let get = |k: usize| squash(rec.get(k).unwrap_or(""));
        let row = TierRow {
            number: get(num),
            tier: get(tier),
            custodians: agencies(rec.get(cust).unwrap_or("")),
            partners: agencies(rec.get(part).unwrap_or("")),
        };
        if row.tier.is_empty() {
            return Err(BuildError::input(
                name,
                format!("row {}: indicator {} has no tier", i + 2, row.number),
            ));
        }
        out.entry(get(code)).or_default().push(row);
    }
    Ok(out)
}

/// The snapshot's indicators: the framework's, in its order, each with the
/// tier row of its UNSD code (the one with its number, when the code has
/// several) or, without one, unclassified as of `tier_date`.
pub fn join(
    framework: &[FrameworkIndicator],
    tiers: &HashMap<String, Vec<TierRow>>,
    tier_date: &str,
    sources: (&str, &str),
) -> Vec<RawIndicator> {
    let (framework_source, tier_source) = sources;
    framework
        .iter()
        .map(|f| {
            let rows = tiers.get(&f.unsd_code).map_or(&[][..], Vec::as_slice);
            let row = rows.iter().find(|r| r.number == f.number).or(rows.first());
            let target = f
                .number
                .rsplit_once('.')
                .map_or(String::new(), |(t, _)| t.to_string());
            RawIndicator {
                code: f.number.clone(),
                target,
                name: f.text.clone(),
                unsd_code: Some(f.unsd_code.clone()),
                tier: row.map(|r| r.tier.clone()),
                tier_as_of: Some(tier_date.to_string()),
                custodians: row.map(|r| r.custodians.clone()).unwrap_or_default(),
                partners: row.map(|r| r.partners.clone()).unwrap_or_default(),
                former_codes: f.former_codes.clone(),
                tier_source: Some(tier_source.to_string()),
                source: Some(framework_source.to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAMEWORK: &str = r#",Heading,,
,Goals and targets,Indicators,UNSD Indicator Codes†
,Goal 9. Build resilient infrastructure,,
,"9.c Significantly increase access","9.c.1 Proportion of population covered by a mobile network,
 by technology",C090c01
,"17.6 Enhance cooperation","17.6.1 Fixed broadband subscriptions per 100 inhabitants, by speed4",C170602
,,17.6.2 Something else 2,C170603
,,,
,4 The current indicator 17.6.1 was previously listed as 17.6.2.,,
,2 A footnote about climate.,,
"#;

    #[test]
    fn indicators_numbers_codes_and_footnotes() {
        let f = framework("f.csv", FRAMEWORK.as_bytes()).unwrap();
        let got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|i| (i.number.as_str(), i.text.as_str(), i.unsd_code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "9.c.1",
                    "Proportion of population covered by a mobile network, by technology",
                    "C090c01"
                ),
                (
                    "17.6.1",
                    "Fixed broadband subscriptions per 100 inhabitants, by speed",
                    "C170602"
                ),
                ("17.6.2", "Something else 2", "C170603"),
            ]
        );
        assert_eq!(f[1].former_codes, ["17.6.2"]);
        assert!(f[0].former_codes.is_empty() && f[2].former_codes.is_empty());
    }

    #[test]
    fn agencies_split_outside_parentheses() {
        assert_eq!(agencies("UNESCO-UIS, ITU"), ["UNESCO-UIS", "ITU"]);
        assert_eq!(agencies("UN-Habitat,UNEP"), ["UN-Habitat", "UNEP"]);
        assert_eq!(
            agencies("Under discussion among agencies (ILO, WHO)"),
            ["Under discussion among agencies (ILO, WHO)"]
        );
        assert!(agencies(" ").is_empty());
    }

    #[test]
    fn the_join_prefers_the_row_with_the_same_number() {
        let tiers = tiers(
            "t.csv",
            b"indicator_code,indicator_num,updated_tier,cust_agency,partner_agency\n\
              C200303, 1.5.1,Tier I,UNDRR,\"UN-Habitat, UNEP\"\n\
              C200303, 11.5.1,Tier I,UNDRR,UNEP\n",
        )
        .unwrap();
        let fw = |n: &str, c: &str| FrameworkIndicator {
            number: n.into(),
            text: "x".into(),
            unsd_code: c.into(),
            former_codes: Vec::new(),
        };
        let joined = join(
            &[fw("11.5.1", "C200303"), fw("4.6.1", "C040602")],
            &tiers,
            "2022-11-30",
            ("fw", "tiers"),
        );
        assert_eq!(joined[0].target, "11.5");
        assert_eq!(joined[0].partners, ["UNEP"]);
        assert_eq!(joined[0].tier.as_deref(), Some("Tier I"));
        assert_eq!(joined[1].tier, None, "no row: unclassified");
        assert_eq!(joined[1].tier_as_of.as_deref(), Some("2022-11-30"));
        assert!(joined[1].custodians.is_empty());
    }
}
