/** One dispatched server-sent event. */
export interface SseMessage {
  /** `message` when the server named none. */
  type: string;
  data: string;
  /** The last event id after this event (it carries over from earlier events). */
  lastEventId: string;
}

export interface SseParser {
  /** Feeds decoded text, in chunks cut anywhere (even between a CR and its LF). */
  feed(text: string): void;
  /** The id to send as Last-Event-ID: set at each blank line, whether or not an event was dispatched. */
  readonly lastEventId: string;
}

/**
 * The event-stream interpretation of the HTML standard (§9.2.6), for streams read with fetch:
 * lines end in CRLF, LF or CR; `:` starts a comment; one space after the colon is dropped; `data`
 * lines join with LF; an `id` holding NUL is ignored; `retry` counts only when all digits; an event
 * is dispatched at a blank line, and only when it has data, but its id counts even when it has none.
 */
export function createSseParser(handlers: {
  onEvent(message: SseMessage): void;
  onRetry?(ms: number): void;
  onComment?(text: string): void;
  /** The last event id of the previous connection: it carries over a reconnection. */
  lastEventId?: string;
}): SseParser {
  let buffer = '';
  // A CR ended the previous chunk: an LF opening the next one belongs to it.
  let afterCr = false;
  let type = '';
  let data: string[] = [];
  let idBuffer = handlers.lastEventId ?? '';
  let lastEventId = idBuffer;

  const line = (text: string) => {
    if (text === '') {
      lastEventId = idBuffer;
      if (data.length > 0) handlers.onEvent({ type: type || 'message', data: data.join('\n'), lastEventId });
      type = '';
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return handlers.onComment?.(text.slice(1).replace(/^ /, ''));
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry?.(Number(value));
  };

  return {
    feed(text) {
      if (afterCr && text.startsWith('\n')) text = text.slice(1);
      afterCr = false;
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop()!;
      if (buffer === '' && text.endsWith('\r')) afterCr = true;
      for (const l of lines) line(l);
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
