//! What a thread writing a file (a chart, a CSV, a CAB pack) tells the window: how far it is,
//! then the file written or why not; and the once-a-frame read of those messages.

use std::path::PathBuf;
use std::sync::mpsc;

/// A message from a file-writing thread.
pub enum JobMessage {
    /// The share done, 0 to 1.
    Progress(f32),
    /// The file written, or why not (in the user's language).
    Done(Result<PathBuf, String>),
}

/// Reads what the thread has sent since the last frame: the latest progress goes to `progress`;
/// returns the result once it is done (or a stop message, `stopped`, if the thread is gone
/// without one).
pub fn drain(
    receiver: &mpsc::Receiver<JobMessage>,
    progress: &mut f32,
    stopped: impl FnOnce() -> String,
) -> Option<Result<PathBuf, String>> {
    loop {
        match receiver.try_recv() {
            Ok(JobMessage::Progress(share)) => *progress = share,
            Ok(JobMessage::Done(result)) => return Some(result),
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => return Some(Err(stopped())),
        }
    }
}
