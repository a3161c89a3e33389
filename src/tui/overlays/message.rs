//! A message with several lines over the screen (why a reload failed),
//! scrolled with the movement keys and closed with `Esc`, `q` or `Enter`.

use super::scroll::Scroll;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;

/// What closes a message: what closes help, and `Enter`.
const CLOSES: &[Action] = &[
    Action::Back,
    Action::Quit,
    Action::ToggleHelp,
    Action::Cancel,
    Action::DrillIn,
];

/// A message box.
#[derive(Debug, Clone)]
pub struct Message {
    /// Heading.
    pub title: String,
    /// The text, one entry per line.
    pub lines: Vec<String>,
    /// How far it is scrolled.
    pub scroll: Scroll,
}

impl Message {
    /// A message titled `title`.
    pub fn new(title: String, lines: Vec<String>) -> Message {
        Message {
            title,
            lines,
            scroll: Scroll::default(),
        }
    }
}

impl Component for Message {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Help]
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        self.scroll.update(action, CLOSES)
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
            (area.width.saturating_sub(4).min(110), self.scroll.at),
            (format!(" {} — Esc to close ", self.title), t.warn),
        );
        // a message is a few lines: a page moves a line
        self.scroll.drawn(&shown, 1);
    }
}
