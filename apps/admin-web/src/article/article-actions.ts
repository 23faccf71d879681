import type { ArticleCommandType, ArticleView } from '@newsroom/contracts';

type Transition = Exclude<
  ArticleCommandType,
  | 'DraftArticle'
  | 'ReviseArticle'
  | 'AddContributor'
  | 'RemoveContributor'
  | 'AttachPhoto'
  | 'UpdatePhoto'
  | 'DetachPhoto'
  | 'AssignReporter'
  | 'UnassignReporter'
>;

/** What a transition asks the user before it is sent. */
export type ActionInput = 'none' | 'note' | 'publishAt' | 'updateKind' | 'reason' | 'correction';

export interface ArticleAction {
  command: Transition;
  label: string;
  path: string;
  input: ActionInput;
}

/** The status bar's transitions, in workflow order. */
export const ARTICLE_ACTIONS: readonly ArticleAction[] = [
  { command: 'SubmitForReview', label: 'Submit for review', path: 'submit', input: 'none' },
  { command: 'RequestChanges', label: 'Request changes', path: 'request-changes', input: 'note' },
  { command: 'ApproveArticle', label: 'Approve', path: 'approve', input: 'none' },
  { command: 'SchedulePublication', label: 'Schedule', path: 'schedule', input: 'publishAt' },
  { command: 'CancelSchedule', label: 'Cancel schedule', path: 'unschedule', input: 'none' },
  { command: 'PublishArticle', label: 'Publish', path: 'publish', input: 'updateKind' },
  { command: 'UnpublishArticle', label: 'Unpublish', path: 'unpublish', input: 'reason' },
  { command: 'IssueCorrection', label: 'Issue a correction', path: 'corrections', input: 'correction' },
];

/** A first publication needs no choice; an update is major or minor. */
export function inputOf(action: ArticleAction, article: ArticleView): ActionInput {
  return action.input === 'updateKind' && !article.live ? 'none' : action.input;
}
