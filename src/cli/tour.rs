//! `sdgmap tour …`, `sdgmap check --tour` and `sdgmap present`: the command
//! line around [`sdgmap::tour`].
//!
//! Every command here loads a snapshot first (`--data`, `SDGMAP_DATA` or the
//! bundled one), because a tour is only valid against the records it names.
//! A tour argument is a file, or the name of a bundled tour
//! (`itu-2030-agenda`). Exit codes follow `check`: 0 valid, 1 invalid tour
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
    /// List the bundled tours.
    List,
}

/// Runs a `sdgmap tour` subcommand.
pub fn run(command: &TourCommand, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let snapshot = super::load(data)?;
    match command {
        TourCommand::Notes { tour } => match tour::load_named(tour, &snapshot) {
            Ok((_, t)) => {
                for w in &t.warnings {
                    errln!("{w}");
                }
                print!("{}", super::safe(&tour::speaker_notes(&t, &snapshot)));
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Ok(report_failure(&e)),
        },
        TourCommand::List => {
            for (name, text) in tour::BUNDLED_TOURS {
                let t = tour::load_bytes(name, text.as_bytes(), &snapshot)?;
                outln!("{name:<20} {:>3} steps  {}", t.steps.len(), t.title);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
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
    let result = tour::load_named(tour_arg, &snapshot);
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

/// Loads the snapshot and the tour for presenter mode (the bundled
/// [`DEFAULT_TOUR`] when none is given). On failure the problem has been
/// printed and the exit code is returned instead.
pub fn prepare_present(
    tour_arg: Option<&Path>,
    data: Option<&Path>,
) -> anyhow::Result<Result<(Snapshot, Tour), ExitCode>> {
    let snapshot = super::load(data)?;
    let arg = tour_arg.unwrap_or(Path::new(DEFAULT_TOUR));
    Ok(match tour::load_named(arg, &snapshot) {
        Ok((_, t)) => {
            for w in &t.warnings {
                errln!("{w}");
            }
            Ok((snapshot, t))
        }
        Err(e) => Err(report_failure(&e)),
    })
}
