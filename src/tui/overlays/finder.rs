//! The `/` finder: a global fuzzy search over every record, grouped by kind.
//!
//! The component records the query and the latest results; each edit asks
//! the event loop to search (off the UI thread, see `worker`) and the
//! answer comes back through [`Finder::receive`], stale generations
//! dropped. `Enter` finds the chosen record: the screen's cursor goes to
//! it, the view drills into it, and the query is kept for `n`/`N`.
//! `:suggest TEXT` (or `TEXT :suggest`) then `Enter`, or `Ctrl-s` on any
//! text, opens what sdgmap suggests for the text instead (see
//! [`super::suggest`]).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use crate::entity::{EntityRef, Kind};
use crate::search::{Hit, Query, Results};
use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Effect, Io, Open, SearchRequest};
use crate::tui::input::LineEdit;
use crate::tui::keymap::Context;
use crate::tui::text::{clip, highlighted};
use crate::tui::ui::popup::{centered_pct, prompt_line};

/// The finder's state.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    /// The query being typed.
    pub input: LineEdit,
    /// Generation of the search the results should answer.
    pub generation: u64,
    /// Latest results, grouped by kind (in kind order, score order within).
    pub hits: Vec<Hit>,
    /// Records matched in all.
    pub total: usize,
    /// Records matched of each kind, in all.
    pub by_kind: Vec<(Kind, usize)>,
    /// The parsed query of `hits`, for highlighting.
    pub query: Option<Query>,
    /// Cursor over `hits`.
    pub cursor: usize,
    /// A search is running.
    pub busy: bool,
}

impl Finder {
    /// Takes results for generation `generation`; stale ones are dropped.
    pub fn receive(&mut self, generation: u64, results: Results) {
        if generation != self.generation {
            return;
        }
        let mut hits = results.hits;
        // Group by kind, the group with the best hit first; the sort is
        // stable, so score order holds within a group.
        let mut best = [i64::MIN; KINDS];
        for h in &hits {
            let k = kind_rank(h.kind()) as usize;
            best[k] = best[k].max(h.score);
        }
        hits.sort_by_key(|h| {
            let k = kind_rank(h.kind());
            (std::cmp::Reverse(best[k as usize]), k)
        });
        self.hits = hits;
        self.total = results.total;
        self.by_kind = results.by_kind;
        self.query = Some(results.query);
        self.cursor = 0;
        self.busy = false;
    }
    /// How many records of `kind` matched in all.
    fn matched(&self, kind: Kind) -> usize {
        self.by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |&(_, n)| n)
    }
    /// The record under the cursor.
    pub fn selected(&self) -> Option<EntityRef> {
        self.hits.get(self.cursor).map(|h| h.entity)
    }
    /// The text to suggest for when the query is `:suggest TEXT` or
    /// `TEXT :suggest`.
    pub fn suggest_text(&self) -> Option<&str> {
        suggest_command(self.input.text())
    }
}

/// A group's heading: `Targets (12)`, or `Activities (101 of 164)` when
/// only the best of the group's matches are listed.
fn heading(kind: Kind, listed: usize, matched: usize) -> String {
    if listed < matched {
        format!("{} ({listed} of {matched})", kind.heading())
    } else {
        format!("{} ({listed})", kind.heading())
    }
}

/// `12 matches`, or `200 of 214 listed` when only the best are kept.
fn listed(hits: usize, total: usize) -> String {
    match (hits, total) {
        (h, t) if h < t => format!("{h} of {t} listed"),
        (_, 1) => "1 match".to_string(),
        (_, t) => format!("{t} matches"),
    }
}

/// The command word that turns the finder's text into a `:suggest`.
pub const SUGGEST: &str = ":suggest";

/// `TEXT` of `:suggest TEXT` or `TEXT :suggest` (trimmed, maybe empty).
pub fn suggest_command(text: &str) -> Option<&str> {
    let t = text.trim();
    let rest = if let Some(r) = t.strip_prefix(SUGGEST) {
        (r.is_empty() || r.starts_with(char::is_whitespace)).then_some(r)
    } else if let Some(r) = t.strip_suffix(SUGGEST) {
        (r.is_empty() || r.ends_with(char::is_whitespace)).then_some(r)
    } else {
        None
    }?;
    Some(rest.trim())
}

/// How many kinds [`kind_rank`] ranks.
const KINDS: usize = 8;

/// The order of the finder's groups when their best hits score the same:
/// the few records of each framework kind (goals, targets and their
/// indicators, lines, links), then countries, then the many activities.
fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Sdg => 0,
        Kind::Target => 1,
        Kind::Indicator => 2,
        Kind::Line => 3,
        Kind::Link => 4,
        Kind::Cell => 5,
        Kind::Country => 6,
        Kind::Activity => 7,
    }
}

