import { EmbargoNotReached, Forbidden, InvalidTransition, ValidationFailed } from '@newsroom/editorial-domain';
import {
  IN_AN_HOUR,
  NOW,
  TOMORROW,
  anAdmin,
  anEditor,
  cancelSchedule,
  drafted,
  given,
  historyUntil,
  meta,
  publicationScheduled,
  published,
  publishArticle,
  revised,
  scheduleCancelled,
  schedulePublication,
  theScheduler,
} from '@newsroom/testing';

describe('scheduling publication', () => {
  describe('when approved', () => {
    const history = historyUntil('approved');

    it('schedules the article and records who scheduled it', () => {
      given(...history)
        .when(schedulePublication(TOMORROW, meta(anAdmin())))
        .then(publicationScheduled(TOMORROW, anAdmin()));
    });

    it('holds the schedule on the article', () => {
      given(...history)
        .when(schedulePublication(TOMORROW))
        .thenState((state) => {
          expect(state.status).toBe('scheduled');
          expect(state.status !== 'none' && state.scheduled).toEqual({
            publishAt: TOMORROW,
            scheduledBy: { id: 'user-editor', name: 'Eda Editor' },
          });
        });
    });

    it('refuses a time that is not in the future', () => {
      given(...history)
        .when(schedulePublication(NOW))
        .thenThrows(ValidationFailed, {
          details: [{ path: 'publishAt', message: `must be after the current time ${NOW}` }],
        });
    });

    it('refuses a time that is not a timestamp', () => {
      given(...history)
        .when(schedulePublication('2030-02-30T10:00:00Z'))
        .thenThrows(ValidationFailed, {
          details: [{ path: 'publishAt', message: expect.stringContaining('ISO-8601') }],
        });
    });

    it('refuses a time before the embargo lifts', () => {
      given(...historyUntil('approved', [drafted({ embargoUntil: TOMORROW })]))
        .when(schedulePublication(IN_AN_HOUR))
        .thenThrows(EmbargoNotReached, { embargoUntil: TOMORROW, attemptedAt: IN_AN_HOUR });
    });

    it('accepts the very instant the embargo lifts', () => {
      given(...historyUntil('approved', [drafted({ embargoUntil: TOMORROW })]))
        .when(schedulePublication(TOMORROW))
        .then(publicationScheduled(TOMORROW));
    });
  });

  describe('when scheduled', () => {
    const history = historyUntil('scheduled'); // approved at version 3, scheduled for TOMORROW at version 4

    it('cannot be scheduled again without cancelling first', () => {
      given(...history)
        .when(schedulePublication(IN_AN_HOUR))
        .thenThrows(InvalidTransition, { currentStatus: 'scheduled', allowedFrom: ['approved'] });
    });

    it('cancels the schedule and returns to approved', () => {
      given(...history)
        .when(cancelSchedule())
        .then(scheduleCancelled());
      given(...history)
        .when(cancelSchedule())
        .thenState((state) => {
          expect(state.status).toBe('approved');
          expect(state.status !== 'none' && state.scheduled).toBeNull();
        });
    });

    it('is published by the scheduler once the time has come, on behalf of whoever scheduled it', () => {
      given(...history)
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .then(
          published({
            publishedVersion: 4,
            publishedAt: TOMORROW,
            updateKind: 'initial',
            scheduledBy: { id: 'user-editor', name: 'Eda Editor' },
          }),
        );
    });

    it('is published by the scheduler when it runs late', () => {
      given(...history)
        .when(publishArticle({}, meta(theScheduler(), '2030-01-16T10:05:00Z')))
        .thenEventTypes('ArticlePublished');
    });

    it('refuses the scheduler before the scheduled time', () => {
      given(...history)
        .when(publishArticle({}, meta(theScheduler(), NOW)))
        .thenThrows(Forbidden, {
          role: 'system',
          command: 'PublishArticle',
          reason: expect.stringContaining(TOMORROW),
        });
    });

    it('lets an editor publish now, without waiting, and without crediting the schedule', () => {
      given(...history)
        .when(publishArticle({}, meta(anEditor(), NOW)))
        .then(published({ publishedVersion: 4, publishedAt: NOW, updateKind: 'initial' }));
    });

    it('clears the schedule once published', () => {
      given(...history)
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .thenState((state) => {
          expect(state.status).toBe('published');
          expect(state.status !== 'none' && state.scheduled).toBeNull();
        });
    });

    it('publishes what the working copy holds when the time comes, including edits made after scheduling', () => {
      given(...history, revised({ headline: 'Harbour reopens on time' }))
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .thenState((state) => {
          expect(state.status !== 'none' && state.live?.content.headline).toBe('Harbour reopens on time');
          expect(state.status !== 'none' && state.live?.version).toBe(5);
        });
    });

    it('refuses the scheduler if the embargo was moved past the scheduled time', () => {
      const later = '2030-01-20T00:00:00.000Z';
      given(...history, revised({ embargoUntil: later }))
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .thenThrows(EmbargoNotReached, { embargoUntil: later });
    });
  });

  describe('the scheduler outside a schedule', () => {
    it('may not publish an approved article that nobody scheduled', () => {
      given(...historyUntil('approved'))
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .thenThrows(Forbidden, { role: 'system', reason: expect.stringContaining('approved') });
    });

    it('may not publish once the schedule was cancelled', () => {
      given(...historyUntil('scheduled'), scheduleCancelled())
        .when(publishArticle({}, meta(theScheduler(), TOMORROW)))
        .thenThrows(Forbidden, { role: 'system' });
    });

    it('may not cancel a schedule', () => {
      given(...historyUntil('scheduled'))
        .when(cancelSchedule(meta(theScheduler(), TOMORROW)))
        .thenThrows(Forbidden, { role: 'system', command: 'CancelSchedule' });
    });
  });
});
