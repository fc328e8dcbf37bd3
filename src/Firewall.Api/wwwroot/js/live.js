// Live tail: GET /api/v1/events/stream read through fetch() (to send the bearer token), reconnecting with
// Last-Event-ID so nothing is missed between connections, and waiting as long as Retry-After asks when the server is full.
import { authorized, describeFailure } from './api.js';
import { SseParser } from './sse.js';

const retrySeconds = 3;

export class LiveTail {
  /** `onEvent(storedEvent)` for each arriving event; `onStatus(text)` as the connection changes. */
  constructor(token, onEvent, onStatus) {
    this.token = token;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.controller = null;
  }

  /** (Re)starts the tail with the stream's filter parameters. */
  start(params) {
    this.stop();
    this.controller = new AbortController();
    this.lastId = null;
    this.run(params, this.controller.signal);
  }

  stop() {
    this.controller?.abort();
    this.controller = null;
  }

  async run(params, signal) {
    while (!signal.aborted) {
      let wait = retrySeconds;
      try {
        const headers = authorized(this.token, { Accept: 'text/event-stream' });
        if (this.lastId) {
          headers['Last-Event-ID'] = this.lastId;
        }
        const response = await fetch(`/api/v1/events/stream?${params}`, { headers, signal, cache: 'no-store' });
        if ([400, 401, 403, 404].includes(response.status)) {
          this.onStatus(`Live tail stopped: ${await describeFailure(response)}`, true);
          return;
        }
        if (!response.ok) {
          wait = Number(response.headers.get('Retry-After')) || retrySeconds;
          this.onStatus(`Live tail: ${await describeFailure(response)}`);
        } else {
          this.onStatus('Live tail: connected, new events appear at the top.');
          await this.read(response.body, signal);
          this.onStatus('Live tail: the stream ended, reconnecting.');
        }
      } catch {
        if (signal.aborted) {
          return;
        }
        this.onStatus(`Live tail: connection lost, retrying in ${wait} s.`);
      }
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  }

  async read(body, signal) {
    const parser = new SseParser((message) => {
      this.lastId = message.id ?? this.lastId;
      // Events come as the default SSE type or as "event"; heartbeats have a type of their own and no data.
      if ((message.event === 'message' || message.event === 'event') && message.data) {
        this.onEvent(JSON.parse(message.data));
      }
    });
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      parser.push(value);
    }
  }
}
