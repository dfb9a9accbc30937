/**
 * Adapters from the workflow's narrow ports onto the core components that implement them: the judge's stage
 * evaluator, the Cordum preflight gate, the traffic drivers and the window parser. Pure core code: no AWS here,
 * so the Lambda handlers and the local runner share exactly the same wiring.
 */
package dev.rollgate.core.workflow.bind;
