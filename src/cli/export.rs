//! `sdgmap export VIEW --format csv|json|md -o FILE`: write what a view
//! selects to a file, atomically (a reader never sees half a file). Exit 0
//! when written, also for an empty result; 2 on a bad view or snapshot.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sdgmap::export::{self, Format};

use super::query::{ShowArg, prepare};

/// `--format` values of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV with a header.
    Csv,
    /// JSON document (starts with the view and the snapshot).
    Json,
    /// Markdown (starts with the view and the snapshot).
    Md,
}

/// Runs `sdgmap export`.
pub fn run(
    text: &str,
    data: Option<&Path>,
    show: Option<ShowArg>,
    format: ExportFormat,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let p = match prepare(text, data, show)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let rows = p.rows();
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Md => Format::Md,
    };
    let view = p.view.to_string();
    let inputs: Vec<&Path> = data.into_iter().collect();
    export::write_atomic_unless_input(output, &inputs, |w| {
        export::write(w, format, &p.snapshot, &view, p.show, &rows)
    })
    .map_err(|e| match e {
        // these name the file themselves
        export::ExportError::Output(e) => anyhow::anyhow!("{e}"),
        e => anyhow::anyhow!("{}: {e}", output.display()),
    })?;
    errln!(
        "sdgmap: wrote {} {} to {}",
        rows.len(),
        p.show.name(),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
