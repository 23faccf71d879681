# syntax=docker/dockerfile:1
# One image for every Newsroom app; docker-compose.yml picks the app with
# `npm run start:<app>:prod` (editorial-api, outbox-relay, projector).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
ENV APP=editorial-api
EXPOSE 3000
# `exec` so the app (not sh) receives SIGTERM from `docker stop`
CMD ["sh", "-c", "exec npm run start:${APP}:prod"]
