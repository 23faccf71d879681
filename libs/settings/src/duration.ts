import { z } from 'zod';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration written as `90s`, `15m`, `24h` or `7d`, parsed to milliseconds. */
export const durationMs = z
  .string()
  .regex(/^\d{1,6}[smhd]$/, 'must look like 90s, 15m, 24h or 7d')
  .transform((s) => Number(s.slice(0, -1)) * UNIT_MS[s.at(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms > 0, 'must be longer than 0');

/** A yes/no switch written `true` or `false`. */
export const flag = z.enum(['true', 'false']).transform((s) => s === 'true');
