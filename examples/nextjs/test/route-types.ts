// Type-checked (`tsc`, the build script), never run: the handlers have the signatures Next.js's App Router calls
// them with. Next passes a NextRequest (a web Request subclass) and accepts any Response.
import type { NextRequest } from 'next/server';
import * as chatRoute from '../app/chat/route';
import * as webhookRoute from '../app/api/webhooks/comm100/route';

type RouteHandler = (request: NextRequest) => Promise<Response>;

export const checks = [
  webhookRoute.POST satisfies RouteHandler,
  chatRoute.GET satisfies RouteHandler,
  webhookRoute.runtime satisfies 'nodejs' | 'edge',
  chatRoute.dynamic satisfies 'auto' | 'force-dynamic' | 'error' | 'force-static',
];
