//! The validator's side of the one-pass loader: a second thread that takes
//! the head section by section as the parser reads it (see
//! [`super::validate::Staged`]), then the activities in batches, and
//! builds the snapshot while the parser reads on.
//!
//! The parser sends [`Msg`]s through a [`Sink`]; emptied batches come back
//! for reuse. When no thread can be started, the sink validates each
//! message on the parser's thread as it is sent, with the same result.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use super::raw::RawActivityRef;
use super::stream::Built;
use super::validate::{Builder, Section, Staged};

/// What the parser hands over, in file order.
pub(crate) enum Msg<'de> {
    /// A section of the head.
    Section(Section),
    /// The activities begin (the head is complete; countries not sent by
    /// now are none): how many there likely are, and their ids' bytes.
    Activities(usize, usize),
    /// The next activities, to validate in order.
    Batch(Vec<RawActivityRef<'de>>),
}

/// Batches the parser may be ahead of the validator.
const QUEUE: usize = 4;

/// The validating end: the head as it arrives, then the activities.
struct Validating<'de> {
    staged: Option<Staged>,
    builder: Option<Result<Builder, Vec<super::Problem>>>,
    /// Where emptied batches go back to the parser.
    spent: Option<SyncSender<Vec<RawActivityRef<'de>>>>,
    /// The text being parsed, for the activities to share (see
    /// [`Builder::share`]).
    shared: Option<Arc<String>>,
}

impl<'de> Validating<'de> {
    fn new(
        spent: Option<SyncSender<Vec<RawActivityRef<'de>>>>,
        shared: Option<Arc<String>>,
    ) -> Self {
        Validating {
            staged: Some(Staged::default()),
            builder: None,
            spent,
            shared,
        }
    }

    fn receive(&mut self, msg: Msg<'de>) {
        match msg {
            Msg::Section(section) => {
                if let Some(staged) = &mut self.staged {
                    staged.offer(section);
                }
            }
            Msg::Activities(n, id_bytes) => {
                if let Some(staged) = self.staged.take() {
                    let shared = self.shared.take();
                    self.builder = Some(staged.builder().map(|mut b| {
                        b.reserve(n, id_bytes);
                        if let Some(text) = shared {
                            b.share(text);
                        }
                        b
                    }));
                }
            }
            Msg::Batch(mut batch) => {
                // a head that failed (wrong format) validates no activity
                if let Some(Ok(builder)) = &mut self.builder {
                    builder.push_all(&mut batch);
                }
                batch.clear();
                if let Some(spent) = &self.spent {
                    // the parser may be done: a lost batch is only memory
                    let _ = spent.try_send(batch);
                }
            }
        }
    }

    /// The snapshot, or `None` when the activities never began.
    fn finish(self) -> Option<Built> {
        self.builder.map(|b| b.and_then(Builder::finish))
    }
}

/// The parser's end: sends to the validator thread, or validates here when
/// none could be started.
pub(crate) struct Sink<'scope, 'de> {
    to: Option<SyncSender<Msg<'de>>>,
    spare: Option<Receiver<Vec<RawActivityRef<'de>>>>,
    worker: Option<ScopedJoinHandle<'scope, Option<Built>>>,
    here: Option<Validating<'de>>,
}

impl<'scope, 'de: 'scope> Sink<'scope, 'de> {
    /// Starts the validator thread in `scope`; the activities share
    /// `shared`, the text being parsed, when it is given.
    pub(crate) fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        shared: Option<Arc<String>>,
    ) -> Self {
        let (to, from) = sync_channel::<Msg<'de>>(QUEUE);
        let (spent, spare) = sync_channel(QUEUE + 2);
        let text = shared.clone();
        let worker = std::thread::Builder::new()
            .spawn_scoped(scope, move || {
                let mut v = Validating::new(Some(spent), text);
                for msg in from {
                    v.receive(msg);
                }
                v.finish()
            })
            .ok();
        match worker {
            Some(worker) => Sink {
                to: Some(to),
                spare: Some(spare),
                worker: Some(worker),
                here: None,
            },
            None => Sink {
                to: None,
                spare: None,
                worker: None,
                here: Some(Validating::new(None, shared)),
            },
        }
    }

    /// Hands `msg` over; false when the validator is gone (it panicked: the
    /// panic is raised again by [`Sink::finish`]).
    pub(crate) fn send(&mut self, msg: Msg<'de>) -> bool {
        match (&mut self.here, &self.to) {
            (Some(here), _) => {
                here.receive(msg);
                true
            }
            (None, Some(to)) => to.send(msg).is_ok(),
            (None, None) => false,
        }
    }

    /// An emptied batch to fill again, if one has come back.
    pub(crate) fn spare(&self) -> Option<Vec<RawActivityRef<'de>>> {
        self.spare.as_ref()?.try_recv().ok()
    }

    /// Waits for the validator: the snapshot, or `None` when the
    /// activities never began (the file failed to parse).
    pub(crate) fn finish(mut self) -> Option<Built> {
        drop(self.to.take());
        match self.worker.take().map(ScopedJoinHandle::join) {
            Some(Ok(built)) => built,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => self.here.take().and_then(Validating::finish),
        }
    }
}
