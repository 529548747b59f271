/**
 * @module The JSON Schemas of what the API serves, generated from the content schema at build
 * time (the Worker composes them with its routes' own descriptions: worker/openapi.ts).
 * Descriptions and formats come from the zod schemas themselves (`.describe()`, `.meta()`),
 * so that what clients read cannot drift from what is validated and served.
 */
import { z } from 'zod';
import {
  ExplainerSchema,
  HealthSchema,
  IndexSchema,
  OEmbedSchema,
  ProblemSchema,
  WidgetStringsSchema,
} from '../schema.ts';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  return rest;
}

/** `components.schemas` of the OpenAPI description. */
export function buildSchemas(): Record<string, Record<string, unknown>> {
  return {
    Explainer: jsonSchema(ExplainerSchema),
    ExplainerIndex: jsonSchema(IndexSchema),
    Problem: jsonSchema(ProblemSchema),
    Health: jsonSchema(HealthSchema),
    OEmbed: jsonSchema(OEmbedSchema),
    WidgetStrings: jsonSchema(WidgetStringsSchema),
  };
}
