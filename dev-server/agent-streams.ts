import type http from 'node:http';
import { guarded } from './guard';

interface Stream {
  withToken: boolean;
  /** The last write did not fit: wait for `drain`. */
  waiting: boolean;
  /** A change happened while waiting: send the state once it drains. */
  stale: boolean;
}

/**
 * The agent console's event streams (`GET /agent/stream`). Each change sends the whole state; a stream
 * whose reader falls behind gets no backlog, only the newest state once it has taken in the last one,
 * so a reader that stops holds at most one state in memory, never one per change.
 */
export class AgentStreams {
  private readonly streams = new Map<http.ServerResponse, Stream>();

  /** `state(withToken)`: the event to send, as the stream's access may see it. */
  constructor(private readonly state: (withToken: boolean) => string) {}

  get size(): number {
    return this.streams.size;
  }

  /** Bytes written to the streams and not yet taken in by their readers. */
  get bufferedBytes(): number {
    let bytes = 0;
    for (const res of this.streams.keys()) bytes += res.writableLength;
    return bytes;
  }

  add(req: http.IncomingMessage, res: http.ServerResponse, withToken: boolean): void {
    const stream: Stream = { withToken, waiting: false, stale: false };
    this.streams.set(res, stream);
    req.on('close', () => this.streams.delete(res));
    res.on(
      'drain',
      guarded(() => {
        stream.waiting = false;
        if (stream.stale) this.send(res, stream, this.state(withToken));
      }),
    );
    this.send(res, stream, this.state(withToken));
  }

  /** Every stream gets the current state (made once per access level), or is marked to get it on drain. */
  push(): void {
    const made = new Map<boolean, string>();
    for (const [res, stream] of this.streams) {
      if (stream.waiting) {
        stream.stale = true;
        continue;
      }
      const text = made.get(stream.withToken) ?? this.state(stream.withToken);
      made.set(stream.withToken, text);
      this.send(res, stream, text);
    }
  }

  closeAll(): void {
    for (const res of this.streams.keys()) res.end();
    this.streams.clear();
  }

  private send(res: http.ServerResponse, stream: Stream, text: string): void {
    stream.stale = false;
    stream.waiting = !res.write(text);
  }
}