impl Component for Finder {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Finder, Context::Input]
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        let last = self.hits.len().saturating_sub(1);
        match action {
            Action::Cancel => return vec![Effect::Close],
            Action::Suggest => {
                return self.suggest(self.suggest_text().unwrap_or(self.input.text()));
            }
            Action::Accept if self.suggest_text().is_some() => {
                return self.suggest(self.suggest_text().unwrap_or_default());
            }
            Action::Accept => {
                let mut out = vec![Effect::Close];
                if let Some(entity) = self.selected() {
                    out.push(Effect::Found {
                        entity,
                        query: self.input.text().to_string(),
                    });
                }
                return out;
            }
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(10),
            Action::PageDown => self.cursor = (self.cursor + 10).min(last),
            a => {
                if self.input.edit(a) {
                    self.generation += 1;
                    self.busy = true;
                    return vec![Effect::Io(Io::Search(SearchRequest {
                        generation: self.generation,
                        query: self.input.text().to_string(),
                    }))];
                }
            }
        }
        Vec::new()
    }

    /// The finder: prompt, counts, and results grouped by kind with highlights.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let r = centered_pct(area, 80, 80);
        frame.render_widget(Clear, r);
        let status = if self.busy {
            "searching…".to_string()
        } else {
            listed(self.hits.len(), self.total)
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(t.border_focus)
            .style(t.base)
            .title(Span::styled(
                " find — Enter to open, Esc to close ",
                t.accent,
            ))
            .title_bottom(Span::styled(format!(" {status} "), t.dim));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let [input, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        frame.render_widget(
            Paragraph::new(prompt_line(ctx, input, "/ ", &self.input, t.title)),
            Rect { height: 1, ..input },
        );
        if let Some(text) = self.suggest_text() {
            let text = crate::sanitize::sanitize(text, crate::sanitize::Lines::Single);
            let hint = if text.is_empty() {
                "type the text to suggest SDGs, targets and Action Lines for".to_string()
            } else {
                format!("Enter: suggest SDGs, targets and Action Lines for «{text}»")
            };
            let w = list.width as usize;
            frame.render_widget(
                Paragraph::new(vec![
                    Line::styled(clip(&hint, w), t.suggested),
                    Line::styled(clip("inferred from the text, never stated links", w), t.dim),
                ]),
                list,
            );
            return;
        }
        // rows: a heading before each new kind
        let mut rows: Vec<Option<usize>> = Vec::new();
        let mut last = None;
        for (i, h) in self.hits.iter().enumerate() {
            if last != Some(h.kind()) {
                rows.push(None);
                last = Some(h.kind());
            }
            rows.push(Some(i));
        }
        let height = list.height as usize;
        let sel_row = rows.iter().position(|r| *r == Some(self.cursor));
        let offset = sel_row.map_or(0, |r| (r + 1).saturating_sub(height));
        let width = list.width.saturating_sub(2) as usize;
        let items: Vec<ListItem> = rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(j, r)| match r {
                // a heading names the kind of the hits that follow it and
                // how many of them are listed
                None => {
                    let next = rows
                        .get(j + 1)
                        .copied()
                        .flatten()
                        .and_then(|i| self.hits.get(i));
                    let text = next.map_or(String::new(), |h| {
                        let n = self.hits.iter().filter(|x| x.kind() == h.kind()).count();
                        heading(h.kind(), n, self.matched(h.kind()))
                    });
                    ListItem::new(Line::styled(text, t.title))
                }
                Some(i) => ListItem::new(self.hit_line(ctx, *i, width)),
            })
            .collect();
        let list_w = List::new(items)
            .highlight_style(t.selected)
            .highlight_symbol("▌");
        let mut state = ListState::default().with_selected(sel_row.map(|r| r - offset));
        frame.render_stateful_widget(list_w, list, &mut state);
        // the marks count hits, as the headings and the status do
        let hits_in = |r: &[Option<usize>]| r.iter().filter(|x| x.is_some()).count();
        let end = (offset + height).min(rows.len());
        let (above, shown) = (hits_in(&rows[..offset]), hits_in(&rows[offset..end]));
        crate::tui::ui::list::scroll_marks(frame, r, ctx, above, shown, self.hits.len());
        if self.hits.is_empty() && !self.busy && !self.input.text().is_empty() {
            frame.render_widget(
                Paragraph::new("no match").style(t.dim),
                Rect { height: 1, ..list },
            );
        }
    }
}

impl Finder {
    /// Opens the suggestions for `text`, or says what to type when empty.
    fn suggest(&self, text: &str) -> Vec<Effect> {
        let text = text.trim();
        if text.is_empty() {
            return vec![Effect::Status(
                "type a text to suggest for, e.g. :suggest solar mini-grids for rural clinics"
                    .into(),
            )];
        }
        vec![Effect::Close, Effect::Open(Open::Suggest(text.to_string()))]
    }

    fn hit_line(&self, ctx: &Ctx, i: usize, width: usize) -> Line<'static> {
        let t = &ctx.theme;
        let e = self.hits[i].entity;
        let (label, title) = match e {
            EntityRef::Activity(_) => (String::new(), e.title(&ctx.snap)),
            EntityRef::Country(c) => (
                format!("{}  ", ctx.snap.country(c).code),
                e.title(&ctx.snap),
            ),
            _ => (format!("{}  ", e.label(&ctx.snap)), e.title(&ctx.snap)),
        };
        let text = clip(&format!("{label}{title}"), width);
        let marks = self
            .query
            .as_ref()
            .map(|q| q.highlight(&text))
            .unwrap_or_default();
        Line::from(highlighted(
            &text,
            &marks,
            t.base,
            t.accent
                .patch(Style::new().add_modifier(Modifier::UNDERLINED)),
        ))
    }
}
