//! Turning a view's result into rows and writing them as a table, JSON,
//! CSV or Markdown — shared by `sdgmap query` and `sdgmap export`.
//!
//! Rows are plain serde structs, one per [`Show`] kind, so JSON and CSV come
//! from serde and the `csv` crate rather than hand-written escaping. Text
//! output is sanitized again on the way out (the model is sanitized at load;
//! this keeps the writers safe for any row). JSON and Markdown carry the
//! view string and the snapshot title and date so a reader can reproduce
//! them. [`write_atomic`] puts a file in place all at once or not at all.

mod rows;

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::sanitize::{Lines, sanitize};
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
}

/// Rows per chunk when CSV is formatted in parallel.
const CSV_CHUNK: usize = 4096;

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
                        w.write_record(cells(r))?;
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

/// Writes `path` atomically: a temporary file in the same directory is
/// filled by `fill`, synced, and renamed over `path`.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(hide_temp_name)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| hide_temp_name(e.error))?;
    Ok(())
}

/// The error without the temporary file's name that `tempfile` attaches
/// (`… at path "/dir/.tmpXYZ"`): the user never asked for that file and
/// cannot act on its name; the caller names the file they asked for.
fn hide_temp_name(e: std::io::Error) -> ExportError {
    // tempfile words it `{error} at path "{temporary file}"`.
    let text = e.to_string();
    let plain = match text.rsplit_once(" at path \"") {
        Some((msg, _)) if !msg.contains(".tmp") => std::io::Error::new(e.kind(), msg.to_string()),
        Some(_) => std::io::Error::from(e.kind()),
        None if text.contains(".tmp") => std::io::Error::from(e.kind()),
        None => e,
    };
    ExportError::Io(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let want = w.into_inner().expect("flush");
        assert_eq!(got.len(), want.len());
        assert!(got == want, "CSV differs from a single writer's");
    }
}
