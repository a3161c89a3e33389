//! Data parallelism over slices with nothing but `std::thread::scope`.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work(from, chunk)` over `items` cut into chunks of `size` (`from` is the
/// chunk's first index), on as many threads as the machine has (up to 8);
/// one result per chunk, in order. Threads take the next chunk as they
/// finish one, so a thread the system preempts delays the end by a chunk,
/// not by a share of the whole. Exactly the chunks whose `work` panicked are
/// `None`. When no thread can be started, everything runs on the calling
/// thread, as small inputs do.
pub fn chunks<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<Option<R>> {
    let size = size.max(1);
    let parts: Vec<&[T]> = items.chunks(size).collect();
    let run = |k: usize| {
        let part = parts[k];
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(k * size, part))).ok()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(parts.len());
    let next = AtomicUsize::new(0);
    let mut out: Vec<Option<R>> = (0..parts.len()).map(|_| None).collect();
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
    std::thread::scope(|sc| {
        let handles: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(sc, worker).ok())
            .collect();
        // The calling thread works too; it also finishes the job alone when
        // no thread could be started.
        for (k, r) in worker() {
            out[k] = r;
        }
        for handle in handles {
            // `run` catches panics, so a worker always returns its results.
            for (k, r) in handle.join().into_iter().flatten() {
                out[k] = r;
            }
        }
    });
    out
}

/// [`chunks`] for work that maps each item to one result, concatenated in
/// order; the items of a chunk whose `work` panicked get `lost(item)`.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    work: impl Fn(usize, &[T]) -> Vec<R> + Sync,
    lost: impl Fn(&T) -> R,
) -> Vec<R> {
    let mut out = Vec::with_capacity(items.len());
    for (done, part) in chunks(items, size, work)
        .into_iter()
        .zip(items.chunks(size.max(1)))
    {
        match done {
            Some(results) => out.extend(results),
            None => out.extend(part.iter().map(&lost)),
        }
    }
    out
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
        let all: Vec<u32> = parts
            .into_iter()
            .flat_map(|p| p.unwrap_or_default())
            .collect();
        assert_eq!(all, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(chunks(&[] as &[u8], 10, |_, p| p.len()).is_empty());
        assert_eq!(chunks(&[1, 2, 3], 10, |_, p| p.len()), [Some(3)]);
        assert_eq!(chunks(&[1, 2, 3], 0, |f, _| f), [Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn a_panicking_chunk_is_none_and_the_rest_complete() {
        let items: Vec<u32> = (0..1000).collect();
        let parts = chunks(&items, 10, |from, _| {
            if from == 500 {
                panic!("chunk 50 fails on purpose");
            }
            from
        });
        assert_eq!(parts.len(), 100);
        assert_eq!(parts[50], None);
        let mapped = map(
            &items,
            10,
            |from, part| {
                assert!(from != 500, "chunk 50 fails on purpose");
                part.to_vec()
            },
            |_| u32::MAX,
        );
        assert_eq!(mapped.len(), 1000);
        assert_eq!(mapped[499..502], [499, u32::MAX, u32::MAX]);
        assert_eq!(mapped[510], 510);
        for (k, p) in parts.iter().enumerate().filter(|&(k, _)| k != 50) {
            assert_eq!(*p, Some(k * 10), "chunk {k}");
        }
    }
}
