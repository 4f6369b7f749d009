/**
 * A byte stream of chunks already made, each let go once sent: how the Durable Object hands a run's JSON (several MB)
 * to the Worker without building one string of it on either side.
 */
export function byteStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  const pending = [...chunks].reverse(); // taken from the end
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      const next = pending.pop();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel() {
      pending.length = 0;
    },
  });
}
