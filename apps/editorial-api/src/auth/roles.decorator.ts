import { SetMetadata } from '@nestjs/common';
import type { Role } from '@newsroom/editorial-domain';

/** The metadata key under which a route keeps the roles it allows. */
export const ALLOWED_ROLES = 'newsroom:allowed-roles';

/** Roles allowed on a route; without it, any authenticated user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Who may change articles (the domain refines by status). */
export const WRITERS: Role[] = ['reporter', 'editor', 'admin'];
