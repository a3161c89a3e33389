//! `sdgmap bookmarks list|add|rm|rename|show|export|import`, and resolving
//! `--bookmark NAME` to a view for `sdgmap query` and the app.
//!
//! A thin layer over [`sdgmap::bookmarks::Store`]: it finds the data
//! directory ([`sdgmap::paths::Paths::discover`]), loads the snapshot when
//! a command needs one (to check a view on `add`, to say what is stale on
//! `list`/`show`), prints, and maps outcomes to exit codes: 0 success,
//! 1 an import left something out, 2 a usage, input or file error. Errors
//! are printed here, not through `anyhow`, because a [`BookmarkError`]
//! already names the bookmark, the file and the reason.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use sdgmap::bookmarks::{
    self, BookmarkError, OnConflict, Opened, Overwrite, SnapshotRef, Staleness, Store,
};
use sdgmap::paths::Paths;
use sdgmap::sanitize::{Lines, sanitize};
use sdgmap::snapshot::{self, Snapshot};

use super::ReportFormat;

/// `sdgmap bookmarks` subcommands.
#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// List bookmarks: name, whether stale on the loaded snapshot, view.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Save a view under a name (checked against the loaded snapshot).
    Add {
        /// The name (at most 80 characters).
        name: String,
        /// The view, e.g. "sdg:4 al:C7 show:activities".
        view: String,
        /// Replace a bookmark of the same name.
        #[arg(long)]
        force: bool,
    },
    /// Delete a bookmark.
    Rm {
        /// The name.
        name: String,
    },
    /// Rename a bookmark.
    Rename {
        /// The current name.
        old: String,
        /// The new name (must be free).
        new: String,
    },
    /// Print one bookmark, its snapshot and what no longer resolves.
    Show {
        /// The name.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Write every bookmark to FILE (`-` for standard output), to share.
    Export {
        /// The file to write, atomically.
        file: PathBuf,
    },
    /// Merge the bookmarks of FILE in (exit 1 if a conflict or bad entry was left out).
    Import {
        /// A file written by `sdgmap bookmarks export`.
        file: PathBuf,
        /// What to do with a name that has another view here.
        #[arg(long, value_enum, default_value_t = ConflictArg::Keep)]
        on_conflict: ConflictArg,
    },
}

/// `--on-conflict` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConflictArg {
    /// Keep ours and report theirs.
    Keep,
    /// Replace ours with theirs.
    Replace,
    /// Add theirs as "NAME (2)".
    Rename,
}

impl From<ConflictArg> for OnConflict {
    fn from(c: ConflictArg) -> OnConflict {
        match c {
            ConflictArg::Keep => OnConflict::Keep,
            ConflictArg::Replace => OnConflict::Replace,
            ConflictArg::Rename => OnConflict::Rename,
        }
    }
}

