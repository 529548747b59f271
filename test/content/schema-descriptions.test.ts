/**
 * The API's JSON Schemas (components.schemas of the OpenAPI description) explain themselves:
 * every field carries a description from the zod schema, dates carry their format, and every
 * response the API sends has a schema.
 */
import { describe, expect, it } from 'vitest';
import { buildSchemas } from '../../catalogue/build/openapi.ts';
import { en } from '../../ui/strings/en.ts';

type Json = Record<string, unknown>;

const schemas = buildSchemas();

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every subschema with the path that reaches it, through properties, items, anyOf/oneOf/allOf and $defs. */
function walk(schema: Json, path: string, out: { path: string; schema: Json; isProperty: boolean }[] = []) {
  const visit = (child: unknown, childPath: string, isProperty: boolean) => {
    if (!isObject(child)) return;
    out.push({ path: childPath, schema: child, isProperty });
    walk(child, childPath, out);
  };
  if (isObject(schema.properties))
    for (const [name, child] of Object.entries(schema.properties)) visit(child, `${path}.${name}`, true);
  if (isObject(schema.items)) visit(schema.items, `${path}[]`, false);
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const variants = schema[keyword];
    if (Array.isArray(variants)) variants.forEach((child, i) => visit(child, `${path}|${keyword}[${i}]`, false));
  }
  if (isObject(schema.$defs))
    for (const [name, child] of Object.entries(schema.$defs)) visit(child, `${path}.$defs.${name}`, false);
  return out;
}

const hasDescription = (schema: Json) => typeof schema.description === 'string' && schema.description.trim() !== '';

/** The schema at a dotted path of property names (`[]` steps into array items). */
function at(schema: Json | undefined, path: string): Json {
  let node: unknown = schema;
  for (const step of path.split('.')) {
    const name = step.replace(/(\[\])+$/, '');
    if (name) node = isObject(node) && isObject(node.properties) ? node.properties[name] : undefined;
    for (let depth = (step.length - name.length) / 2; depth > 0; depth--)
      node = isObject(node) ? node.items : undefined;
  }
  if (!isObject(node)) throw new Error(`no schema at ${path}`);
  return node;
}

describe("the API's JSON Schemas", () => {
  it('describe every schema', () => {
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Explainer', 'ExplainerIndex', 'Problem', 'Health', 'OEmbed', 'WidgetStrings']),
    );
    for (const [name, schema] of Object.entries(schemas)) expect(hasDescription(schema), name).toBe(true);
  });

  it('describe every property, however deep, and every object in arrays and unions', () => {
    const missing: string[] = [];
    let properties = 0;
    for (const [name, schema] of Object.entries(schemas))
      for (const node of walk(schema, name)) {
        if (node.isProperty) properties++;
        const isObjectSchema = isObject(node.schema.properties);
        if ((node.isProperty || isObjectSchema) && !hasDescription(node.schema)) missing.push(node.path);
      }
    expect(missing).toEqual([]);
    // The walk reached deep: the inline runs inside key facts, cards and timeline events.
    expect(properties).toBeGreaterThan(100);
  });

  it('reach the inline runs (oneOf) with their own descriptions', () => {
    const runs = at(schemas.Explainer, 'keyFacts[].runs[]');
    const variants = runs.oneOf;
    expect(Array.isArray(variants) && variants.length).toBe(4);
    const paths = walk(schemas.Explainer!, 'Explainer').map((n) => n.path);
    expect(paths).toContain('Explainer.keyFacts[].runs[]|oneOf[2].href');
    expect(paths).toContain('Explainer.background[].body[].runs[]|oneOf[3].source');
  });

  it('give date-times and calendar dates a format, and partial dates a pattern', () => {
    const explainer = schemas.Explainer;
    expect(at(explainer, 'updatedAt').format).toBe('date-time');
    for (const path of ['article.date', 'background[].asOf', 'revisions[].date'])
      expect(at(explainer, path).format, path).toBe('date');
    for (const path of ['sources[].date', 'timeline[].date']) {
      const partial = at(explainer, path);
      expect(partial.format, path).toBeUndefined();
      const pattern = new RegExp(String(partial.pattern));
      for (const ok of ['2024', '2024-08', '2024-08-18']) expect(pattern.test(ok), `${path}: ${ok}`).toBe(true);
      expect(pattern.test('2024-13'), path).toBe(false);
      expect(String(partial.description), path).toMatch(/YYYY-MM-DD/);
    }
    const index = schemas.ExplainerIndex;
    expect(at(index, 'explainers[].updatedAt').format).toBe('date-time');
    expect(at(index, 'explainers[].publishedAt').format).toBe('date');
    expect(at(index, 'explainers[].revisedAt').format).toBe('date');
  });

  it('describe the problem document, with the editions a 404 may list', () => {
    const problem = schemas.Problem;
    expect(Object.keys(problem?.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'available']),
    );
    expect(problem?.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(at(problem, 'available').type).toBe('array');
    expect(at(problem, 'available[]').type).toBe('string');
    expect(String(at(problem, 'type').description)).toContain('/problems/');
  });

  it('have schemas for the health check, oEmbed and the widget strings', () => {
    expect(at(schemas.Health, 'status').const).toBe('ok');
    expect(at(schemas.Health, 'explainers')).toMatchObject({ type: 'integer', minimum: 0 });
    expect(at(schemas.Health, 'widget').type).toBe('string');
    expect(Object.keys(schemas.OEmbed?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'version',
        'type',
        'provider_name',
        'provider_url',
        'title',
        'html',
        'width',
        'height',
        'cache_age',
      ]),
    );
    expect(at(schemas.OEmbed, 'version').const).toBe('1.0');
    expect(at(schemas.OEmbed, 'type').const).toBe('rich');
    const strings = schemas.WidgetStrings;
    expect(Object.keys(strings?.properties ?? {})).toEqual(Object.keys(en));
    expect(strings?.required).toEqual(Object.keys(en));
    expect(strings?.additionalProperties).toBe(false);
    for (const [key, value] of Object.entries(en))
      expect(at(strings, key).type, key).toBe(Array.isArray(value) ? 'array' : 'string');
  });
});
