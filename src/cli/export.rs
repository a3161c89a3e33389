//! `sdgmap export VIEW [--format csv|json|md|svg|html] -o FILE`: write what
//! a view selects to a file, atomically (a reader never sees half a file),
//! or to stdout with `-o -`; svg and html write the view's Matrix as a
//! figure ([`super::figure`]). Without `--format` the format follows the
//! file's extension (`.csv`, `.json`, `.md`, `.svg`, `.html`). Exit 0 when
//! written, also for an empty result; 2 on a bad view, snapshot or output.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sdgmap::export::{self, Format};
use sdgmap::figure::FigureFormat;
use sdgmap::sanitize::{Lines, sanitize};

use super::figure::FigureArgs;
use super::query::{ShowArg, prepare};

/// `--format` values of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON document with the view, the snapshot and the rows.
    Json,
    /// Markdown (starts with the view and the snapshot).
    Md,
    /// The view's Matrix as an SVG figure.
    Svg,
    /// The view's Matrix as a self-contained HTML page.
    Html,
}

/// The format a file name's extension names (`.csv`, `.json`, `.md`,
/// `.markdown`, and the figures' `.svg`, `.html`, `.htm`; any case).
pub fn format_of(path: &Path) -> Option<ExportFormat> {
    if let Some(f) = FigureFormat::from_path(path) {
        return Some(match f {
            FigureFormat::Svg => ExportFormat::Svg,
            FigureFormat::Html => ExportFormat::Html,
        });
    }
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
    figure: &FigureArgs,
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
        errln!("sdgmap: export: {why}; say --format csv, json, md, svg or html");
        return Ok(ExitCode::from(2));
    };
    let to_figure = |f: FigureFormat| {
        if show.is_some() {
            let name = f.name();
            errln!("sdgmap: export: --show lists records; a {name} figure shows the Matrix");
            return Ok(ExitCode::from(2));
        }
        super::figure::run(text, data, f, figure, output)
    };
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Md => Format::Md,
        ExportFormat::Svg => return to_figure(FigureFormat::Svg),
        ExportFormat::Html => return to_figure(FigureFormat::Html),
    };
    if figure.any() {
        errln!("sdgmap: export: --metric and --zoom apply to --format svg or html");
        return Ok(ExitCode::from(2));
    }
    let p = match prepare(text, data, show)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    super::query::credit_suggestions(&p);
    let view = p.view.to_string();
    let fill = |w: &mut dyn std::io::Write| {
        export::write_records(
            w,
            format,
            &p.snapshot,
            &p.selection,
            &view,
            p.show,
            &p.records,
        )
    };
    if to_stdout {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match fill(&mut out).and_then(|()| Ok(out.flush()?)) {
            Ok(()) => {}
            Err(e) if e.is_broken_pipe() => {}
            Err(e) => anyhow::bail!("stdout: {e}"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    // never over the snapshot it reads (see sdgmap::atomic)
    let inputs: Vec<&Path> = data.into_iter().collect();
    export::write_atomic_unless_input(output, &inputs, fill).map_err(|e| match e {
        // these name the file themselves
        export::ExportError::Output(e) => anyhow::anyhow!("{e}"),
        e => anyhow::anyhow!("{shown}: {e}"),
    })?;
    errln!(
        "sdgmap: wrote {} {} to {shown}",
        p.records.len(),
        p.show.name()
    );
    Ok(ExitCode::SUCCESS)
}
