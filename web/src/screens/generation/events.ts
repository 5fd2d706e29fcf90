/**
 * Server-sent events read from a fetch body (an EventSource cannot send the bearer token): each event's data lines
 * joined, as the text arrives in pieces.
 */
export class EventReader {
  private buffer = '';

  /** The data of every event completed by this piece of the stream. */
  push(piece: string): string[] {
    this.buffer += piece.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(l.startsWith('data: ') ? 6 : 5));
      if (data.length) events.push(data.join('\n'));
    }
    return events;
  }
}

/** Follows a stream of JSON events until it ends or the signal aborts; each parsed event goes to `onEvent`. */
export async function follow<T>(response: Response, onEvent: (value: T) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events = new EventReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const data of events.push(value)) onEvent(JSON.parse(data) as T);
  }
}
