//! Turning a view's result into rows and writing them as a table, JSON,
//! CSV or Markdown — shared by `sdgmap query` and `sdgmap export`.
//!
//! Rows are plain serde structs, one per [`Show`] kind, so JSON and CSV come
//! from serde and the `csv` crate rather than hand-written escaping. Text
//! output is sanitized again on the way out (the model is sanitized at load;
//! this keeps the writers safe for any row). JSON and Markdown carry the
//! view string and the snapshot title and date so a reader can reproduce
//! them. [`write_atomic`] puts a file in place all at once or not at all.
//! [`write_records`] writes straight from the records: JSON without
//! building rows at all (`json.rs`), the other formats through rows.

mod json;

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::entity::EntityRef;
use crate::sanitize::{Lines, sanitize};
use crate::search::{Query, lower_haystack};
use crate::selection::Selection;
use crate::snapshot::{ActivityId, LinkId, Snapshot};
use crate::view::{Show, View, status_name};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned text columns for a terminal.
    Table,
    /// A JSON document with the view, the snapshot and the rows.
    Json,
    /// CSV with a header row.
    Csv,
    /// A Markdown table under a heading naming the view and snapshot.
    Md,
}

/// Errors while writing output.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// CSV encoding failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON encoding failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The temporary file could not replace the target.
    #[error("cannot put the file in place: {0}")]
    Persist(#[from] tempfile::PersistError),
    /// The output was refused or could not be put in place (see [`crate::atomic`]).
    #[error("{0}")]
    Output(#[from] crate::atomic::OutputError),
}

/// One output row: its cells by column name (column order of [`columns`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Row<'a> {
    /// An activity.
    Activity(ActivityRow<'a>),
    /// Any other record: a key, a label and a title.
    Record(RecordRow),
}

/// An activity row; its text borrowed from the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityRow<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Leading organisation.
    pub lead: &'a str,
    /// Sector.
    pub sector: &'a str,
    /// Kind.
    pub kind: &'a str,
    /// Start year.
    pub year: Option<i32>,
    /// Goals served, `;`-joined.
    pub sdgs: String,
    /// Action Lines, `;`-joined.
    pub action_lines: String,
}

/// A goal, target, row or link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRow {
    /// Stable key (`9`, `9.c`, `C2`, `C2/9`).
    pub key: String,
    /// Title, target text, line title or link rationale.
    pub title: String,
    /// Activities in the view that relate to the record.
    pub activities: usize,
    /// Link status (links only).
    pub status: String,
}

/// The column names of rows for `show`.
pub fn columns(show: Show) -> &'static [&'static str] {
    match show {
        Show::Activities => &[
            "id",
            "title",
            "lead",
            "sector",
            "kind",
            "year",
            "sdgs",
            "action_lines",
        ],
        _ => &["key", "title", "activities", "status"],
    }
}

