//! The fast path of loading: one pass over the file's bytes that validates
//! each activity into the model as soon as it is parsed.
//!
//! Strings are borrowed from the bytes wherever they have no escapes, and an
//! activity's raw form lives only while it is being converted, so loading a
//! large file holds its bytes and the growing model, never a third copy of
//! the records. The sections the activities refer to (sources, goals,
//! targets, lines) come first in every file sdgmap writes; when a file puts
//! `activities` earlier, its raw records are kept until the rest is read.
//!
//! Any serde error here only means "take the precise path": [`super::load`]
//! then parses again, reporting every problem with its path and position.

use std::borrow::Cow;
use std::fmt;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Mutex, PoisonError};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::bounded::{Bounded, Skip};

use super::raw::{
    CowStr, RawActionLine, RawActivityRef, RawCountry, RawIndicator, RawLink, RawMeta, RawSdg,
};
use super::validate::{Builder, Head, format_problem};
use super::{Problem, Snapshot};

/// What a file's bytes build into: a snapshot, or its validation problems.
pub(crate) type Built = Result<Snapshot, Vec<Problem>>;

/// Parses and validates `text` in one pass. `Err` is a parse or type error:
/// the caller reports it through the precise path.
pub(crate) fn load(text: &str) -> Result<Built, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let built = Document { text }.deserialize(&mut de)?;
    de.end()?;
    Ok(built)
}

/// The top-level object of `text`.
struct Document<'de> {
    text: &'de str,
}

impl<'de> DeserializeSeed<'de> for Document<'de> {
    type Value = Built;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Built, D::Error> {
        d.deserialize_map(self)
    }
}

/// The sections before the activities, as they are read.
#[derive(Default)]
struct Sections {
    format: Option<String>,
    version: Option<u32>,
    meta: Option<RawMeta>,
    sdgs: Option<Vec<RawSdg>>,
    indicators: Option<Vec<RawIndicator>>,
    action_lines: Option<Vec<RawActionLine>>,
    links: Option<Vec<RawLink>>,
    /// Optional: a file without countries has none.
    countries: Option<Vec<RawCountry>>,
}

impl Sections {
    /// All of them, once every one has been read.
    fn take_head(&mut self) -> Option<Head> {
        self.missing().is_none().then_some(())?;
        let s = std::mem::take(self);
        Some(Head {
            format: s.format?,
            version: s.version?,
            meta: s.meta?,
            sdgs: s.sdgs?,
            indicators: s.indicators?,
            action_lines: s.action_lines?,
            links: s.links?,
            countries: s.countries.unwrap_or_default(),
        })
    }

    /// The name of the first required key not read yet.
    fn missing(&self) -> Option<&'static str> {
        [
            ("format", self.format.is_none()),
            ("version", self.version.is_none()),
            ("meta", self.meta.is_none()),
            ("sdgs", self.sdgs.is_none()),
            ("indicators", self.indicators.is_none()),
            ("action_lines", self.action_lines.is_none()),
            ("links", self.links.is_none()),
        ]
        .into_iter()
        .find_map(|(key, missing)| missing.then_some(key))
    }
}

/// Where the activities went.
enum Activities<'de> {
    /// Not read yet.
    Unread,
    /// Read before the sections they refer to: kept raw.
    Held(Vec<RawActivityRef<'de>>),
    /// Validated into the builder as they were read (or skipped, when the
    /// head already failed).
    Done(Box<Built>),
}

/// Reads a section into `slot`; a key seen before (even one already handed
/// to the builder) is an error, as serde's derive has it.
fn once<'de, A, T>(
    map: &mut A,
    seen: &mut Vec<&'static str>,
    slot: &mut Option<T>,
    key: &'static str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: de::Deserialize<'de>,
{
    if seen.contains(&key) {
        return Err(de::Error::duplicate_field(key));
    }
    seen.push(key);
    *slot = Some(map.next_value::<Bounded<T>>()?.0);
    Ok(())
}

