//! `sdgmap import CSV --into SNAPSHOT -o OUT`: add or update activities from
//! a spreadsheet. Every row is validated as a snapshot record; nothing is
//! written unless all rows are valid (or `--skip-invalid`, which reports
//! what it left out). The output is validated again and written
//! atomically. Exit 0 when written; any failure is an error (exit 2).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sdgmap::import::{self, ColumnMap, ImportError, Options};

/// The arguments of `sdgmap import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV: a header row (id,title,summary,lead,partners,sector,kind,year,
    /// sdgs,targets,action_lines,source,url,note; only id is required), lists
    /// separated by ';'.
    pub csv: PathBuf,
    /// The snapshot to import into (default: --data, else the bundled one).
    #[arg(long, value_name = "SNAPSHOT")]
    pub into: Option<PathBuf>,
    /// Where to write the new snapshot (may be the same file as --into).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Column names that differ from the field names, e.g. "title=Project,lead=Organization".
    #[arg(long, value_name = "FIELD=COLUMN,...", conflicts_with = "mapping")]
    pub map: Option<String>,
    /// A mapping file (JSON): columns, fixed values, made ids, country
    /// aliases and sources for a spreadsheet of another design (see docs/lifecycle.md).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Leave invalid rows out and report them, instead of writing nothing.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Also store what sdgmap suggests for each imported activity (from its
    /// title and summary) in its `suggested` record: inferred, with
    /// evidence and the engine's version, never as stated links. Uses
    /// Aurora Universities Network, SDG queries v5.0, doi
    /// 10.5281/zenodo.3817445, CC-BY-4.0.
    #[arg(long)]
    pub suggest: bool,
}

/// Runs `sdgmap import`; `data` is the global `--data`.
pub fn run(args: &ImportArgs, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut opts = match (&args.mapping, &args.map) {
        (Some(file), _) => import::mapping::read(file)?,
        (None, Some(spec)) => Options {
            map: ColumnMap::parse(spec)?,
            ..Options::default()
        },
        (None, None) => Options::default(),
    };
    opts.skip_invalid = args.skip_invalid;
    let into = args.into.as_deref().or(data);
    let (name, base) = match into {
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|source| {
                ImportError::Base(sdgmap::snapshot::LoadError::Io {
                    file: name.clone(),
                    error: source,
                })
            })?;
            let base = import::load_base(&name, &bytes)?;
            (name, base)
        }
        None => {
            let name = sdgmap::snapshot::BUNDLED_NAME.to_string();
            let base = import::load_base(&name, sdgmap::snapshot::BUNDLED.as_bytes())?;
            (name, base)
        }
    };
    let csv_name = args.csv.display().to_string();
    let bytes = std::fs::read(&args.csv).map_err(|source| ImportError::Io {
        file: csv_name.clone(),
        source,
    })?;
    let mut done = import::import(&base, &csv_name, &bytes, &opts)?;
    let suggested = if args.suggest {
        let engine = sdgmap::suggest::Engine::new(&done.snapshot)?;
        Some(done.store_suggestions(&engine)?)
    } else {
        None
    };
    let r = &done.report;
    for p in &r.skipped {
        errln!("sdgmap: skipped {p}");
    }
    for p in &r.warnings {
        errln!("sdgmap: {p}");
    }
    for src in &r.sources_added {
        eprintln!("sdgmap: added source {}", import::clean_name(src));
    }
    for (heading, line) in &r.headings {
        eprintln!(
            "sdgmap: read \"{}\" as Action Line {line}",
            import::clean_name(heading)
        );
    }
    if !r.ignored_columns.is_empty() {
        errln!(
            "sdgmap: ignored columns that match no field: {}",
            r.ignored_columns.join(", ")
        );
    }
    if let Some(n) = suggested {
        let r = &done.report;
        let total = r.added.len() + r.updated.len() + r.unchanged.len();
        let noun = if total == 1 { "activity" } else { "activities" };
        errln!(
            "sdgmap: stored suggestions on {total} {noun} ({n} with a suggested goal), \
             as suggestions, not stated links; {}",
            sdgmap::suggest::CREDIT
        );
    }
    // never over the spreadsheet, the mapping file or its alias file
    let mut inputs = vec![args.csv.as_path()];
    inputs.extend(opts.files.iter().map(PathBuf::as_path));
    import::write_snapshot_unless_input(&args.output, &done.raw, &inputs)?;
    let skipped_rows = {
        let mut rows: Vec<usize> = r.skipped.iter().map(|p| p.row).collect();
        rows.dedup();
        rows.len()
    };
    errln!(
        "sdgmap: {} into {}: {} added, {} updated, {} unchanged, {} skipped; wrote {}",
        import::clean_name(&csv_name),
        import::clean_name(&name),
        r.added.len(),
        r.updated.len(),
        r.unchanged.len(),
        skipped_rows,
        import::clean_name(&args.output.display().to_string()),
    );
    Ok(ExitCode::SUCCESS)
}
