import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ReadModelsPage } from './read-models.page';

/** The admins' screens, under the signed-in layout. */
export function adminRoutes<P extends AnyRoute>(signedIn: P) {
  const readModels = createRoute({
    getParentRoute: () => signedIn,
    path: '/admin/read-models',
    component: ReadModelsPage,
  });
  return [readModels] as const;
}
