//! A one-line question in a box titled by what it is about (`bookmark`,
//! `tour`, `export`): a text answer, or y/n.
//!
//! The question carries what it is about (see [`Ask`]); answering it turns
//! into the effect that does it — a bookmark operation, a tour step to
//! record, a file to export, a tour step to jump to — or the next question
//! (a tour's name, then the step's caption).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tour::TourAction;
use crate::tui::action::Action;
use crate::tui::ask::{Ask, Op};
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Effect, Export, Io, Open, Record};
use crate::tui::input::LineEdit;
use crate::tui::keymap::Context;
use crate::tui::text::clip;
use crate::tui::ui::popup::{centered, frame_box, prompt_line};

/// A question and the answer being typed.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What it asks.
    pub ask: Ask,
    /// The answer being typed.
    pub input: LineEdit,
}

impl Prompt {
    /// Asks `ask`, the answer starting as `text`.
    pub fn new(ask: Ask, text: &str) -> Prompt {
        Prompt {
            ask,
            input: LineEdit::new(text),
        }
    }

    /// What answering `answer` (trimmed, not empty) does.
    fn answer(&self, ctx: &Ctx, answer: String) -> Vec<Effect> {
        let io = |io| vec![Effect::Close, Effect::Io(io)];
        match &self.ask {
            Ask::SaveName { view } => io(Io::Bookmark(Op::Save {
                name: answer,
                view: view.clone(),
                overwrite: false,
            })),
            Ask::Rename(old) => io(Io::Bookmark(Op::Rename {
                old: old.clone(),
                new: answer,
            })),
            Ask::Edit(name) => match crate::view::parse_checked(&answer, &ctx.snap) {
                Ok(_) => io(Io::Bookmark(Op::Edit {
                    name: name.clone(),
                    view: answer,
                })),
                Err(e) => {
                    let msg = e.first().map_or_else(String::new, |e| e.message.clone());
                    vec![Effect::Status(format!("not a valid view: {msg}"))]
                }
            },
            Ask::TourName { view, screen, dir } => {
                match crate::tour::user::resolve(&answer, dir.as_deref()) {
                    Ok((path, tour)) => vec![
                        Effect::Close,
                        Effect::Open(Open::Ask(
                            Ask::Caption {
                                path,
                                tour,
                                view: view.clone(),
                                screen: *screen,
                            },
                            String::new(),
                        )),
                    ],
                    Err(msg) => vec![Effect::Status(msg)],
                }
            }
            Ask::Caption {
                path, view, screen, ..
            } => io(Io::Record(Box::new(Record {
                path: path.clone(),
                caption: answer,
                view: (**view).clone(),
                screen: *screen,
            }))),
            Ask::Jump { .. } => match answer.parse::<usize>() {
                Ok(n) => vec![Effect::Close, Effect::Tour(TourAction::Jump(n))],
                Err(_) => vec![
                    Effect::Close,
                    Effect::Status(format!("'{answer}' is not a step number")),
                ],
            },
            Ask::Export { view, show } => io(Io::Export(Box::new(Export {
                path: answer.into(),
                view: (**view).clone(),
                show: *show,
                replace: false,
            }))),
            Ask::Overwrite { .. } | Ask::Delete(_) | Ask::ReplaceExport { .. } => Vec::new(),
        }
    }

    /// What answering yes does.
    fn yes(&self) -> Vec<Effect> {
        let io = |io| vec![Effect::Close, Effect::Io(io)];
        match &self.ask {
            Ask::Overwrite { name, view } => io(Io::Bookmark(Op::Save {
                name: name.clone(),
                view: view.clone(),
                overwrite: true,
            })),
            Ask::Delete(name) => io(Io::Bookmark(Op::Delete(name.clone()))),
            Ask::ReplaceExport { path, view, show } => io(Io::Export(Box::new(Export {
                path: path.clone(),
                view: (**view).clone(),
                show: *show,
                replace: true,
            }))),
            _ => Vec::new(),
        }
    }
}

impl Component for Prompt {
    fn contexts(&self) -> Vec<Context> {
        if self.ask.is_confirm() {
            vec![Context::Confirm]
        } else {
            vec![Context::Ask, Context::Input]
        }
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let answer = self.input.text().trim().to_string();
        match action {
            Action::Cancel | Action::No => vec![Effect::Close],
            Action::Yes if self.ask.is_confirm() => self.yes(),
            // a jump to nothing still closes, saying why
            Action::Accept if !self.ask.is_confirm() && !answer.is_empty() => {
                self.answer(ctx, answer)
            }
            Action::Accept if matches!(self.ask, Ask::Jump { .. }) => self.answer(ctx, answer),
            a if !self.ask.is_confirm() => {
                self.input.edit(a);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The question with its answer line (or y/n).
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let r = centered(area, 72, 5);
        let inner = frame_box(
            frame,
            r,
            t,
            t.border_focus,
            Span::styled(format!(" {} ", self.ask.heading()), t.accent),
        );
        let [q, a] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::styled(
                clip(&self.ask.title(), q.width as usize),
                t.title,
            )),
            q,
        );
        if self.ask.is_confirm() {
            frame.render_widget(
                Paragraph::new(Line::styled("y yes · n no · Esc cancel", t.dim)),
                a,
            );
        } else {
            frame.render_widget(
                Paragraph::new(prompt_line(ctx, a, "> ", &self.input, t.base)),
                a,
            );
        }
    }
}
