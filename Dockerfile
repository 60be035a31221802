# changegraph: multi-stage build, runs as a non-root user, with a health check.
#   docker build -t changegraph .
#   docker run -p 4000:4000 -e HOST=0.0.0.0 -e GATEWAY_API_TOKENS=... -e CURSOR_SECRET=... -e VINYLDNS_URL=... changegraph
# NODE_ENV=production: start-up refuses a missing or default CURSOR_SECRET (16+ characters, the
# same on every replica), and introspection and GraphiQL are off unless GRAPHQL_INTROSPECTION=true
# or GRAPHIQL=true. Set ALLOWED_HOSTS to the names clients use (README "Operations").

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json codegen.yml schema.graphql ./
COPY src ./src
# --omit=optional as well: the bench's Apollo peer (a dev dependency) is also an optional peer of
# graphql-armor, which npm then keeps as "dev or optional"; nothing at run time needs either kind.
RUN npm run build && npm prune --omit=dev --omit=optional

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
