//! `sdgmap suggest`: the SDGs, targets and Action Lines a text serves, with
//! evidence — for one text, for a record of the snapshot (`--activity`),
//! or for every row of a CSV (`--input`). Suggestions are inferences and
//! are printed as such, always with the Aurora credit. Exit 0 when
//! something was suggested (or the CSV was processed), 1 when nothing was,
//! 2 on bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use sdgmap::suggest::{CREDIT, Engine, Suggestions, render};

/// The credit shown under `suggest --help`.
pub const HELP_CREDIT: &str = "Suggestions are inferred, never stated links. They evaluate the Aurora Universities Network's SDG queries: Aurora Universities Network, SDG queries v5.0, doi 10.5281/zenodo.3817445, CC-BY-4.0.\n\nExit codes: 0 something suggested (or the CSV was processed), 1 nothing suggested, 2 usage or input error.";

/// `--format` values of `suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// Goals, targets, evidence and Action Lines for people.
    Table,
    /// Everything, evidence included, as JSON.
    Json,
    /// CSV: `sdgs,targets,action_lines` (with `id` first for --input).
    Csv,
}

/// Arguments of `sdgmap suggest`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP_CREDIT)]
pub struct SuggestArgs {
    /// The text to suggest for (a title and description).
    #[arg(required_unless_present_any = ["input", "activity"], conflicts_with_all = ["input", "activity"])]
    pub text: Option<String>,
    /// A CSV with columns id,text (other columns ignored): one output row per input row.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "activity")]
    pub input: Option<PathBuf>,
    /// Suggest for this activity of the snapshot (its title and summary).
    #[arg(long, value_name = "ID")]
    pub activity: Option<String>,
    /// Output format (default: table; csv with --input).
    #[arg(long, value_enum)]
    pub format: Option<SuggestFormat>,
}

/// Runs `sdgmap suggest`.
pub fn run(args: &SuggestArgs, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let snapshot = super::load(data)?;
    let engine = Engine::new(&snapshot)?;
    if let Some(path) = &args.input {
        return input(&engine, path, args.format.unwrap_or(SuggestFormat::Csv));
    }
    let (text, stated) = match (&args.activity, &args.text) {
        (Some(id), _) => {
            let Some(a) = snapshot.index().activity(id) else {
                bail!("no activity '{id}' in {}", super::display_name(data));
            };
            let a = snapshot.activity(a);
            let stated: Vec<u8> = a.sdgs().iter().collect();
            (format!("{}. {}", a.title(), a.summary()), Some(stated))
        }
        (None, Some(t)) => (t.clone(), None),
        (None, None) => bail!("suggest needs a TEXT, --input FILE.csv or --activity ID"),
    };
    let s = engine.suggest(&text);
    let out = match args.format.unwrap_or(SuggestFormat::Table) {
        SuggestFormat::Table => render::table(&s, stated.as_deref()),
        SuggestFormat::Json => {
            let mut j = serde_json::to_string_pretty(&s).context("cannot encode suggestions")?;
            j.push('\n');
            j
        }
        SuggestFormat::Csv => {
            errln!("sdgmap: suggestions use {CREDIT}");
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["sdgs", "targets", "action_lines"])?;
            w.write_record(render::csv_cells(&s))?;
            String::from_utf8(w.into_inner()?)?
        }
    };
    write_out(&out)?;
    Ok(ExitCode::from(if s.goals.is_empty() { 1 } else { 0 }))
}

fn write_out(s: &str) -> anyhow::Result<()> {
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|()| o.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// One input row.
struct Row {
    id: String,
    text: String,
}

fn read_rows(path: &Path) -> anyhow::Result<Vec<Row>> {
    let name = path.display();
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot read {name}"))?;
    let headers = r
        .headers()
        .with_context(|| format!("{name}: no header row"))?
        .clone();
    let find = |want: &str| {
        headers.iter().position(|h| {
            h.trim_start_matches('\u{feff}')
                .trim()
                .eq_ignore_ascii_case(want)
        })
    };
    let (Some(id), Some(text)) = (find("id"), find("text")) else {
        let found: Vec<&str> = headers.iter().collect();
        bail!(
            "{name}: needs columns 'id' and 'text' (found: {})",
            found.join(", ")
        );
    };
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.with_context(|| format!("{name}: unreadable row"))?;
        rows.push(Row {
            id: rec.get(id).unwrap_or_default().to_string(),
            text: rec.get(text).unwrap_or_default().to_string(),
        });
    }
    Ok(rows)
}

fn input(engine: &Engine, path: &Path, format: SuggestFormat) -> anyhow::Result<ExitCode> {
    let rows = read_rows(path)?;
    let all: Vec<Suggestions> = sdgmap::par::map(&rows, 64, |_, part| {
        part.iter().map(|r| engine.suggest(&r.text)).collect()
    });
    let out = match format {
        SuggestFormat::Csv | SuggestFormat::Table => {
            errln!("sdgmap: suggestions use {CREDIT}");
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["id", "sdgs", "targets", "action_lines"])?;
            for (r, s) in rows.iter().zip(&all) {
                let [a, b, c] = render::csv_cells(s);
                w.write_record([r.id.as_str(), &a, &b, &c])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        SuggestFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .zip(&all)
                .map(|(r, s)| serde_json::json!({"id": r.id, "suggestions": s}))
                .collect();
            let doc = serde_json::json!({"credit": CREDIT, "rows": items});
            let mut j = serde_json::to_string_pretty(&doc).context("cannot encode suggestions")?;
            j.push('\n');
            j
        }
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}
