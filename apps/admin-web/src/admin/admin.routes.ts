import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** The admins' screens, under the signed-in layout. */
export function adminRoutes<P extends AnyRoute>(signedIn: P) {
  const readModels = createRoute({
    getParentRoute: () => signedIn,
    path: '/admin/read-models',
    component: lazyRouteComponent(() => import('./read-models.page'), 'ReadModelsPage'),
  });
  return [readModels] as const;
}
