import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'newsroom:public';

/** Opens a route to anonymous callers; only login and health use it. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
