package dev.rollgate.aws.traffic;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * SDK clients for the moto server that {@code infra/test.sh} starts and names in {@code AWS_ENDPOINT_URL}
 * (credentials and region come from the environment it exports).
 */
final class MotoEmulator {
    private MotoEmulator() {
    }

    static URI endpoint() {
        String url = System.getenv("AWS_ENDPOINT_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run integration tests with "
                    + "'infra/test.sh -pl functions/aws -am', which starts moto and sets it");
        }
        return URI.create(url);
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.create();
    }

    static LambdaClient lambda() {
        return LambdaClient.builder().endpointOverride(endpoint()).httpClient(http()).build();
    }

    static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).httpClient(http()).build();
    }

    static CodeDeployClient codeDeploy(SdkHttpClient httpClient) {
        return CodeDeployClient.builder().endpointOverride(endpoint()).httpClient(httpClient).build();
    }

    /**
     * Creates an IAM role through moto's IAM query API (the project has no IAM SDK module): moto's Lambda
     * only accepts a function whose role exists. Returns the role ARN.
     */
    static String createRole(String roleName) throws IOException, InterruptedException {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String form = "Action=CreateRole&Version=2010-05-08&RoleName=" + roleName + "&AssumeRolePolicyDocument="
                + URLEncoder.encode(policy, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // moto routes unsigned requests by the service named in the credential scope
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto CreateRole answered " + response.statusCode() + ": " + response.body());
        }
        return "arn:aws:iam::123456789012:role/" + roleName;
    }
}
