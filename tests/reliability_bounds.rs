//! Work stays bounded by the input's size, never its square (issue 17):
//! long and hostile patterns fed to the view parser and the scorer, long
//! texts scored and highlighted. Memory is measured with a counting
//! allocator (every byte allocated while a case runs, not just the peak, so
//! it also bounds the work of allocation-heavy code); time only against
//! generous limits. The allocator also caps the whole process, so a
//! regression fails the test instead of taking the machine down.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a broken environment is the test failing

use std::sync::Mutex;
use std::time::{Duration, Instant};

use cap::Cap;
use proptest::prelude::*;
use sdgmap::search::{Query, fuzzy};

#[global_allocator]
static ALLOC: Cap<std::alloc::System> = Cap::new(std::alloc::System, usize::MAX);

/// One case at a time: the allocator's counts are process-wide.
static ONE: Mutex<()> = Mutex::new(());

/// Bytes allocated by `f`, and how long it took. `f` runs on its own
/// thread, so a case that does not end fails at [`SLOW`] instead of
/// hanging the test (it is left running; the process ends with the tests).
fn measure<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> (T, usize, Duration) {
    let before = ALLOC.total_allocated();
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(SLOW) {
        Ok(out) => (out, ALLOC.total_allocated() - before, started.elapsed()),
        Err(_) => panic!("a case took more than {SLOW:?}"),
    }
}

/// No case may allocate more than a small multiple of its input plus a
/// fixed amount (the matcher's bounded table, a few hundred kB).
fn budget(input: usize) -> usize {
    32 * input + (64 << 20)
}

/// A generous limit: today's fixed scorer does any case here in
/// milliseconds; the unbounded one took minutes.
const SLOW: Duration = Duration::from_secs(20);

fn cap_the_process() {
    // 4 GiB in all: the unbounded scorer asked for 14 GB on one query.
    let _ = ALLOC.set_limit(ALLOC.allocated() + (4 << 30));
}

/// Hostile pattern text: operators, quotes, facet-like words, long runs
/// of one letter (the worst case of the score table), wide characters.
fn hostile() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("a".to_string()),
        Just("aa".to_string()),
        Just(" ".to_string()),
        Just("'".to_string()),
        Just("^".to_string()),
        Just("$".to_string()),
        Just("!".to_string()),
        Just(" | ".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("sdg:".to_string()),
        Just("-al:".to_string()),
        Just(",".to_string()),
        Just("é".to_string()),
        Just("東".to_string()),
        Just("\u{1b}[2J".to_string()),
        "[a-z]{1,8}",
    ];
    (proptest::collection::vec(atom, 0..64), 0usize..20_000).prop_map(|(parts, run)| {
        let mut s = parts.concat();
        s.push_str(&"a".repeat(run));
        s
    })
}

/// A long text full of what the patterns look for.
fn long_text() -> impl Strategy<Value = String> {
    (0usize..300_000, "[a-z é]{0,40}").prop_map(|(n, tail)| {
        let mut s = "a".repeat(n);
        s.push_str(&tail);
        s.push('\n');
        s.push_str(&"ab ".repeat(n / 3));
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        // a failing case can take SLOW each time: shrink only a little
        max_shrink_iters: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_view_parser_is_linear_on_hostile_text(text in hostile()) {
        let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
        cap_the_process();
        let owned = text.clone();
        let (parsed, bytes, took) = measure(move || sdgmap::view::parse(&owned));
        prop_assert!(bytes <= budget(text.len()), "{bytes} bytes for {} input bytes", text.len());
        prop_assert!(took < SLOW, "{took:?}");
        // a view is at most 4096 characters with at most 256 of search text
        if let Ok(v) = &parsed {
            prop_assert!(text.chars().count() <= 4096);
            prop_assert!(v.text.iter().map(|t| t.chars().count()).sum::<usize>() <= 256);
        }
        // the error message of a huge view stays short
        if let Err(e) = &parsed {
            prop_assert!(e.render(&text).len() < 2_000, "{}", e.render(&text).len());
        }
    }

    #[test]
    fn scoring_is_bounded_for_any_pattern_and_text(pattern in hostile(), hay in long_text()) {
        let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
        cap_the_process();
        let input = pattern.len() + hay.len();
        let (p, h) = (pattern.clone(), hay.clone());
        let (_, bytes, took) = measure(move || {
            let q = Query::parse(&p);
            let low = sdgmap::search::lower(&h);
            if q.matches(&low) {
                let _ = q.score(&low);
            }
            let _ = q.highlight(&h);
        });
        prop_assert!(bytes <= budget(input), "{bytes} bytes for {input} input bytes");
        prop_assert!(took < SLOW, "{took:?}");
        // the matcher called directly is bounded too
        let (p, h) = (pattern.clone(), hay.clone());
        let (_, bytes, took) = measure(move || {
            let _ = fuzzy(&h, &p, false);
            let _ = fuzzy(&h, &p, true);
        });
        prop_assert!(bytes <= budget(input), "{bytes} bytes for {input} input bytes");
        prop_assert!(took < SLOW, "{took:?}");
    }
}

#[test]
fn the_examples_of_the_issue_are_cheap() {
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    cap_the_process();
    // `sdgmap query "$(python3 -c 'print("a"*10000)')"`, and 30,000
    for n in [10_000, 30_000] {
        let pattern = "a".repeat(n);
        let hay = "a".repeat(n + 10);
        let (matched, bytes, took) = measure(move || {
            let q = Query::parse(&pattern);
            q.matches(&hay) && q.score(&hay) > 0
        });
        assert!(matched);
        assert!(bytes <= budget(2 * n), "{n}: {bytes} bytes");
        assert!(took < SLOW, "{n}: {took:?}");
    }
    // a 20 MB field against an ordinary query
    let hay = format!("{}health", "a digital ".repeat(2_000_000));
    let (score, bytes, took) = measure(move || Query::parse("digital health").score(&hay));
    assert!(score > 0);
    assert!(
        bytes <= 1 << 20,
        "{bytes} bytes for a query on a 20 MB text"
    );
    assert!(took < SLOW, "{took:?}");
}
