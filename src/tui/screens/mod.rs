//! The screens — the explorer's tabs — and the drill-down over them.
//!
//! [`Screens`] is the registry: it owns one component per tab and is the
//! only place that maps a [`Screen`] to its component. A new screen (say,
//! Countries: regions → countries with their activity counts) is a new
//! module implementing [`ScreenView`], a field here and one arm in each of
//! `get`/`get_mut`/`ids`; the other screens do not change. The shared
//! details pane of the list screens is in `panes`.

pub mod activities;
pub mod drill;
pub mod matrix;
pub mod panes;
pub mod tree;

use crate::tour::Screen;
use crate::tui::component::ScreenView;
use crate::tui::ctx::Ctx;
use crate::view::Show;

pub use activities::Activities;
pub use drill::Drill;
pub use matrix::Matrix;
pub use tree::{Tree, TreeKind};

/// Every screen's component, in tab order.
#[derive(Debug)]
pub struct Screens {
    /// The Matrix.
    pub matrix: Matrix,
    /// Goals and their targets.
    pub sdgs: Tree,
    /// Action Lines and their sub-lines.
    pub lines: Tree,
    /// The activity table.
    pub activities: Activities,
}

impl Screens {
    /// Every screen under the view of `ctx`.
    pub fn new(ctx: &Ctx) -> Screens {
        Screens {
            matrix: Matrix::new(ctx),
            sdgs: Tree::new(TreeKind::Sdgs),
            lines: Tree::new(TreeKind::Lines),
            activities: Activities::new(ctx),
        }
    }

    /// The screens, in tab order (keys `1`, `2` …).
    pub fn ids(&self) -> &'static [Screen] {
        &Screen::ALL
    }

    /// The component of `screen`.
    pub fn get(&self, screen: Screen) -> &dyn ScreenView {
        match screen {
            Screen::Matrix => &self.matrix,
            Screen::Sdgs => &self.sdgs,
            Screen::Lines => &self.lines,
            Screen::Activities => &self.activities,
        }
    }

    /// The component of `screen`, to change.
    pub fn get_mut(&mut self, screen: Screen) -> &mut dyn ScreenView {
        match screen {
            Screen::Matrix => &mut self.matrix,
            Screen::Sdgs => &mut self.sdgs,
            Screen::Lines => &mut self.lines,
            Screen::Activities => &mut self.activities,
        }
    }

    /// The screen that opens for a view's `show:`.
    pub fn for_show(&self, show: Show) -> Screen {
        self.ids()
            .iter()
            .copied()
            .find(|&s| self.get(s).shows(show))
            .unwrap_or(Screen::Matrix)
    }

    /// The view changed: every screen recomputes what depends on it.
    pub fn refresh(&mut self, ctx: &Ctx) {
        for &s in self.ids() {
            self.get_mut(s).refresh(ctx);
        }
    }

    /// Every screen forgets its own settings (a tour step is shown as written).
    pub fn reset(&mut self, ctx: &Ctx) {
        for &s in self.ids() {
            self.get_mut(s).reset(ctx);
        }
    }
}
