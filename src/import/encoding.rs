//! Text that went through the wrong encoding on its way into a spreadsheet
//! ("mojibake"): UTF-8 bytes read back as Windows-1252 or Latin-1, so that
//! `é` arrives as `Ã©` and `“` as `â€œ`. A CSV exported that way imports
//! without any error, and the garbled names then show on every screen, so
//! `import` says which cells look like it. It never repairs them: a cell
//! is kept exactly as written, and the warning names what it probably
//! meant where that can be told.
//!
//! A run of characters counts when, taken back to the bytes Windows-1252
//! gives them, it is one complete UTF-8 sequence of two to four bytes for a
//! character of a script or punctuation block text uses; a CJK character
//! counts only beside another (`café »` with a no-break space spells one).
//! Listings that lost one byte of such a sequence leave a capital `Ã` or `Â`
//! right after a lowercase letter (`ConfÃ_o`) or an `â€` (`â€ùN.Iorga`),
//! which no language writes: those count too, with nothing to say about
//! what was meant.

/// How every warning about mis-encoded text begins.
pub const WARNING: &str = "looks mis-encoded";

impl Garbled {
    /// The warning for a cell holding it (sanitized: the text is quoted),
    /// beginning with [`WARNING`].
    pub fn message(&self) -> String {
        let found = super::clean(&self.found);
        match &self.meant {
            Some(meant) => format!(
                "{WARNING} (UTF-8 read as Windows-1252): «{found}» probably had «{}» \
                 there; kept as written — save the file as UTF-8 and import it again",
                super::clean(meant)
            ),
            None => format!(
                "{WARNING}: «{found}» holds what UTF-8 read as Windows-1252 leaves \
                 when a byte of it is lost; kept as written"
            ),
        }
    }
}

/// Windows-1252's characters for bytes 0x80–0x9F (five of them undefined).
const CP1252: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The most characters of context a finding quotes.
const QUOTED: usize = 40;

/// A cell's text that looks mis-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Garbled {
    /// The word it was found in, as written (at most `QUOTED` characters).
    pub found: String,
    /// What the garbled characters probably were, when that can be told.
    pub meant: Option<String>,
}

/// The byte Windows-1252 (or Latin-1, for its undefined bytes) gives `c`.
fn byte(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ 0x80..=0xFF => u8::try_from(n).ok(),
        _ => CP1252.iter().find(|x| x.0 == c).map(|x| x.1),
    }
}

/// Whether `c` belongs to a block ordinary text uses: Latin, Greek,
/// Cyrillic, Hebrew, Arabic, Devanagari, general punctuation and symbols
/// ([`cjk`] apart).
fn plausible(c: char) -> bool {
    matches!(u32::from(c),
        0xA0..=0x24F
            | 0x370..=0x52F
            | 0x590..=0x6FF
            | 0x900..=0x97F
            | 0x2000..=0x206F
            | 0x20A0..=0x20CF
            | 0x2100..=0x214F)
}

/// Whether `c` is CJK or Hangul: three garbled characters each, and a
/// single such triple is also what `café\u{a0}»` spells (頻), so only two in
/// a row count.
fn cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The character the garbled run starting at `chars[i]` stands for, and the
/// run's length, when it is one complete UTF-8 sequence.
fn decode(chars: &[(usize, char)], i: usize) -> Option<(char, usize)> {
    let lead = byte(chars.get(i)?.1)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    bytes.extend(
        chars[i + 1..]
            .iter()
            .take(len - 1)
            .map_while(|&(_, x)| byte(x).filter(|b| (0x80..=0xBF).contains(b))),
    );
    let text = std::str::from_utf8(&bytes).ok()?;
    let mut it = text.chars();
    let c = it.next()?;
    (bytes.len() == len && it.next().is_none()).then_some((c, len))
}

