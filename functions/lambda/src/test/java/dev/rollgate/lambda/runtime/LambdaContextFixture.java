package dev.rollgate.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda invocation context as the runtime passes it, for running handlers through Powertools logging. */
public final class LambdaContextFixture implements Context {
    @Override
    public String getAwsRequestId() {
        return "req-0001";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/rollgate-preflight";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/27/[$LATEST]abc";
    }

    @Override
    public String getFunctionName() {
        return "rollgate-preflight";
    }

    @Override
    public String getFunctionVersion() {
        return "7";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:rollgate-preflight:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 60_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
