//! The app's own commands on the view as a whole: `T` asks which tour to
//! record into, `x` switches cross-cutting activities in or out of the
//! Matrix cells.

use super::App;
use crate::tui::ask::Ask;
use crate::tui::effect::{Effect, Open};
use crate::tui::filters::Chip;
use crate::view::View;

impl App {
    /// `T`: asks which tour to record this view into, suggesting the one
    /// recorded into last (or presented from a file).
    pub(super) fn ask_tour_name(&self) -> Vec<Effect> {
        let prefill = match &self.presenter.record_to {
            Some(p) => match (&self.tours_dir, p.file_stem()) {
                (Some(dir), Some(stem)) if p.parent() == Some(dir.as_path()) => {
                    stem.to_string_lossy().into_owned()
                }
                _ => p.display().to_string(),
            },
            None => String::new(),
        };
        vec![Effect::Open(Open::Ask(
            Ask::TourName {
                view: Box::new(self.current_view()),
                screen: self.screen,
                dir: self.tours_dir.clone(),
            },
            prefill,
        ))]
    }

    /// `x`: adds or removes the `with:cross-cutting` chip, so Matrix cells
    /// count cross-cutting activities or leave them out.
    pub(super) fn toggle_cross_cutting(&self) -> Vec<Effect> {
        let mut chips = self.ctx.filters.chips.clone();
        let on = !self.ctx.filters.effective().cross_cutting;
        chips.retain(|c| !c.view.cross_cutting);
        if on {
            chips.push(Chip {
                view: View {
                    cross_cutting: true,
                    ..View::default()
                },
                on: true,
            });
        }
        vec![
            Effect::SetChips(chips),
            Effect::Status(if on {
                "cross-cutting activities now count in the Matrix cells (x: leave them out)".into()
            } else {
                "cross-cutting activities left out of the Matrix cells (x: count them)".into()
            }),
        ]
    }
}
