import { exports } from 'cloudflare:workers';

/** The origin requests are made against; pages derive absolute URLs from it. */
export const BASE = 'https://explainers.example';

/** Sends a request through the Worker's own fetch handler, inside workerd. */
export const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(BASE + path, init));
