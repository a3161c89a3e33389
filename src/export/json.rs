//! `--format json` written straight from the snapshot: the same bytes as
//! serde_json's pretty printer gives for [`Row`](super::Row)s, without
//! building them.
//!
//! `sdgmap query` can print a hundred thousand rows; building a row struct
//! per record (its lists as vectors) and feeding them through serde's
//! pretty printer on one thread was a third of its time. Here each activity is
//! formatted from borrowed snapshot data into a chunk buffer, chunks are
//! formatted on every core ([`crate::par`]) and written in order, a bounded
//! group of chunks at a time, so memory stays a few megabytes whatever the
//! result's size. Strings are escaped exactly as serde_json escapes them
//! (tested against it), so the output is byte for byte what
//! `serde_json::to_writer_pretty` prints for the rows. The few records of
//! the other kinds (goals, targets, links, indicators, countries) go
//! through serde, indented to their place.

use std::io::Write;

use crate::entity::EntityRef;
use crate::selection::Selection;
use crate::snapshot::{Activity, Snapshot};
use crate::view::Show;

use super::ExportError;

/// Records per chunk formatted on one thread.
const CHUNK: usize = 2048;
/// Chunks formatted before they are written (bounds the memory held).
const GROUP: usize = 16;

/// Writes the JSON document of `records` (in this order): the view, the
/// snapshot's title and date, what is shown, the count and one object per
/// record, as [`super::write`] writes it for their rows.
pub fn write(
    out: &mut dyn Write,
    s: &Snapshot,
    sel: &Selection,
    view: &str,
    show: Show,
    records: &[EntityRef],
) -> Result<(), ExportError> {
    let mut head = Vec::with_capacity(256);
    head.extend_from_slice(b"{\n  \"view\": ");
    string(&mut head, view);
    head.extend_from_slice(b",\n  \"snapshot\": {\n    \"title\": ");
    string(&mut head, &s.meta().title);
    head.extend_from_slice(b",\n    \"date\": ");
    string(&mut head, &s.meta().snapshot_date);
    head.extend_from_slice(b"\n  },\n  \"show\": ");
    string(&mut head, show.name());
    head.extend_from_slice(format!(",\n  \"count\": {},\n  \"rows\": [", records.len()).as_bytes());
    if records.is_empty() {
        head.extend_from_slice(b"]\n}\n");
        out.write_all(&head)?;
        return Ok(());
    }
    out.write_all(&head)?;
    for (g, group) in records.chunks(CHUNK * GROUP).enumerate() {
        let first = g == 0;
        let parts = crate::par::chunks(group, CHUNK, |from, part| {
            let mut buf = Vec::with_capacity(part.len() * 320);
            for (k, &e) in part.iter().enumerate() {
                buf.extend_from_slice(if first && from + k == 0 {
                    b"\n"
                } else {
                    b",\n"
                });
                record(&mut buf, s, sel, e)?;
            }
            Ok::<_, serde_json::Error>(buf)
        });
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    Ok(())
}

/// One row object, indented as the pretty printer indents it in `rows`.
fn record(
    buf: &mut Vec<u8>,
    s: &Snapshot,
    sel: &Selection,
    e: EntityRef,
) -> Result<(), serde_json::Error> {
    if let EntityRef::Activity(a) = e {
        activity(buf, s, s.activity(a));
        return Ok(());
    }
    // serde's pretty printing of the row alone, each line moved in by the
    // four columns of its place in `rows` (strings hold no raw line break)
    let alone = serde_json::to_vec_pretty(&super::row(s, sel, e))?;
    for (i, line) in alone.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            buf.push(b'\n');
        }
        buf.extend_from_slice(b"    ");
        buf.extend_from_slice(line);
    }
    Ok(())
}

/// `"key": ` of a row's field, on its own line after the previous one.
fn key(buf: &mut Vec<u8>, name: &str, first: bool) {
    buf.extend_from_slice(if first { b"\n      \"" } else { b",\n      \"" });
    buf.extend_from_slice(name.as_bytes());
    buf.extend_from_slice(b"\": ");
}

