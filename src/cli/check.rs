//! `sdgmap check [PATH]`: validate a snapshot and print its summary or
//! every problem. Exit 0 when valid, 1 when not, 2 when the file cannot be read.

use std::path::Path;
use std::process::ExitCode;

use sdgmap::check::CheckReport;

use super::ReportFormat;

/// Runs the check and prints the report.
pub fn run(path: Option<&Path>, format: ReportFormat) -> anyhow::Result<ExitCode> {
    let result = super::load_result(path);
    let report = CheckReport::new(
        &sdgmap::sanitize::sanitize(&super::display_name(path), sdgmap::sanitize::Lines::Single),
        &result,
    );
    match format {
        ReportFormat::Text => print!("{}", super::safe(&report.render_text())),
        ReportFormat::Json => jsonln!(serde_json::to_string_pretty(&report)?),
    }
    // A file that cannot be read is an input error (2), not an invalid snapshot (1).
    Ok(match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(sdgmap::snapshot::LoadError::Io { .. }) => ExitCode::from(2),
        Err(_) => ExitCode::from(1),
    })
}
