import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The app imports Mantine's stylesheets one component at a time (mantine-styles.ts); a component
// used without its stylesheet renders unstyled, which no type check or lint would notice.
const src = join(__dirname, '..');
const stylesheets = join(dirname(require.resolve('@mantine/core/styles.css')), 'styles');
const imported = readFileSync(join(__dirname, 'mantine-styles.ts'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

/** Every component a source file takes from @mantine/core by name (hooks and types aside). */
function mantineComponents(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(src)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]+)\}\s*from\s*'@mantine\/core'/g)) {
      for (const part of m[1].split(',')) {
        const name = part.trim();
        if (/^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe("Mantine's stylesheets", () => {
  it('are imported for every Mantine component the app uses that has one of its own', () => {
    const used = [...mantineComponents()];
    const missing = used.filter(
      (name) => existsSync(join(stylesheets, `${name}.css`)) && !imported.includes(`/styles/${name}.css'`),
    );
    expect(used).toContain('Button');
    expect(missing).toEqual([]);
  });
});
