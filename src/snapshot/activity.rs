//! The in-memory activity: one compact record per activity.
//!
//! Activities are the bulk of a snapshot (a hundred thousand or more), so
//! each is stored in a handful of allocations instead of one per field: its
//! goals are a bit set, its targets and lines boxed slices, and its text is
//! not copied at all when it can be read where it lies — in the snapshot
//! file's text, which a loaded file's activities share (a field written
//! without escapes and with nothing to make visible is a slice of the file,
//! as most are). An activity whose text had to change is given its own copy,
//! every field back to back. Either way the span of every field is recorded
//! beside it and fields are read through accessors. Loading copies no text
//! it need not (copying 100k activities' text, and the kernel zeroing the
//! pages for the copies, was 5–13 % of loading them), and the file's text
//! stays in memory in their place: a lower peak, a larger loaded snapshot.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::model::{CountryId, LineId, SourceId, TargetId};
use super::suggested::Suggested;

/// A set of goal numbers (1–17), iterated in ascending order.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SdgSet(u32);

impl SdgSet {
    /// The empty set.
    pub const EMPTY: SdgSet = SdgSet(0);

    /// Adds goal `n` (numbers above 31 are ignored; goals are 1–17).
    pub fn insert(&mut self, n: u8) {
        if n < 32 {
            self.0 |= 1 << n;
        }
    }
    /// Whether goal `n` is in the set.
    pub fn contains(self, n: u8) -> bool {
        n < 32 && self.0 & (1 << n) != 0
    }
    /// How many goals.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Whether the two sets share a goal.
    pub fn intersects(self, other: SdgSet) -> bool {
        self.0 & other.0 != 0
    }
    /// The goals, ascending.
    pub fn iter(self) -> SdgIter {
        SdgIter(self.0)
    }
    /// The lowest goal in the set.
    pub fn first(self) -> Option<u8> {
        self.iter().next()
    }
}

impl FromIterator<u8> for SdgSet {
    fn from_iter<I: IntoIterator<Item = u8>>(iter: I) -> Self {
        let mut set = SdgSet::EMPTY;
        for n in iter {
            set.insert(n);
        }
        set
    }
}

impl IntoIterator for SdgSet {
    type Item = u8;
    type IntoIter = SdgIter;
    fn into_iter(self) -> SdgIter {
        SdgIter(self.0)
    }
}

impl IntoIterator for &SdgSet {
    type Item = u8;
    type IntoIter = SdgIter;
    fn into_iter(self) -> SdgIter {
        SdgIter(self.0)
    }
}

/// The goals of an [`SdgSet`], ascending.
#[derive(Debug, Clone)]
pub struct SdgIter(u32);

impl Iterator for SdgIter {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        if self.0 == 0 {
            return None;
        }
        let n = self.0.trailing_zeros() as u8;
        self.0 &= self.0 - 1;
        Some(n)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.count_ones() as usize;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for SdgIter {
    fn next_back(&mut self) -> Option<u8> {
        if self.0 == 0 {
            return None;
        }
        let n = 31 - self.0.leading_zeros() as u8;
        self.0 &= !(1 << n);
        Some(n)
    }
}

impl ExactSizeIterator for SdgIter {}

/// Ordered like the ascending lists of goal numbers they hold.
impl Ord for SdgSet {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.iter().cmp(other.iter())
    }
}

impl PartialOrd for SdgSet {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Serialized as the ascending list of goal numbers.
impl serde::Serialize for SdgSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl fmt::Debug for SdgSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The text fields of an activity, in storage order.
#[derive(Clone, Copy)]
enum Field {
    Id,
    Title,
    Summary,
    Lead,
    Sector,
    Kind,
    Url,
    Note,
}

/// How many fixed text fields precede the partners.
const FIXED: usize = 8;

/// Where an activity's text lives.
#[derive(Clone)]
enum Text {
    /// Its own copy, the fields back to back.
    Own(Box<str>),
    /// The text of the snapshot file it was loaded from, shared by the
    /// activities of that file; the fields are slices of it.
    Shared(Arc<String>),
}

/// An activity (project, programme, partnership, standard …).
#[derive(Clone)]
pub struct Activity {
    /// Where the text fields are (see [`Field`]), then the partners.
    text: Text,
    /// The byte range in `text` of each field, then of each partner.
    spans: Box<[(u32, u32)]>,
    /// Bit `f` set when optional field `f` is present (even if empty).
    present: u8,
    year: Option<i32>,
    sdgs: SdgSet,
    targets: Box<[TargetId]>,
    action_lines: Box<[LineId]>,
    countries: Box<[CountryId]>,
    source: SourceId,
    /// Inferred, never stated: boxed, as few activities carry it.
    suggested: Option<Box<Suggested>>,
}

impl Activity {
    fn slot(&self, i: usize) -> &str {
        let text = match &self.text {
            Text::Own(t) => &**t,
            Text::Shared(t) => t.as_str(),
        };
        let (start, end) = self.spans[i];
        // (spans are made from this text's slices: always in it)
        text.get(start as usize..end as usize).unwrap_or_default()
    }
    fn field(&self, f: Field) -> &str {
        self.slot(f as usize)
    }
    fn optional(&self, f: Field) -> Option<&str> {
        (self.present & (1 << f as u8) != 0).then(|| self.field(f))
    }

