package dev.rollgate.cli.bench;

import dev.rollgate.core.judge.Decision;

/**
 * One replicate judged both ways.
 *
 * @param row              benchmark row index
 * @param rollgate         rollgate's decision
 * @param rollgateMinutes  minutes from the regression onset (stage start when healthy) to the end of the
 *                         deciding window
 * @param kayenta          the fixed-horizon judge's decision
 * @param kayentaMinutes   likewise
 */
record RunOutcome(int row, Decision rollgate, double rollgateMinutes, Decision kayenta, double kayentaMinutes) {
}