impl<'de> Visitor<'de> for Document<'de> {
    type Value = Built;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a snapshot object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Built, A::Error> {
        let mut s = Sections::default();
        let mut activities = Activities::Unread;
        let mut seen = Vec::with_capacity(7);
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            match &*key {
                "format" => once(&mut map, &mut seen, &mut s.format, "format")?,
                "version" => once(&mut map, &mut seen, &mut s.version, "version")?,
                "meta" => once(&mut map, &mut seen, &mut s.meta, "meta")?,
                "sdgs" => once(&mut map, &mut seen, &mut s.sdgs, "sdgs")?,
                "indicators" => once(&mut map, &mut seen, &mut s.indicators, "indicators")?,
                "action_lines" => once(&mut map, &mut seen, &mut s.action_lines, "action_lines")?,
                "links" => once(&mut map, &mut seen, &mut s.links, "links")?,
                "countries" => {
                    // Activities already validated without them could not
                    // resolve their countries: the precise path reads the
                    // file in any order.
                    if matches!(activities, Activities::Done(_)) {
                        return Err(de::Error::custom(
                            "countries after activities: read in two passes",
                        ));
                    }
                    once(&mut map, &mut seen, &mut s.countries, "countries")?
                }
                "activities" => {
                    if !matches!(activities, Activities::Unread) {
                        return Err(de::Error::duplicate_field("activities"));
                    }
                    activities = match s.take_head() {
                        None => Activities::Held(
                            map.next_value::<Bounded<Vec<RawActivityRef<'de>>>>()?.0,
                        ),
                        Some(head) => Activities::Done(Box::new(
                            match format_problem(&head.format, head.version.into()) {
                                None => map.next_value_seed(Stream {
                                    head,
                                    text: self.text,
                                })?,
                                Some(problem) => {
                                    map.next_value::<Skip>()?;
                                    Err(vec![problem])
                                }
                            },
                        )),
                    };
                }
                // unknown keys are skipped, within the nesting limit
                _ => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        match activities {
            Activities::Done(built) => Ok(*built),
            Activities::Unread => Err(de::Error::missing_field("activities")),
            Activities::Held(held) => {
                let Some(head) = s.take_head() else {
                    return Err(de::Error::missing_field(s.missing().unwrap_or("meta")));
                };
                Ok(Builder::new(head).and_then(|mut builder| {
                    let ids = held.iter().map(|a| a.id.len()).sum();
                    builder.reserve(held.len(), ids);
                    for mut a in held {
                        builder.push(&mut a);
                    }
                    builder.finish()
                }))
            }
        }
    }
}

/// The `activities` array, validated into a [`Builder`] of `head` as it is
/// parsed.
struct Stream<'de> {
    head: Head,
    text: &'de str,
}

impl<'de> DeserializeSeed<'de> for Stream<'de> {
    type Value = Built;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Built, D::Error> {
        d.deserialize_seq(self)
    }
}

/// The next activity of the array, if any.
fn next<'de, A: SeqAccess<'de>>(seq: &mut A) -> Result<Option<RawActivityRef<'de>>, A::Error> {
    Ok(seq
        .next_element::<Bounded<RawActivityRef<'de>>>()?
        .map(|b| b.0))
}

/// Validates `batch` into `builder` where it lies, then empties it.
fn push_all(builder: &mut Builder, batch: &mut Vec<RawActivityRef<'_>>) {
    builder.push_all(batch);
    batch.clear();
}

/// The validator's side: the head, then every batch as it arrives. Every
/// batch is read to the end even when the head fails, so the parser is
/// never left waiting; emptied batches go back to the parser for reuse.
fn validate<'de>(
    head: Head,
    reserve: (usize, usize),
    batches: Receiver<Vec<RawActivityRef<'de>>>,
    spent: &SyncSender<Vec<RawActivityRef<'de>>>,
) -> Built {
    let mut builder = Builder::new(head);
    if let Ok(b) = &mut builder {
        b.reserve(reserve.0, reserve.1);
    }
    for mut batch in batches {
        if let Ok(b) = &mut builder {
            push_all(b, &mut batch);
        }
        batch.clear();
        // the parser may have finished already: a lost batch is only memory
        let _ = spent.try_send(batch);
    }
    builder?.finish()
}

