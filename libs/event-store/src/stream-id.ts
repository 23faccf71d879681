/**
 * Streams are named `<type>-<id>`: a lower-case word naming the aggregate type, a hyphen, the
 * aggregate's id (a UUID in production; anything after the first hyphen is the id). The store,
 * the relay and the envelope read the type from the name and know no aggregate by name.
 */
const STREAM_TYPE = /^[a-z][a-z0-9]*$/;

export interface StreamName {
  streamType: string;
  id: string;
}

export function streamIdOf(streamType: string, id: string): string {
  if (!STREAM_TYPE.test(streamType))
    throw new Error(`stream type ${JSON.stringify(streamType)} is not a lower-case word`);
  return `${streamType}-${id}`;
}

/** The type and id of a stream, or undefined for a name that is not `<type>-<id>`. */
export function parseStreamId(streamId: string): StreamName | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 1 || dash === streamId.length - 1) return undefined;
  const streamType = streamId.slice(0, dash);
  return STREAM_TYPE.test(streamType) ? { streamType, id: streamId.slice(dash + 1) } : undefined;
}

/** The prefix every stream of one type starts with, for queries over all streams of a type. */
export const streamPrefixOf = (streamType: string): string => streamIdOf(streamType, '');
