package dev.rollgate.aws.traffic;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An agent function in moto with published versions 1 and 2 and an alias on version 1. */
final class MotoLambdaFunctions {
    private MotoLambdaFunctions() {
    }

    static void createAgentWithTwoVersions(LambdaClient lambda, String functionName, String aliasName,
                                           String roleArn) {
        lambda.createFunction(r -> r.functionName(functionName).runtime(Runtime.PYTHON3_12).role(roleArn)
                .handler("index.handler").code(c -> c.zipFile(zip("return 'baseline'"))));
        lambda.publishVersion(r -> r.functionName(functionName));
        lambda.updateFunctionCode(r -> r.functionName(functionName).zipFile(zip("return 'candidate'")));
        String second = lambda.publishVersion(r -> r.functionName(functionName)).version();
        if (!second.equals("2")) {
            throw new IllegalStateException("expected version 2 to be published, got " + second);
        }
        lambda.createAlias(r -> r.functionName(functionName).name(aliasName).functionVersion("1"));
    }

    private static SdkBytes zip(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write(("def handler(event, context):\n    " + body + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }
}
