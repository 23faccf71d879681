import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventActor } from '@newsroom/event-store';
import type { AuthenticatedRequest } from '../../auth/auth.guard';

/** Who makes an account change, as its event records them: their current roles, read by the guard. */
export function adminActor(req: AuthenticatedRequest): EventActor {
  const role = req.user.roles.includes('admin') ? 'admin' : req.user.roles[0];
  return { id: req.user.id, name: req.user.name, role };
}

export function correlationIdOf(req: Request): string {
  const id = (req as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : randomUUID();
}