/// How many more activities the array likely holds, and how many bytes of
/// ids, judged from the bytes `batch` spans in `text` (ids without escapes
/// are borrowed from it). Only a guess to reserve room, so that the model
/// and the id table do not grow by doubling; `(0, 0)` when the batch cannot
/// tell. At most one per 32 bytes left (no activity is shorter), so memory
/// stays linear in the input even when other keys follow the array.
fn estimate(text: &str, batch: &[RawActivityRef<'_>]) -> (usize, usize) {
    let offset = |a: &RawActivityRef<'_>| match &a.id.0 {
        Cow::Borrowed(id) => (id.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|&o| o <= text.len()),
        Cow::Owned(_) => None,
    };
    let (Some(first), Some(last)) = (batch.first(), batch.last()) else {
        return (0, 0);
    };
    let (Some(from), Some(to)) = (offset(first), offset(last)) else {
        return (0, 0);
    };
    let span = to.saturating_sub(from);
    if batch.len() < 2 || span == 0 {
        return (0, 0);
    }
    let left = text.len() - to;
    let per = span / (batch.len() - 1);
    let n = (left / per.max(1)).min(left / 32) + 1;
    let id_bytes: usize = batch.iter().map(|a| a.id.len()).sum();
    (n, n.saturating_mul(id_bytes / batch.len() + 1))
}

impl<'de> Visitor<'de> for Stream<'de> {
    type Value = Built;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of activities")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Built, A::Error> {
        let Stream { head, text } = self;
        // A small array is validated on this thread once it is read.
        let mut batch = Vec::with_capacity(FIRST);
        while batch.len() < FIRST {
            match next(&mut seq)? {
                Some(a) => batch.push(a),
                None => {
                    return Ok(Builder::new(head).and_then(|mut b| {
                        push_all(&mut b, &mut batch);
                        b.finish()
                    }));
                }
            }
        }
        // Past the first batch, parsing (this thread) and validating (a
        // second one, which starts with the head) overlap: the parser hands
        // over batches of records borrowed from the text. The head waits
        // behind a lock, so that if no thread can be started this thread
        // takes it and validates.
        let (n, id_bytes) = estimate(text, &batch);
        let reserve = (n + batch.len(), id_bytes);
        let slot = Mutex::new(Some(head));
        let take = || slot.lock().unwrap_or_else(PoisonError::into_inner).take();
        std::thread::scope(|scope| {
            let (tx, rx) = sync_channel::<Vec<RawActivityRef<'de>>>(QUEUE);
            let (spent_tx, spent) = sync_channel::<Vec<RawActivityRef<'de>>>(QUEUE + 2);
            let worker = std::thread::Builder::new()
                .spawn_scoped(scope, move || {
                    take().map(|h| validate(h, reserve, rx, &spent_tx))
                })
                .ok();
            // Without a worker this thread validates each batch itself.
            let mut alone = match worker {
                Some(_) => None,
                None => take().map(|h| {
                    Builder::new(h).map(|mut b| {
                        b.reserve(reserve.0, reserve.1);
                        b
                    })
                }),
            };
            let mut hand_over = |mut full: Vec<RawActivityRef<'de>>| match &mut alone {
                // A send fails only when the worker panicked: re-raised below.
                None => tx.send(full).is_ok(),
                Some(Ok(b)) => {
                    push_all(b, &mut full);
                    true
                }
                Some(Err(_)) => true,
            };
            let mut parsed = Ok(());
            loop {
                if batch.len() >= BATCH || batch.len() == FIRST {
                    let fresh = spent
                        .try_recv()
                        .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                    if !hand_over(std::mem::replace(&mut batch, fresh)) {
                        break;
                    }
                }
                match next(&mut seq) {
                    Ok(Some(a)) => batch.push(a),
                    Ok(None) => break,
                    Err(e) => {
                        parsed = Err(e);
                        break;
                    }
                }
            }
            if parsed.is_ok() && !batch.is_empty() {
                hand_over(batch);
            }
            drop(hand_over);
            drop(tx);
            let built = match worker.map(|w| w.join()) {
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                Some(Ok(built)) => built,
                None => alone.map(|b| b.and_then(Builder::finish)),
            };
            // The head is taken by exactly one thread; should it not be,
            // the precise path reads the file again.
            parsed.and_then(|()| {
                built.ok_or_else(|| de::Error::custom("the activities were not validated"))
            })
        })
    }
}

/// Activities in the first batch, read before the validator starts: a
/// small array is validated without a second thread.
const FIRST: usize = 64;

/// Activities per batch handed from the parser to the validator.
const BATCH: usize = 256;

/// Batches the parser may be ahead of the validator.
const QUEUE: usize = 4;
