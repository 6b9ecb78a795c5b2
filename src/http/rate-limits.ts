import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';
import { callerKey } from './rate-limit-key.ts';

export interface RateLimitSettings {
  /** Requests per caller per minute on each limited route (CODECARD_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
}

export const defaultRateLimitPerMinute = 120;

/**
 * Per-caller limits on the routes that cost the most (ask, search, checks). Nothing is limited
 * unless its route opts in with `config: callerRateLimit()`, so health checks, cards and the
 * web app's files never answer 429. Counters live in this process, one per route and caller.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  { rateLimitPerMinute = defaultRateLimitPerMinute }: RateLimitSettings,
): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    max: rateLimitPerMinute,
    timeWindow: 60_000,
    // After authentication (onRequest and app-level preHandler hooks), so the caller is known,
    // and after body validation, so a malformed request is refused without using the budget.
    hook: 'preHandler',
    keyGenerator: callerKey,
    // The plugin sets Retry-After; the body is the one JSON error shape.
    errorResponseBuilder: (_request, context) =>
      new CodecardError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

/** Route limits that differ from the configured one (e.g. sign-in: a few tries per window). */
export type RouteRateLimit = Pick<RateLimitOptions, 'max' | 'timeWindow'>;

/**
 * Route config that limits a route per caller: `{ config: callerRateLimit() }` for the
 * configured limit, `callerRateLimit({ max: 10, timeWindow: '15 minutes' })` for a stricter one.
 */
export function callerRateLimit(limit: RouteRateLimit = {}): { rateLimit: RateLimitOptions } {
  return { rateLimit: { ...limit } };
}
