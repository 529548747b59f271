/**
 * @module `/v1/explainers`: the index and whole explainers as JSON, from prepared bytes.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { findDocument } from '../catalogue.ts';
import { content } from '../../generated/content.ts';
import { CACHE, JSON_TYPE, prepared } from '../http-cache.ts';

export const explainers = new Hono<AppEnv>();

explainers.get('/', (c) =>
  prepared(c.req.header('If-None-Match'), { ...content.index, contentType: JSON_TYPE, cacheControl: CACHE.content }),
);

explainers.get('/:id', (c) => {
  const doc = findDocument(c.req.param('id'), c.req.query('lang'));
  return prepared(c.req.header('If-None-Match'), {
    body: doc.body,
    etag: doc.etag,
    contentType: JSON_TYPE,
    cacheControl: CACHE.content,
    headers: {
      'Content-Language': doc.data.lang,
      Link: `</explainers/${doc.data.id}>; rel="alternate"; type="text/html"`,
    },
  });
});
