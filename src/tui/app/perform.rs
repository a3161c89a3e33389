//! Performing what touches the outside world: the bookmarks file, tour
//! files, exports and the clipboard.
//!
//! The event loop calls [`App::perform`] with an [`Io`] that `update`
//! returned (tests call it directly, with a store in a temporary folder).
//! What the outcome means for the app — a status line, fresh bookmark
//! rows, a question (replace it?), a view to open — goes back through
//! `apply` as effects, like any component's.

use std::io::Write;
use std::path::Path;

use base64::Engine;

use super::App;
use crate::bookmarks::{BookmarkError, Overwrite, SnapshotRef, Store};
use crate::sanitize::{Lines, sanitize};
use crate::tui::ask::{Ask, MarkRow, Op};
use crate::tui::effect::{Effect, Export, Io, Open, Record};

/// Where bookmark operations go: the store (when it could be opened) and
/// the fingerprint of the loaded snapshot.
pub struct Env {
    /// The bookmark store.
    pub store: Result<Store, String>,
    /// The loaded snapshot's identity.
    pub current: SnapshotRef,
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard
/// (works over SSH, in tmux with `set-clipboard on`, in most terminals).
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

fn clean(s: &str) -> String {
    sanitize(s, Lines::Single).into_owned()
}

impl App {
    /// Performs `io` (bookmarks, tour files, exports, the clipboard through
    /// `out`) and applies what its outcome means for the app. The loop
    /// itself handles `Quit`, `Search` and `Reload`.
    pub fn perform(&mut self, env: &mut Env, io: Io, out: &mut impl Write) -> Vec<Io> {
        let effects = match io {
            Io::Copy(text) => {
                let _ = out.write_all(osc52(&text).as_bytes());
                let _ = out.flush();
                vec![Effect::Status(format!("copied: {text}"))]
            }
            Io::Bookmark(op) => self.bookmark(env, op),
            Io::Record(rec) => self.record(*rec),
            Io::Export(x) => self.export(*x),
            Io::Quit | Io::Search(_) | Io::Reload => Vec::new(),
        };
        self.apply(effects)
    }

    fn bookmark(&self, env: &mut Env, op: Op) -> Vec<Effect> {
        let store = match &mut env.store {
            Ok(s) => s,
            Err(e) => return vec![Effect::Status(format!("bookmarks are unavailable: {e}"))],
        };
        let mut effects = Vec::new();
        let parse = |text: &str| crate::view::parse(text).map_err(|e| e.message);
        let result: Result<Option<String>, String> = match op {
            Op::Refresh => store.reload().map(|_| None).map_err(|e| e.to_string()),
            Op::Save {
                name,
                view,
                overwrite,
            } => match parse(&view) {
                Err(e) => Err(e),
                Ok(v) => {
                    let how = if overwrite {
                        Overwrite::Yes
                    } else {
                        Overwrite::No
                    };
                    match store.save(&name, &v, &env.current, how) {
                        Ok(b) => Ok(Some(format!("saved bookmark '{}': {}", b.name, b.view))),
                        Err(BookmarkError::Exists { name }) => {
                            effects.push(Effect::Open(Open::Ask(
                                Ask::Overwrite { name, view },
                                String::new(),
                            )));
                            Ok(None)
                        }
                        Err(e) => Err(e.to_string()),
                    }
                }
            },
            Op::Open(name) => match store.open_view(&name, &self.ctx.snap, &env.current) {
                Ok(opened) => {
                    effects.push(Effect::OpenView(opened.view.to_string()));
                    let mut msg = format!("opened bookmark '{name}'");
                    for w in opened.warnings {
                        msg.push_str(" — ");
                        msg.push_str(&w);
                    }
                    Ok(Some(msg))
                }
                Err(e) => Err(e.to_string()),
            },
            Op::Rename { old, new } => store
                .rename(&old, &new)
                .map(|b| Some(format!("renamed '{old}' to '{}'", b.name)))
                .map_err(|e| e.to_string()),
            Op::Edit { name, view } => match parse(&view) {
                Err(e) => Err(e),
                Ok(v) => store
                    .edit(&name, &v, &env.current)
                    .map(|b| Some(format!("bookmark '{}' now shows: {}", b.name, b.view)))
                    .map_err(|e| e.to_string()),
            },
            Op::Delete(name) => store
                .remove(&name)
                .map(|b| Some(format!("deleted bookmark '{}'", b.name)))
                .map_err(|e| e.to_string()),
        };
        let mut warnings: Vec<String> = store
            .take_warnings()
            .iter()
            .map(|w| w.to_string())
            .collect();
        let rows = store
            .list_with_status(&self.ctx.snap, &env.current)
            .into_iter()
            .map(|(b, s)| MarkRow {
                name: b.name.clone(),
                view: b.view.clone(),
                stale: s.is_stale(),
                broken: s.is_broken(),
                status: s.summary(),
            })
            .collect();
        effects.push(Effect::MarkRows(rows));
        match result {
            Ok(Some(msg)) => warnings.insert(0, msg),
            Ok(None) => {}
            Err(e) => warnings.insert(0, e),
        }
        // the view opens first, then the status says how it went
        if !warnings.is_empty() {
            // paths and names from files: shown with visible placeholders
            let text = warnings.join(" — ");
            let text = crate::sanitize::sanitize(&text, crate::sanitize::Lines::Single);
            effects.push(Effect::Status(text.into_owned()));
        }
        effects
    }

