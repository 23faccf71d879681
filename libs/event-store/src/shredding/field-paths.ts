/** One step of a field path: a member, or every item of the list in that member (`body[*]`). */
interface Step {
  key: string;
  each: boolean;
}

const parsed = new Map<string, Step[]>();

function stepsOf(pattern: string): Step[] {
  let steps = parsed.get(pattern);
  if (!steps) {
    steps = pattern.split('.').map((part) => {
      const each = part.endsWith('[*]');
      const key = each ? part.slice(0, -3) : part;
      if (!/^[A-Za-z_$][\w$]*$/.test(key)) throw new Error(`Not a field path pattern: ${pattern}`);
      return { key, each };
    });
    parsed.set(pattern, steps);
  }
  return steps;
}

/**
 * Calls `fn` with every value present at the patterns' paths (`changes.body[*].text` reaches
 * `changes.body[0].text`, `changes.body[1].text`, ...) and its concrete path, and answers the
 * payload with each value replaced by what `fn` returned. Copy on write: `data` is never changed
 * (stored events are shared with the state cache), and a payload where `fn` changed nothing comes
 * back as the same object. A member that is absent, or not an object or list where the pattern
 * goes on, is skipped: events carry only the fields they changed.
 */
export function mapFields(
  data: unknown,
  patterns: readonly string[],
  fn: (value: unknown, path: string) => unknown,
): unknown {
  let out = data;
  for (const pattern of patterns) out = walk(out, stepsOf(pattern), 0, '', fn);
  return out;
}

/** The values present at the patterns' paths with their concrete paths, in the order mapFields visits them. */
export function fieldsIn(data: unknown, patterns: readonly string[]): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  mapFields(data, patterns, (value, path) => {
    found.push({ path, value });
    return value;
  });
  return found;
}

/** The concrete paths of the patterns that hold a value. */
export function fieldPathsIn(data: unknown, patterns: readonly string[]): string[] {
  return fieldsIn(data, patterns).map((f) => f.path);
}

function walk(node: unknown, steps: Step[], i: number, path: string, fn: (v: unknown, p: string) => unknown): unknown {
  if (i === steps.length) return fn(node, path);
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const { key, each } = steps[i];
  const record = node as Record<string, unknown>;
  if (!Object.hasOwn(record, key) || record[key] === undefined) return node;
  const child = record[key];
  const at = path ? `${path}.${key}` : key;
  let next: unknown;
  if (each) {
    if (!Array.isArray(child)) return node;
    let copy: unknown[] | undefined;
    for (let j = 0; j < child.length; j++) {
      const item = walk(child[j], steps, i + 1, `${at}[${j}]`, fn);
      if (item !== child[j]) (copy ??= child.slice())[j] = item;
    }
    next = copy ?? child;
  } else {
    next = walk(child, steps, i + 1, at, fn);
  }
  return next === child ? node : { ...record, [key]: next };
}
