//! Bookmarks in the app: `b` saves the current view, `'` lists saved views,
//! `y` copies the current view string.
//!
//! Everything that touches the bookmarks file is an [`Effect`] performed by
//! [`perform`] — in the event loop, or directly in tests — so the state
//! machine stays free of I/O. The list shows a cached copy of the store
//! (with each bookmark's staleness) refreshed after every operation.

use std::io::Write;

use base64::Engine;

use super::filter;
use super::input::LineEdit;
use super::overlays::open_view;
use super::state::{Overlay, Screen, State};
use super::update::Effect;
use crate::bookmarks::{BookmarkError, Overwrite, SnapshotRef, Store};
use crate::view::{Show, View};

/// One row of the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The name.
    pub name: String,
    /// The view string.
    pub view: String,
    /// Made on another snapshot.
    pub stale: bool,
    /// Names ids that no longer exist, or no longer parses.
    pub broken: bool,
    /// One line on its state (`ok`, `made on …`, `missing: …`).
    pub status: String,
}

/// What a one-line prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A name to save the current view under.
    SaveName,
    /// Whether to replace bookmark `name` with `view` (y/n).
    Overwrite {
        /// The bookmark.
        name: String,
        /// The view to save.
        view: String,
    },
    /// A new name for bookmark `old`.
    Rename(String),
    /// A new view string for bookmark `name`.
    Edit(String),
    /// Whether to delete bookmark `name` (y/n).
    Delete(String),
    /// A caption for the step `T` records.
    Caption,
    /// The number of the tour step to jump to.
    Jump,
}

impl Ask {
    /// The question shown above the input.
    pub fn title(&self) -> String {
        match self {
            Ask::SaveName => "save this view as bookmark:".into(),
            Ask::Overwrite { name, .. } => {
                format!("a bookmark named '{name}' exists — replace it? (y/n)")
            }
            Ask::Rename(old) => format!("rename bookmark '{old}' to:"),
            Ask::Edit(name) => format!("view string of bookmark '{name}':"),
            Ask::Delete(name) => format!("delete bookmark '{name}'? (y/n)"),
            Ask::Caption => "caption for the new tour step:".into(),
            Ask::Jump => "go to tour step number:".into(),
        }
    }
    /// Whether the prompt is a yes/no question rather than text.
    pub fn is_confirm(&self) -> bool {
        matches!(self, Ask::Overwrite { .. } | Ask::Delete(_))
    }
}

/// A one-line prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What it asks.
    pub ask: Ask,
    /// The answer being typed.
    pub input: LineEdit,
}

/// The bookmark list overlay.
#[derive(Debug, Clone, Default)]
pub struct List {
    /// Fuzzy filter over names and views.
    pub filter: LineEdit,
    /// Typing goes to the filter (after `/`).
    pub filtering: bool,
    /// Cursor over the shown rows.
    pub cursor: usize,
}

/// A bookmark operation for the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Re-read the file and refresh the list.
    Refresh,
    /// Save `view` as `name`.
    Save {
        /// Name.
        name: String,
        /// View string.
        view: String,
        /// Replace an existing bookmark.
        overwrite: bool,
    },
    /// Open bookmark `name`.
    Open(String),
    /// Rename `old` to `new`.
    Rename {
        /// Current name.
        old: String,
        /// New name.
        new: String,
    },
    /// Replace the view of `name`.
    Edit {
        /// Name.
        name: String,
        /// New view string.
        view: String,
    },
    /// Delete `name`.
    Delete(String),
}

/// The current view as a string: the filters that are on, what the screen
/// shows and, when drilled in, the focused record.
pub fn current_view(st: &State) -> View {
    let mut v = filter::effective(&st.chips);
    v.show = Some(match st.screen {
        Screen::Matrix => Show::Links,
        Screen::Sdgs => Show::Sdgs,
        Screen::Lines => Show::Rows,
        Screen::Activities => Show::Activities,
    });
    v.focus = st.trail.last().map(|c| c.entity.key(&st.snap));
    v
}

