import type { ArticleCommand, ArticleCommandType, CommandMetadata } from '@newsroom/editorial-domain';
import {
  aColleague,
  addContributor,
  approveArticle,
  aReporter,
  assignReporter,
  attachPhoto,
  cancelSchedule,
  detachPhoto,
  draftArticle,
  issueCorrection,
  publishArticle,
  removeContributor,
  requestChanges,
  reviseArticle,
  schedulePublication,
  submitForReview,
  unassignReporter,
  unpublishArticle,
  updatePhoto,
  mergeContribution,
} from './article.builders';
import { confirmRedaction, declineRedaction, requestRedaction } from './redaction.builders';

/**
 * One valid command of every type, sent with the metadata given: for the specs that run every
 * command against a rule (who may, from which status). The targets are the builders' defaults
 * (`contributor-1`, `photo-1`); assigning names the builders' reporter, unassigning the colleague.
 */
export const ONE_COMMAND_OF_EACH_TYPE: Record<ArticleCommandType, (m: CommandMetadata) => ArticleCommand> = {
  DraftArticle: (m) => draftArticle({}, m),
  ReviseArticle: (m) => reviseArticle({ headline: 'Harbour reopens at last' }, m),
  AddContributor: (m) => addContributor({}, m),
  RemoveContributor: (m) => removeContributor('contributor-1', m),
  AttachPhoto: (m) => attachPhoto({}, m),
  UpdatePhoto: (m) => updatePhoto('photo-1', { caption: 'Ferries return to the harbour' }, m),
  DetachPhoto: (m) => detachPhoto('photo-1', m),
  SubmitForReview: (m) => submitForReview(m),
  RequestChanges: (m) => requestChanges('Fix it', m),
  ApproveArticle: (m) => approveArticle(m),
  SchedulePublication: (m) => schedulePublication('2030-02-01T00:00:00Z', m),
  CancelSchedule: (m) => cancelSchedule(m),
  PublishArticle: (m) => publishArticle({}, m),
  UnpublishArticle: (m) => unpublishArticle('Legal', m),
  IssueCorrection: (m) => issueCorrection({}, m),
  AssignReporter: (m) => assignReporter(aReporter(), m),
  UnassignReporter: (m) => unassignReporter(aColleague(), m),
  MergeContribution: (m) => mergeContribution({}, m),
  RequestRedaction: (m) => requestRedaction({}, m),
  ConfirmRedaction: (m) => confirmRedaction({}, m),
  DeclineRedaction: (m) => declineRedaction({}, m),
};
