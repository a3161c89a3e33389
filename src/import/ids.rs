//! What a mapping file builds from columns: values filled in from a
//! template (`"WSIS Prizes {Year}"`, `{Column}` naming a column of the
//! CSV), and activity ids made from a column's text by an [`IdRule`] —
//! slugged, prefixed, and moved aside (`-2`, `-3`, …) when another row or an
//! activity of another source already has the id, with a warning naming
//! both.

use std::collections::{HashMap, HashSet};

use super::resolve::slug;
use super::table::{CsvRow, Table};
use super::{Field, IdRule, RowProblem, clean};
use crate::snapshot::Severity;
use crate::snapshot::raw::RawSnapshot;

/// The longest id made from a title, before the prefix.
const SLUG_MAX: usize = 60;

/// A template's pieces: text, or the position of a column named `{Column}`.
pub(super) enum Piece {
    Text(String),
    Column(usize),
}

/// Splits `template` into text and the columns it names, or says what is
/// wrong with it (an unclosed `{`, a column the CSV does not have).
pub(super) fn template_pieces(t: &Table, template: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("\"{}\" has a '{{' without its '}}'", clean(template)))?;
        if open > 0 {
            out.push(Piece::Text(rest[..open].to_string()));
        }
        let name = &rest[open + 1..open + close];
        let at = t.header(name).ok_or_else(|| {
            format!(
                "\"{}\" names column \"{}\", which the CSV does not have",
                clean(template),
                clean(name)
            )
        })?;
        out.push(Piece::Column(at));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_string()));
    }
    Ok(out)
}

/// The template filled from `row`; empty when a column it names is empty.
pub(super) fn expand(pieces: &[Piece], row: &CsvRow) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Column(i) => {
                let cell = row.cells.get(*i).map_or("", |c| c.trim());
                if cell.is_empty() {
                    return String::new();
                }
                out.push_str(cell);
            }
        }
    }
    out
}

/// Ids for every row (by row number) made by `rule`, and a warning for each
/// id moved aside because an activity of another source has it.
pub(super) fn make_ids(
    t: &Table,
    rule: &IdRule,
    base: &RawSnapshot,
) -> (HashMap<usize, String>, Vec<RowProblem>) {
    let existing: HashMap<&str, &str> = base
        .activities
        .iter()
        .map(|a| (a.id.as_str(), a.source.as_str()))
        .collect();
    let mut used = HashSet::new();
    let mut ids = HashMap::new();
    let mut warnings = Vec::new();
    for row in &t.rows {
        let text = t.cell(row, rule.from).unwrap_or("").trim();
        let s = slug(text, SLUG_MAX);
        let stem = if s.is_empty() {
            format!("{}row-{}", rule.prefix, row.row)
        } else {
            format!("{}{s}", rule.prefix)
        };
        let source = t.cell(row, Field::Source).unwrap_or("").trim();
        let taken = |id: &str| existing.get(id).is_some_and(|&src| src != source);
        let mut id = stem.clone();
        let mut n = 1;
        while used.contains(&id) || taken(&id) {
            if taken(&id) && !used.contains(&id) {
                warnings.push(RowProblem {
                    severity: Severity::Warning,
                    row: row.row,
                    column: Some(clean(&t.column_name(rule.from))),
                    id: Some(clean(&id)),
                    message: format!(
                        "id \"{}\" belongs to an activity of source \"{}\"; this row's gets the next free one",
                        clean(&id),
                        clean(existing.get(id.as_str()).copied().unwrap_or(""))
                    ),
                });
            }
            n += 1;
            id = format!("{stem}-{n}");
        }
        used.insert(id.clone());
        ids.insert(row.row, id);
    }
    (ids, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::raw::RawActivity;

    fn table(csv: &str) -> Table {
        super::super::table::read("t.csv", csv.as_bytes(), &[], false).expect("csv")
    }

    #[test]
    fn a_template_fills_from_its_columns_or_stays_empty() {
        let t = table("Title,Year\nA,2015\nB,\n");
        let p = template_pieces(&t, "WSIS Prizes {Year} nominees").expect("pieces");
        assert_eq!(expand(&p, &t.rows[0]), "WSIS Prizes 2015 nominees");
        assert_eq!(
            expand(&p, &t.rows[1]),
            "",
            "an empty column empties the value"
        );
        let e = template_pieces(&t, "x {Nope}").err().unwrap_or_default();
        assert!(e.contains("\"Nope\"") && e.contains("does not have"), "{e}");
        let e = template_pieces(&t, "x {Year").err().unwrap_or_default();
        assert!(e.contains("without its"), "{e}");
    }

    #[test]
    fn ids_are_slugged_prefixed_and_moved_aside_from_others_sources() {
        let t = table("Title,Source\nOpen Data Lab,s1\nOpen Data Lab,s1\n,s1\n");
        let mut base = crate::snapshot::parse_raw("b", crate::snapshot::BUNDLED).expect("bundled");
        let mut other: RawActivity = base.activities[0].clone();
        other.id = "p-open-data-lab".into();
        other.source = "other".into();
        base.activities = vec![other];
        let rule = IdRule {
            prefix: "p-".into(),
            from: Field::Title,
        };
        let (ids, warnings) = make_ids(&t, &rule, &base);
        let rows: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        let got: Vec<&str> = rows.iter().map(|r| ids[r].as_str()).collect();
        assert_eq!(got, ["p-open-data-lab-2", "p-open-data-lab-3", "p-row-4"]);
        // each row whose id another source holds is told so
        let warned: Vec<usize> = warnings.iter().map(|w| w.row).collect();
        assert_eq!(warned, [rows[0], rows[1]], "{warnings:?}");
        assert!(warnings.iter().all(|w| w.message.contains("\"other\"")));
    }
}
