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

use std::fmt;
use std::sync::{Mutex, PoisonError};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::bounded::{Bounded, Skip};

use super::raw::{CowStr, RawActionLine, RawActivityRef, RawIndicator, RawLink, RawMeta, RawSdg};
use super::validate::{Builder, Head};
use super::{Problem, Snapshot};

/// What a file's bytes build into: a snapshot, or its validation problems.
pub(crate) type Built = Result<Snapshot, Vec<Problem>>;

/// Parses and validates `text` in one pass. `Err` is a parse or type error:
/// the caller reports it through the precise path.
pub(crate) fn load(text: &str) -> Result<Built, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let built = Document.deserialize(&mut de)?;
    de.end()?;
    Ok(built)
}

/// The top-level object.
struct Document;

impl<'de> DeserializeSeed<'de> for Document {
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

impl<'de> Visitor<'de> for Document {
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
                "activities" => {
                    if !matches!(activities, Activities::Unread) {
                        return Err(de::Error::duplicate_field("activities"));
                    }
                    activities = match s.take_head() {
                        None => Activities::Held(
                            map.next_value::<Bounded<Vec<RawActivityRef<'de>>>>()?.0,
                        ),
                        Some(head) => Activities::Done(Box::new(match Builder::new(head) {
                            Ok(builder) => map.next_value_seed(Stream(builder))?,
                            Err(problems) => {
                                map.next_value::<Skip>()?;
                                Err(problems)
                            }
                        })),
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
                    builder.reserve(held.len());
                    for a in held {
                        builder.push(a);
                    }
                    builder.finish()
                }))
            }
        }
    }
}

/// The `activities` array, each element validated into the builder.
struct Stream(Builder);

impl<'de> DeserializeSeed<'de> for Stream {
    type Value = Built;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Built, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Stream {
    type Value = Built;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of activities")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Built, A::Error> {
        // A small array is validated as it is read. Past the first batch,
        // parsing (this thread) and validating (a second one) overlap: the
        // parser hands over batches of records borrowed from the text.
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match seq
                .next_element::<Bounded<RawActivityRef<'de>>>()?
                .map(|b| b.0)
            {
                Some(a) => batch.push(a),
                None => {
                    batch.into_iter().for_each(|a| self.0.push(a));
                    return Ok(self.0.finish());
                }
            }
        }
        // The builder stays here, behind a lock the worker holds while it
        // runs, so that if no thread can be started this thread validates.
        let slot = Mutex::new(self.0);
        let lock = || slot.lock().unwrap_or_else(PoisonError::into_inner);
        let parsed = std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<RawActivityRef<'de>>>(4);
            let worker = std::thread::Builder::new()
                .spawn_scoped(scope, move || {
                    let mut builder = lock();
                    for batch in rx {
                        batch.into_iter().for_each(|a| builder.push(a));
                    }
                })
                .ok();
            let hand_over = |batch: Vec<RawActivityRef<'de>>| match &worker {
                // A send fails only when the worker panicked: re-raised below.
                Some(_) => tx.send(batch).is_ok(),
                None => {
                    let mut builder = lock();
                    batch.into_iter().for_each(|a| builder.push(a));
                    true
                }
            };
            let mut parsed = Ok(());
            let mut batch = batch;
            loop {
                if batch.len() == BATCH
                    && !hand_over(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))
                {
                    break;
                }
                match seq
                    .next_element::<Bounded<RawActivityRef<'de>>>()
                    .map(|a| a.map(|b| b.0))
                {
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
            drop(tx);
            if let Some(Err(panic)) = worker.map(|w| w.join()) {
                std::panic::resume_unwind(panic);
            }
            parsed
        });
        parsed.map(|()| {
            slot.into_inner()
                .unwrap_or_else(PoisonError::into_inner)
                .finish()
        })
    }
}

/// Activities per batch handed from the parser to the validator.
const BATCH: usize = 512;
