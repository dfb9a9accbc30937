package dev.rollgate.console.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Refuses to start with an unknown {@code rollgate.console.backend}: {@code dynamodb} wires the DynamoDB adapters,
 * {@code provided} means the embedding application (the sandbox, a test) supplies the state ports itself.
 */
@Component
class BackendCheck {
    static final Set<String> KNOWN = Set.of("dynamodb", "provided");

    BackendCheck(@Value("${rollgate.console.backend}") String backend) {
        if (!KNOWN.contains(backend)) {
            throw new IllegalStateException("rollgate.console.backend must be one of " + KNOWN + ", was '"
                    + backend + "'");
        }
    }
}
