//! `sdgmap` with no subcommand: load and check everything the app needs
//! (snapshot, `--view`, `--bookmark`, the bookmark store) while the
//! terminal is still in normal mode, so every problem prints as plain text,
//! then hand over to the explorer.

use std::path::Path;
use std::process::ExitCode;

use sdgmap::bookmarks::{self, SnapshotRef, Store};
use sdgmap::paths::Paths;
use sdgmap::snapshot::{self, Snapshot};
use sdgmap::tui::Env;

use super::{Cli, display_name, load};

/// Runs the explorer.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let snapshot = load(cli.data.as_deref())?;
    launch(cli, snapshot, None)
}

/// `sdgmap present [TOUR]`: the explorer in presenter mode on a tour.
pub fn present(cli: &Cli, tour_arg: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (snapshot, tour, file) = match super::tour::prepare_present(tour_arg, cli.data.as_deref())?
    {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    // T suggests recording into the tour's own file (not a bundled one)
    launch(cli, snapshot, Some((tour, file)))
}

fn launch(
    cli: &Cli,
    snapshot: Snapshot,
    tour: Option<(sdgmap::tour::Tour, Option<std::path::PathBuf>)>,
) -> anyhow::Result<ExitCode> {
    // A view that names ids this snapshot lacks is an input error too.
    if let Some(text) = &cli.view
        && let Err(errs) = sdgmap::view::parse_checked(text, &snapshot)
    {
        for e in errs {
            errln!("sdgmap: bad --view:\n{}", e.render(text));
        }
        return Ok(ExitCode::from(2));
    }
    let mut env = Env {
        store: open_store(),
        current: fingerprint(cli, &snapshot)?,
    };
    let mut status = Vec::new();
    if let Ok(store) = &mut env.store {
        status.extend(store.take_warnings().iter().map(|w| w.to_string()));
    }
    let mut view = cli.view.clone();
    if let Some(name) = &cli.bookmark {
        let opened = match &env.store {
            Ok(store) => store.open_view(name, &snapshot, &env.current),
            Err(e) => {
                errln!("sdgmap: cannot open bookmark '{name}': {e}");
                return Ok(ExitCode::from(2));
            }
        };
        match opened {
            Ok(o) => {
                view = Some(o.view.to_string());
                status.push(format!("opened bookmark '{name}'"));
                status.extend(o.warnings);
            }
            Err(e) => {
                errln!("sdgmap: {e}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let options = sdgmap::tui::Options {
        theme: cli.theme.into(),
        mouse: !cli.no_mouse,
        source: super::safe(&display_name(cli.data.as_deref())).into_owned(),
        view,
        status: (!status.is_empty()).then(|| super::safe(&status.join(" — ")).into_owned()),
        presenter: tour.is_some(),
        record_to: tour.as_ref().and_then(|(_, path)| path.clone()),
        tours_dir: Paths::discover().ok().map(|p| p.tours_dir()),
        tour: tour.map(|(t, _)| t),
        reload_from: cli.data.clone(),
        compare: match &cli.compare {
            Some(old) => {
                let old_snap = sdgmap::snapshot::load_file(old)?;
                Some((old.display().to_string(), std::sync::Arc::new(old_snap)))
            }
            None => None,
        },
    };
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal; for scripts use `sdgmap query`, `sdgmap export` or `sdgmap check`"
        );
    }
    sdgmap::tui::run(snapshot, options, env)?;
    Ok(ExitCode::SUCCESS)
}

fn open_store() -> Result<Store, String> {
    let paths = Paths::discover().map_err(|e| e.to_string())?;
    Store::open(&paths).map_err(|e| e.to_string())
}

fn fingerprint(cli: &Cli, s: &Snapshot) -> anyhow::Result<SnapshotRef> {
    Ok(match cli.data.as_deref() {
        Some(p) => SnapshotRef {
            title: s.meta().title.clone(),
            date: s.meta().snapshot_date.clone(),
            hash: bookmarks::content_hash_file(p)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?,
        },
        None => bookmarks::snapshot_fingerprint(s, snapshot::BUNDLED.as_bytes()),
    })
}
