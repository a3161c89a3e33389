//! Bringing activities in from a spreadsheet (CSV) into a snapshot.
//!
//! A CSV row becomes a [`RawActivity`]: a new one when its id is not in the
//! snapshot, an update of the existing one when it is. An update changes
//! only the columns the CSV has, so a narrow CSV (say, `id,year`) fixes one
//! field without blanking the others, and a CSV written by `sdgmap export`
//! imports back to the very same snapshot. Rows are validated exactly as a
//! snapshot file is, by building the merged snapshot with
//! [`crate::snapshot::build`] and mapping each problem's JSON path
//! (`activities[61].sdgs[0]`) back to a spreadsheet row and column. The
//! result is all or nothing: every row valid, or (with `skip_invalid`) the
//! invalid ones reported and left out. [`write_snapshot`] validates the
//! bytes once more and puts the file in place atomically.

pub mod encoding;
mod ids;
pub mod mapping;
mod merge;
pub mod resolve;
mod suggest;
mod table;

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::snapshot::raw::{RawActivity, RawSnapshot, RawSource};
use crate::snapshot::{LoadError, Problem, Severity, Snapshot};

pub use merge::import;
pub use suggest::activity_text;

/// A snapshot field an activities CSV can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// `id` (required column).
    Id,
    /// `title`.
    Title,
    /// `summary`.
    Summary,
    /// `lead`.
    Lead,
    /// `partners` (`;`-separated).
    Partners,
    /// `sector`.
    Sector,
    /// `kind`.
    Kind,
    /// `year`.
    Year,
    /// `sdgs` (`;`-separated goal numbers).
    Sdgs,
    /// `targets` (`;`-separated target codes).
    Targets,
    /// `action_lines` (`;`-separated ids or category headings; the header may say `action lines`).
    ActionLines,
    /// `countries` (codes or names, `;`- or `,`-separated).
    Countries,
    /// `source`.
    Source,
    /// `url`.
    Url,
    /// `note`.
    Note,
}

impl Field {
    /// Every field, in snapshot order.
    pub const ALL: &'static [Field] = &[
        Field::Id,
        Field::Title,
        Field::Summary,
        Field::Lead,
        Field::Partners,
        Field::Sector,
        Field::Kind,
        Field::Year,
        Field::Sdgs,
        Field::Targets,
        Field::ActionLines,
        Field::Countries,
        Field::Source,
        Field::Url,
        Field::Note,
    ];

    /// The field's name in a snapshot file and the default CSV header.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Lead => "lead",
            Field::Partners => "partners",
            Field::Sector => "sector",
            Field::Kind => "kind",
            Field::Year => "year",
            Field::Sdgs => "sdgs",
            Field::Targets => "targets",
            Field::ActionLines => "action_lines",
            Field::Countries => "countries",
            Field::Source => "source",
            Field::Url => "url",
            Field::Note => "note",
        }
    }

    /// The field called `name` (as in [`Field::name`]; case, spaces and hyphens aside).
    pub fn from_name(name: &str) -> Option<Field> {
        let n = table::normalize(name);
        Field::ALL.iter().copied().find(|f| f.name() == n)
    }
}

/// Column names that differ from the field names, from `--map title=Project,lead=Organization`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(Vec<(Field, String)>);

impl ColumnMap {
    /// Parses `field=Header` pairs separated by commas.
    pub fn parse(spec: &str) -> Result<ColumnMap, ImportError> {
        let mut out: Vec<(Field, String)> = Vec::new();
        for pair in spec.split(',').filter(|p| !p.trim().is_empty()) {
            let bad = |m: String| ImportError::Map(m);
            let (field, header) = pair
                .split_once('=')
                .ok_or_else(|| bad(format!("\"{}\" is not field=Column", clean(pair.trim()))))?;
            let f = Field::from_name(field).ok_or_else(|| {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                bad(format!(
                    "unknown field \"{}\"; fields are {}",
                    clean(field.trim()),
                    names.join(", ")
                ))
            })?;
            if header.trim().is_empty() {
                return Err(bad(format!("no column name for {}", f.name())));
            }
            if out.iter().any(|(g, _)| *g == f) {
                return Err(bad(format!("{} is mapped twice", f.name())));
            }
            out.push((f, header.trim().to_string()));
        }
        Ok(ColumnMap(out))
    }

