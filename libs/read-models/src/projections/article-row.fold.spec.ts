import { createHash } from 'node:crypto';
import {
  approved,
  changesRequested,
  contributionMerged,
  contributorAdded,
  contributorRemoved,
  correctionIssued,
  drafted,
  photoAttached,
  photoDetached,
  photoUpdated,
  publicationScheduled,
  published,
  reporterAssigned,
  reporterUnassigned,
  revised,
  scheduleCancelled,
  submitted,
  unpublished,
} from '@newsroom/testing';
import { ARTICLE_ROW_FOLD } from './article-row.fold';
import { rowAfter } from './projection.fixtures';

// Time travel keeps snapshots of article rows and trusts any made by the same fold. A change to
// evolveArticleRow or the domain's evolve that this history shows must come with a new fold name
// (and then a new digest here), or old snapshots would answer with the old fold's rows.
const EVERY_EVENT_TYPE = [
  drafted(),
  revised({ headline: 'Harbour reopens at last' }),
  contributorAdded(),
  photoAttached(),
  photoUpdated('photo-1', { caption: 'Ferries return' }),
  reporterAssigned(),
  contributionMerged(),
  submitted(),
  changesRequested(),
  submitted(),
  approved(),
  publicationScheduled(),
  scheduleCancelled(),
  published(),
  correctionIssued(),
  photoDetached(),
  contributorRemoved(),
  reporterUnassigned(),
  unpublished(),
];

describe('the article row fold', () => {
  it('is named for what it makes of a history with every event type', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify(rowAfter(...EVERY_EVENT_TYPE)))
      .digest('hex');
    expect({ fold: ARTICLE_ROW_FOLD, digest }).toEqual({
      fold: 'article-row/1',
      digest: '8e1df5db9e8d348150cb9981da1536b631cce0e395f0a5a6035f11f73edb2845',
    });
  });
});
