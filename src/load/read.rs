//! Reading input files: each thread into one reused buffer, without asking a
//! file's size, and the next batch asked of the disk ahead of its turn.

use std::path::{Path, PathBuf};

thread_local! {
    /// Each thread reads its files into one buffer, grown to the largest file it
    /// has read (within [`KEPT_BUFFER`]).
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A read buffer larger than this is given back after its file.
const KEPT_BUFFER: usize = 4 << 20;

/// Runs `f` with this thread's read buffer; a buffer grown past
/// `KEPT_BUFFER` by a large file is given back afterwards.
pub fn with_buffer<T>(f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    BUFFER.with_borrow_mut(|buffer| {
        let out = f(buffer);
        if buffer.len() > KEPT_BUFFER {
            *buffer = Vec::new();
        }
        out
    })
}

/// Asks the system to start reading `paths` from disk into its cache, without
/// waiting for the data: a batch's files are then read while the batch before it
/// is extracted, rather than each when its turn comes. A sample of the files is
/// looked at first: when all of it is already cached, the rest is taken to be
/// too and nothing more is done. Does nothing where the system has no such
/// request.
pub fn prefetch(paths: &[PathBuf]) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        const SAMPLE: usize = 16;
        let step = (paths.len() / SAMPLE).max(1);
        if paths.iter().step_by(step).all(|p| is_cached(p)) {
            return;
        }
        for path in paths {
            if let Ok(file) = std::fs::File::open(path) {
                // SAFETY: the descriptor is open for the duration of the call,
                // which only advises the kernel and touches no memory of ours.
                unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED) };
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = paths;
}

/// Whether the start of the file at `path` is in the system's cache: a read of
/// one byte that may not wait for the disk. Unknown (`false`) where the system
/// cannot tell.
#[cfg(target_os = "linux")]
fn is_cached(path: &Path) -> bool {
    #[cfg(target_env = "gnu")]
    {
        use std::os::fd::AsRawFd;
        let Ok(file) = std::fs::File::open(path) else { return true };
        let mut byte = 0u8;
        let iov = libc::iovec { iov_base: (&raw mut byte).cast(), iov_len: 1 };
        // SAFETY: one iovec over a live local byte, a descriptor open for the call.
        let n = unsafe { libc::preadv2(file.as_raw_fd(), &iov, 1, 0, libc::RWF_NOWAIT) };
        n >= 0
    }
    #[cfg(not(target_env = "gnu"))]
    {
        let _ = path;
        false
    }
}

/// What [`read_all`] read of a file.
#[derive(Debug, PartialEq, Eq)]
pub enum Read {
    /// The whole file, this many bytes.
    Whole(usize),
    /// More than the limit: the buffer begins with the file's first bytes.
    TooLarge,
}

/// Reads the whole file at `path` into `buffer`, up to `limit` bytes: an open,
/// reads until the end, a close, without asking the file's size first. The
/// buffer keeps its length between files, so it is neither zeroed nor grown
/// again for each one.
pub fn read_all(path: &Path, buffer: &mut Vec<u8>, limit: usize) -> std::io::Result<Read> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let mut n = 0;
    loop {
        if n > limit {
            return Ok(Read::TooLarge);
        }
        if n == buffer.len() {
            buffer.resize((buffer.len() * 2).max(64 << 10).min(limit + 1), 0);
        }
        match file.read(&mut buffer[n..]) {
            Ok(0) => return Ok(Read::Whole(n)),
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The SHA-256 of the file at `path`, read a piece at a time.
pub fn sha256_of_file(path: &Path) -> std::io::Result<[u8; 32]> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
    Ok(hasher.finalize().into())
}
