import { errorBody } from './payloads.js';
import type { World } from './state.js';
import type { JsonObject, RecordedFile, RecordedRequest } from './types.js';

export interface RouteContext {
  world: World;
  params: Record<string, string>;
  query: Record<string, string>;
  body: JsonObject;
  files: RecordedFile[];
  record: RecordedRequest;
  /** Where attachments are said to live; nothing is served there. */
  cdnBase: string;
  gatewayUrl: string;
  /** Sends a gateway dispatch to the connected client, when the client's intents would receive it. */
  dispatch: (event: string, data: JsonObject, intent?: number) => void;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** Segments starting with ':' are parameters; everything else, including '@me' and '@original', is literal. */
  pattern: string;
  /** Interaction callbacks and interaction webhooks are authorised by their token, not the bot token. */
  auth: boolean;
  handle: (ctx: RouteContext) => RouteResult;
}

export function json(body: unknown, status = 200): RouteResult {
  return { status, body };
}

export function noContent(): RouteResult {
  return { status: 204 };
}

export function fail(status: number, code: number, message: string): RouteResult {
  return { status, body: errorBody(code, message) };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const actual = segments[i]!;
      if (p.startsWith(':')) {
        params[p.slice(1)] = actual;
        return true;
      }
      return p === actual;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

/** Whether some route exists for the path under another method; Discord answers those with 405. */
export function pathKnown(routes: readonly Route[], path: string): boolean {
  return routes.some((r) => matchRoute([{ ...r, method: 'ANY' }], 'ANY', path) !== undefined);
}
