#!/usr/bin/env node
// Validates an ASL definition with asl-validator (schema, JSONPath syntax, ARNs, reachability).
//   node validate.mjs [--substitutions subs.json] DEFINITION.asl.json
// Exit 0 when valid, 1 when invalid (errors on stderr), 2 on a usage or read problem.
import aslValidator from 'asl-validator';
import { loadDefinition, parseArgs } from './substitute.mjs';

const USAGE = 'usage: node validate.mjs [--substitutions subs.json] DEFINITION.asl.json';

let definition;
let file;
try {
  const { positional, substitutions } = parseArgs(process.argv.slice(2), USAGE);
  if (positional.length !== 1) throw new Error(USAGE);
  file = positional[0];
  definition = loadDefinition(file, substitutions);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

const { isValid, errorsText } = aslValidator(definition, { checkPaths: true, checkArn: true });
if (isValid) {
  console.log(`${file}: valid`);
  process.exit(0);
}
console.error(`${file}: invalid\n${errorsText('\n')}`);
process.exit(1);
