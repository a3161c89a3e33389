//! The `:suggest` overlay: what sdgmap suggests for a text typed in the
//! finder (or after `:suggest` in the palette) — goals, targets and Action
//! Lines with scores and evidence, under the "Suggested (not stated by the
//! source)" heading and the Aurora credit.
//!
//! The component owns its state: the text, the suggestions made for it
//! when it opened (by the context's engine, built once per snapshot), and
//! how far it is scrolled. Everything drawn is sanitized; it scrolls like
//! a card and says what it hides; `Esc` closes it.

use super::scroll::{CLOSES, Scroll};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::sanitize::{Lines, sanitize};
use crate::suggest::StoredSuggestions;
use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::ui::card::Row;
use crate::tui::ui::suggested::{rows, sanitized};

/// The suggestions overlay.
#[derive(Debug, Clone)]
pub struct SuggestView {
    /// The text suggested for, sanitized.
    pub text: String,
    /// What the engine suggests (`None` when it could not be built).
    pub result: Option<StoredSuggestions>,
    /// How far it is scrolled.
    pub scroll: Scroll,
}

impl SuggestView {
    /// Runs the engine of `ctx` on `text`.
    pub fn new(ctx: &Ctx, text: &str) -> SuggestView {
        let result = ctx
            .engine()
            .map(|e| sanitized(StoredSuggestions::from_suggestions(&e.suggest(text))));
        SuggestView {
            text: sanitize(text, Lines::Single).into_owned(),
            result,
            scroll: Scroll::default(),
        }
    }

    /// The overlay's rows: the text, then the suggestions.
    pub fn rows(&self, ctx: &Ctx) -> Vec<Row> {
        let t = &ctx.theme;
        let mut out = vec![
            Row::field("for the text", t.dim, format!("«{}»", self.text), t.base),
            Row::Blank,
        ];
        match &self.result {
            Some(st) => out.extend(rows(t, &ctx.snap, st)),
            None => out.push(Row::text(
                "the suggestion engine cannot be built for this snapshot",
                t.warn,
            )),
        }
        out
    }
}

impl Component for SuggestView {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Suggest]
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        self.scroll.update(action, CLOSES)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let w = 100
            .min(area.width.saturating_sub(4))
            .max(area.width.min(20));
        let title = crate::tui::ui::card::pane_title(
            "suggest — inferred, not stated — Esc to close, j/k to scroll",
            None,
            w,
        );
        let shown = super::scroll::draw_box(
            frame,
            area,
            ctx,
            &self.rows(ctx),
            (w, self.scroll.at),
            (title, ctx.theme.suggested),
        );
        self.scroll.drawn(&shown, shown.height);
    }
}
