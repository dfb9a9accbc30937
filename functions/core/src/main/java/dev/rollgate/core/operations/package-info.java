/** Operator actions (abort, rerun from a stage) that the console asks the workflow to carry out. */
package dev.rollgate.core.operations;
