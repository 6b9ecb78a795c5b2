# Codecard server image: `codecard serve` (HTTP, and jobs unless CODECARD_RUN_JOBS=0) or
# `codecard worker` (jobs only). See docs/deployment.md; compose.yaml runs PostgreSQL, two app
# instances, one worker and a reverse proxy from this image.

# --- build: npm ci runs `prepare`, which builds web/dist and the migrated PGlite template
# (node_modules/.cache/codecard/), so a container starts without building anything.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Everything first: `prepare` (run by npm ci) needs the vite config, the web app, the server code
# and scripts/ in place. .dockerignore keeps node_modules, .codecard and web/dist out.
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# --- runtime
FROM node:20-bookworm-slim
# postgresql-client (15 on bookworm) gives pg_dump/pg_restore to `npm run backup`/`restore`.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CODECARD_DATA_DIR=/data \
    CODECARD_SKIP_WEB_BUILD=1
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# /data: the embedded database (when DATABASE_URL is unset) and upload spool;
# /blobs: CODECARD_BLOB_DIR, shared by every instance in a scaled-out deployment.
RUN mkdir -p /data /blobs && chown node:node /data /blobs
USER node
EXPOSE 3000
# Liveness only (no database): the reverse proxy and orchestrator use /health/ready for traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/bin/codecard"]
CMD ["serve"]
