//! Articles given as JSON Lines records, `{"id": …, "text": …}` one per
//! line, as Spark's `RDD.pipe`, Hadoop Streaming or GNU parallel hand them
//! over. Lines are read on a thread of their own and handed on in batches,
//! so a batch is checked while the next is read, memory holds only what is
//! in flight, and results come out before the input ends.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

use serde_json::{Map, Value};

use crate::inputs::{Input, STDIN_NAME};

/// How many bytes of lines may wait between the reading thread and the
/// checking, so that memory is bounded by bytes however long the lines
/// are. A longer line still passes, alone.
const BYTES_WAITING: usize = 4 << 20;

/// About how many bytes of lines are checked at once.
const BATCH_BYTES: usize = 2 << 20;

/// One line of a JSON Lines input, as read.
#[derive(Debug)]
pub(crate) struct Line {
    /// The input it came from, as reports name it.
    pub(crate) file: String,
    /// Its line number, from 1.
    pub(crate) number: usize,
    pub(crate) bytes: Vec<u8>,
}

/// A record read from a line.
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) id: Value,
    pub(crate) text: String,
    /// Every other field, in the order given.
    pub(crate) fields: Map<String, Value>,
}

/// Why a line is not a record, with its `id` when that much was readable.
#[derive(Debug)]
pub(crate) struct Unreadable {
    pub(crate) id: Option<Value>,
    pub(crate) message: String,
}

impl Line {
    /// Whether the line holds nothing but white space, which JSON Lines
    /// writers leave at the end and which is no record.
    pub(crate) fn is_blank(&self) -> bool {
        self.bytes.iter().all(u8::is_ascii_whitespace)
    }

    pub(crate) fn record(&self) -> Result<Record, Unreadable> {
        let unreadable = |id: Option<Value>, message: String| Unreadable { id, message };
        let line = std::str::from_utf8(&self.bytes).map_err(|error| {
            // A column in bytes from 1, as serde_json gives them below.
            let column = error.valid_up_to() + 1;
            unreadable(None, format!("not valid UTF-8 (column {column})"))
        })?;
        let value: Value = serde_json::from_str(line).map_err(|error| {
            let message = format!(
                "not valid JSON (column {}: {})",
                error.column(),
                json_problem(&error)
            );
            unreadable(None, message)
        })?;
        let Value::Object(mut fields) = value else {
            let message = format!("not a JSON object but {}", kind(&value));
            return Err(unreadable(None, message));
        };
        let id = match fields.shift_remove("id") {
            Some(id @ (Value::String(_) | Value::Number(_))) => id,
            Some(other) => {
                let message = format!(
                    "field `id`: must be a string or a number, not {}",
                    kind(&other)
                );
                return Err(unreadable(None, message));
            }
            None => return Err(unreadable(None, "field `id` is missing".to_string())),
        };
        let text = match fields.shift_remove("text") {
            Some(Value::String(text)) => text,
            Some(other) => {
                let message = format!("field `text`: must be a string, not {}", kind(&other));
                return Err(unreadable(Some(id), message));
            }
            None => return Err(unreadable(Some(id), "field `text` is missing".to_string())),
        };
        Ok(Record { id, text, fields })
    }
}

