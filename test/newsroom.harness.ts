import { allMigrations, allPrivileges } from '@newsroom/read-models';
import { startApi, startSystem, type ApiHarness, type SystemHarness } from '@newsroom/testing-system';
import { createApi } from '../apps/editorial-api/src/bootstrap';

// The composition root of the e2e tests: the real API and every migration of the system.

/** The API in-process on a schema of its own; no relay, no projector. */
export const startNewsroomApi = (label: string): Promise<ApiHarness> =>
  startApi(label, createApi, allMigrations, allPrivileges);

/** The API in-process, the relay and the projector as processes, on a schema and topics of their own. */
export const startNewsroom = (label: string): Promise<SystemHarness> =>
  startSystem(label, createApi, allMigrations, allPrivileges);
