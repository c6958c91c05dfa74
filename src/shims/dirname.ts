// The bundle is ESM, but some bundled CommonJS code (google-gax, loaded with the Artifact Registry client)
// reads a module-scope __dirname to find its protos: give it the bundle's folder, before anything loads.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scope = globalThis as { __dirname?: string };
scope.__dirname ??= path.dirname(fileURLToPath(import.meta.url));
