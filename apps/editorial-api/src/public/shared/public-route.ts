import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/public.decorator';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import type { RenderedOutput } from './rendered-outputs.cache';

/** A route readers and partners call without a login: rate-limited per client address instead. */
export const PublicRoute = () => applyDecorators(Public(), UseGuards(PublicRateLimitGuard), ApiTags('public'));

/** The media type each rendered output is sent as, wherever it is sent from. */
export const OUTPUT_TYPES = {
  page: 'text/html; charset=utf-8',
  ninjs: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;

/** Validators answered with 304 when the client already holds them. */
export function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return wanted.includes('*') || wanted.includes(etag.replace(/^W\//, ''));
}

/** Rendered output with its strong ETag, or 304 and no body when the client holds those bytes. */
export function sendRendered(res: Response, output: RenderedOutput, ifNoneMatch: string | undefined, type: string) {
  res.setHeader('ETag', output.etag);
  if (isFresh(ifNoneMatch, output.etag)) return res.status(304).end();
  return res.status(200).type(type).send(output.body);
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/;
/** A slug or a section key as Newsroom makes them; anything else cannot name one. */
export const isSlugShaped = (value: string) => SLUG.test(value);
