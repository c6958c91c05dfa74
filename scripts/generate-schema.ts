// Writes the published JSON Schema of the config file (schema/pullcheck.schema.json) from the one
// source of truth in src/core/config/schema.ts. A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/core/config/schema.ts';

export const SCHEMA_FILE = 'schema/pullcheck.schema.json';

export function schemaFileText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(process.argv[2] ?? SCHEMA_FILE, schemaFileText());
}
