//! `sdgmap query VIEW`: print the records a view selects. Exit 0 when
//! something matched, 1 when nothing did, 2 on a bad view or snapshot
//! (grep's convention), so scripts can branch on it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sdgmap::entity::EntityRef;
use sdgmap::export::{self, Format};
use sdgmap::selection::Selection;
use sdgmap::snapshot::Snapshot;
use sdgmap::view::{self, Show, View};

/// `--show` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowArg {
    /// Activities.
    Activities,
    /// Goals.
    Sdgs,
    /// Targets.
    Targets,
    /// Matrix rows (leaf Action Lines).
    Rows,
    /// Matrix links.
    Links,
    /// SDG indicators.
    Indicators,
    /// Countries.
    Countries,
}

impl From<ShowArg> for Show {
    fn from(s: ShowArg) -> Show {
        match s {
            ShowArg::Activities => Show::Activities,
            ShowArg::Sdgs => Show::Sdgs,
            ShowArg::Targets => Show::Targets,
            ShowArg::Rows => Show::Rows,
            ShowArg::Links => Show::Links,
            ShowArg::Indicators => Show::Indicators,
            ShowArg::Countries => Show::Countries,
        }
    }
}

/// `--format` values of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns.
    Table,
    /// JSON document.
    Json,
    /// CSV with a header.
    Csv,
    /// Markdown table.
    Md,
}

impl From<QueryFormat> for Format {
    fn from(f: QueryFormat) -> Format {
        match f {
            QueryFormat::Table => Format::Table,
            QueryFormat::Json => Format::Json,
            QueryFormat::Csv => Format::Csv,
            QueryFormat::Md => Format::Md,
        }
    }
}

/// A view applied to a loaded snapshot.
pub struct Prepared {
    /// The snapshot.
    pub snapshot: Snapshot,
    /// The parsed view.
    pub view: View,
    /// What to list.
    pub show: Show,
    /// The selected records of that kind, ranked.
    pub records: Vec<EntityRef>,
    /// The selection.
    pub selection: Selection,
}

/// Says on stderr, when a listed activity carries stored suggestions,
/// that its `suggested_*` columns are inferred, with the credit they owe.
pub fn credit_suggestions(p: &Prepared) {
    let any = p.records.iter().any(|&e| match e {
        EntityRef::Activity(a) => p.snapshot.activity(a).suggested().is_some(),
        _ => false,
    });
    if any {
        errln!(
            "sdgmap: suggested_* columns are what sdgmap suggested, not stated links; {}",
            sdgmap::suggest::CREDIT
        );
    }
}

/// Parses `text`, loads the snapshot, checks and applies the view. A bad
/// view is reported on stderr with a caret; the error result is exit 2.
pub fn prepare(
    text: &str,
    data: Option<&Path>,
    show: Option<ShowArg>,
) -> anyhow::Result<Result<Prepared, ExitCode>> {
    if let Err(e) = view::parse(text) {
        errln!("sdgmap: bad view:\n{}", e.render(text));
        return Ok(Err(ExitCode::from(2)));
    }
    let snapshot = super::load(data)?;
    let view = match view::parse_checked(text, &snapshot) {
        Ok(v) => v,
        Err(errors) => {
            for e in errors {
                errln!("sdgmap: bad view:\n{}", e.render(text));
            }
            return Ok(Err(ExitCode::from(2)));
        }
    };
    let show = show
        .map(Show::from)
        .or(view.show)
        .unwrap_or(Show::Activities);
    let (selection, records) = export::select(&snapshot, &view, show);
    Ok(Ok(Prepared {
        snapshot,
        view,
        show,
        records,
        selection,
    }))
}

/// Runs `sdgmap query`.
pub fn run(
    text: &str,
    data: Option<&Path>,
    show: Option<ShowArg>,
    format: QueryFormat,
) -> anyhow::Result<ExitCode> {
    let p = match prepare(text, data, show)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    credit_suggestions(&p);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match export::write_records(
        &mut out,
        format.into(),
        &p.snapshot,
        &p.selection,
        &p.view.to_string(),
        p.show,
        &p.records,
    ) {
        Ok(()) => {}
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.is_broken_pipe() => {}
        Err(e) => return Err(e.into()),
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    let code = if p.records.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process exits next: freeing a big snapshot record by record would
    // only make it exit later.
    std::mem::forget(p);
    Ok(code)
}
