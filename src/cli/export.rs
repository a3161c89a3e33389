//! `sdgmap export VIEW --format csv|json|md|svg|html -o FILE`: write what a
//! view selects to a file, atomically (a reader never sees half a file);
//! svg and html write the view's Matrix as a figure ([`super::figure`]).
//! Exit 0 when written, also for an empty result; 2 on a bad view or
//! snapshot.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sdgmap::export::{self, Format};

use sdgmap::figure::FigureFormat;

use super::figure::FigureArgs;
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
    /// The view's Matrix as an SVG figure.
    Svg,
    /// The view's Matrix as a self-contained HTML page.
    Html,
}

/// Runs `sdgmap export`.
pub fn run(
    text: &str,
    data: Option<&Path>,
    show: Option<ShowArg>,
    format: ExportFormat,
    figure: &FigureArgs,
    output: &Path,
) -> anyhow::Result<ExitCode> {
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
    let view = p.view.to_string();
    let inputs: Vec<&Path> = data.into_iter().collect();
    export::write_atomic_unless_input(output, &inputs, |w| {
        export::write_records(
            w,
            format,
            &p.snapshot,
            &p.selection,
            &view,
            p.show,
            &p.records,
        )
    })
    .map_err(|e| match e {
        // these name the file themselves
        export::ExportError::Output(e) => anyhow::anyhow!("{e}"),
        e => anyhow::anyhow!("{}: {e}", output.display()),
    })?;
    errln!(
        "sdgmap: wrote {} {} to {}",
        p.records.len(),
        p.show.name(),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
