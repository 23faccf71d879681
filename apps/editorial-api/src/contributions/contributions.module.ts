import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ContributorCreditsController } from './contributor-credits/contributor-credits.controller';
import { AcceptContributionController } from './accept-contribution/accept-contribution.controller';
import { GetContributionController } from './get-contribution/get-contribution.controller';
import { ListArticleContributionsController } from './list-article-contributions/list-article-contributions.controller';
import { ListContributionsController } from './list-contributions/list-contributions.controller';
import { RejectContributionController } from './reject-contribution/reject-contribution.controller';
// eslint-disable-next-line max-len
import { RequestContributionChangesController } from './request-contribution-changes/request-contribution-changes.controller';
import { ReviseContributionController } from './revise-contribution/revise-contribution.controller';
import { ContributionCommandRunner } from './shared/contribution-command.runner';
import { ContributionReads } from './shared/contribution-reads';
import { ExecuteContributionHandler } from './shared/execute-contribution.handler';
import { SubmitContributionController } from './submit-contribution/submit-contribution.controller';
import { WithdrawContributionController } from './withdraw-contribution/withdraw-contribution.controller';

/** Reporters' contributions to others' articles (issue #9): one folder per use case. */
@Module({
  // For the read model's version listener (one LISTEN connection per process).
  imports: [ArticlesModule],
  controllers: [
    SubmitContributionController,
    ListArticleContributionsController,
    ListContributionsController,
    GetContributionController,
    ReviseContributionController,
    AcceptContributionController,
    RejectContributionController,
    RequestContributionChangesController,
    WithdrawContributionController,
    ContributorCreditsController,
  ],
  providers: [ContributionCommandRunner, ContributionReads, ExecuteContributionHandler],
})
export class ContributionsModule {}
