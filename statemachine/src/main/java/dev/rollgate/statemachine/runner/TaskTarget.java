package dev.rollgate.statemachine.runner;

/**
 * How a Task state reaches its handler. {@code handlerKey} is the registry key: the Resource itself, or for the
 * {@code arn:aws:states:::lambda:invoke} integration the FunctionName parameter (the handler then receives the
 * Payload). {@code waitForTaskToken} is set for resources ending in {@code .waitForTaskToken}.
 */
record TaskTarget(String resource, String handlerKey, boolean lambdaInvoke, boolean waitForTaskToken) {
    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";
}
