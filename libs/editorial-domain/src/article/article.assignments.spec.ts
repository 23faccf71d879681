import { ARTICLE_LIMITS, Forbidden, InvalidTransition, ValidationFailed } from '@newsroom/editorial-domain';
import {
  aColleague,
  aReporter,
  anAdmin,
  anEditor,
  assignReporter,
  drafted,
  given,
  historyUntil,
  meta,
  reporterAssigned,
  reporterUnassigned,
  unassignReporter,
} from '@newsroom/testing';

const another = aReporter({ id: 'user-reporter-3', name: 'Ana Another' });

describe('assigning reporters', () => {
  describe('when in draft', () => {
    it('assigns a reporter, recording their id and name', () => {
      given(drafted()).when(assignReporter(aColleague())).then(reporterAssigned(aColleague()));
    });

    it('lists the assignees in the order they were assigned', () => {
      given(drafted(), reporterAssigned(aColleague()))
        .when(assignReporter(another))
        .thenState((state) =>
          expect(state.status !== 'none' && state.assignees).toEqual([
            { id: 'user-colleague', name: 'Col Colleague' },
            { id: 'user-reporter-3', name: 'Ana Another' },
          ]),
        );
    });

    it('records nothing when the reporter is already assigned, so a retried PUT adds nothing', () => {
      given(drafted(), reporterAssigned(aColleague())).when(assignReporter(aColleague())).then();
    });

    it('lets an admin assign as an editor does', () => {
      given(drafted())
        .when(assignReporter(aColleague(), meta(anAdmin())))
        .then(reporterAssigned(aColleague()));
    });

    it('refuses to assign someone who is not a reporter, naming assigneeId', () => {
      given(drafted())
        .when(assignReporter(anEditor({ id: 'user-editor-2', name: 'Ed Other' })))
        .thenThrows(ValidationFailed, {
          details: [{ path: 'assigneeId', message: 'must be a reporter; Ed Other is not' }],
        });
    });

    it(`refuses a ${ARTICLE_LIMITS.assigneesMaxCount + 1}st assignee`, () => {
      const full = Array.from({ length: ARTICLE_LIMITS.assigneesMaxCount }, (_, i) =>
        reporterAssigned(aReporter({ id: `user-${i}`, name: `Reporter ${i}` })),
      );
      given(drafted(), ...full)
        .when(assignReporter(another))
        .thenThrows(ValidationFailed, { details: [expect.objectContaining({ path: 'assigneeId' })] });
    });

    it('does not let a reporter assign anyone, not even to their own draft', () => {
      given(drafted())
        .when(assignReporter(aColleague(), meta(aReporter())))
        .thenThrows(Forbidden, { role: 'reporter', command: 'AssignReporter' });
    });

    it('unassigns a reporter, recording the name they were assigned under', () => {
      given(drafted(), reporterAssigned(aColleague()))
        .when(unassignReporter(aColleague()))
        .then(reporterUnassigned(aColleague()));
    });

    it('removes only that reporter from the assignees', () => {
      given(drafted(), reporterAssigned(aColleague()), reporterAssigned(another))
        .when(unassignReporter(aColleague()))
        .thenState((state) =>
          expect(state.status !== 'none' && state.assignees).toEqual([{ id: 'user-reporter-3', name: 'Ana Another' }]),
        );
    });

    it('records nothing when unassigning a reporter who is not assigned', () => {
      given(drafted()).when(unassignReporter(aColleague())).then();
    });
  });

  describe('when approved', () => {
    const history = historyUntil('approved', [drafted(), reporterAssigned(aColleague())]);

    it('refuses a new assignment: no reporter can be asked for more work', () => {
      given(...history)
        .when(assignReporter(another))
        .thenThrows(InvalidTransition, { currentStatus: 'approved', command: 'AssignReporter' });
    });

    it('still unassigns: taking access away is never harmful', () => {
      given(...history)
        .when(unassignReporter(aColleague()))
        .then(reporterUnassigned(aColleague()));
    });
  });
});
