package dev.rollgate.statemachine.runner;

import java.util.List;
import java.util.Optional;

/** One validated Catch entry; an empty resultPath means {@code "ResultPath": null} (keep the input, drop the error). */
record Catcher(List<String> errorEquals, String next, Optional<String> resultPath) {

    boolean matches(String error) {
        return errorEquals.stream().anyMatch(equals -> StatesErrors.matches(equals, error));
    }
}
