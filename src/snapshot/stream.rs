//! The fast path of loading: one pass over the file's bytes, the parser on
//! this thread handing each section and each batch of activities to a
//! validator thread as soon as it is read (see `handoff.rs`), so the two
//! work side by side from the first section on.
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
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::bounded::{Bounded, Skip};
use super::handoff::{Msg, Sink};
use super::raw::{CowStr, RawActivityRef};
use super::validate::{Section, format_problem};
use super::{Problem, Snapshot};

/// What a file's bytes build into: a snapshot, or its validation problems.
pub(crate) type Built = Result<Snapshot, Vec<Problem>>;

/// Parses and validates `text` in one pass. `Err` is a parse or type error:
/// the caller reports it through the precise path. `shared`, when given,
/// holds `text`: the activities keep their fields where they lie in it.
pub(crate) fn load(text: &str, shared: Option<&Arc<String>>) -> Result<Built, serde_json::Error> {
    std::thread::scope(|scope| {
        let mut sink = Sink::start(scope, shared.cloned());
        let mut de = serde_json::Deserializer::from_str(text);
        let read = Document {
            text,
            sink: &mut sink,
        }
        .deserialize(&mut de)
        .and_then(|read| de.end().map(|()| read));
        // the validator is waited for even when parsing failed
        let built = sink.finish();
        match read? {
            Read::Refused(problems) => Ok(Err(problems)),
            // The activities always begin when the document is read whole;
            // should they not have, the precise path reads it again.
            Read::Handed => {
                built.ok_or_else(|| de::Error::custom("the activities were not validated"))
            }
        }
    })
}

/// How reading the document ended.
enum Read {
    /// Everything went to the validator.
    Handed,
    /// The format or version is not this build's: that problem alone,
    /// the activities skipped.
    Refused(Vec<Problem>),
}

/// The top-level object of `text`.
struct Document<'a, 'scope, 'de> {
    text: &'de str,
    sink: &'a mut Sink<'scope, 'de>,
}

impl<'scope, 'de: 'scope> DeserializeSeed<'de> for Document<'_, 'scope, 'de> {
    type Value = Read;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Read, D::Error> {
        d.deserialize_map(self)
    }
}

/// The keys a snapshot must have before its activities can be validated.
pub(super) const REQUIRED: [&str; 7] = [
    "format",
    "version",
    "meta",
    "sdgs",
    "indicators",
    "action_lines",
    "links",
];

/// Where the activities went.
enum Activities<'de> {
    /// Not read yet.
    Unread,
    /// Read before the sections they refer to: kept raw.
    Held(Vec<RawActivityRef<'de>>),
    /// Handed to the validator as they were read.
    Handed,
    /// Skipped: the head's format or version is wrong.
    Refused(Vec<Problem>),
}

/// Reads the value of section `key`; a key seen before is an error, as
/// serde's derive has it.
fn once<'de, A, T>(
    map: &mut A,
    seen: &mut Vec<&'static str>,
    key: &'static str,
) -> Result<T, A::Error>
where
    A: MapAccess<'de>,
    T: de::Deserialize<'de>,
{
    if seen.contains(&key) {
        return Err(de::Error::duplicate_field(key));
    }
    seen.push(key);
    Ok(map.next_value::<Bounded<T>>()?.0)
}

