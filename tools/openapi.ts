/**
 * @module `npm run build:api`: prints the Worker's OpenAPI description, exactly as
 * `/v1/openapi.json` serves it, for generated/openapi.json: what the linters check
 * (`npm run lint:api`) and the typed client of test/client is generated from. Type-checked
 * with the Worker (tsconfig.worker.json): it loads the Worker's own modules.
 */
import '../worker/index.ts'; // every route file describes its routes as it loads
import { openApiJson } from '../worker/openapi.ts';

console.log(openApiJson('https://explainers.example'));
