import './components/mantine-styles';
import { MantineProvider, type MantineColorSchemeManager } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { closeEarlyRequests } from './api/early-requests';
import { connectSession } from './api/http';
import { queryClient as queries } from './api/query-client';
import { sessionStore } from './auth/session';
import { router } from './router';
import { cssVariables, theme } from './theme';

// The app has one (light) colour scheme. Mantine's default manager reads it from localStorage, and
// a tab's first localStorage read waits on the browser's storage: up to 280 ms before the first render.
const lightOnly: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

connectSession({
  token: () => sessionStore.get()?.accessToken,
  ended: () => {
    // Expired or revoked: back to sign-in with a message, never a blank page. Typed text stays in
    // the workspace's unsaved copy.
    sessionStore.end();
    queries.clear();
    void router.navigate({ to: '/sign-in', search: { reason: 'expired' } });
  },
});

// The early requests (early-requests.entry.ts) serve the first page's load only.
const firstLoaded = router.subscribe('onResolved', () => {
  firstLoaded();
  closeEarlyRequests();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables} colorSchemeManager={lightOnly}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
