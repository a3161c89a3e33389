//! The one-line questions the app asks (a bookmark's name, a tour step's
//! caption, a file to export to …) and the bookmark operations and rows
//! that travel between the bookmark list and the event loop.
//!
//! Plain data, apart from the components, so that effects can name them
//! without depending on the components that show them. A question carries
//! what it is about, captured when it was asked (the view to save, the
//! screen to record), so answering it later saves what was on screen when
//! the key was pressed.

use std::path::PathBuf;

use crate::tour::Screen;
use crate::view::{Show, View};

/// What a one-line prompt asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// A name to save `view` under.
    SaveName {
        /// The view string to save.
        view: String,
    },
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
    /// The tour (a name, or a file) to record `view` into.
    TourName {
        /// The view to record, with its focus.
        view: Box<View>,
        /// The screen it is on.
        screen: Screen,
        /// The folder of the user's tours, when there is one.
        dir: Option<PathBuf>,
    },
    /// A caption for the step recorded into the tour file `path`.
    Caption {
        /// The tour file.
        path: PathBuf,
        /// The tour as the user named it.
        tour: String,
        /// The view to record, with its focus.
        view: Box<View>,
        /// The screen it is on.
        screen: Screen,
    },
    /// The number of the tour step to jump to (of `steps`).
    Jump {
        /// Steps in the tour.
        steps: usize,
    },
    /// A file to write what `view` selects to.
    Export {
        /// The view.
        view: Box<View>,
        /// What to write.
        show: Show,
    },
    /// Whether to replace the existing file `path` with the export (y/n).
    ReplaceExport {
        /// The file.
        path: PathBuf,
        /// The view.
        view: Box<View>,
        /// What to write.
        show: Show,
    },
}

impl Ask {
    /// The question shown above the input.
    pub fn title(&self) -> String {
        match self {
            Ask::SaveName { .. } => "save this view as bookmark:".into(),
            Ask::Overwrite { name, .. } => {
                format!("a bookmark named '{name}' exists — replace it? (y/n)")
            }
            Ask::Rename(old) => format!("rename bookmark '{old}' to:"),
            Ask::Edit(name) => format!("view string of bookmark '{name}':"),
            Ask::Delete(name) => format!("delete bookmark '{name}'? (y/n)"),
            Ask::TourName { .. } => "record this view into tour (a name, or a .json file):".into(),
            Ask::Caption { tour, .. } => format!("caption for the new step of tour '{tour}':"),
            Ask::Jump { steps } => format!("go to tour step number (1–{steps}):"),
            Ask::Export { show, .. } => {
                format!(
                    "export the {} of this view to (.csv, .json or .md):",
                    show.name()
                )
            }
            Ask::ReplaceExport { path, .. } => {
                format!("{} exists — replace it? (y/n)", path.display())
            }
        }
    }
    /// What the box is about, for its frame: `bookmark`, `tour`, `export`.
    pub fn heading(&self) -> &'static str {
        match self {
            Ask::SaveName { .. }
            | Ask::Overwrite { .. }
            | Ask::Rename(_)
            | Ask::Edit(_)
            | Ask::Delete(_) => "bookmark",
            Ask::TourName { .. } | Ask::Caption { .. } | Ask::Jump { .. } => "tour",
            Ask::Export { .. } | Ask::ReplaceExport { .. } => "export",
        }
    }
    /// Whether the prompt is a yes/no question rather than text.
    pub fn is_confirm(&self) -> bool {
        matches!(
            self,
            Ask::Overwrite { .. } | Ask::Delete(_) | Ask::ReplaceExport { .. }
        )
    }
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

/// One row of the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRow {
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
