package dev.rollgate.perf.cost;

/**
 * Public on-demand list prices in US East (N. Virginia), in US dollars, the one place the benchmark reads them
 * from. Sources (the services' public pricing pages): "AWS Step Functions Pricing" (Standard Workflows, state
 * transitions), "AWS Lambda Pricing" (x86, requests and GB-seconds), "Amazon DynamoDB Pricing for On-Demand
 * Capacity" (Standard table class, write and read request units, the prices in force since the November 2024
 * reduction), "Amazon EventBridge Pricing" (custom events published to an event bus; rules and delivery to AWS
 * service targets carry no charge). Free tiers are ignored. Check them before quoting a figure.
 */
public final class Prices {
    /** When these figures were taken from the pages named above. */
    public static final String AS_OF = "2026-11-27";
    public static final String REGION = "us-east-1";

    public static final double STEP_FUNCTIONS_PER_STATE_TRANSITION = 0.025 / 1_000;
    public static final double LAMBDA_PER_REQUEST = 0.20 / 1_000_000;
    public static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    public static final double DYNAMODB_PER_WRITE_REQUEST_UNIT = 0.625 / 1_000_000;
    public static final double DYNAMODB_PER_READ_REQUEST_UNIT = 0.125 / 1_000_000;
    public static final double EVENTBRIDGE_PER_CUSTOM_EVENT = 1.00 / 1_000_000;
    /** Rule matches and delivery to Lambda targets: no charge on the EventBridge pricing page. */
    public static final double EVENTBRIDGE_PER_RULE_MATCH = 0.0;

    private Prices() {
    }
}
