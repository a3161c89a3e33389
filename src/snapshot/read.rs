//! Reading a snapshot file's bytes, at most one byte past the size limit.
//!
//! A large file is read in two halves at once, by the calling thread and
//! a second one: the kernel's work of a read (mapping and zeroing fresh
//! pages, copying from the page cache) is most of the time it takes, and
//! this way two cores share it. A file that shrinks while it is read is
//! read again from the start, one that grows is read on to its end (or to
//! just past the limit), exactly as one sequential read would have it.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

/// Files from this size on are read in two halves at once.
const PARALLEL_FROM: u64 = 8 << 20;

/// Every byte of `file`, whose size was `size` when it was looked at, but
/// at most `limit + 1` (so a file that grows while it is read is not read
/// without end, and is still seen to be over the limit).
pub(super) fn read_all(mut file: File, size: u64, limit: u64) -> io::Result<Vec<u8>> {
    #[cfg(unix)]
    if (PARALLEL_FROM..=limit).contains(&size)
        && let Some(mut bytes) = read_halves(&file, size)?
    {
        file.seek(SeekFrom::Start(size))?;
        file.take(limit + 1 - size).read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    let mut bytes = Vec::with_capacity(size.min(limit) as usize);
    file.seek(SeekFrom::Start(0))?;
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first `size` bytes of `file`, its two halves read at once; `None`
/// when the file turned out shorter.
#[cfg(unix)]
fn read_halves(file: &File, size: u64) -> io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt as _;
    // Zeroed memory fresh from the system costs nothing until the reads
    // write it, each on its own thread.
    let mut bytes = vec![0; size as usize];
    let (first, second) = bytes.split_at_mut(size as usize / 2);
    let from = first.len() as u64;
    let (b, a) = crate::par::join(
        || file.read_exact_at(second, from),
        || file.read_exact_at(first, 0),
    );
    match a.and(b) {
        Ok(()) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(bytes: &[u8]) -> (tempfile::TempDir, File) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.json");
        std::fs::write(&path, bytes).expect("write");
        let file = File::open(&path).expect("open");
        (dir, file)
    }

    #[test]
    fn reads_small_and_large_files_whole() {
        for len in [
            0,
            1,
            1000,
            PARALLEL_FROM as usize,
            PARALLEL_FROM as usize + 7,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let (_dir, file) = file_of(&bytes);
            let read = read_all(file, len as u64, 1 << 30).expect("reads");
            assert!(read == bytes, "{len} bytes");
        }
    }

    #[test]
    fn a_file_longer_or_shorter_than_its_size_reads_as_it_is_now() {
        let len = PARALLEL_FROM as usize + 10;
        let bytes: Vec<u8> = (0..len).map(|i| (i % 253) as u8).collect();
        // grown since its size was taken
        let (_dir, file) = file_of(&bytes);
        let size = PARALLEL_FROM;
        assert!(read_all(file, size, 1 << 30).expect("reads") == bytes);
        // shrunk since
        let (_dir, file) = file_of(&bytes);
        assert!(read_all(file, len as u64 + 100, 1 << 30).expect("reads") == bytes);
        // grown past the limit: one byte past it is read, no more
        let (_dir, file) = file_of(&bytes);
        let read = read_all(file, size, size + 3).expect("reads");
        assert_eq!(read.len() as u64, size + 4);
        assert!(read[..] == bytes[..read.len()]);
    }
}