    /// The (field, column header) pairs.
    pub fn pairs(&self) -> &[(Field, String)] {
        &self.0
    }

    /// A map from (field, column header) pairs, as a mapping file gives them.
    pub fn from_pairs(pairs: Vec<(Field, String)>) -> ColumnMap {
        ColumnMap(pairs)
    }
}

/// How an import runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Column names that differ from the field names.
    pub map: ColumnMap,
    /// Leave invalid rows out (and report them) instead of refusing the import.
    pub skip_invalid: bool,
    /// Fields every row takes from a template rather than a column:
    /// `{Column}` stands for the row's cell in that column, and a template
    /// naming an empty cell gives an empty value.
    pub values: Vec<(Field, String)>,
    /// How to make ids when the CSV has no id column.
    pub ids: Option<IdRule>,
    /// Country names beyond those the snapshot gives: (alias, ISO alpha-3 code).
    pub country_aliases: Vec<(String, String)>,
    /// Sources the rows cite, added to the snapshot when it lacks them.
    pub sources: Vec<RawSource>,
    /// The files these options were read from (a mapping file and the
    /// alias file it names): inputs that the import's output must never
    /// replace.
    pub files: Vec<std::path::PathBuf>,
}

/// Ids made from a field: `prefix` + the field's text as a slug
/// ([`resolve::slug`]), `-2`, `-3` … when two rows would share one or when
/// an activity of another source has it already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdRule {
    /// Put before every id, e.g. `wsis-prizes-2015-`.
    pub prefix: String,
    /// The field whose text makes the id, e.g. `title`.
    pub from: Field,
}

/// A problem with one CSV row, by spreadsheet row number and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// Error or warning.
    pub severity: Severity,
    /// Spreadsheet row number: the header is row 1, the first record row 2.
    pub row: usize,
    /// The column as the CSV names it, when the problem is in one cell.
    pub column: Option<String>,
    /// The activity id of the row, when it has one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: row {}", self.row)?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What an import did, activity ids in CSV order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Activities that were not in the snapshot.
    pub added: Vec<String>,
    /// Existing activities whose fields changed.
    pub updated: Vec<String>,
    /// Existing activities the CSV left as they were.
    pub unchanged: Vec<String>,
    /// Problems of the rows left out (with `skip_invalid`).
    pub skipped: Vec<RowProblem>,
    /// Warnings about imported rows (e.g. a target whose goal is not listed).
    pub warnings: Vec<RowProblem>,
    /// CSV columns that match no field and were ignored.
    pub ignored_columns: Vec<String>,
    /// Each distinct heading read as an Action Line, with the line: (heading, id).
    pub headings: Vec<(String, String)>,
    /// Sources added to the snapshot.
    pub sources_added: Vec<String>,
}

/// The merged snapshot, validated, and what the import did.
#[derive(Debug)]
pub struct Imported {
    /// The merged snapshot as it will be written.
    pub raw: RawSnapshot,
    /// The same, validated and indexed.
    pub snapshot: Snapshot,
    /// What was added, updated, skipped.
    pub report: Report,
}

