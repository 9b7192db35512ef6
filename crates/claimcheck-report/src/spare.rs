//! Buffers of pieces already written, kept for the next pieces to be
//! rendered into.
//!
//! A piece's report is up to a few megabytes, written on a worker thread
//! and handed to the thread that writes the report. Memory the allocator
//! takes fresh from the system costs a page fault for every 4 KB first
//! written, and the allocator hands such large blocks back as soon as they
//! are freed: on one large file, those faults took a twentieth of
//! extract's time.

use std::sync::Mutex;

/// About as many as the pieces in flight at once, so that keeping them
/// adds nothing to the run's peak memory.
const KEPT: usize = 16;

static SPARE: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// An empty buffer with room for at least `room` bytes, a spare one if
/// there is one.
pub(crate) fn buffer(room: usize) -> Vec<u8> {
    let spare = SPARE.lock().ok().and_then(|mut spare| spare.pop());
    let mut bytes = spare.unwrap_or_default();
    bytes.reserve(room);
    bytes
}

/// Keeps a buffer whose bytes have been written, for [`buffer`].
pub(crate) fn give_back(mut bytes: Vec<u8>) {
    bytes.clear();
    if let Ok(mut spare) = SPARE.lock()
        && spare.len() < KEPT
    {
        spare.push(bytes);
    }
}
