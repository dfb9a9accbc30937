// Shared by validate.mjs and run-local.mjs: reads a definition file and applies DefinitionSubstitutions
// (${Name} inside string values), failing on a placeholder without a value or a value no placeholder uses,
// exactly like the Java runner does.
import { readFileSync } from 'node:fs';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

export function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${what} ${file} is not readable JSON: ${e.message}`);
  }
}

/** Applies substitutions to one definition; returns the result and the placeholder names missing and used. */
export function applySubstitutions(definition, values) {
  const missing = new Set();
  const used = new Set();
  const walk = (node) => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (match, name) => {
        if (!Object.hasOwn(values, name)) {
          missing.add(name);
          return match;
        }
        used.add(name);
        return String(values[name]);
      });
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return { result: walk(definition), missing, used };
}

export function readSubstitutions(substitutionsFile) {
  return substitutionsFile ? readJson(substitutionsFile, 'substitutions') : {};
}

/** One definition with strict substitution: no placeholder without a value, no value without a placeholder. */
export function loadDefinition(file, substitutionsFile) {
  const values = readSubstitutions(substitutionsFile);
  const { result, missing, used } = applySubstitutions(readJson(file, 'definition'), values);
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (missing.size > 0) throw new Error(`${file}: substitutions without a value: ${[...missing].sort().join(', ')}`);
  if (unused.length > 0) throw new Error(`substitutions not used by the definition: ${unused.sort().join(', ')}`);
  return result;
}

/** Parses `[--substitutions FILE] POSITIONAL...`. */
export function parseArgs(argv, usage) {
  const positional = [];
  let substitutions;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--substitutions') {
      substitutions = argv[++i];
      if (!substitutions) throw new Error(`--substitutions needs a file\n${usage}`);
    } else if (argv[i].startsWith('--')) {
      throw new Error(`unknown option ${argv[i]}\n${usage}`);
    } else {
      positional.push(argv[i]);
    }
  }
  return { positional, substitutions };
}
