package dev.rollgate.aws.cordum;

/** Where the Cordum API key comes from: an environment variable locally, SSM or Secrets Manager on AWS. */
@FunctionalInterface
public interface ApiKeySource {

    /** The key to send now; implementations may cache it. Fails with {@link ApiKeyUnavailableException}. */
    ApiKey current();
}
