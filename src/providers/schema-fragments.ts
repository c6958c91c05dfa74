// The config contract's list of clouds: each one's schema fragment, in the order the published schema
// lists them. src/core/config/schema.ts joins them; a new cloud adds its fragment here.
import { awsSchema } from './aws/schema.ts';
import { gcpSchema } from './gcp/schema.ts';
import { kubernetesSchema } from './kubernetes/schema.ts';

export const SCHEMA_FRAGMENTS = [awsSchema, gcpSchema, kubernetesSchema] as const;