/// Runs `sdgmap bookmarks …`.
pub fn run(cmd: &BookmarksCommand, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut store = match open_store() {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let outcome = match cmd {
        BookmarksCommand::List { format } => {
            let (s, cur) = load_fingerprinted(data)?;
            list(&store, &s, &cur, *format)
        }
        BookmarksCommand::Add { name, view, force } => {
            let (s, cur) = load_fingerprinted(data)?;
            let over = if *force {
                Overwrite::Yes
            } else {
                Overwrite::No
            };
            match bookmarks::check_view(name, view, &s)
                .and_then(|v| store.save(name, &v, &cur, over))
            {
                Ok(b) => {
                    outln!("saved bookmark '{}': {}", b.name, b.view);
                    Ok(ExitCode::SUCCESS)
                }
                Err(e @ BookmarkError::Exists { .. }) => {
                    errln!("sdgmap: {e} (--force replaces it)");
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(e),
            }
        }
        BookmarksCommand::Rm { name } => store.remove(name).map(|b| {
            outln!("deleted bookmark '{}' ({})", b.name, clean(&b.view));
            ExitCode::SUCCESS
        }),
        BookmarksCommand::Rename { old, new } => store.rename(old, new).map(|b| {
            outln!("renamed bookmark '{}' to '{}'", old.trim(), b.name);
            ExitCode::SUCCESS
        }),
        BookmarksCommand::Show { name, format } => {
            let (s, cur) = load_fingerprinted(data)?;
            store.require(name).map(|b| {
                show(b, &b.staleness(&s, &cur), &cur, *format);
                ExitCode::SUCCESS
            })
        }
        BookmarksCommand::Export { file } => export(&store, file),
        BookmarksCommand::Import { file, on_conflict } => bookmarks::read_file(file)
            .and_then(|theirs| store.import(theirs, (*on_conflict).into()))
            .map(|r| {
                print_import(file, &r);
                if r.left_out() {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }),
    };
    print_warnings(&mut store);
    Ok(outcome.unwrap_or_else(|e| {
        errln!("sdgmap: {e}");
        ExitCode::from(2)
    }))
}

/// Resolves `--bookmark NAME` to the view to use on the loaded snapshot,
/// with the warnings to show (another snapshot, ids that no longer exist,
/// a corrupt bookmarks file moved aside). `Err` is the exit code after the
/// problem was printed. For `sdgmap --bookmark NAME`, start the app on
/// `opened.view.to_string()` and show `opened.warnings`.
pub fn open(name: &str, data: Option<&Path>) -> anyhow::Result<Result<Opened, ExitCode>> {
    let mut store = match open_store() {
        Ok(s) => s,
        Err(code) => return Ok(Err(code)),
    };
    let (s, cur) = load_fingerprinted(data)?;
    let opened = store.open_view(name, &s, &cur);
    let warnings: Vec<String> = store
        .take_warnings()
        .iter()
        .map(|w| w.to_string())
        .collect();
    Ok(match opened {
        Ok(mut o) => {
            o.warnings.splice(0..0, warnings);
            Ok(o)
        }
        Err(e) => {
            for w in warnings {
                errln!("sdgmap: warning: {w}");
            }
            errln!("sdgmap: {e}");
            Err(ExitCode::from(2))
        }
    })
}

/// [`open`] for `sdgmap query --bookmark NAME`: prints the warnings on
/// stderr and returns the view text.
pub fn resolve(name: &str, data: Option<&Path>) -> anyhow::Result<Result<String, ExitCode>> {
    Ok(open(name, data)?.map(|o| {
        for w in &o.warnings {
            errln!("sdgmap: warning: {w}");
        }
        o.view.to_string()
    }))
}

/// Loads the snapshot (bundled or `--data`) and its fingerprint.
pub fn load_fingerprinted(data: Option<&Path>) -> anyhow::Result<(Snapshot, SnapshotRef)> {
    let s = super::load(data)?;
    let cur = match data {
        Some(p) => {
            let hash = bookmarks::content_hash_file(p)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?;
            SnapshotRef {
                title: s.meta().title.clone(),
                date: s.meta().snapshot_date.clone(),
                hash,
            }
        }
        None => bookmarks::snapshot_fingerprint(&s, snapshot::BUNDLED.as_bytes()),
    };
    Ok((s, cur))
}

fn open_store() -> Result<Store, ExitCode> {
    let fail = |msg: String| {
        errln!("sdgmap: {msg}");
        ExitCode::from(2)
    };
    let paths = Paths::discover().map_err(|e| fail(e.to_string()))?;
    Store::open(&paths).map_err(|e| fail(e.to_string()))
}

fn print_warnings(store: &mut Store) {
    for w in store.take_warnings() {
        errln!("sdgmap: warning: {w}");
    }
}

fn clean(s: &str) -> String {
    sanitize(s, Lines::Single).into_owned()
}

#[derive(serde::Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    bookmark: &'a bookmarks::Bookmark,
    stale: bool,
    status: Staleness,
}

fn list(
    store: &Store,
    s: &Snapshot,
    cur: &SnapshotRef,
    format: ReportFormat,
) -> Result<ExitCode, BookmarkError> {
    let rows = store.list_with_status(s, cur);
    let mut out = std::io::stdout().lock();
    let io = |e| BookmarkError::io("list bookmarks", "standard output", e);
    match format {
        ReportFormat::Json => {
            let entries: Vec<Entry> = rows
                .into_iter()
                .map(|(b, st)| Entry {
                    bookmark: b,
                    stale: st.is_stale(),
                    status: st,
                })
                .collect();
            let text =
                serde_json::to_string_pretty(&entries).map_err(|e| io(std::io::Error::other(e)))?;
            writeln!(out, "{}", sdgmap::sanitize::json(&text)).map_err(io)?;
        }
        ReportFormat::Text if rows.is_empty() => {
            writeln!(out, "no bookmarks yet (sdgmap bookmarks add NAME \"VIEW\")").map_err(io)?;
        }
        ReportFormat::Text => {
            let w = rows
                .iter()
                .map(|(b, _)| b.name.chars().count())
                .max()
                .unwrap_or(4)
                .max(4);
            let status: Vec<String> = rows.iter().map(|(_, st)| st.summary()).collect();
            let sw = status
                .iter()
                .map(|x| x.chars().count())
                .max()
                .unwrap_or(6)
                .max(6);
            writeln!(out, "{:<w$}  {:<sw$}  VIEW", "NAME", "STATUS").map_err(io)?;
            for ((b, _), st) in rows.iter().zip(&status) {
                let line = format!("{:<w$}  {st:<sw$}  {}", b.name, b.view);
                writeln!(out, "{}", clean(&line)).map_err(io)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(b: &bookmarks::Bookmark, st: &Staleness, cur: &SnapshotRef, format: ReportFormat) {
    if format == ReportFormat::Json {
        let e = Entry {
            bookmark: b,
            stale: st.is_stale(),
            status: st.clone(),
        };
        if let Ok(text) = serde_json::to_string_pretty(&e) {
            jsonln!(text);
        }
        return;
    }
    outln!("name      {}", b.name);
    outln!("view      {}", clean(&b.view));
    let which = if st.is_stale() {
        format!("another snapshot (this is {})", cur.describe())
    } else {
        "this snapshot".to_string()
    };
    outln!("snapshot  {} — {which}", clean(&b.snapshot.describe()));
    outln!("created   {}", clean(&b.created));
    outln!("updated   {}", clean(&b.updated));
    outln!("status    {}", st.summary());
    for m in &st.missing {
        outln!("          {}", clean(&m.message));
    }
    if let Some(msg) = &st.invalid {
        outln!("{msg}");
    }
}

fn export(store: &Store, file: &Path) -> Result<ExitCode, BookmarkError> {
    let op = format!("export bookmarks to {}", file.display());
    if file == Path::new("-") {
        let doc = serde_json::json!({
            "version": bookmarks::FORMAT_VERSION,
            "bookmarks": store.list(),
        });
        let text = serde_json::to_string_pretty(&doc)
            .map_err(|e| BookmarkError::io(&op, "standard output", std::io::Error::other(e)))?;
        jsonln!(text);
    } else {
        bookmarks::write_file_unless_input(file, store.list(), &op, &[&store.path()])?;
        errln!(
            "exported {} bookmark(s) to {}",
            store.list().len(),
            file.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_import(file: &Path, r: &bookmarks::ImportReport) {
    outln!(
        "imported {}: {} added, {} unchanged, {} conflict(s), {} invalid",
        file.display(),
        r.added.len(),
        r.unchanged.len(),
        r.conflicts.len(),
        r.invalid.len()
    );
    for n in &r.added {
        outln!("added     {n}");
    }
    for c in &r.conflicts {
        outln!(
            "conflict  {}: ours {:?}, theirs {:?} — {}",
            c.name,
            clean(&c.ours),
            clean(&c.theirs),
            c.resolution
        );
    }
    for (n, why) in &r.invalid {
        outln!("invalid   {}: {why}", clean(n));
    }
    if r.conflicts.iter().any(|c| c.resolution == "kept") {
        outln!("(--on-conflict replace or rename imports conflicting bookmarks too)");
    }
}
