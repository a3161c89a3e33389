//! `sdgmap export VIEW --format svg|html -o FILE [--metric M] [--zoom N]`:
//! the Matrix of a view as a figure (see [`sdgmap::figure`]), written
//! atomically, or to stdout with `-o -`. Exit 0 when written, 2 on a bad
//! view, snapshot, zoom or output.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use sdgmap::figure::{Figure, FigureFormat};
use sdgmap::matrix::Metric;
use sdgmap::sanitize::{Lines, sanitize};

use super::query::prepare;

/// `--metric` values: what a figure's cells count, as the app's `m` cycles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricArg {
    /// Targets covered by the Matrix links at the cell.
    Targets,
    /// Activities tagged with the row and serving the goal or target.
    Activities,
}

impl From<MetricArg> for Metric {
    fn from(m: MetricArg) -> Metric {
        match m {
            MetricArg::Targets => Metric::Targets,
            MetricArg::Activities => Metric::Activities,
        }
    }
}

/// The options of `export` that only figures (svg, html) take.
#[derive(Debug, Clone, Default, Args)]
pub struct FigureArgs {
    /// What the cells count (svg and html only; default targets).
    #[arg(long, value_enum, value_name = "METRIC")]
    pub metric: Option<MetricArg>,
    /// Zoom into goal N: its targets as columns, as the app's `z` (svg and html only).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=99))]
    pub zoom: Option<u8>,
}

impl FigureArgs {
    /// Whether any figure option was given.
    pub fn any(&self) -> bool {
        self.metric.is_some() || self.zoom.is_some()
    }
}

/// Writes the figure of `text` in `format` to `output` (`-` for stdout).
pub fn run(
    text: &str,
    data: Option<&Path>,
    format: FigureFormat,
    args: &FigureArgs,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let shown = sanitize(&output.display().to_string(), Lines::Single).into_owned();
    let p = match prepare(text, data, None)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let s = &p.snapshot;
    if let Some(n) = args.zoom {
        if s.sdg(n).is_none() {
            errln!("sdgmap: export: --zoom {n}: the snapshot has no SDG {n}");
            return Ok(ExitCode::from(2));
        }
        if !p.selection.frame_sdg(n) {
            errln!("sdgmap: export: --zoom {n}: SDG {n} is not in the view");
            return Ok(ExitCode::from(2));
        }
    }
    let metric = args.metric.map_or(Metric::Targets, Metric::from);
    let view = p.view.to_string();
    let fig = Figure::new(s, &p.selection, &view, metric, args.zoom);
    if output.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        match fig.write(format, &mut out).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                anyhow::bail!("stdout: {e}")
            }
            _ => return Ok(ExitCode::SUCCESS),
        }
    }
    // never over the snapshot it reads (see sdgmap::atomic)
    let inputs: Vec<&Path> = data.into_iter().collect();
    sdgmap::export::write_atomic_unless_input(output, &inputs, |w| Ok(fig.write(format, w)?))
        .map_err(|e| match e {
            sdgmap::export::ExportError::Output(e) => anyhow::anyhow!("{e}"),
            e => anyhow::anyhow!("{shown}: {e}"),
        })?;
    let m = fig.matrix();
    errln!(
        "sdgmap: wrote the {} figure of {} rows × {} columns ({}) to {shown}",
        format.name().to_uppercase(),
        m.rows.len(),
        m.columns.len(),
        metric.name(),
    );
    Ok(ExitCode::SUCCESS)
}