/// The records of kind `show` in `sel`, ranked by the view's free text
/// (score descending, ties by key) or, without text, in snapshot order.
pub fn records(s: &Snapshot, v: &View, sel: &Selection, show: Show) -> Vec<EntityRef> {
    let ids: Vec<EntityRef> = match show {
        Show::Activities => (0..s.activities().len() as u32)
            .map(ActivityId)
            .filter(|&a| sel.activity(a))
            .map(EntityRef::Activity)
            .collect(),
        Show::Sdgs => s
            .sdgs()
            .iter()
            .map(|g| g.number)
            .filter(|&n| sel.sdg(n))
            .map(EntityRef::Sdg)
            .collect(),
        Show::Targets => s
            .sdgs()
            .iter()
            .flat_map(|g| g.targets.iter().copied())
            .filter(|&t| sel.target(t))
            .map(EntityRef::Target)
            .collect(),
        Show::Rows => s
            .rows()
            .iter()
            .copied()
            .filter(|&l| sel.line(l))
            .map(EntityRef::Line)
            .collect(),
        Show::Links => (0..s.links().len() as u32)
            .map(LinkId)
            .filter(|&k| sel.link(k))
            .map(EntityRef::Link)
            .collect(),
    };
    let q = Query::from_terms(&v.text);
    if q.is_empty() {
        return ids;
    }
    let mut buf = String::new();
    let mut scored: Vec<(i64, String, EntityRef)> = ids
        .into_iter()
        .map(|e| {
            buf.clear();
            lower_haystack(s, e, &mut buf);
            (q.score(&buf), e.key(s), e)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

/// A view applied to `s` and its records of kind `show` ranked, as
/// [`crate::view::apply`] then [`records`] would, but in one pass over the
/// activities: each haystack is built once, to test and to score it.
pub fn select(s: &Snapshot, v: &View, show: Show) -> (Selection, Vec<EntityRef>) {
    if show != Show::Activities {
        // activity scores would rank nothing
        let sel = crate::view::apply(s, v);
        let ids = records(s, v, &sel, show);
        return (sel, ids);
    }
    let (sel, scores) = crate::view::apply_scored(s, v);
    let (Show::Activities, Some(scores)) = (show, scores) else {
        let ids = records(s, v, &sel, show);
        return (sel, ids);
    };
    let mut ranked = scores.hits;
    // Score descending, ties by key (an activity's key is its unique id).
    // Activities are usually stored in id order: then the ties are already
    // in order and a stable sort on the score alone is enough.
    if scores.ids_ascending {
        ranked.sort_by_key(|&(sc, _)| std::cmp::Reverse(sc));
    } else {
        let acts = s.activities();
        let id = |i: u32| acts.get(i as usize).map_or("", |a| a.id());
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| id(a.1).cmp(id(b.1))));
    }
    let ids = ranked
        .into_iter()
        .map(|(_, i)| EntityRef::Activity(ActivityId(i)))
        .collect();
    (sel, ids)
}

/// The output row of a record.
pub fn row<'a>(s: &'a Snapshot, sel: &Selection, e: EntityRef) -> Row<'a> {
    match e {
        EntityRef::Activity(a) => {
            let a = s.activity(a);
            let mut sdgs = String::new();
            for n in a.sdgs() {
                if !sdgs.is_empty() {
                    sdgs.push(';');
                }
                let _ = write!(sdgs, "{n}"); // writing to a String cannot fail
            }
            let mut action_lines = String::new();
            for &l in a.action_lines() {
                if !action_lines.is_empty() {
                    action_lines.push(';');
                }
                action_lines.push_str(&s.line(l).id);
            }
            Row::Activity(ActivityRow {
                id: a.id(),
                title: a.title(),
                lead: a.lead().unwrap_or_default(),
                sector: a.sector().unwrap_or_default(),
                kind: a.kind().unwrap_or_default(),
                year: a.year(),
                sdgs,
                action_lines,
            })
        }
        _ => {
            let acts = crate::related::related(s, e)
                .into_iter()
                .filter(|g| g.kind == crate::entity::Kind::Activity)
                .flat_map(|g| g.items)
                .filter(|x| matches!(x, EntityRef::Activity(a) if sel.activity(*a)))
                .count();
            let status = match e {
                EntityRef::Link(k) => status_name(s.link(k).status).to_string(),
                _ => String::new(),
            };
            let title = match e {
                EntityRef::Sdg(n) => s
                    .sdg(n)
                    .map(|g| g.title.clone())
                    .unwrap_or_default()
                    .to_owned(),
                _ => e.title(s),
            };
            Row::Record(RecordRow {
                key: e.key(s),
                title,
                activities: acts,
                status,
            })
        }
    }
}

fn cells(r: &Row<'_>) -> Vec<String> {
    match r {
        Row::Activity(a) => vec![
            a.id.to_owned(),
            a.title.to_owned(),
            a.lead.to_owned(),
            a.sector.to_owned(),
            a.kind.to_owned(),
            a.year.map(|y| y.to_string()).unwrap_or_default().to_owned(),
            a.sdgs.clone(),
            a.action_lines.clone(),
        ],
        Row::Record(r) => vec![
            r.key.clone(),
            r.title.clone(),
            r.activities.to_string(),
            r.status.clone(),
        ],
    }
}

/// A CSV cell a spreadsheet will not run: one that starts (after any
/// white space) with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, which spreadsheets read as "text", unless it is a plain
/// number (`-3`, `+4.5`), which no spreadsheet runs (the OWASP rule for
/// CSV injection).
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let lead = cell.trim_start_matches([' ', '\u{a0}']);
    let formula = lead.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `-3`, `+4.5`, `12`: an optional sign, digits, an optional decimal part.
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Rows per chunk when CSV is formatted in parallel.
const CSV_CHUNK: usize = 4096;

/// Writes `records` (ranked, of kind `show`) in `format`, as [`write`]
/// writes their [`row`]s; JSON is formatted from the snapshot directly, on
/// every core, without building rows.
pub fn write_records(
    out: &mut dyn Write,
    format: Format,
    s: &Snapshot,
    sel: &Selection,
    view: &str,
    show: Show,
    records: &[EntityRef],
) -> Result<(), ExportError> {
    if format == Format::Json {
        return json::write(out, s, sel, view, show, records);
    }
    let rows = crate::par::map(records, 4096, |_, part| {
        part.iter().map(|&e| row(s, sel, e)).collect()
    });
    write(out, format, s, view, show, &rows)
}

