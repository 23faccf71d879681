/** The board's filters live in the URL, so a filtered board can be linked and survives a reload. */
export interface BoardSearch {
  section?: string;
  contributor?: string;
  q?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function parseBoardSearch(s: Record<string, unknown>): BoardSearch {
  const out: BoardSearch = {};
  const section = text(s.section);
  const contributor = text(s.contributor);
  const q = text(s.q);
  if (section) out.section = section;
  if (contributor) out.contributor = contributor;
  if (q) out.q = q;
  return out;
}
