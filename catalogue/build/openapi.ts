/**
 * @module The JSON Schemas of what the API serves, generated from the content schema at build
 * time (the Worker composes them with its routes' own descriptions: worker/openapi.ts).
 */
import { z } from 'zod';
import { ExplainerSchema, IndexSchema, ProblemSchema } from '../schema.ts';

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
  };
}
