/**
 * Delivering human approval decisions to the workflow that waits for them. The decision itself is stored through
 * {@link dev.rollgate.core.state.Approvals}; this package only names how the waiting step is resumed.
 */
package dev.rollgate.core.approval;
