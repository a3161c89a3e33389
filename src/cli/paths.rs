//! `sdgmap paths`: print every file location sdgmap uses — the data
//! directory and the files in it, and the snapshot in use — as text or
//! JSON, without creating anything. Support questions ("where are my
//! bookmarks?") and portable installs (`SDGMAP_HOME`) start here.

use std::path::Path;
use std::process::ExitCode;

use sdgmap::paths::Paths;

use super::ReportFormat;

/// Runs `sdgmap paths`.
pub fn run(data: Option<&Path>, format: ReportFormat) -> anyhow::Result<ExitCode> {
    let paths = match Paths::discover() {
        Ok(p) => p,
        Err(e) => {
            errln!("sdgmap: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let entries = paths.entries();
    let snapshot = super::display_name(data);
    match format {
        ReportFormat::Json => {
            let mut doc = serde_json::Map::new();
            for e in &entries {
                doc.insert(e.name.into(), e.path.display().to_string().into());
            }
            doc.insert("snapshot".into(), snapshot.into());
            doc.insert(
                "data_dir_origin".into(),
                match paths.origin() {
                    sdgmap::paths::Origin::Env => "SDGMAP_HOME",
                    sdgmap::paths::Origin::Platform => "platform",
                    sdgmap::paths::Origin::Explicit => "explicit",
                }
                .into(),
            );
            let exists: serde_json::Map<String, serde_json::Value> = entries
                .iter()
                .map(|e| (e.name.to_string(), e.exists.into()))
                .collect();
            doc.insert("exists".into(), exists.into());
            jsonln!(serde_json::to_string_pretty(&doc)?);
        }
        ReportFormat::Text => {
            let w = entries
                .iter()
                .map(|e| e.name.len())
                .max()
                .unwrap_or(8)
                .max("snapshot".len());
            for e in &entries {
                let note = match (e.name, e.exists) {
                    ("data_dir", true) => paths.origin().describe().to_string(),
                    ("data_dir", false) => {
                        format!("{}; created on first save", paths.origin().describe())
                    }
                    (_, true) => e.purpose.to_string(),
                    (_, false) => format!("{}; not there yet", e.purpose),
                };
                outln!("{:<w$}  {}  ({note})", e.name, e.path.display());
            }
            outln!("{:<w$}  {snapshot}", "snapshot");
        }
    }
    Ok(ExitCode::SUCCESS)
}
