//! The prepared haystacks of a snapshot: one lowercased text per record of
//! every kind, built once, stored in one flat string.
//!
//! One allocation for all texts (plus an offsets array) keeps a million
//! activities cache-friendly and cheap to scan. Records are ordered by kind
//! ([`Kind`] order), then by stable key, so that scanning in record order
//! *is* the tie-break order of ranking: a later record never beats an
//! earlier one with the same score, which lets the finder stop scoring early.

use std::ops::Range;

use crate::entity::{EntityRef, Kind};
use crate::snapshot::{ActivityId, CountryId, IndicatorId, LineId, LinkId, Snapshot, TargetId};

/// The searchable text of a record, fields separated by `\n`, in display
/// case: goals `SDG n`, short name, title; targets code and text; lines id,
/// title, short name, facilitators; links `row × SDG n`, rationale, note;
/// activities title, summary, lead, partners; indicators code, name,
/// custodians, partners; countries code, name and other names.
pub fn haystack(s: &Snapshot, e: EntityRef, out: &mut String) {
    fields(s, e, |f| push_field(out, f, false));
}

/// [`haystack`], lowercased as the [`Corpus`] holds it, in one copy.
pub fn lower_haystack(s: &Snapshot, e: EntityRef, out: &mut String) {
    fields(s, e, |f| push_field(out, f, true));
}

/// Appends a non-empty field to a haystack, after a `\n` unless first.
fn push_field(out: &mut String, f: &str, lowercase: bool) {
    if f.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    if lowercase {
        push_lower(out, f);
    } else {
        out.push_str(f);
    }
}

/// The fields of [`haystack`], in order.
fn fields(s: &Snapshot, e: EntityRef, mut field: impl FnMut(&str)) {
    match e {
        EntityRef::Sdg(n) => {
            field(&format!("SDG {n}"));
            if let Some(g) = s.sdg(n) {
                field(&g.short_name);
                field(&g.title);
            }
        }
        EntityRef::Target(t) => {
            let t = s.target(t);
            field(&t.code);
            field(&t.text);
        }
        EntityRef::Line(l) => {
            let l = s.line(l);
            field(&l.id);
            field(&l.title);
            if l.short_name != l.title {
                field(&l.short_name);
            }
            field(&l.facilitators.join(", "));
        }
        EntityRef::Link(k) => {
            let link = s.link(k);
            field(&format!(
                "{} × SDG {}",
                s.line(link.action_line).id,
                link.sdg
            ));
            field(&link.rationale);
            field(link.note.as_deref().unwrap_or(""));
        }
        EntityRef::Cell(l, n) => field(&format!("{} × SDG {n}", s.line(l).id)),
        EntityRef::Activity(a) => {
            let a = s.activity(a);
            field(a.title());
            field(a.summary());
            field(a.lead().unwrap_or(""));
            for p in a.partners() {
                field(p);
            }
        }
        EntityRef::Indicator(i) => {
            let i = s.indicator(i);
            field(&i.code);
            field(&i.name);
            field(&i.custodians.join(", "));
            field(&i.partners.join(", "));
        }
        EntityRef::Country(c) => {
            let c = s.country(c);
            field(&c.code);
            field(&c.name);
            for n in &c.names {
                field(n);
            }
        }
    }
}

/// Lowercased haystacks of every goal, target, line, link, activity,
/// indicator and country.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    text: String,
    ends: Vec<usize>,
    masks: Vec<u64>,
    entities: Vec<EntityRef>,
    kinds: Vec<(Kind, Range<u32>)>,
}

