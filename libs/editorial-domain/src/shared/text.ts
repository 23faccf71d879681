// Lengths count Unicode code points, not UTF-16 units, so an emoji in a headline costs one
// character, matching what editors see and what class-validator's length checks count.
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// Written out rather than using TextEncoder/Buffer: the domain depends on nothing but the language.
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * What a person means by "the same name": composed and decomposed accents alike, case ignored,
 * any run of whitespace (tabs, newlines, a double space) counted as one space, none at the ends.
 * The decider refuses a second credit under the same key; the contributor index searches by it.
 */
export function contributorNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
