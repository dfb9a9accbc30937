package dev.rollgate.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Optional;

/**
 * Where the console finds its state in DynamoDB ({@code rollgate.console.dynamodb.*}).
 *
 * @param endpoint     an emulator's endpoint (moto); empty for AWS itself, where the SDK's defaults apply
 *                     (region and credentials always come from the SDK's default chains, e.g. the IAM role)
 * @param tablePrefix  names the tables {@code <prefix>rollouts}, ... as the sandbox creates them; empty to read
 *                     the deployed names from the {@code ROLLGATE_*_TABLE} environment variables
 * @param createTables create missing tables from the schema at start-up (emulators only; CloudFormation owns the
 *                     tables in AWS)
 */
@ConfigurationProperties(prefix = "rollgate.console.dynamodb", ignoreUnknownFields = false)
public record DynamoDbBackendProperties(Optional<URI> endpoint, Optional<String> tablePrefix, boolean createTables) {
    public DynamoDbBackendProperties {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        tablePrefix = tablePrefix == null ? Optional.empty() : tablePrefix.filter(p -> !p.isBlank());
    }
}