impl Corpus {
    /// Prepares the haystacks of every record of `s`.
    pub fn new(s: &Snapshot) -> Corpus {
        let mut c = Corpus::default();
        let mut buf = String::new();
        let mut group = |c: &mut Corpus, kind: Kind, mut es: Vec<EntityRef>, sort: bool| {
            if sort {
                es.sort_by_cached_key(|e| e.key(s));
            }
            let start = c.entities.len() as u32;
            for e in es {
                buf.clear();
                haystack(s, e, &mut buf);
                let start = c.text.len();
                push_lower(&mut c.text, &buf);
                c.masks.push(mask(&c.text.as_bytes()[start..]));
                c.ends.push(c.text.len());
                c.entities.push(e);
            }
            c.kinds.push((kind, start..c.entities.len() as u32));
        };
        let n = |len: usize| 0..len as u32;
        group(
            &mut c,
            Kind::Sdg,
            s.sdgs().iter().map(|g| EntityRef::Sdg(g.number)).collect(),
            false,
        );
        group(
            &mut c,
            Kind::Target,
            n(s.targets().len())
                .map(|i| EntityRef::Target(TargetId(i)))
                .collect(),
            false,
        );
        group(
            &mut c,
            Kind::Line,
            n(s.action_lines().len())
                .map(|i| EntityRef::Line(LineId(i)))
                .collect(),
            true,
        );
        group(
            &mut c,
            Kind::Link,
            n(s.links().len())
                .map(|i| EntityRef::Link(LinkId(i)))
                .collect(),
            true,
        );
        group(
            &mut c,
            Kind::Activity,
            n(s.activities().len())
                .map(|i| EntityRef::Activity(ActivityId(i)))
                .collect(),
            true,
        );
        group(
            &mut c,
            Kind::Indicator,
            n(s.indicators().len())
                .map(|i| EntityRef::Indicator(IndicatorId(i)))
                .collect(),
            false,
        );
        group(
            &mut c,
            Kind::Country,
            n(s.countries().len())
                .map(|i| EntityRef::Country(CountryId(i)))
                .collect(),
            true,
        );
        c
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.entities.len()
    }
    /// True when there are no records.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
    /// The lowercased haystack of record `i` (empty when out of range).
    pub fn text(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }
    /// The bytes of [`Corpus::text`] (cheaper: no character-boundary check
    /// touching memory the caller may not need).
    pub(super) fn bytes(&self, i: u32) -> &[u8] {
        let i = i as usize;
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.as_bytes().get(start..end).unwrap_or(&[])
    }
    /// Which characters record `i`'s haystack contains, as [`mask`] says
    /// (0 when out of range).
    pub fn mask(&self, i: u32) -> u64 {
        self.masks.get(i as usize).copied().unwrap_or(0)
    }
    /// The record `i` refers to.
    pub fn entity(&self, i: u32) -> Option<EntityRef> {
        self.entities.get(i as usize).copied()
    }
    /// How many of the records `ids` are of each kind (kinds with none left
    /// out). `ids` ascend, as a search's matches do (each kind's records
    /// are one range): two binary searches a kind, whatever the matches.
    pub fn count_by_kind(&self, ids: &[u32]) -> Vec<(Kind, usize)> {
        debug_assert!(ids.is_sorted(), "matches ascend");
        self.kinds
            .iter()
            .map(|(k, r)| {
                let n = ids.partition_point(|&i| i < r.end) - ids.partition_point(|&i| i < r.start);
                (*k, n)
            })
            .filter(|&(_, n)| n > 0)
            .collect()
    }
    /// The records of `kind`, as a range of record numbers.
    pub fn range(&self, kind: Kind) -> Range<u32> {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0..0, |(_, r)| r.clone())
    }
}

/// The bit of byte `b` in a [`mask`]: one bit each for `a`–`z` and `0`–`9`
/// (so a set bit proves the character occurs), other bytes share the rest.
pub(super) const fn bit(b: u8) -> u64 {
    1 << match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + b - b'0',
        _ => 36 + b % 28,
    }
}

/// Whether `b` has a bit of its own in a [`mask`].
pub(super) const fn exact_bit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The character-class mask of a lowercased haystack: the OR of `bit` of
/// every byte. A record lacks a character some term needs when its mask
/// lacks that bit, so most non-matches are rejected without a scan.
pub fn mask(text: &[u8]) -> u64 {
    const BITS: [u64; 256] = {
        let mut t = [0; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = bit(b as u8);
            b += 1;
        }
        t
    };
    text.iter().fold(0, |m, &b| m | BITS[b as usize])
}

/// Appends the lowercase of `s` to `out`, as [`super::lower`] does.
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}
