/**
 * The named schemas of the API: each becomes a component of the OpenAPI document
 * (`#/components/schemas/<id>`, and `<id>Input` for its request form), so that generated
 * clients get one type per concept rather than one per use.
 *
 * Names live in zod's global registry, beside the descriptions and formats that `.describe()`
 * and `.meta()` put there: the OpenAPI generator reads both from one registry.
 */
import { z } from 'zod';

export const API_SCHEMAS = z.globalRegistry;

/** Names a schema in the API document (keeping its description) and returns it unchanged. */
export function apiSchema<S extends z.ZodType>(id: string, schema: S): S {
  const existing = API_SCHEMAS.get(schema);
  if (existing?.id !== undefined && existing.id !== id)
    throw new Error(`Schema ${existing.id} is named again as ${id}`);
  if (existing?.id === undefined) API_SCHEMAS.add(schema, { ...existing, id });
  return schema;
}
