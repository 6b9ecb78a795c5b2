import type { LibraryContext } from '../../library/library-context.ts';
import type { Principal, RouteAccess } from '../../domain/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route declares it (checked when it is added). */
    access?: RouteAccess;
    /** A public probe that looks up no key or session (it must not touch the database). */
    anonymous?: boolean;
    /**
     * A CDS Hooks service: a JWT bearer is the EHR's, verified by the route itself
     * (src/http/cds-client-auth.ts), not looked up as an API key or session.
     */
    cdsClient?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in caller (null on public routes). */
    principal: Principal | null;
    /** The library as the caller's organization sees it. */
    ctx: LibraryContext;
  }
}

/** The route option that declares who may call a route (with any other route config). */
export function access<Extra extends object = object>(
  level: RouteAccess,
  extra?: Extra,
): { config: { access: RouteAccess } & Extra } {
  return { config: { access: level, ...(extra as Extra) } };
}