/// A list field's value: `[]`, or one item a line, as the pretty printer
/// writes a list inside a row.
fn list<T>(buf: &mut Vec<u8>, items: impl Iterator<Item = T>, each: impl Fn(&mut Vec<u8>, T)) {
    buf.push(b'[');
    let mut any = false;
    for item in items {
        buf.extend_from_slice(if any { b",\n        " } else { b"\n        " });
        each(buf, item);
        any = true;
    }
    if any {
        buf.extend_from_slice(b"\n      ");
    }
    buf.push(b']');
}

/// An activity's row ([`super::ActivityRow`]) from the activity itself.
fn activity(buf: &mut Vec<u8>, s: &Snapshot, a: &Activity) {
    buf.extend_from_slice(b"    {");
    key(buf, "id", true);
    string(buf, a.id());
    key(buf, "title", false);
    string(buf, a.title());
    key(buf, "lead", false);
    string(buf, a.lead().unwrap_or_default());
    key(buf, "sector", false);
    string(buf, a.sector().unwrap_or_default());
    key(buf, "kind", false);
    string(buf, a.kind().unwrap_or_default());
    key(buf, "year", false);
    match a.year() {
        Some(y) => int(buf, i64::from(y)),
        None => buf.extend_from_slice(b"null"),
    }
    key(buf, "sdgs", false);
    list(buf, a.sdgs().iter(), |b, n| int(b, i64::from(n)));
    key(buf, "targets", false);
    list(buf, a.targets().iter(), |b, &t| {
        string(b, &s.target(t).code)
    });
    key(buf, "action_lines", false);
    list(buf, a.action_lines().iter(), |b, &l| {
        string(b, &s.line(l).id)
    });
    key(buf, "countries", false);
    list(buf, a.countries().iter(), |b, &c| {
        string(b, &s.country(c).code)
    });
    let sug = a.suggested();
    key(buf, "suggested_sdgs", false);
    list(buf, sug.iter().flat_map(|g| g.goals.iter()), |b, g| {
        int(b, i64::from(g.goal))
    });
    key(buf, "suggested_targets", false);
    list(buf, sug.iter().flat_map(|g| g.targets()), |b, t| {
        string(b, &s.target(t).code)
    });
    key(buf, "suggested_action_lines", false);
    list(buf, sug.iter().flat_map(|g| g.lines()), |b, l| {
        string(b, &s.line(l).id)
    });
    key(buf, "summary", false);
    string(buf, a.summary());
    buf.extend_from_slice(b"\n    }");
}

/// A decimal integer, as serde_json writes one.
fn int(buf: &mut Vec<u8>, n: i64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        buf.push(b'-');
    }
    buf.extend_from_slice(&digits[i..]);
}

/// A JSON string, quoted and escaped as serde_json does.
fn string(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    contents(buf, s);
    buf.push(b'"');
}

/// What serde_json writes for a byte inside a string: 0 for itself, `u`
/// for `\u00XX`, else the letter after the backslash.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The escaped contents of a JSON string, without the quotes: runs of
/// bytes that need nothing are copied whole, found eight bytes at a time.
fn contents(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // skip whole words holding no control character, quote or backslash
        if let Some(word) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if !needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let esc = ESCAPE[b as usize];
        i += 1;
        if esc == 0 {
            continue;
        }
        buf.extend_from_slice(&bytes[start..i - 1]);
        if esc == b'u' {
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX[(b >> 4) as usize]);
            buf.push(HEX[(b & 0xf) as usize]);
        } else {
            buf.push(b'\\');
            buf.push(esc);
        }
        start = i;
    }
    buf.extend_from_slice(&bytes[start..]);
}

/// Whether any byte of `w` is below 0x20, a quote or a backslash (the
/// classic has-zero-byte tests; a false positive only costs a byte check).
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_as_serde_writes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            2019,
            -2147483648,
            i64::from(i32::MAX),
            i64::MIN,
        ] {
            let mut buf = Vec::new();
            int(&mut buf, n);
            assert_eq!(String::from_utf8(buf).ok(), serde_json::to_string(&n).ok());
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(2000))]
        #[test]
        fn strings_escape_as_serde_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f\u{2028}\u{202e}])*") {
            let mut buf = Vec::new();
            string(&mut buf, &s);
            let want = serde_json::to_string(&s).unwrap_or_default();
            proptest::prop_assert_eq!(String::from_utf8(buf).unwrap_or_default(), want);
        }
    }
}
