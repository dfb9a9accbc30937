package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.StateAccessException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Turns SDK failures into {@link StateAccessException} (the SDK has already retried throttling with backoff)
 * and retries optimistic attempts that lost a race, with jittered backoff.
 */
final class StoreCalls {
    static final int MAX_ATTEMPTS = 40;

    private StoreCalls() {
    }

    /** Runs one DynamoDB call; condition failures and cancelled transactions are left to the caller. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException | TransactionConflictException e) {
            throw e;
        } catch (SdkException e) {
            throw new StateAccessException(what + " failed", e);
        }
    }

    /**
     * Repeats {@code attempt} until it returns a result; an empty result means "lost a race, look again".
     * Gives up with a {@link StateAccessException} after {@value #MAX_ATTEMPTS} attempts.
     */
    static <T> T untilDecided(String what, Supplier<Optional<T>> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            backOff(i);
        }
        throw new StateAccessException(what + " kept conflicting with concurrent writes after " + MAX_ATTEMPTS
                + " attempts");
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateAccessException("interrupted while retrying a conflicting write", e);
        }
    }
}
