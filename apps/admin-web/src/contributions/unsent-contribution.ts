import type { ContributionDraft } from './contribution-draft';

// A contribution typed and not yet sent, kept in this browser (per article and person) so a reload,
// a refused submission or an ended session loses nothing. Cleared once the desk has it.
const key = (articleId: string, userId: string) => `newsroom.unsent-contribution.${articleId}.${userId}`;

export const unsentContributions = {
  read(articleId: string, userId: string): ContributionDraft | null {
    try {
      const raw = localStorage.getItem(key(articleId, userId));
      const draft = raw ? (JSON.parse(raw) as ContributionDraft) : null;
      return draft && Array.isArray(draft.blocks) && draft.credit ? draft : null;
    } catch {
      return null;
    }
  },
  write(articleId: string, userId: string, draft: ContributionDraft) {
    try {
      localStorage.setItem(key(articleId, userId), JSON.stringify(draft));
    } catch {
      // A full or forbidden storage keeps the form working; only the copy is missing.
    }
  },
  clear(articleId: string, userId: string) {
    localStorage.removeItem(key(articleId, userId));
  },
};
