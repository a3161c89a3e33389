//! What each kind of record's card says, section by section: its own
//! facts, as [`Row`]s that the card widget wraps and scrolls.
//!
//! A card is the sections registered for its record's kind in
//! [`SECTIONS`], in order. Each section is a function in a module of its
//! own that adds rows through [`Card`]; adding one — an indicator's tier,
//! the SDGs `import --suggest` stored for an activity — is a new function
//! and one line in the table, and touches no other section. Counts on a
//! card are the record's own; under a filtering view the card adds how many
//! of them the view keeps, so the card and the related list beside it
//! never contradict each other.

mod activity;
mod builder;
mod cell;
mod country;
mod goal;
mod indicators;
mod line;
mod links;
mod suggested;

use ratatui::text::Span;

use super::card::Row;
use crate::entity::{EntityRef, Kind};

use crate::tui::ctx::Ctx;
use crate::tui::layout::CardView;
pub use builder::Card;

/// A section of a card: adds its rows for the record, or nothing.
pub type Section = fn(&mut Card, EntityRef);

/// Every card's sections, by the kind of record, in the order they read.
pub const SECTIONS: &[(Kind, Section)] = &[
    (Kind::Sdg, goal::sdg),
    (Kind::Sdg, indicators::of_goal),
    (Kind::Sdg, goal::sdg_source),
    (Kind::Target, goal::target),
    (Kind::Target, indicators::of_target),
    (Kind::Target, links::rationales),
    (Kind::Line, line::line),
    (Kind::Line, links::rationales),
    (Kind::Link, cell::link_head),
    (Kind::Link, cell::link),
    (Kind::Cell, cell::cell),
    (Kind::Activity, activity::activity),
    (Kind::Activity, activity::matrix_goals),
    (Kind::Activity, suggested::suggested),
    (Kind::Indicator, indicators::indicator),
    (Kind::Country, country::country),
];

/// The rows of the card of `e`.
pub fn card_rows(ctx: &Ctx, e: EntityRef) -> Vec<Row> {
    let mut c = Card::new(ctx);
    for (kind, section) in SECTIONS {
        if *kind == e.kind() {
            section(&mut c, e);
        }
    }
    c.into_rows()
}

/// Draws the card of `e` in `area` (a bordered pane titled `title`) with
/// `↑`/`↓` marks for what lies outside. A card that can take the keys has
/// a [`CardView`]: it records that it is shown and how far it scrolls, and
/// is drawn from its scroll offset while `focused`; a preview has none.
pub fn render_card(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    ctx: &Ctx,
    e: EntityRef,
    title: &str,
    view: Option<&CardView>,
    focused: bool,
) {
    let t = &ctx.theme;
    let block = ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            super::card::pane_title(title, None, area.width),
            if focused { t.accent } else { t.dim },
        ));
    let lines = super::card::wrap(&card_rows(ctx, e), area.width.saturating_sub(2) as usize);
    let offset = match view {
        Some(v) if focused => v.scroll,
        _ => 0,
    };
    let shown = super::card::render(frame, area, block, lines, offset, t.accent, &ctx.layout);
    if let Some(v) = view {
        v.shown.set(true);
        v.page.set(shown.height);
        v.max.set(shown.total.saturating_sub(shown.height));
    }
}

/// Draws `e`'s card (which takes the keys through `view`) across the top of
/// `area`: as tall as it is, but at most `max_h` rows and at least three
/// (as many as there are); returns the area left below it.
pub fn card_above(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    ctx: &Ctx,
    e: EntityRef,
    (view, focused): (&CardView, bool),
    max_h: u16,
) -> ratatui::layout::Rect {
    use ratatui::layout::{Constraint, Layout};
    let h = (card_len(ctx, e, area.width) + 2)
        .min(max_h)
        .max(3.min(area.height));
    let [card, below] = Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(area);
    render_card(
        frame,
        card,
        ctx,
        e,
        &e.label(&ctx.snap),
        Some(view),
        focused,
    );
    below
}

/// How many lines the card of `e` takes at `width` (border excluded).
pub fn card_len(ctx: &Ctx, e: EntityRef, width: u16) -> u16 {
    super::card::wrap(&card_rows(ctx, e), width.saturating_sub(2) as usize).len() as u16
}
