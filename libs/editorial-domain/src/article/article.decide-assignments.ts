import type { AssignReporter, UnassignReporter } from './article.commands';
import { ARTICLE_LIMITS } from './article.content';
import type { ArticleEvent } from './article.events';
import type { ArticleSnapshot } from './article.state';
import { requiredText, throwIfInvalid, type ValidationIssue } from '../shared/validation';

// PUT and DELETE semantics: asking for an assignment that already holds (or is already gone) is
// answered with no event, so a retried request cannot add a second entry to the audit trail.

export function decideAssignReporter(command: AssignReporter, state: ArticleSnapshot): ArticleEvent[] {
  const { assigneeId, assigneeName, assigneeRoles } = command.data;
  if (state.assignees.some((a) => a.id === assigneeId)) return [];
  const issues: ValidationIssue[] = [];
  requiredText(issues, 'assigneeId', assigneeId, Infinity);
  requiredText(issues, 'assigneeName', assigneeName, Infinity);
  // Editors and admins edit every article already; an assignment is how a reporter is let in.
  if (!assigneeRoles.includes('reporter')) {
    issues.push({ path: 'assigneeId', message: `must be a reporter; ${assigneeName} is not` });
  }
  const { assigneesMaxCount } = ARTICLE_LIMITS;
  if (state.assignees.length >= assigneesMaxCount) {
    issues.push({ path: 'assigneeId', message: `an article may have at most ${assigneesMaxCount} assignees` });
  }
  throwIfInvalid(issues);
  return [{ type: 'ReporterAssigned', data: { assignee: { id: assigneeId, name: assigneeName } } }];
}

export function decideUnassignReporter(command: UnassignReporter, state: ArticleSnapshot): ArticleEvent[] {
  const assignee = state.assignees.find((a) => a.id === command.data.assigneeId);
  if (!assignee) return [];
  return [{ type: 'ReporterUnassigned', data: { assignee: { id: assignee.id, name: assignee.name } } }];
}
