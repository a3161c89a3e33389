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
mod rows;

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::entity::EntityRef;
use crate::sanitize::{Lines, sanitize};
use crate::selection::Selection;
use crate::snapshot::Snapshot;
use crate::view::Show;

pub use rows::{
    ActivityRow, CountryRow, IndicatorRow, LinkRow, RecordRow, Row, cells, columns, records, row,
    select,
};

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

impl ExportError {
    /// Whether the reader went away (`sdgmap query … | head`): not an
    /// error for a command writing to a pipe, whichever writer noticed it.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self {
            ExportError::Io(e) => Some(e.kind()),
            ExportError::Json(e) => e.io_error_kind(),
            ExportError::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(e) => Some(e.kind()),
                _ => None,
            },
            _ => None,
        };
        io == Some(std::io::ErrorKind::BrokenPipe)
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

/// Writes `records` (ranked, of kind `show`) in `format`, as [`write()`]
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
                    cross_cutting: i / 2,
                })
            })
            .collect();
        let mut got = Vec::new();
        write(&mut got, Format::Csv, &s, "", Show::Sdgs, &rows).expect("writes");
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(columns(Show::Sdgs)).expect("header");
        for r in &rows {
            w.write_record(cells(r)).expect("row");
        }
        // (these cells need no neutralizing, so serde's rows are the same)
        let want = w.into_inner().expect("flush");
        assert_eq!(got.len(), want.len());
        assert!(got == want, "CSV differs from a single writer's");
    }
}
