import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'newsroom:public';

/** Opens a route to anonymous callers: login, health and the public output (which is rate-limited instead). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
