// Validates an AsyncAPI document with the reference parser: resolves every $ref (the payloads' JSON Schema
// files included), checks the document and its schemas, prints each diagnostic and exits non-zero on an error.
// Usage: node validate-asyncapi.mjs <asyncapi.yaml>; .ci/check-contracts runs it with the pinned parser.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: validate-asyncapi.mjs <asyncapi.yaml>');
  process.exit(2);
}

// The parser reports Spectral's numeric severities.
const ERROR = 0;
const severities = ['error', 'warning', 'info', 'hint'];

const { document, diagnostics } = await fromFile(new Parser(), file).parse();
for (const d of diagnostics) {
  const where = d.path.length > 0 ? d.path.join('.') : '(document)';
  console.log(`${file}: ${severities[d.severity]} ${d.code} at ${where}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === ERROR).length;
if (!document || errors > 0) {
  console.error(`${file}: invalid AsyncAPI document (${errors} error(s))`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.allMessages().length} message(s)`);
