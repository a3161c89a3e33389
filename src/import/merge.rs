//! Turning CSV rows into activities, merging them into the snapshot and
//! validating the result, with every problem traced back to a row.
//!
//! Cell syntax (a year that is not a number, a goal that is not a number)
//! is checked here, because a typed `RawActivity` cannot hold it. Every
//! other rule — ids, unknown goals, targets, Action Lines and sources — is
//! left to [`crate::snapshot::build`], the same validation a snapshot file
//! gets; its problems name `activities[i].field`, and `i` leads back to the
//! row. A cell that says what the snapshot already says (same text once
//! sanitized, same list, same goals once targets' goals are added) keeps the
//! snapshot's value, so an exported CSV imports back unchanged.

use std::collections::HashMap;

use super::ids::{Piece, expand, make_ids, template_pieces};
use super::resolve::{CountryResolver, action_line};
use super::table::{self, CsvRow, Table};
use super::{Field, ImportError, Imported, Options, Report, RowProblem, blank, clean};
use crate::sanitize::{Lines, sanitize};
use crate::snapshot::raw::{RawActionLine, RawActivity, RawSnapshot};
use crate::snapshot::{Problem, Severity, build, target_goal};

/// What reading a row needs besides the row: names to resolve with.
struct Ctx<'a> {
    countries: CountryResolver,
    lines: &'a [RawActionLine],
}

/// The columns of suggestions `sdgmap export` writes, left out of the
/// import without being reported as unknown.
const SUGGESTED_COLUMNS: [&str; 3] = [
    "suggested_sdgs",
    "suggested_targets",
    "suggested_action_lines",
];