    /// Whether the activity's text is read from its snapshot file's text
    /// rather than copied.
    pub fn shares_text(&self) -> bool {
        matches!(self.text, Text::Shared(_))
    }

    /// Stable id, unique in the snapshot.
    pub fn id(&self) -> &str {
        self.field(Field::Id)
    }
    /// Name.
    pub fn title(&self) -> &str {
        self.field(Field::Title)
    }
    /// What it does (may be empty).
    pub fn summary(&self) -> &str {
        self.field(Field::Summary)
    }
    /// Leading organisation.
    pub fn lead(&self) -> Option<&str> {
        self.optional(Field::Lead)
    }
    /// ITU Sector or grouping.
    pub fn sector(&self) -> Option<&str> {
        self.optional(Field::Sector)
    }
    /// What sort of activity.
    pub fn kind(&self) -> Option<&str> {
        self.optional(Field::Kind)
    }
    /// Web address.
    pub fn url(&self) -> Option<&str> {
        self.optional(Field::Url)
    }
    /// How the record was derived.
    pub fn note(&self) -> Option<&str> {
        self.optional(Field::Note)
    }
    /// Partners, in file order.
    pub fn partners(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + Clone {
        (FIXED..self.spans.len()).map(move |i| self.slot(i))
    }
    /// Start year.
    pub fn year(&self) -> Option<i32> {
        self.year
    }
    /// Goals served: those listed plus the goals of the listed targets.
    pub fn sdgs(&self) -> SdgSet {
        self.sdgs
    }
    /// Targets served.
    pub fn targets(&self) -> &[TargetId] {
        &self.targets
    }
    /// Action Lines.
    pub fn action_lines(&self) -> &[LineId] {
        &self.action_lines
    }
    /// Countries it works in.
    pub fn countries(&self) -> &[CountryId] {
        &self.countries
    }
    /// Where it comes from.
    pub fn source(&self) -> SourceId {
        self.source
    }
    /// What sdgmap suggested for it (`import --suggest`): inferred, not
    /// stated by the source, and counted nowhere the stated links are.
    pub fn suggested(&self) -> Option<&Suggested> {
        self.suggested.as_deref()
    }
}

impl fmt::Debug for Activity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Activity")
            .field("id", &self.id())
            .field("title", &self.title())
            .field("summary", &self.summary())
            .field("lead", &self.lead())
            .field("partners", &self.partners().collect::<Vec<_>>())
            .field("sector", &self.sector())
            .field("kind", &self.kind())
            .field("year", &self.year)
            .field("sdgs", &self.sdgs)
            .field("targets", &self.targets)
            .field("action_lines", &self.action_lines)
            .field("countries", &self.countries)
            .field("source", &self.source)
            .field("url", &self.url())
            .field("note", &self.note())
            .field("suggested", &self.suggested)
            .finish()
    }
}

/// Equal when every field is: where the text is kept does not count.
impl PartialEq for Activity {
    fn eq(&self, o: &Activity) -> bool {
        (0..FIXED).all(|i| self.slot(i) == o.slot(i))
            && self.partners().eq(o.partners())
            && (self.present, self.year, self.sdgs, self.source)
                == (o.present, o.year, o.sdgs, o.source)
            && (&self.targets, &self.action_lines, &self.countries)
                == (&o.targets, &o.action_lines, &o.countries)
            && self.suggested == o.suggested
    }
}

impl Eq for Activity {}

/// Everything an [`Activity`] is made of, borrowed; text already sanitized.
pub(crate) struct ActivityParts<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub lead: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub url: Option<&'a str>,
    pub note: Option<&'a str>,
    pub partners: &'a [Cow<'a, str>],
    pub year: Option<i32>,
    pub sdgs: SdgSet,
    pub targets: Vec<TargetId>,
    pub action_lines: Vec<LineId>,
    pub countries: Vec<CountryId>,
    pub source: SourceId,
    pub suggested: Option<Suggested>,
    /// The snapshot file's text, when the fields may be slices of it.
    pub shared: Option<&'a Arc<String>>,
}

/// The most text one activity holds (its offsets are `u32`). A file is at
/// most 1 GiB, but making control characters visible can grow text fourfold.
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

impl ActivityParts<'_> {
    fn fields(&self) -> impl Iterator<Item = &str> + Clone {
        [self.id, self.title, self.summary]
            .into_iter()
            .chain(
                [self.lead, self.sector, self.kind, self.url, self.note]
                    .into_iter()
                    .map(|o| o.unwrap_or("")),
            )
            .chain(self.partners.iter().map(|p| &**p))
    }

    /// The bytes of text the activity would hold.
    pub(crate) fn text_len(&self) -> usize {
        self.fields().map(str::len).sum()
    }
}

