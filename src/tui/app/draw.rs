//! Drawing a frame: the chrome, the screen (or the drill-down over it, or
//! the presenter's frame around it) and the overlays, bottom to top.
//!
//! Each component draws itself; this only lays out where. Drawing takes
//! `&App`: what it learns (click regions, scroll offsets, the screen-reader
//! cursor) goes into the layout cells of the context.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph};

use super::App;
use crate::tour::Screen;
use crate::tui::component::Component;
use crate::tui::present::draw::render_presenter_chrome;
use crate::tui::ui::chrome::{
    MERGE_BELOW, MIN_SIZE, chips_line, render_header, render_hints, render_tabs, render_too_small,
};

/// Draws the whole frame of `app`.
pub fn render(frame: &mut Frame, app: &App) {
    let ctx = &app.ctx;
    ctx.layout.clear();
    let area = frame.area();
    frame.render_widget(Block::new().style(ctx.theme.base), area);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return render_too_small(frame, area, ctx);
    }
    if app.presenter.on {
        let main = render_presenter_chrome(
            frame,
            area,
            ctx,
            &app.presenter,
            app.presenter.heading_focus(app.selected()),
            app.screen == Screen::Matrix,
        );
        app.render_main(frame, main);
        app.render_overlays(frame, area, main);
        return;
    }
    let chips_h = u16::from(!ctx.filters.chips.is_empty());
    // short terminals put the header on the tab line
    let merged = area.height < MERGE_BELOW;
    let [header, tabs, chips, main, hints] = Layout::vertical([
        Constraint::Length(u16::from(!merged)),
        Constraint::Length(1),
        Constraint::Length(chips_h),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if chips_h > 0 {
        frame.render_widget(Paragraph::new(chips_line(ctx, false, 0)), chips);
    }
    let crumbs: Vec<String> = app
        .drill
        .entities()
        .iter()
        .map(|e| e.label(&ctx.snap))
        .collect();
    let used = render_tabs(
        frame,
        tabs,
        ctx,
        app.screens.ids(),
        app.screen,
        &crumbs,
        merged,
    );
    if merged {
        let rest = Rect {
            x: tabs.x + used,
            width: tabs.width.saturating_sub(used),
            ..tabs
        };
        render_header(frame, rest, ctx, true);
    } else {
        render_header(frame, header, ctx, false);
    }
    // a docked overlay (the filter bar) leaves the screen the rows above it
    let docked = app
        .overlays
        .iter()
        .filter_map(|o| o.docked(main))
        .max()
        .unwrap_or(0);
    app.render_main(
        frame,
        Rect {
            height: main.height.saturating_sub(docked).max(1),
            ..main
        },
    );
    render_hints(frame, hints, ctx, &app.contexts());
    app.render_overlays(frame, area, main);
}

impl App {
    /// The screen itself, or the drill-down over it, in `main`.
    fn render_main(&self, frame: &mut Frame, main: Rect) {
        if self.drill.is_empty() {
            self.screens.get(self.screen).draw(frame, main, &self.ctx);
        } else {
            self.drill.draw(frame, main, &self.ctx);
        }
    }

    /// The overlays, bottom to top. What they cover is no longer on
    /// screen, so only their own scrolling lists stay recorded.
    fn render_overlays(&self, frame: &mut Frame, full: Rect, main: Rect) {
        if self.overlays.is_empty() {
            return;
        }
        self.ctx.layout.marks.borrow_mut().clear();
        for o in &self.overlays {
            o.draw(frame, full, main, &self.ctx);
        }
    }
}