/// Merges the activities of the CSV `bytes` (named `file` in messages) into
/// `base` and validates the result. Nothing is written here.
pub fn import(
    base: &RawSnapshot,
    file: &str,
    bytes: &[u8],
    opts: &Options,
) -> Result<Imported, ImportError> {
    let file = clean(file);
    let mut base = base.clone();
    let mut sources_added = Vec::new();
    for src in &opts.sources {
        if !base.meta.sources.iter().any(|x| x.id == src.id) {
            base.meta.sources.push(src.clone());
            sources_added.push(src.id.clone());
        }
    }
    for (alias, code) in &opts.country_aliases {
        if !base.countries.iter().any(|c| &c.code == code) {
            return Err(ImportError::Mapping {
                file: file.clone(),
                message: format!(
                    "the alias \"{}\" names country \"{}\", which is not in the snapshot's countries",
                    clean(alias),
                    clean(code)
                ),
            });
        }
    }
    let base = &base;
    let mut t = table::read(&file, bytes, opts.map.pairs(), opts.ids.is_none())?;
    let mut template_columns = Vec::new();
    for (field, template) in &opts.values {
        let pieces = template_pieces(&t, template).map_err(|message| ImportError::Mapping {
            file: file.clone(),
            message: format!("value of {}: {message}", field.name()),
        })?;
        template_columns.extend(pieces.iter().filter_map(|p| match p {
            Piece::Column(i) => Some(*i),
            Piece::Text(_) => None,
        }));
        t.add_column(*field, "<mapping>".into(), |row| expand(&pieces, row));
    }
    let mut made_id_warnings = Vec::new();
    if let Some(rule) = &opts.ids
        && !t.columns.iter().any(|(f, _)| *f == Field::Id)
    {
        let (ids, warnings) = make_ids(&t, rule, base);
        made_id_warnings = warnings;
        t.add_column(Field::Id, "<made id>".into(), |row| {
            ids.get(&row.row).cloned().unwrap_or_default()
        });
    }
    let ctx = Ctx {
        countries: CountryResolver::new(&base.countries, &opts.country_aliases),
        lines: &base.action_lines,
    };
    let mut row_warnings: Vec<RowProblem> = made_id_warnings;
    let mut headings: Vec<(String, String)> = Vec::new();
    let mut report = Report {
        ignored_columns: (0..t.headers.len())
            .filter(|i| !t.columns.iter().any(|(_, j)| j == i) && !template_columns.contains(i))
            // export's columns of suggestions are not stated links: never
            // imported (`--suggest` makes suggestions), and no surprise
            .filter(|&i| !SUGGESTED_COLUMNS.contains(&table::normalize(&t.headers[i]).as_str()))
            .map(|i| clean(&t.headers[i]))
            .collect(),
        ..Report::default()
    };
    let existing: HashMap<&str, usize> = base
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut problems = Vec::new();
    let mut parsed: Vec<(&CsvRow, RawActivity)> = Vec::new();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for row in &t.rows {
        let id = t.cell(row, Field::Id).unwrap_or("").trim().to_string();
        if let Some(&earlier) = first_row.get(&id) {
            problems.push(problem(
                &t,
                row,
                Some(Field::Id),
                &id,
                format!("repeats row {earlier}"),
            ));
            continue;
        }
        first_row.insert(id.clone(), row.row);
        let old = existing.get(id.as_str()).map(|&i| &base.activities[i]);
        match activity(&t, row, &id, old, &ctx) {
            Ok(read) => {
                row_warnings.extend(read.warnings);
                for h in read.headings {
                    if !headings.contains(&h) {
                        headings.push(h);
                    }
                }
                parsed.push((row, read.activity));
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    loop {
        let mut merged = base.clone();
        let mut row_of: HashMap<usize, (&CsvRow, String)> = HashMap::new();
        for (row, a) in &parsed {
            let i = match existing.get(a.id.as_str()) {
                Some(&i) => i,
                None => merged.activities.len(),
            };
            row_of.insert(i, (*row, a.id.clone()));
            if i == merged.activities.len() {
                merged.activities.push(a.clone());
            } else {
                merged.activities[i] = a.clone();
            }
        }
        let (result, found) = match build(merged.clone()) {
            Ok(s) => {
                let w = s.warnings().to_vec();
                (Ok(s), w)
            }
            Err(p) => (Err(()), p),
        };
        let mut bad_rows = Vec::new();
        let mut unmapped = Vec::new();
        let mut warnings = Vec::new();
        for p in found {
            match locate(&t, &row_of, &p) {
                Some(rp) if rp.severity == Severity::Error => {
                    bad_rows.push(rp.row);
                    problems.push(rp);
                }
                Some(rp) => warnings.push(rp),
                None if p.severity == Severity::Error => unmapped.push(p),
                None => {}
            }
        }
        if !unmapped.is_empty() {
            return Err(ImportError::Merged(unmapped));
        }
        let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
        if has_errors && !opts.skip_invalid {
            problems.sort_by_key(|p| p.row);
            return Err(ImportError::InvalidRows { file, problems });
        }
        let snapshot = match result {
            Ok(snapshot) => snapshot,
            Err(()) if bad_rows.is_empty() => {
                let p = Problem::error("(document)", "the merged snapshot does not validate");
                return Err(ImportError::Merged(vec![p]));
            }
            Err(()) => {
                // skip_invalid: leave out the rows validation refused and try again.
                parsed.retain(|(row, _)| !bad_rows.contains(&row.row));
                continue;
            }
        };
        for (_, a) in &parsed {
            let list = match existing.get(a.id.as_str()) {
                None => &mut report.added,
                Some(&i) if base.activities[i] == *a => &mut report.unchanged,
                Some(_) => &mut report.updated,
            };
            list.push(a.id.clone());
        }
        problems.sort_by_key(|p| p.row);
        report.skipped = problems;
        let kept = |w: &RowProblem| parsed.iter().any(|(row, _)| row.row == w.row);
        warnings.extend(row_warnings.iter().filter(|w| kept(w)).cloned());
        warnings.sort_by_key(|p| p.row);
        report.warnings = warnings;
        report.headings = headings;
        report.sources_added = sources_added;
        return Ok(Imported {
            raw: merged,
            snapshot,
            report,
        });
    }
}

fn problem(t: &Table, row: &CsvRow, field: Option<Field>, id: &str, message: String) -> RowProblem {
    RowProblem {
        severity: Severity::Error,
        row: row.row,
        column: field.map(|f| clean(&t.column_name(f))),
        id: (!id.is_empty()).then(|| clean(id)),
        message,
    }
}

/// Maps a validation problem at `activities[i]…` back to its row and column.
fn locate(
    t: &Table,
    row_of: &HashMap<usize, (&CsvRow, String)>,
    p: &Problem,
) -> Option<RowProblem> {
    let rest = p.path.strip_prefix("activities[")?;
    let (i, rest) = rest.split_once(']')?;
    let (row, id) = row_of.get(&i.parse::<usize>().ok()?)?;
    let name = rest.strip_prefix('.').unwrap_or(rest);
    let name = name.split(['.', '[']).next().unwrap_or("");
    Some(RowProblem {
        severity: p.severity,
        row: row.row,
        column: Field::from_name(name).map(|f| clean(&t.column_name(f))),
        id: Some(clean(id)),
        message: p.message.clone(),
    })
}

/// Keeps `old` when it reads the same as `new` once sanitized and trimmed.
fn text(old: &str, new: &str, lines: Lines) -> String {
    if sanitize(old, lines).trim() == new {
        old.to_string()
    } else {
        new.to_string()
    }
}

fn opt_text(old: &Option<String>, new: &str) -> Option<String> {
    if new.is_empty() {
        return None;
    }
    Some(text(old.as_deref().unwrap_or(""), new, Lines::Single))
}

/// A cell without its surrounding white space — unless dropping the
/// leading white space would turn text into a formula (` =1`): a
/// spreadsheet shows that cell as text, and so it arrives.
fn faithful(cell: &str) -> &str {
    let trimmed = cell.trim();
    if trimmed.len() < cell.trim_end().len() && trimmed.starts_with(['=', '+', '-', '@']) {
        cell.trim_end()
    } else {
        trimmed
    }
}

fn list(old: &[String], cell: &str) -> Vec<String> {
    let new: Vec<String> = cell
        .split(';')
        .map(faithful)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let same = old.len() == new.len()
        && old
            .iter()
            .zip(&new)
            .all(|(o, n)| sanitize(o, Lines::Single).trim() == n);
    if same { old.to_vec() } else { new }
}

/// The goals an activity serves: those listed plus its targets' goals.
fn goals(sdgs: &[u8], targets: &[String]) -> Vec<u8> {
    let mut g: Vec<u8> = sdgs.to_vec();
    g.extend(targets.iter().filter_map(|t| target_goal(t)));
    g.sort_unstable();
    g.dedup();
    g
}

/// What a row reads as: the activity, and what reading it found worth saying.
struct Read {
    activity: RawActivity,
    /// Country names that name no country (left out), text that looks
    /// mis-encoded.
    warnings: Vec<RowProblem>,
    /// Headings read as Action Lines: (heading, id).
    headings: Vec<(String, String)>,
}

/// The activity a row describes: `old` updated with the row's columns, or a
/// new record when the id is new.
fn activity(
    t: &Table,
    row: &CsvRow,
    id: &str,
    old: Option<&RawActivity>,
    ctx: &Ctx<'_>,
) -> Result<Read, Vec<RowProblem>> {
    let mut warnings = Vec::new();
    let mut headings = Vec::new();
    let mut errs = Vec::new();
    let mut err = |f: Field, m: String| errs.push(problem(t, row, Some(f), id, m));
    if id.is_empty() {
        err(Field::Id, "the id is empty; every row needs one".into());
    }
    let mut a = old.cloned().unwrap_or_else(|| blank(id));
    let cell = |f: Field| t.cell(row, f).map(faithful);
    if let Some(c) = cell(Field::Title) {
        a.title = text(&a.title, c, Lines::Single);
    }
    if let Some(c) = cell(Field::Summary) {
        a.summary = text(&a.summary, c, Lines::Multi);
    }
    if let Some(c) = cell(Field::Lead) {
        a.lead = opt_text(&a.lead, c);
    }
    if let Some(c) = cell(Field::Partners) {
        a.partners = list(&a.partners, c);
    }
    if let Some(c) = cell(Field::Sector) {
        a.sector = opt_text(&a.sector, c);
    }
    if let Some(c) = cell(Field::Kind) {
        a.kind = opt_text(&a.kind, c);
    }
    if let Some(c) = cell(Field::Year) {
        a.year = match c {
            "" => None,
            c => match c.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    let m = format!(
                        "expected a whole number (a year such as 2017), found \"{}\"",
                        clean(c)
                    );
                    err(Field::Year, m);
                    None
                }
            },
        };
    }
    let old_targets = a.targets.clone();
    if let Some(c) = cell(Field::Targets) {
        a.targets = list(&a.targets, c);
    }
    if let Some(c) = cell(Field::Sdgs) {
        let mut sdgs = Vec::new();
        for part in c.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let n = part.strip_prefix("SDG").unwrap_or(part).trim();
            match n.parse::<u8>() {
                Ok(n) => sdgs.push(n),
                Err(_) => err(
                    Field::Sdgs,
                    format!(
                        "expected goal numbers 1–17 separated by ';', found \"{}\"",
                        clean(part)
                    ),
                ),
            }
        }
        if goals(&sdgs, &a.targets) != goals(&a.sdgs, &old_targets) {
            a.sdgs = sdgs;
        }
    }
    if let Some(c) = cell(Field::ActionLines) {
        let mut ids = Vec::new();
        for part in c.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match action_line(part, ctx.lines) {
                Some(line) => {
                    if line != part {
                        headings.push((part.to_string(), line.clone()));
                    }
                    ids.push(line);
                }
                // Left as written: validation names it with its row.
                None => ids.push(part.to_string()),
            }
        }
        a.action_lines = list(&a.action_lines, &ids.join(";"));
    }
    if let Some(c) = cell(Field::Countries) {
        let found = ctx.countries.cell(c);
        for part in &found.unresolved {
            warnings.push(RowProblem {
                severity: Severity::Warning,
                row: row.row,
                column: Some(clean(&t.column_name(Field::Countries))),
                id: (!id.is_empty()).then(|| clean(id)),
                message: format!(
                    "\"{}\" names no country the snapshot knows; left out",
                    clean(part)
                ),
            });
        }
        a.countries = list(&a.countries, &found.codes.join(";"));
    }
    for f in [
        Field::Title,
        Field::Summary,
        Field::Lead,
        Field::Partners,
        Field::Sector,
        Field::Note,
    ] {
        if let Some(g) = cell(f).and_then(super::encoding::mojibake) {
            warnings.push(RowProblem {
                severity: Severity::Warning,
                row: row.row,
                column: Some(clean(&t.column_name(f))),
                id: (!id.is_empty()).then(|| clean(id)),
                message: g.message(),
            });
        }
    }
    if let Some(c) = cell(Field::Source) {
        a.source = text(&a.source, c, Lines::Single);
    }
    if let Some(c) = cell(Field::Url) {
        a.url = opt_text(&a.url, c);
    }
    if let Some(c) = cell(Field::Note) {
        a.note = match c {
            "" => None,
            c => Some(text(a.note.as_deref().unwrap_or(""), c, Lines::Multi)),
        };
    }
    if old.is_none() {
        for f in [Field::Title, Field::Source] {
            if cell(f).is_none() {
                err(
                    f,
                    format!(
                        "a new activity needs a {}, and the CSV has no {} column",
                        f.name(),
                        f.name()
                    ),
                );
            } else if cell(f) == Some("") {
                err(
                    f,
                    format!("a new activity needs a {}; the cell is empty", f.name()),
                );
            }
        }
    }
    if errs.is_empty() {
        Ok(Read {
            activity: a,
            warnings,
            headings,
        })
    } else {
        Err(errs)
    }
}
