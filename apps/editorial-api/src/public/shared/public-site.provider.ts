import type { Provider } from '@nestjs/common';
import type { PublicSite } from '@newsroom/read-models';
import { AppConfig } from '../../config/app-config';

export const PUBLIC_SITE = Symbol('PublicSite');

/** The public site as configured (PUBLIC_BASE_URL, PUBLISHER_NAME, the two policy URLs). */
export const publicSiteProvider: Provider = {
  provide: PUBLIC_SITE,
  inject: [AppConfig],
  useFactory: ({ env }: AppConfig): PublicSite => ({
    baseUrl: env.PUBLIC_BASE_URL,
    publisherName: env.PUBLISHER_NAME,
    correctionsPolicyUrl: env.CORRECTIONS_POLICY_URL ?? `${env.PUBLIC_BASE_URL}/corrections-policy`,
    publishingPrinciplesUrl: env.PUBLISHING_PRINCIPLES_URL ?? `${env.PUBLIC_BASE_URL}/publishing-principles`,
  }),
};
