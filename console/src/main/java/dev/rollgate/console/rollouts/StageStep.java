package dev.rollgate.console.rollouts;

/** One stage of the stepper: done, the current one, or still ahead. */
public record StageStep(String name, String type, int weight, Progress progress) {
    public enum Progress { DONE, CURRENT, AHEAD }
}
