import type { FastifyReply } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';
import { lingerAfterRefusal } from './linger-after-refusal.ts';

/** How long a refused caller is asked to wait: a large upload takes seconds to minutes. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Counts the uploads each user is sending, so one user cannot hold many large request bodies
 * open at once (each one a spool file growing on disk and a connection held). Over the cap an
 * upload is refused before its body is read.
 */
export class UploadGate {
  private readonly active = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Takes a slot for `user` or refuses with TOO_MANY_UPLOADS; returns the slot's release. */
  enter(user: string, reply: FastifyReply): () => void {
    const count = this.active.get(user) ?? 0;
    if (count >= this.maxPerUser) {
      // The body is not read: the connection closes soon after the answer.
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      lingerAfterRefusal(reply);
      throw new CodecardError('TOO_MANY_UPLOADS', {
        limit: this.maxPerUser,
        setting: 'CODECARD_MAX_CONCURRENT_UPLOADS',
        seconds: RETRY_AFTER_SECONDS,
      });
    }
    this.active.set(user, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.active.get(user) ?? 1) - 1;
      if (left === 0) this.active.delete(user);
      else this.active.set(user, left);
    };
  }
}