/// `serde_json`'s message without its position, which is given as a column.
fn json_problem(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(message) => message.to_string(),
        None => message,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What the reading thread hands on.
pub(crate) enum Incoming {
    Line(Line),
    /// An input that could not be opened or read to its end.
    Failed(anyhow::Error),
}

/// The lines of the inputs, read ahead on a thread of their own.
#[derive(Debug)]
pub(crate) struct Reader {
    receiver: Receiver<Incoming>,
    waiting: Arc<Waiting>,
}

/// The bytes read but not yet taken for checking.
#[derive(Debug, Default)]
struct Waiting {
    bytes: Mutex<usize>,
    taken: Condvar,
}

impl Waiting {
    /// Counts `size` more bytes as waiting, once they fit under `limit`;
    /// at once when nothing waits, so that a longer line passes alone.
    fn add(&self, size: usize, limit: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        while *bytes > 0 && *bytes + size > limit {
            bytes = self
                .taken
                .wait(bytes)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *bytes += size;
    }

    fn take(&self, size: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        *bytes -= size;
        self.taken.notify_one();
    }
}

/// Reads the inputs' lines on a thread of their own, in order, keeping
/// at most [`BYTES_WAITING`] of them ahead of the checking.
pub(crate) fn spawn_reader(inputs: Vec<Input>) -> Reader {
    let (sender, receiver) = mpsc::channel();
    let waiting = Arc::new(Waiting::default());
    let handover = Handover {
        sender,
        waiting: Arc::clone(&waiting),
    };
    thread::spawn(move || {
        for input in inputs {
            if read_input(&input, &handover).is_err() {
                // The receiver has gone: the run stopped.
                return;
            }
        }
    });
    Reader { receiver, waiting }
}

/// The reading thread's end of the hand-over.
struct Handover {
    sender: Sender<Incoming>,
    waiting: Arc<Waiting>,
}

impl Handover {
    fn send(&self, incoming: Incoming) -> Result<(), mpsc::SendError<Incoming>> {
        self.waiting.add(size(&incoming), BYTES_WAITING);
        self.sender.send(incoming)
    }
}

/// Sends one input's lines; fails only when nobody listens any more.
fn read_input(input: &Input, sender: &Handover) -> Result<(), mpsc::SendError<Incoming>> {
    let (file, reader): (String, Box<dyn Read>) = match input {
        Input::Stdin => (STDIN_NAME.to_string(), Box::new(io::stdin())),
        Input::File { path, .. } => match std::fs::File::open(path) {
            Ok(opened) => (path.display().to_string(), Box::new(opened)),
            Err(error) => {
                let error = anyhow::anyhow!("{}: cannot read: {error}", path.display());
                return sender.send(Incoming::Failed(error));
            }
        },
        Input::Missing(path, error) => {
            let error = anyhow::anyhow!("{}: {error}", path.display());
            return sender.send(Incoming::Failed(error));
        }
    };
    let mut reader = BufReader::new(reader);
    for number in 1.. {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(_) => {
                while bytes
                    .last()
                    .is_some_and(|byte| matches!(byte, b'\n' | b'\r'))
                {
                    bytes.pop();
                }
                let file = file.clone();
                sender.send(Incoming::Line(Line {
                    file,
                    number,
                    bytes,
                }))?;
            }
            Err(error) => {
                let error = anyhow::anyhow!("{file}: line {number}: cannot read: {error}");
                return sender.send(Incoming::Failed(error));
            }
        }
    }
    Ok(())
}

impl Reader {
    /// The next batch: what has been read, up to about [`BATCH_BYTES`],
    /// waiting only for the first line. `None` when the inputs are done.
    pub(crate) fn next_batch(&self) -> Option<Vec<Incoming>> {
        let first = self.receiver.recv().ok()?;
        let mut bytes = size(&first);
        let mut batch = vec![first];
        while bytes < BATCH_BYTES {
            let Ok(next) = self.receiver.try_recv() else {
                break;
            };
            bytes += size(&next);
            batch.push(next);
        }
        self.waiting.take(bytes);
        Some(batch)
    }
}

/// The bytes a hand-over holds.
fn size(incoming: &Incoming) -> usize {
    match incoming {
        Incoming::Line(line) => size_of::<Line>() + line.file.len() + line.bytes.len(),
        Incoming::Failed(_) => size_of::<Incoming>(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn lines_wait_only_while_their_bytes_fit() {
        let waiting = Arc::new(Waiting::default());
        waiting.add(6, 10);
        let reading = {
            let waiting = Arc::clone(&waiting);
            thread::spawn(move || waiting.add(6, 10))
        };
        thread::sleep(Duration::from_millis(50));
        assert!(
            !reading.is_finished(),
            "12 bytes waited under a limit of 10"
        );
        waiting.take(6);
        reading
            .join()
            .expect("the reader goes on once bytes are taken");
        waiting.take(6);
        waiting.add(25, 10);
        assert_eq!(
            *waiting.bytes.lock().unwrap(),
            25,
            "a long line passes alone"
        );
    }
}