/// Writes `rows` in `format`; `view` is the canonical view text.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    s: &Snapshot,
    view: &str,
    show: Show,
    rows: &[Row<'_>],
) -> Result<(), ExportError> {
    let cols = columns(show);
    let clean = |x: &str| sanitize(x, Lines::Single).into_owned();
    match format {
        Format::Json => {
            #[derive(Serialize)]
            struct Doc<'a> {
                view: &'a str,
                snapshot: Snap<'a>,
                show: &'a str,
                count: usize,
                rows: &'a [Row<'a>],
            }
            #[derive(Serialize)]
            struct Snap<'a> {
                title: &'a str,
                date: &'a str,
            }
            let doc = Doc {
                view,
                snapshot: Snap {
                    title: &s.meta().title,
                    date: &s.meta().snapshot_date,
                },
                show: show.name(),
                count: rows.len(),
                rows,
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            w.write_record(cols)?;
            w.flush()?;
            drop(w);
            // Large results are formatted in parallel chunks and written in
            // order, a bounded group of chunks at a time.
            for group in rows.chunks(CSV_CHUNK * 16) {
                let parts = crate::par::chunks(group, CSV_CHUNK, |_, part| {
                    let mut w = csv::WriterBuilder::new()
                        .has_headers(false)
                        .from_writer(Vec::new());
                    for r in part {
                        for c in cells(r) {
                            w.write_field(csv_cell(&c).as_bytes())?;
                        }
                        w.write_record(None::<&[u8]>)?;
                    }
                    w.into_inner().map_err(|e| ExportError::Io(e.into_error()))
                });
                for part in parts {
                    out.write_all(&part?)?;
                }
            }
        }
        Format::Md => {
            let md = |x: &str| clean(x).replace('|', "\\|");
            writeln!(out, "# {}\n", md(&s.meta().title))?;
            writeln!(out, "- View: `{}`", view.replace('`', "'"))?;
            writeln!(
                out,
                "- Snapshot: {} ({})",
                md(&s.meta().title),
                md(&s.meta().snapshot_date)
            )?;
            writeln!(out, "- {} {}\n", rows.len(), show.name())?;
            writeln!(out, "| {} |", cols.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(cols.len()))?;
            for r in rows {
                let c: Vec<String> = cells(r).iter().map(|x| md(x)).collect();
                writeln!(out, "| {} |", c.join(" | "))?;
            }
        }
        Format::Table => {
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| cells(r).iter().map(|x| clean(x)).collect())
                .collect();
            let mut width: Vec<usize> = cols.iter().map(|c| c.chars().count()).collect();
            for r in &body {
                for (w, c) in width.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count().min(60));
                }
            }
            let line = |cells: Vec<String>| {
                let mut parts: Vec<String> = cells
                    .into_iter()
                    .zip(&width)
                    .map(|(c, &w)| {
                        let c: String = if c.chars().count() > 60 {
                            c.chars().take(59).chain(['…']).collect()
                        } else {
                            c
                        };
                        format!("{c:<w$}")
                    })
                    .collect();
                if let Some(last) = parts.last_mut() {
                    *last = last.trim_end().to_string();
                }
                parts.join("  ")
            };
            writeln!(
                out,
                "{}",
                line(cols.iter().map(|c| c.to_uppercase()).collect())
            )?;
            for r in body {
                writeln!(out, "{}", line(r))?;
            }
        }
    }
    Ok(())
}

/// Writes `path` atomically through [`crate::atomic`]: a temporary file in
/// the same directory is filled by `fill`, synced, and renamed over `path`;
/// a path that is not a regular file, or is read-only, is refused.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    crate::atomic::write(path, &[], fill)
}

/// [`write_atomic`], refusing a `path` that is one of the command's `inputs`.
pub fn write_atomic_unless_input(
    path: &Path,
    inputs: &[&Path],
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    crate::atomic::write(path, inputs, fill)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized_and_numbers_kept() {
        for (cell, out) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            (" =1", "' =1"),
            ("\tx", "'\tx"),
            ("-3", "-3"),
            ("+4.5", "+4.5"),
            ("2017", "2017"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn csv_of_many_rows_is_the_same_as_one_writer_makes() {
        // More rows than one group of chunks, so the parallel path, the
        // chunk boundaries and the group boundaries are all crossed.
        let s = crate::snapshot::load_bundled().expect("bundled loads");
        let rows: Vec<Row<'_>> = (0..CSV_CHUNK * 16 + 5000)
            .map(|i| {
                Row::Record(RecordRow {
                    key: format!("k{i}"),
                    title: format!("title, \"quoted\" {i}\nline"),
                    activities: i,
                    status: String::new(),
                })
            })
            .collect();
        let mut got = Vec::new();
        write(&mut got, Format::Csv, &s, "", Show::Links, &rows).expect("writes");
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(columns(Show::Links)).expect("header");
        for r in &rows {
            w.serialize(r).expect("row");
        }
        // (these cells need no neutralizing, so serde's rows are the same)
        let want = w.into_inner().expect("flush");
        assert_eq!(got.len(), want.len());
        assert!(got == want, "CSV differs from a single writer's");
    }
}
