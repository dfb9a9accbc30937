#!/usr/bin/env node
// Validates ASL definitions with asl-validator (schema, JSONPath syntax, ARNs, reachability).
//   node validate.mjs [--substitutions subs.json] DEFINITION.asl.json...
// The substitutions (DefinitionSubstitutions, ${Name} -> value) apply to every file; a placeholder without a value
// is an error, and so is a value that none of the files uses.
// Exit 0 when all are valid, 1 when one is invalid (errors on stderr), 2 on a usage or read problem.
import aslValidator from 'asl-validator';
import { applySubstitutions, parseArgs, readJson, readSubstitutions } from './substitute.mjs';

const USAGE = 'usage: node validate.mjs [--substitutions subs.json] DEFINITION.asl.json...';

const definitions = [];
try {
  const { positional, substitutions } = parseArgs(process.argv.slice(2), USAGE);
  if (positional.length === 0) throw new Error(USAGE);
  const values = readSubstitutions(substitutions);
  const usedAnywhere = new Set();
  for (const file of positional) {
    const { result, missing, used } = applySubstitutions(readJson(file, 'definition'), values);
    if (missing.size > 0) throw new Error(`${file}: substitutions without a value: ${[...missing].sort().join(', ')}`);
    used.forEach((name) => usedAnywhere.add(name));
    definitions.push({ file, definition: result });
  }
  const unused = Object.keys(values).filter((name) => !usedAnywhere.has(name));
  if (unused.length > 0) throw new Error(`substitutions not used by any definition: ${unused.sort().join(', ')}`);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

let allValid = true;
for (const { file, definition } of definitions) {
  const { isValid, errorsText } = aslValidator(definition, { checkPaths: true, checkArn: true });
  if (isValid) {
    console.log(`${file}: valid`);
  } else {
    allValid = false;
    console.error(`${file}: invalid\n${errorsText('\n')}`);
  }
}
process.exit(allValid ? 0 : 1);
