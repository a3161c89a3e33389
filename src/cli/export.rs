//! `sdgmap export VIEW [--format csv|json|md] -o FILE`: write what a view
//! selects to a file, atomically (a reader never sees half a file), or to
//! stdout with `-o -`. Without `--format` the format follows the file's
//! extension. Exit 0 when written, also for an empty result; 2 on a bad
//! view, snapshot or output.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sdgmap::export::{self, Format};
use sdgmap::sanitize::{Lines, sanitize};

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

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
            ExportFormat::Md => Format::Md,
        }
    }
}

/// The format a file name's extension names (`.csv`, `.json`, `.md`, any case).
pub fn format_of(path: &Path) -> Option<ExportFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(ExportFormat::Csv),
        "json" => Some(ExportFormat::Json),
        "md" | "markdown" => Some(ExportFormat::Md),
        _ => None,
    }
}

/// Runs `sdgmap export`.
pub fn run(
    text: &str,
    data: Option<&Path>,
    show: Option<ShowArg>,
    format: Option<ExportFormat>,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let to_stdout = output.as_os_str() == "-";
    let shown = sanitize(&output.display().to_string(), Lines::Single).into_owned();
    let Some(format) = format.or_else(|| format_of(output)) else {
        let why = if to_stdout {
            "writing to stdout".to_string()
        } else {
            format!("cannot tell the format from \"{shown}\"")
        };
        eprintln!("sdgmap: export: {why}; say --format csv, json or md");
        return Ok(ExitCode::from(2));
    };
    let p = match prepare(text, data, show)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let rows = p.rows();
    let view = p.view.to_string();
    let fill = |w: &mut dyn std::io::Write| {
        export::write(w, format.into(), &p.snapshot, &view, p.show, &rows)
    };
    if to_stdout {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match fill(&mut out).and_then(|()| Ok(out.flush()?)) {
            Ok(()) => {}
            Err(export::ExportError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => anyhow::bail!("stdout: {e}"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    export::write_atomic(output, fill).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    eprintln!("sdgmap: wrote {} {} to {shown}", rows.len(), p.show.name());
    Ok(ExitCode::SUCCESS)
}
