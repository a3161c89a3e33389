//! `sdgmap tour …`, `sdgmap check --tour` and `sdgmap present`: the command
//! line around [`sdgmap::tour`].
//!
//! Every command here loads a snapshot first (`--data`, `SDGMAP_DATA` or the
//! bundled one), because a tour is only valid against the records it names.
//! A tour argument is a file, the name of one of the user's tours (recorded
//! with `T` into the data directory's `tours/`), or the name of a bundled
//! tour (`itu-2030-agenda`). Exit codes follow `check`: 0 valid, 1 invalid tour
//! (or snapshot), 2 when a file cannot be read.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde::Serialize;

use sdgmap::sanitize::{Lines, sanitize};
use sdgmap::snapshot::{Severity, Snapshot};
use sdgmap::tour::{self, Tour, TourError, TourProblem};

use super::ReportFormat;

/// The tour used when `sdgmap present` is given none.
pub const DEFAULT_TOUR: &str = "itu-2030-agenda";

/// `sdgmap tour` subcommands.
#[derive(Debug, Subcommand)]
pub enum TourCommand {
    /// Print a tour's speaker sheet as Markdown: each step's number, caption,
    /// view, focus and presenter notes.
    Notes {
        /// A tour file, or the name of a bundled tour (see `sdgmap tour list`).
        tour: PathBuf,
    },
    /// List the bundled tours and your own (recorded with T in the app).
    List,
}

/// Runs a `sdgmap tour` subcommand.
pub fn run(command: &TourCommand, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let snapshot = super::load(data)?;
    match command {
        TourCommand::Notes { tour } => {
            match tour::load_named_in(tour, user_dir().as_deref(), &snapshot) {
                Ok((_, t)) => {
                    for w in &t.warnings {
                        errln!("{w}");
                    }
                    print!("{}", super::safe(&tour::speaker_notes(&t, &snapshot)));
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => Ok(report_failure(&e)),
            }
        }
        TourCommand::List => {
            for (name, text) in tour::BUNDLED_TOURS {
                let t = tour::load_bytes(name, text.as_bytes(), &snapshot)?;
                outln!("{}", list_line(name, t.steps.len(), &t.title));
            }
            // the user's tours, by name; one that does not load says why
            for (name, path) in user_dir().map(|d| tour::user::list(&d)).unwrap_or_default() {
                match tour::load_file(&path, &snapshot) {
                    Ok(t) => outln!(
                        "{}  (yours: {})",
                        list_line(&name, t.steps.len(), &t.title),
                        path.display()
                    ),
                    Err(e) => outln!(
                        "{name:<20} invalid: {}",
                        e.to_string().lines().next().unwrap_or_default()
                    ),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One line of `tour list`: name, steps, title.
fn list_line(name: &str, steps: usize, title: &str) -> String {
    let s = if steps == 1 { " " } else { "s" };
    let name = sanitize(name, Lines::Single);
    format!(
        "{name:<20} {steps:>3} step{s}  {}",
        sanitize(title, Lines::Single)
    )
}

/// The folder of the user's tours, when a data directory is known.
pub fn user_dir() -> Option<PathBuf> {
    sdgmap::paths::Paths::discover().ok().map(|p| p.tours_dir())
}

/// Prints a failed load to stderr and returns its exit code.
fn report_failure(e: &TourError) -> ExitCode {
    errln!("sdgmap: {e}");
    exit_code(e)
}

fn exit_code(e: &TourError) -> ExitCode {
    if e.is_unreadable() {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    }
}

/// What `sdgmap check --tour` reports.
#[derive(Debug, Serialize)]
struct TourReport {
    tour: String,
    snapshot: String,
    valid: bool,
    title: Option<String>,
    steps: Option<usize>,
    problems: Vec<TourProblem>,
    message: Option<String>,
}

/// `sdgmap check [SNAPSHOT] --tour FILE`: validates the snapshot and then the
/// tour against it. A snapshot that does not load is reported as plain
/// `check` would report it.
pub fn check(
    tour_arg: &Path,
    snapshot_path: Option<&Path>,
    format: ReportFormat,
) -> anyhow::Result<ExitCode> {
    let Ok(snapshot) = super::load_result(snapshot_path) else {
        return super::check::run(snapshot_path, format);
    };
    let snapshot_name = sanitize(&super::display_name(snapshot_path), Lines::Single).into_owned();
    let shown = sanitize(&tour_arg.display().to_string(), Lines::Single).into_owned();
    let result = tour::load_named_in(tour_arg, user_dir().as_deref(), &snapshot);
    let report = match &result {
        Ok((name, t)) => TourReport {
            tour: name.clone(),
            snapshot: snapshot_name,
            valid: true,
            title: Some(t.title.clone()),
            steps: Some(t.steps.len()),
            problems: t.warnings.clone(),
            message: None,
        },
        Err(e) => TourReport {
            tour: shown,
            snapshot: snapshot_name,
            valid: false,
            title: None,
            steps: None,
            problems: e.problems(),
            message: Some(e.to_string()),
        },
    };
    match format {
        ReportFormat::Text => print!("{}", super::safe(&render_text(&report))),
        ReportFormat::Json => jsonln!(serde_json::to_string_pretty(&report)?),
    }
    Ok(match &result {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => exit_code(e),
    })
}

fn render_text(r: &TourReport) -> String {
    let mut out = String::new();
    let errors = r
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = r.problems.len() - errors;
    if r.valid {
        let _ = writeln!(out, "ok: {} is a valid sdgmap tour (version 1)", r.tour);
        let _ = writeln!(out, "  {}", r.title.as_deref().unwrap_or(""));
        let _ = writeln!(out, "  {:<14} {}", "steps", r.steps.unwrap_or(0));
        let _ = writeln!(out, "  {:<14} {}", "checked with", r.snapshot);
        let _ = writeln!(out, "  {:<14} {warnings}", "warnings");
        let _ = writeln!(out, "  {:<14} 0", "errors");
        for p in &r.problems {
            let _ = writeln!(out, "{p}");
        }
    } else {
        if let Some(m) = &r.message {
            let _ = writeln!(out, "{m}");
        }
        let _ = writeln!(
            out,
            "{}: invalid tour: {errors} error{}, {warnings} warning{}",
            r.tour,
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
    }
    out
}

/// A tour to present and the file it came from (none for a bundled one).
pub type Presented = (Snapshot, Tour, Option<PathBuf>);

/// Loads the snapshot and the tour for presenter mode (the bundled
/// [`DEFAULT_TOUR`] when none is given): a file, one of the user's tours by
/// name, or a bundled one. On failure the problem has been printed and the
/// exit code is returned instead.
pub fn prepare_present(
    tour_arg: Option<&Path>,
    data: Option<&Path>,
) -> anyhow::Result<Result<Presented, ExitCode>> {
    let snapshot = super::load(data)?;
    let arg = tour_arg.unwrap_or(Path::new(DEFAULT_TOUR));
    let dir = user_dir();
    // the file the tour came from, so T records into it by default
    let file = match arg.is_file() {
        true => Some(arg.to_path_buf()),
        false => dir
            .as_deref()
            .zip(arg.to_str())
            .and_then(|(d, n)| tour::user::find(d, n)),
    };
    Ok(match tour::load_named_in(arg, dir.as_deref(), &snapshot) {
        Ok((_, t)) => {
            for w in &t.warnings {
                errln!("{w}");
            }
            Ok((snapshot, t, file))
        }
        Err(e) => Err(report_failure(&e)),
    })
}
