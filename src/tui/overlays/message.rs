//! A message with several lines over the screen (why a reload failed),
//! scrolled with the movement keys and closed with `Esc`, `q` or `Enter`.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;

/// A message box.
#[derive(Debug, Clone)]
pub struct Message {
    /// Heading.
    pub title: String,
    /// The text, one entry per line.
    pub lines: Vec<String>,
    /// Lines scrolled.
    pub scroll: usize,
    /// The largest scroll, last frame.
    max: Cell<usize>,
}

impl Message {
    /// A message titled `title`.
    pub fn new(title: String, lines: Vec<String>) -> Message {
        Message {
            title,
            lines,
            scroll: 0,
            max: Cell::new(usize::MAX),
        }
    }
}

impl Component for Message {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Help]
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        if matches!(
            action,
            Action::Back | Action::Quit | Action::ToggleHelp | Action::Cancel | Action::DrillIn
        ) {
            return vec![Effect::Close];
        }
        // a message is a few lines: a page moves a line
        if let Some(at) = super::scroll::scrolled(action, self.scroll, self.max.get(), 1) {
            self.scroll = at;
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let rows: Vec<crate::tui::ui::card::Row> = self
            .lines
            .iter()
            .map(|l| crate::tui::ui::card::Row::text(l.clone(), t.base))
            .collect();
        let shown = super::scroll::draw_box(
            frame,
            area,
            ctx,
            &rows,
            (area.width.saturating_sub(4).min(110), self.scroll),
            (format!(" {} — Esc to close ", self.title), t.warn),
        );
        self.max.set(shown.total.saturating_sub(shown.height));
    }
}