/// The rows matching the list's filter, in name order.
pub fn shown<'a>(st: &'a State, list: &List) -> Vec<&'a Row> {
    let q = crate::search::Query::parse(list.filter.text());
    st.marks
        .iter()
        .filter(|r| {
            q.is_empty() || q.matches(&crate::search::lower(&format!("{} {}", r.name, r.view)))
        })
        .collect()
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard
/// (works over SSH, in tmux with `set-clipboard on`, in most terminals).
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Where bookmark operations go: the store (when it could be opened) and
/// the fingerprint of the loaded snapshot.
pub struct Env {
    /// The bookmark store.
    pub store: Result<Store, String>,
    /// The loaded snapshot's identity.
    pub current: SnapshotRef,
}

/// Performs an effect that needs the outside world.
pub fn perform(st: &mut State, env: &mut Env, effect: Effect, out: &mut impl Write) {
    match effect {
        Effect::Copy(text) => {
            let _ = out.write_all(osc52(&text).as_bytes());
            let _ = out.flush();
            st.status = Some(format!("copied: {text}"));
        }
        Effect::Bookmark(op) => bookmark(st, env, op),
        Effect::RecordStep(rec) => record(st, *rec),
        Effect::None | Effect::Quit | Effect::Search(_) | Effect::Reload => {}
    }
}

fn bookmark(st: &mut State, env: &mut Env, op: Op) {
    let store = match &mut env.store {
        Ok(s) => s,
        Err(e) => {
            st.status = Some(format!("bookmarks are unavailable: {e}"));
            return;
        }
    };
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
                        st.overlay = Some(Overlay::Prompt(Prompt {
                            ask: Ask::Overwrite { name, view },
                            input: LineEdit::default(),
                        }));
                        Ok(None)
                    }
                    Err(e) => Err(e.to_string()),
                }
            }
        },
        Op::Open(name) => match store.open_view(&name, &st.snap, &env.current) {
            Ok(opened) => {
                open_view(st, &opened.view.to_string());
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
    st.marks = store
        .list_with_status(&st.snap, &env.current)
        .into_iter()
        .map(|(b, s)| Row {
            name: b.name.clone(),
            view: b.view.clone(),
            stale: s.is_stale(),
            broken: s.is_broken(),
            status: s.summary(),
        })
        .collect();
    match result {
        Ok(Some(msg)) => warnings.insert(0, msg),
        Ok(None) => {}
        Err(e) => warnings.insert(0, e),
    }
    if !warnings.is_empty() {
        // paths and names from files: shown with visible placeholders
        let text = warnings.join(" — ");
        st.status =
            Some(crate::sanitize::sanitize(&text, crate::sanitize::Lines::Single).into_owned());
    }
}

/// A step to append to a tour file.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The tour file.
    pub path: std::path::PathBuf,
    /// The caption.
    pub caption: String,
    /// The view, with its focus.
    pub view: View,
    /// The screen it was recorded on.
    pub screen: Screen,
}

fn record(st: &mut State, rec: Record) {
    let step = crate::tour::raw::RawStep::record(&rec.view, None, Some(rec.screen), rec.caption);
    let title = format!("Tour recorded on {}", st.snap.meta().title);
    if let Some(dir) = rec.path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        st.status = Some(
            crate::sanitize::sanitize(
                &format!(
                    "could not record the step: cannot create {}: {e}",
                    dir.display()
                ),
                crate::sanitize::Lines::Single,
            )
            .into_owned(),
        );
        return;
    }
    match crate::tour::append_step(&rec.path, &title, Some(&st.snap.meta().title), step) {
        Ok(n) => st.status = Some(clean(&format!("step {n} added to {}", rec.path.display()))),
        Err(e) => st.status = Some(clean(&format!("could not record the step: {e}"))),
    }
}

fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, crate::sanitize::Lines::Single).into_owned()
}
