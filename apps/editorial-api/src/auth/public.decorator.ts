import { SetMetadata } from '@nestjs/common';
import type { Role } from '@newsroom/editorial-domain';

export const IS_PUBLIC = 'newsroom:public';
export const ROLES = 'newsroom:roles';

/** Opens a route to anonymous callers; only login and health use it. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Roles allowed on a route; without it, any authenticated user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** Who may change articles (the domain refines by status). */
export const WRITERS: Role[] = ['reporter', 'editor', 'admin'];