    /// Appends a step to a tour file (creating its folder and the file).
    fn record(&mut self, rec: Record) -> Vec<Effect> {
        let step =
            crate::tour::raw::RawStep::record(&rec.view, None, Some(rec.screen), rec.caption);
        let title = format!("Tour recorded on {}", self.ctx.snap.meta().title);
        if let Some(dir) = rec.path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            return vec![Effect::Status(clean(&format!(
                "could not record the step: cannot create {}: {e}",
                dir.display()
            )))];
        }
        let snapshot = self.ctx.snap.meta().title.clone();
        match crate::tour::append_step(&rec.path, &title, Some(&snapshot), step) {
            Ok(n) => {
                // the next T suggests the same tour
                self.presenter.record_to = Some(rec.path.clone());
                vec![Effect::Status(clean(&format!(
                    "step {n} added to {}",
                    rec.path.display()
                )))]
            }
            Err(e) => vec![Effect::Status(clean(&format!(
                "could not record the step: {e}"
            )))],
        }
    }

    /// Writes what a view selects to a file, atomically, in the format its
    /// extension names; asks before replacing a file, and never writes over
    /// the snapshot it was loaded from.
    fn export(&self, x: Export) -> Vec<Effect> {
        use crate::export::{self, Format};
        use crate::figure::FigureFormat;
        let shown = clean(&x.path.display().to_string());
        let figure = FigureFormat::from_path(&x.path);
        let format = match x.path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => Format::Csv,
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            Some(e) if e.eq_ignore_ascii_case("md") => Format::Md,
            // a figure: any of the record formats will do as a placeholder
            _ if figure.is_some() => Format::Csv,
            _ => {
                return vec![Effect::Status(format!(
                    "cannot export to {shown}: name a .csv, .json, .md, .svg or .html file"
                ))];
            }
        };
        if self
            .reload_from
            .as_deref()
            .is_some_and(|src| same_file(src, &x.path))
        {
            return vec![Effect::Status(format!(
                "not exporting over {shown}: it is the snapshot being explored"
            ))];
        }
        if x.path.exists() && !x.replace {
            return vec![Effect::Open(Open::Ask(
                Ask::ReplaceExport {
                    path: x.path,
                    view: Box::new(x.view),
                    show: x.show,
                },
                String::new(),
            ))];
        }
        let s = &self.ctx.snap;
        let (sel, ids) = export::select(s, &x.view, x.show);
        if let Some(f) = figure {
            return vec![Effect::Status(self.export_figure(f, &x, &sel, &shown))];
        }
        let rows: Vec<_> = ids.iter().map(|&e| export::row(s, &sel, e)).collect();
        let view = x.view.to_string();
        match export::write_atomic(&x.path, |w| {
            export::write(w, format, s, &view, x.show, &rows)
        }) {
            Ok(()) => vec![Effect::Status(format!(
                "wrote {} {} to {shown}",
                rows.len(),
                x.show.name()
            ))],
            Err(e) => vec![Effect::Status(clean(&format!(
                "could not export to {shown}: {e}"
            )))],
        }
    }
}

impl App {
    /// Writes the Matrix of the exported view as a figure, with the
    /// metric and zoom the Matrix screen shows; says how it went.
    fn export_figure(
        &self,
        format: crate::figure::FigureFormat,
        x: &Export,
        sel: &crate::selection::Selection,
        shown: &str,
    ) -> String {
        let m = &self.screens.matrix;
        // a zoom the view no longer frames shows the goals, as the screen does
        let zoom = m.zoom.filter(|&n| sel.frame_sdg(n));
        let view = x.view.to_string();
        let fig = crate::figure::Figure::new(&self.ctx.snap, sel, &view, m.metric, zoom);
        let g = fig.matrix();
        match fig.write_file(format, &x.path) {
            Ok(()) => format!(
                "wrote the Matrix ({} rows × {} columns, {}) as {} to {shown}",
                g.rows.len(),
                g.columns.len(),
                m.metric.name(),
                format.name()
            ),
            Err(e) => clean(&format!("could not export to {shown}: {e}")),
        }
    }
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
