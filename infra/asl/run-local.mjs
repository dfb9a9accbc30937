#!/usr/bin/env node
// Runs an ASL definition with the independent interpreter aws-local-stepfunctions, every Task answered from
// canned per-resource responses, and prints {status, output | error+cause, calls} as JSON on stdout.
//   node run-local.mjs [--substitutions subs.json] DEFINITION.asl.json CANNED.json [INPUT.json]
// CANNED maps a Task Resource to the list of its responses, used in order, one per call:
//   {"arn:aws:lambda:...:function:Evaluate": [{"output": {"decision": "CONTINUE"}},
//                                             {"error": "Lambda.ServiceException", "cause": "throttled"}]}
// A call with no response left fails the run (exit 3), so both interpreters must make the same calls.
// Wait states and Retry intervals are shortened to 0 ms; the outcome does not depend on them.
// aws-local-stepfunctions has no .waitForTaskToken: a definition using it is refused (exit 2).

// aws-local-stepfunctions 3.0.0 expects Node 22; on Node 20 it needs Promise.withResolvers.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

const { StateMachine, ExecutionError } = await import('aws-local-stepfunctions');
const { loadDefinition, parseArgs, readJson } = await import('./substitute.mjs');

const USAGE = 'usage: node run-local.mjs [--substitutions subs.json] DEFINITION.asl.json CANNED.json [INPUT.json]';

function usageError(message) {
  console.error(message);
  process.exit(2);
}

let definition;
let canned;
let input = {};
try {
  const { positional, substitutions } = parseArgs(process.argv.slice(2), USAGE);
  if (positional.length < 2 || positional.length > 3) throw new Error(USAGE);
  definition = loadDefinition(positional[0], substitutions);
  canned = readJson(positional[1], 'canned responses');
  if (positional[2]) input = readJson(positional[2], 'input');
} catch (e) {
  usageError(e.message);
}

const calls = [];
const remaining = Object.fromEntries(Object.entries(canned).map(([resource, list]) => [resource, [...list]]));
const taskResourceLocalHandlers = {};
const waitTimeOverrides = {};
const retryIntervalOverrides = {};

class CannedTaskError extends Error {
  constructor(name, cause) {
    super(cause);
    this.name = name;
  }
}

class OutOfResponses extends Error {}

for (const [stateName, state] of Object.entries(definition.States ?? {})) {
  if (state.Type === 'Wait') waitTimeOverrides[stateName] = 0;
  if (state.Retry) retryIntervalOverrides[stateName] = 0;
  if (state.Type !== 'Task') continue;
  if (String(state.Resource).endsWith('.waitForTaskToken')) {
    usageError(`state '${stateName}': aws-local-stepfunctions does not support .waitForTaskToken`);
  }
  const resource = state.Resource;
  taskResourceLocalHandlers[stateName] = async (taskInput) => {
    calls.push({ state: stateName, resource, input: taskInput });
    const next = remaining[resource]?.shift();
    if (next === undefined) throw new OutOfResponses(`no canned response left for ${resource} (state ${stateName})`);
    if ('error' in next) throw new CannedTaskError(next.error, next.cause ?? '');
    return next.output;
  };
}

let machine;
try {
  machine = new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } });
} catch (e) {
  usageError(e.message);
}
const execution = machine.run(input, {
  overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides },
});

let report;
try {
  const output = await execution.result;
  report = { status: 'SUCCEEDED', output, calls };
} catch (e) {
  const cause = e instanceof ExecutionError ? e.cause : e;
  if (cause instanceof OutOfResponses) {
    console.error(cause.message);
    process.exit(3);
  }
  report = { status: 'FAILED', error: cause?.name ?? 'Error', cause: cause?.message ?? '', calls };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
