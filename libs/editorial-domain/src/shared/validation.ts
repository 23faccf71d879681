import { isIsoTimestamp } from './iso-time';
import { charLength } from './text';
import { ValidationFailed } from './domain-error';

/** One problem with command input, addressed by its path inside the command data (`body[3].text`). */
export interface ValidationIssue {
  path: string;
  message: string;
}

// Language subtag, optional script, optional region, optional variants: en, en-GB, pt-BR,
// zh-Hant-TW, es-419, sl-rozaj. Enough to keep out garbage without a full BCP-47 registry.
export const LANGUAGE_TAG =
  /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$/;

const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

export type Issues = ValidationIssue[];

export function throwIfInvalid(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationFailed([...issues]);
}

/** Text that must say something: a string, not blank once trimmed, at most `max` characters. */
export function requiredText(issues: Issues, path: string, value: unknown, max: number): void {
  if (typeof value !== 'string') issues.push({ path, message: 'must be a string' });
  else if (value.trim() === '') issues.push({ path, message: 'must not be empty' });
  else if (charLength(value) > max) issues.push({ path, message: `must be at most ${max} characters` });
}

/** Text that may be empty but, when present, is a string of at most `max` characters. */
export function optionalText(issues: Issues, path: string, value: unknown, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') issues.push({ path, message: 'must be a string' });
  else if (charLength(value) > max) issues.push({ path, message: `must be at most ${max} characters` });
}

export function isoTimestamp(issues: Issues, path: string, value: unknown): void {
  if (!isIsoTimestamp(value)) {
    issues.push({ path, message: 'must be an ISO-8601 timestamp with a time zone, e.g. 2030-01-31T09:00:00Z' });
  }
}

export function httpUrl(issues: Issues, path: string, value: unknown, max: number): void {
  if (typeof value !== 'string') issues.push({ path, message: 'must be a string' });
  else if (charLength(value) > max) issues.push({ path, message: `must be at most ${max} characters` });
  else if (!HTTP_URL.test(value)) issues.push({ path, message: 'must be an http(s) URL' });
}

export function oneOf<T extends string>(issues: Issues, path: string, value: unknown, allowed: readonly T[]): void {
  if (!allowed.includes(value as T)) issues.push({ path, message: `must be one of: ${allowed.join(', ')}` });
}

/** A list of short labels (sections, tags): bounded in count, each entry non-blank and bounded. */
export function labelList(issues: Issues, path: string, value: unknown, maxItems: number, maxLength: number): void {
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'must be a list' });
    return;
  }
  if (value.length > maxItems) issues.push({ path, message: `must have at most ${maxItems} entries` });
  value.forEach((label, i) => requiredText(issues, `${path}[${i}]`, label, maxLength));
}