/// Why an import failed. Nothing is written in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The CSV could not be read.
    #[error("{file}: cannot read the CSV: {source}")]
    Io {
        /// The CSV.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The CSV has no header row.
    #[error("{file}: the CSV is empty; expected a header row (id,title,…)")]
    Empty {
        /// The CSV.
        file: String,
    },
    /// A cell is not UTF-8.
    #[error(
        "{file}: row {row}, column {column}: not valid UTF-8 (after byte {byte} of the cell); save the CSV as UTF-8"
    )]
    NotUtf8 {
        /// The CSV.
        file: String,
        /// Spreadsheet row number.
        row: usize,
        /// The column header (or `#n`).
        column: String,
        /// Valid bytes of the cell before the bad one.
        byte: usize,
    },
    /// Quotes do not pair up.
    #[error("{file}: row {row}: quoting error {message}")]
    Quoting {
        /// The CSV.
        file: String,
        /// Spreadsheet row number.
        row: usize,
        /// Where and what.
        message: String,
    },
    /// A row has more cells than the header.
    #[error("{file}: row {row}: {message}")]
    Shape {
        /// The CSV.
        file: String,
        /// Spreadsheet row number.
        row: usize,
        /// What is wrong.
        message: String,
    },
    /// A required column is missing.
    #[error("{file}: missing column \"{column}\" (the header has: {found})")]
    MissingColumn {
        /// The CSV.
        file: String,
        /// The missing column.
        column: String,
        /// The header as found.
        found: String,
    },
    /// The header is ambiguous or does not match `--map`.
    #[error("{file}: header: {message}")]
    Header {
        /// The CSV.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// `--map` is malformed.
    #[error("--map: {0}")]
    Map(String),
    /// A mapping file is malformed or does not fit the snapshot.
    #[error("{file}: mapping: {message}")]
    Mapping {
        /// The mapping file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Some rows are invalid.
    #[error("{file}: {} invalid row{}; nothing was written:\n{}", count_rows(.problems), if count_rows(.problems) == 1 { "" } else { "s" }, crate::report::Indented(.problems))]
    InvalidRows {
        /// The CSV.
        file: String,
        /// Every problem, by row.
        problems: Vec<RowProblem>,
    },
    /// The snapshot to import into does not load.
    #[error("the snapshot to import into does not load: {0}")]
    Base(#[source] LoadError),
    /// The merged snapshot is invalid for a reason no row explains.
    #[error("the merged snapshot is invalid:\n{}", crate::report::Indented(.0))]
    Merged(Vec<Problem>),
    /// The output file was refused (an input, not a regular file, read-only).
    #[error("{0}")]
    Refused(crate::atomic::OutputError),
    /// The output could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The output file.
        path: String,
        /// What failed.
        source: crate::export::ExportError,
    },
}

fn count_rows(p: &[RowProblem]) -> usize {
    let mut rows: Vec<usize> = p
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.row)
        .collect();
    rows.dedup();
    rows.len()
}

pub(crate) fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, crate::sanitize::Lines::Single).into_owned()
}

/// Reads the snapshot to import into: it must load (so problems found later
/// are the CSV's), and its raw form is what the rows merge into.
pub fn load_base(file: &str, bytes: &[u8]) -> Result<RawSnapshot, ImportError> {
    crate::snapshot::load_bytes(file, bytes).map_err(ImportError::Base)?;
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::snapshot::parse_raw(file, text).map_err(ImportError::Base)
}

/// The snapshot as JSON, formatted like `assets/snapshot.json` (one-space
/// indent) with a final newline.
pub fn to_json(raw: &RawSnapshot) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    raw.serialize(&mut ser)?;
    out.push(b'\n');
    Ok(out)
}

/// Validates the JSON of `raw` once more and writes it to `path`
/// atomically (temporary file in the same directory, fsync, rename).
pub fn write_snapshot(path: &Path, raw: &RawSnapshot) -> Result<(), ImportError> {
    write_snapshot_unless_input(path, raw, &[])
}

/// [`write_snapshot`], refusing a `path` that is one of `inputs` (the
/// spreadsheet; the snapshot imported into may be updated in place).
pub fn write_snapshot_unless_input(
    path: &Path,
    raw: &RawSnapshot,
    inputs: &[&Path],
) -> Result<(), ImportError> {
    let name = path.display().to_string();
    let write_err = |source| ImportError::Write {
        path: clean(&name),
        source,
    };
    let bytes = to_json(raw).map_err(|e| write_err(e.into()))?;
    if let Err(e) = crate::snapshot::load_bytes(&name, &bytes) {
        return Err(ImportError::Merged(e.problems()));
    }
    crate::export::write_atomic_unless_input(path, inputs, |w| Ok(w.write_all(&bytes)?)).map_err(
        |e| match e {
            crate::export::ExportError::Output(e @ crate::atomic::OutputError::Io { .. }) => {
                write_err(e.into())
            }
            crate::export::ExportError::Output(e) => ImportError::Refused(e),
            e => write_err(e),
        },
    )
}

/// A fresh activity with only its id, for a CSV row with a new id.
fn blank(id: &str) -> RawActivity {
    RawActivity {
        id: id.to_string(),
        title: String::new(),
        summary: String::new(),
        lead: None,
        partners: Vec::new(),
        sector: None,
        kind: None,
        year: None,
        sdgs: Vec::new(),
        targets: Vec::new(),
        action_lines: Vec::new(),
        countries: Vec::new(),
        source: String::new(),
        url: None,
        note: None,
        suggested: None,
    }
}

/// A file name made safe to print in messages (control, bidi and
/// zero-width characters shown as placeholders).
pub fn clean_name(name: &str) -> String {
    clean(name)
}
