//! Data parallelism over slices with nothing but `std::thread::scope`.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work(from, chunk)` over `items` cut into chunks of `size` (`from` is the
/// chunk's first index), on as many threads as the machine has (up to 8);
/// one result per chunk, in order. Threads take the next chunk as they
/// finish one, so a thread the system preempts delays the end by a chunk,
/// not by a share of the whole. When no thread can be started, everything
/// runs on the calling thread, as small inputs do.
///
/// # Panics
///
/// When `work` panics on a chunk, the other chunks still finish (no thread
/// is left running) and then the first panic is resumed on the calling
/// thread: a result is complete or there is none, never one with a chunk
/// silently missing.
pub fn chunks<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let size = size.max(1);
    let parts: Vec<&[T]> = items.chunks(size).collect();
    let run = |k: usize| {
        let part = parts[k];
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(k * size, part)))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(parts.len());
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= parts.len() {
                return done;
            }
            done.push((k, run(k)));
        }
    };
    type Caught<R> = Option<std::thread::Result<R>>;
    let mut out: Vec<Caught<R>> = (0..parts.len()).map(|_| None).collect();
    std::thread::scope(|sc| {
        let handles: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(sc, worker).ok())
            .collect();
        // The calling thread works too; it also finishes the job alone when
        // no thread could be started.
        for (k, r) in worker() {
            out[k] = Some(r);
        }
        for handle in handles {
            // `run` catches panics, so a worker always returns its results.
            for (k, r) in handle.join().into_iter().flatten() {
                out[k] = Some(r);
            }
        }
    });
    out.into_iter()
        .map(|r| match r {
            Some(Ok(r)) => r,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => unreachable!("every chunk is taken by a worker"),
        })
        .collect()
}

/// [`chunks`] for work that maps each item to one result, concatenated in
/// order. Panics as [`chunks`] does.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    work: impl Fn(usize, &[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let mut out = Vec::with_capacity(items.len());
    for results in chunks(items, size, work) {
        out.extend(results);
    }
    out
}

/// `a()` and `b()` at once: `a` on a second thread, `b` on the calling
/// one; when no thread can be started, `a` runs on the calling thread after
/// `b`. A panic in either is resumed on the calling thread.
pub fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    // (held where both the second thread and the fallback can take it)
    let job = std::sync::Mutex::new(Some(a));
    let take = || job.lock().ok().and_then(|mut j| j.take());
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .spawn_scoped(scope, || take().map(|a| a()))
            .ok();
        let b = b();
        let a = other
            .and_then(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .or_else(|| take().map(|a| a()));
        match a {
            Some(a) => (a, b),
            None => unreachable!("the job is taken once, by the thread or here"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_with_their_offsets() {
        let items: Vec<u32> = (0..10_000).collect();
        let parts = chunks(&items, 97, |from, part| {
            assert_eq!(part[0] as usize, from);
            part.iter().map(|x| x * 2).collect::<Vec<_>>()
        });
        assert_eq!(parts.len(), 10_000usize.div_ceil(97));
        let all: Vec<u32> = parts.into_iter().flatten().collect();
        assert_eq!(all, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        let mapped = map(&items, 97, |_, part| part.to_vec());
        assert_eq!(mapped, items);
    }

    #[test]
    fn join_runs_both_and_resumes_a_panic() {
        let here = std::thread::current().id();
        let (a, b) = join(
            || std::thread::current().id(),
            || std::thread::current().id(),
        );
        assert_eq!(b, here);
        assert_ne!(a, here, "a runs on a second thread when one can start");
        let caught = std::panic::catch_unwind(|| join(|| panic!("a fails on purpose"), || 1));
        assert!(caught.is_err());
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(chunks(&[] as &[u8], 10, |_, p| p.len()).is_empty());
        assert_eq!(chunks(&[1, 2, 3], 10, |_, p| p.len()), [3]);
        assert_eq!(chunks(&[1, 2, 3], 0, |f, _| f), [0, 1, 2]);
    }

    #[test]
    fn a_panicking_chunk_fails_the_whole_map_after_the_rest_finish() {
        use std::sync::atomic::AtomicUsize;
        let items: Vec<u32> = (0..1000).collect();
        let finished = AtomicUsize::new(0);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            map(&items, 10, |from, part| {
                assert!(from != 500, "chunk 50 fails on purpose");
                finished.fetch_add(1, Ordering::Relaxed);
                part.to_vec()
            })
        }));
        let panic = caught.expect_err("a lost chunk must not give a shorter result");
        let msg = (panic.downcast_ref::<String>().cloned())
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        assert!(msg.contains("chunk 50 fails on purpose"), "{msg}");
        assert_eq!(finished.load(Ordering::Relaxed), 99);
    }
}