/// The first place `s` looks mis-encoded, or `None`. Linear in `s`.
pub fn mojibake(s: &str) -> Option<Garbled> {
    if s.is_ascii() {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(s.len(), |x| x.0);
    for (i, &(at, c)) in chars.iter().enumerate() {
        if let Some((meant, len)) = decode(&chars, i)
            && (plausible(meant)
                || cjk(meant) && decode(&chars, i + len).is_some_and(|(next, _)| cjk(next)))
        {
            return Some(Garbled {
                found: word(s, at, end_of(i + len)),
                meant: Some(meant.to_string()),
            });
        }
        // traces of a sequence that lost a byte: `â€` never begins real
        // text's words or ends them, nor does a capital Ã follow a lowercase letter
        let after_lower = i > 0 && chars[i - 1].1.is_lowercase();
        let euro_next = chars.get(i + 1).is_some_and(|x| x.1 == '€');
        if matches!(c, 'Ã' | 'Â') && after_lower || c == 'â' && euro_next {
            return Some(Garbled {
                found: word(s, at, at + c.len_utf8()),
                meant: None,
            });
        }
    }
    None
}

/// The whitespace-delimited word of `s` around `start..end`, cut to
/// [`QUOTED`] characters around it.
fn word(s: &str, start: usize, end: usize) -> String {
    let from = s[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace())
        .take(QUOTED / 2)
        .last()
        .map_or(start, |(i, _)| i);
    let to = s[end..]
        .char_indices()
        .take_while(|&(_, c)| !c.is_whitespace())
        .take(QUOTED / 2)
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    s[from..to].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as UTF-8 bytes read back as Windows-1252 (Latin-1 for its
    /// undefined bytes): how a mis-encoded export garbles it.
    fn garble(text: &str) -> String {
        text.bytes()
            .map(|b| {
                CP1252
                    .iter()
                    .find(|x| x.1 == b)
                    .map_or(char::from(b), |x| x.0)
            })
            .collect()
    }

    #[test]
    fn garbled_text_is_found_with_what_it_meant() {
        let cases = [
            ("Plan Ceibal - Clases de InglÃ©s", "InglÃ©s", "é"),
            (
                "Kuwait Portal â€œBeatona.netâ€\u{9d}",
                "â€œBeatona.netâ€\u{9d}",
                "“",
            ),
            ("TVPâ€™s Internet Theatre", "TVPâ€™s", "’"),
            ("Biblioteca Nacional JosÃ© MartÃ", "JosÃ©", "é"),
            ("Ð\u{9f}Ñ€Ð¸Ð²ÐµÑ‚", "Ð\u{9f}Ñ€Ð¸Ð²ÐµÑ‚", "П"),
        ];
        let chinese = garble("数字中国 project");
        let g = mojibake(&chinese).expect("two CJK characters");
        assert_eq!(g.meant.as_deref(), Some("数"));
        for (text, found, meant) in cases {
            let g = mojibake(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(g.found, found, "{text:?}");
            assert_eq!(g.meant.as_deref(), Some(meant), "{text:?}");
        }
        // a byte the listing lost leaves a capital Ã inside a lowercase word
        let g = mojibake("En TIC ConfÃ_o").expect("lossy");
        assert_eq!((g.found.as_str(), g.meant), ("ConfÃ_o", None));
        let g = mojibake("â€ùN.Iorgaâ€ù County Library").expect("lossy");
        assert_eq!((g.found.as_str(), g.meant), ("â€ùN.Iorgaâ€ù", None));
    }

    #[test]
    fn ordinary_text_in_any_script_is_not_flagged() {
        for text in [
            "Digital health for all",
            "Café «Internet» à São Paulo, IRMÃOS, ÂGE D'OR",
            "café\u{a0}» — « l'ère numérique »",
            "Niños y niñas · 1º · 2ª · ¿Qué? ¡Sí!",
            "Zürich, Kraków, Ærø, Þingvellir, Œuvre, ½ °C, © ITU ™",
            "Привет мир, Γειά σου, مرحبا, שלום, 你好, 안녕하세요, नमस्ते",
            "Łódź, Košice, Đà Nẵng",
        ] {
            assert_eq!(mojibake(text), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(2000))]
        /// Any text with a character past ASCII, garbled the usual way, is
        /// found, and the first finding names a character of the text.
        #[test]
        fn garbling_is_always_found(
            before in "[a-z ]{0,12}",
            c in "[àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÉÑßœ€“”’–—ĞŞİıłżźćńśąęПДЖжйΩλשעمب]",
            after in "[a-z ]{0,12}",
        ) {
            let text = format!("{before}{c}{after}");
            let g = mojibake(&garble(&text));
            proptest::prop_assert!(g.is_some(), "{:?} → {:?}", text, garble(&text));
            let meant = g.and_then(|g| g.meant);
            proptest::prop_assert_eq!(meant.as_deref(), Some(c.as_str()));
        }

        /// Work is linear and nothing panics, whatever the text.
        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,64}") {
            let _ = mojibake(&text);
        }
    }
}
