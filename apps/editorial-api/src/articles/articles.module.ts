import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditLogController } from '../audit/audit-log.controller';
import { ArticleDiffController } from './article-diff/article-diff.controller';
import { ArticleHistoryController } from './article-history/article-history.controller';
import { ListArticlesController } from './list-articles/list-articles.controller';
import { CountArticlesController } from './count-articles/count-articles.controller';
import { AddContributorController } from './add-contributor/add-contributor.controller';
import { ApproveArticleController } from './approve-article/approve-article.controller';
import { ArticleVersionsController } from './article-versions/article-versions.controller';
import { AssignReporterController } from './assign-reporter/assign-reporter.controller';
import { AttachPhotoController } from './attach-photo/attach-photo.controller';
import { CancelScheduleController } from './cancel-schedule/cancel-schedule.controller';
import { DetachPhotoController } from './detach-photo/detach-photo.controller';
import { DraftArticleController } from './draft-article/draft-article.controller';
import { GetArticleController } from './get-article/get-article.controller';
import { IssueCorrectionController } from './issue-correction/issue-correction.controller';
import { PublishArticleController } from './publish-article/publish-article.controller';
import { RemoveContributorController } from './remove-contributor/remove-contributor.controller';
import { RequestChangesController } from './request-changes/request-changes.controller';
import { ReviseArticleController } from './revise-article/revise-article.controller';
import { SchedulePublicationController } from './schedule-publication/schedule-publication.controller';
import { SubmitForReviewController } from './submit-for-review/submit-for-review.controller';
import { UnpublishArticleController } from './unpublish-article/unpublish-article.controller';
import { UnassignReporterController } from './unassign-reporter/unassign-reporter.controller';
import { UpdatePhotoController } from './update-photo/update-photo.controller';
import { VerifyArticleController } from './verify-article/verify-article.controller';
import { ListRedactionsController } from './list-redactions/list-redactions.controller';
import { RedactContentController } from './redact-content/redact-content.controller';
import { RedactContentHandler } from './redact-content/redact-content.handler';
import { RedactionRunner } from './redact-content/redaction.runner';
import { ArticleCommandRunner } from './shared/article-command.runner';
import { ArticleReadModel } from './shared/article-read-model';
import { ArticleVersionsListener } from './shared/article-versions.listener';
import { ArticleTimeTravel } from './shared/article-time-travel';
import { ArticleSnapshots } from './shared/article-snapshots';
import { PublicationScheduler } from '../scheduling/publication.scheduler';
import { SchedulerStatusController } from '../scheduling/scheduler-status.controller';
import { IdempotencyKeysSweeper } from '../scheduling/idempotency-keys.sweeper';
import { ExecuteArticleHandler } from './shared/execute-article.handler';

@Module({
  // For the user directory: an assignment names the reporter as it knows them.
  imports: [AuthModule],
  controllers: [
    AuditLogController,
    ArticleDiffController,
    ArticleHistoryController,
    CountArticlesController,
    ListArticlesController,
    AddContributorController,
    ApproveArticleController,
    AssignReporterController,
    ArticleVersionsController,
    AttachPhotoController,
    CancelScheduleController,
    DetachPhotoController,
    DraftArticleController,
    GetArticleController,
    IssueCorrectionController,
    PublishArticleController,
    RemoveContributorController,
    RequestChangesController,
    ReviseArticleController,
    SchedulePublicationController,
    SubmitForReviewController,
    UnassignReporterController,
    UnpublishArticleController,
    UpdatePhotoController,
    VerifyArticleController,
    RedactContentController,
    ListRedactionsController,
    SchedulerStatusController,
  ],
  providers: [
    ExecuteArticleHandler,
    RedactContentHandler,
    RedactionRunner,
    ArticleTimeTravel,
    ArticleSnapshots,
    ArticleReadModel,
    ArticleVersionsListener,
    ArticleCommandRunner,
    PublicationScheduler,
    IdempotencyKeysSweeper,
  ],
  // One LISTEN connection per process: the live stream follows it too.
  exports: [ArticleVersionsListener],
})
export class ArticlesModule {}
