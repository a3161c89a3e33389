//! `sdgmap diff OLD NEW`: what changed between two snapshots, as a text
//! report (coloured only on a terminal without `NO_COLOR`), JSON or
//! Markdown. Exit 0 when identical, 1 when different; a file that does not
//! load is an error (exit 2 from `main`).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;
use sdgmap::diff::{self, Diff};

/// `--format` values of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A grouped, human-readable report.
    Text,
    /// The whole diff as a JSON document.
    Json,
    /// The report as Markdown.
    Md,
}

/// Runs `sdgmap diff`.
pub fn run(old: &Path, new: &Path, format: DiffFormat) -> anyhow::Result<ExitCode> {
    let a = sdgmap::snapshot::load_file(old)?;
    let b = sdgmap::snapshot::load_file(new)?;
    let d = Diff::between(&a, &b);
    let out = match format {
        DiffFormat::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            diff::render_text(&d, std::io::stdout().is_terminal() && !no_color)
        }
        DiffFormat::Md => diff::render_markdown(&d),
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(&d).context("cannot encode the diff")?;
            s.push('\n');
            s
        }
    };
    // names and values from the files, made safe for a terminal (JSON by
    // escapes that keep its meaning)
    // (coloured text carries its own escapes; its words come from the
    // snapshots, which are made safe when they load)
    let coloured = out.contains('\u{1b}') && format == DiffFormat::Text;
    let out = match format {
        DiffFormat::Json => sdgmap::sanitize::json(&out),
        _ if coloured => std::borrow::Cow::Borrowed(out.as_str()),
        _ => super::safe(&out),
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write the report")?;
    Ok(if d.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
