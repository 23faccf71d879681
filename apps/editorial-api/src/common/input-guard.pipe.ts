import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Keys that name an object's machinery, never data: refused like any unknown field. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A NUL cannot be stored (jsonb and text refuse it) and a lone surrogate is no Unicode text.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface InputProblem {
  path: string;
  message: string;
}

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** The first thing in `value` no field of the API may hold, with its path; undefined when clean. */
export function inputProblem(value: unknown, path = ''): InputProblem | undefined {
  if (typeof value === 'string') {
    if (NUL.test(value)) return { path, message: 'must not contain NUL characters' };
    if (LONE_SURROGATE.test(value)) return { path, message: 'must be valid Unicode text (a lone surrogate)' };
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inputProblem(value[i], join(path, i));
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) return { path: at, message: `property ${key} should not exist` };
      const inKey = inputProblem(key, at);
      if (inKey) return { path: at, message: `name ${inKey.message}` };
      const found = inputProblem((value as Record<string, unknown>)[key], at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The one guard every body, query and path parameter passes before its DTO is validated: what
 * PostgreSQL or JSON cannot hold is a 400 naming the field here, never a 500 further in.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, { type, data }: ArgumentMetadata): unknown {
    if (type !== 'body' && type !== 'query' && type !== 'param') return value;
    const found = inputProblem(value, data ?? '');
    if (found) {
      const path = found.path || type;
      throw new BadRequestException({ message: 'Invalid input', details: [{ path, message: found.message }] });
    }
    return value;
  }
}