/// The byte range of `field` in `text` when it is a slice of it.
fn span_in(text: &str, field: &str) -> Option<(u32, u32)> {
    if field.is_empty() {
        return Some((0, 0));
    }
    let start = (field.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let end = start.checked_add(field.len())?;
    // (a live allocation holds no other: a field that starts inside the
    // text and fits in it is a slice of it)
    (end <= text.len()).then_some((u32::try_from(start).ok()?, u32::try_from(end).ok()?))
}

impl From<ActivityParts<'_>> for Activity {
    /// Builds the record, sharing the file's text when every field is a
    /// slice of it; text over [`MAX_TEXT`] (which validation reports as an
    /// error first) is dropped rather than stored with wrong offsets.
    fn from(p: ActivityParts<'_>) -> Activity {
        let optional = [p.lead, p.sector, p.kind, p.url, p.note];
        let shared = p.shared.and_then(|src| {
            let spans: Option<Vec<_>> = p.fields().map(|f| span_in(src, f)).collect();
            Some((src, spans?))
        });
        let (text, spans) = match shared {
            Some((src, spans)) => (Text::Shared(Arc::clone(src)), spans),
            None => {
                let len = p.text_len();
                let keep = len <= MAX_TEXT;
                let fields = p.fields().map(|f| if keep { f } else { "" });
                let mut text = String::with_capacity(if keep { len } else { 0 });
                let mut spans = Vec::with_capacity(FIXED + p.partners.len());
                for s in fields {
                    let start = text.len();
                    text.push_str(s);
                    // fits: checked above
                    let at = |n: usize| u32::try_from(n).unwrap_or(0);
                    spans.push((at(start), at(text.len())));
                }
                (Text::Own(text.into_boxed_str()), spans)
            }
        };
        let mut present = 0;
        for (i, o) in optional.iter().enumerate() {
            if o.is_some() {
                present |= 1 << (Field::Lead as u8 + i as u8);
            }
        }
        Activity {
            text,
            spans: spans.into_boxed_slice(),
            present,
            year: p.year,
            sdgs: p.sdgs,
            targets: p.targets.into_boxed_slice(),
            action_lines: p.action_lines.into_boxed_slice(),
            countries: p.countries.into_boxed_slice(),
            source: p.source,
            suggested: p.suggested.map(Box::new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(partners: &'a [Cow<'a, str>]) -> ActivityParts<'a> {
        ActivityParts {
            id: "a-1",
            title: "Title",
            summary: "",
            lead: Some("ITU"),
            sector: None,
            kind: Some(""),
            url: None,
            note: Some("n"),
            partners,
            year: Some(2017),
            sdgs: [9, 3, 17].into_iter().collect(),
            targets: vec![TargetId(4)],
            action_lines: vec![LineId(1), LineId(2)],
            countries: vec![CountryId(5)],
            source: SourceId(3),
            suggested: None,
            shared: None,
        }
    }

    #[test]
    fn fields_round_trip() {
        let a = Activity::from(parts(&["WHO".into(), "".into(), "UNESCO".into()]));
        assert_eq!(a.id(), "a-1");
        assert_eq!(a.title(), "Title");
        assert_eq!(a.summary(), "");
        assert_eq!(a.lead(), Some("ITU"));
        assert_eq!(a.sector(), None);
        assert_eq!(a.kind(), Some(""), "present but empty is not absent");
        assert_eq!(a.url(), None);
        assert_eq!(a.note(), Some("n"));
        assert_eq!(a.partners().collect::<Vec<_>>(), ["WHO", "", "UNESCO"]);
        assert_eq!(a.partners().len(), 3);
        assert_eq!(a.year(), Some(2017));
        assert_eq!(a.sdgs().iter().collect::<Vec<_>>(), [3, 9, 17]);
        assert_eq!(a.targets(), [TargetId(4)]);
        assert_eq!(a.action_lines(), [LineId(1), LineId(2)]);
        assert_eq!(a.countries(), [CountryId(5)]);
        assert_eq!(a.source(), SourceId(3));
    }

    #[test]
    fn text_len_counts_every_field() {
        let partners = ["WHO".into(), "".into()];
        let p = parts(&partners);
        // a-1 + Title + ITU + (empty kind) + n + WHO
        assert_eq!(p.text_len(), 3 + 5 + 3 + 1 + 3);
        assert!(p.text_len() <= MAX_TEXT);
    }

    #[test]
    fn no_partners() {
        let a = Activity::from(parts(&[]));
        assert_eq!(a.partners().count(), 0);
        assert_eq!(a.note(), Some("n"));
    }

    #[test]
    fn sdg_sets() {
        let s: SdgSet = [17, 1, 9, 9].into_iter().collect();
        assert_eq!(s.len(), 3);
        assert!(s.contains(1) && s.contains(17) && !s.contains(2));
        assert!(!s.contains(200));
        assert_eq!(s.iter().rev().collect::<Vec<_>>(), [17, 9, 1]);
        assert!(s.intersects([9].into_iter().collect()));
        assert!(!s.intersects([2].into_iter().collect()));
        assert!(SdgSet::EMPTY.is_empty());
        assert_eq!(format!("{s:?}"), "{1, 9, 17}");
    }
}