impl<'scope, 'de: 'scope> Visitor<'de> for Document<'_, 'scope, 'de> {
    type Value = Read;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a snapshot object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        let Document { text, sink } = self;
        let mut activities = Activities::Unread;
        let mut seen = Vec::with_capacity(REQUIRED.len() + 1);
        // kept here too: a wrong one means the activities are skipped
        let (mut format, mut version) = (None, None);
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            let section = match &*key {
                "format" => {
                    let f: String = once(&mut map, &mut seen, "format")?;
                    format = Some(f.clone());
                    Section::Format(f)
                }
                "version" => {
                    let v = once(&mut map, &mut seen, "version")?;
                    version = Some(v);
                    Section::Version(v)
                }
                "meta" => Section::Meta(once(&mut map, &mut seen, "meta")?),
                "sdgs" => Section::Sdgs(once(&mut map, &mut seen, "sdgs")?),
                "indicators" => Section::Indicators(once(&mut map, &mut seen, "indicators")?),
                "action_lines" => Section::Lines(once(&mut map, &mut seen, "action_lines")?),
                "links" => Section::Links(once(&mut map, &mut seen, "links")?),
                "countries" => {
                    // Activities already validated without them could not
                    // resolve their countries: the precise path reads the
                    // file in any order.
                    if matches!(activities, Activities::Handed) {
                        return Err(de::Error::custom(
                            "countries after activities: read in two passes",
                        ));
                    }
                    Section::Countries(once(&mut map, &mut seen, "countries")?)
                }
                "activities" => {
                    if !matches!(activities, Activities::Unread) {
                        return Err(de::Error::duplicate_field("activities"));
                    }
                    let head = REQUIRED.iter().all(|k| seen.contains(k));
                    let refused = (format.as_deref())
                        .zip(version)
                        .and_then(|(f, v)| format_problem(f, v.into()));
                    activities = match (head, refused) {
                        (false, _) => Activities::Held(
                            map.next_value::<Bounded<Vec<RawActivityRef<'de>>>>()?.0,
                        ),
                        (true, Some(problem)) => {
                            map.next_value::<Skip>()?;
                            Activities::Refused(vec![problem])
                        }
                        (true, None) => {
                            map.next_value_seed(Stream {
                                text,
                                sink: &mut *sink,
                            })?;
                            Activities::Handed
                        }
                    };
                    continue;
                }
                // unknown keys are skipped, within the nesting limit
                _ => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            if !sink.send(Msg::Section(section)) {
                return Err(de::Error::custom("the validator stopped"));
            }
        }
        match activities {
            Activities::Handed => Ok(Read::Handed),
            Activities::Refused(problems) => Ok(Read::Refused(problems)),
            Activities::Unread => Err(de::Error::missing_field("activities")),
            Activities::Held(held) => {
                if let Some(key) = REQUIRED.iter().find(|k| !seen.contains(k)) {
                    return Err(de::Error::missing_field(key));
                }
                let ids = held.iter().map(|a| a.id.len()).sum();
                let sent =
                    sink.send(Msg::Activities(held.len(), ids)) && sink.send(Msg::Batch(held));
                if !sent {
                    return Err(de::Error::custom("the validator stopped"));
                }
                Ok(Read::Handed)
            }
        }
    }
}

/// The `activities` array, handed to the validator in batches as it is
/// parsed.
struct Stream<'a, 'scope, 'de> {
    text: &'de str,
    sink: &'a mut Sink<'scope, 'de>,
}

impl<'scope, 'de: 'scope> DeserializeSeed<'de> for Stream<'_, 'scope, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// The next activity of the array, if any.
fn next<'de, A: SeqAccess<'de>>(seq: &mut A) -> Result<Option<RawActivityRef<'de>>, A::Error> {
    Ok(seq
        .next_element::<Bounded<RawActivityRef<'de>>>()?
        .map(|b| b.0))
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
    // An eighth more than the first records suggest: falling short by one
    // would double the model's vector, and for a moment hold both copies.
    let guess = left / per.max(1);
    let n = (guess + guess / 8).min(left / 32) + 1;
    let id_bytes: usize = batch.iter().map(|a| a.id.len()).sum();
    (n, n.saturating_mul(id_bytes / batch.len() + 1))
}

impl<'scope, 'de: 'scope> Visitor<'de> for Stream<'_, 'scope, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of activities")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Stream { text, sink } = self;
        let stopped = || de::Error::custom("the validator stopped");
        let mut batch = Vec::with_capacity(FIRST);
        let mut begun = false;
        while let Some(a) = next(&mut seq)? {
            batch.push(a);
            if batch.len() == FIRST && !begun || batch.len() >= BATCH {
                if !begun {
                    let (n, id_bytes) = estimate(text, &batch);
                    begun = sink.send(Msg::Activities(n + batch.len(), id_bytes));
                }
                let fresh = sink.spare().unwrap_or_else(|| Vec::with_capacity(BATCH));
                if !begun || !sink.send(Msg::Batch(std::mem::replace(&mut batch, fresh))) {
                    return Err(stopped());
                }
            }
        }
        if !begun {
            let ids = batch.iter().map(|a| a.id.len()).sum();
            if !sink.send(Msg::Activities(batch.len(), ids)) {
                return Err(stopped());
            }
        }
        if !batch.is_empty() && !sink.send(Msg::Batch(batch)) {
            return Err(stopped());
        }
        Ok(())
    }
}

/// Activities in the first batch, after which the validator learns how
/// many to make room for.
const FIRST: usize = 64;

/// Activities per batch handed from the parser to the validator.
const BATCH: usize = 256;
