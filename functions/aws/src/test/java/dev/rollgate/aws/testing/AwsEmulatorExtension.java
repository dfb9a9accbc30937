package dev.rollgate.aws.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one way integration tests reach AWS: add {@code @ExtendWith(AwsEmulatorExtension.class)} and take an
 * {@link AwsEndpoint} parameter (e.g. in a static {@code @BeforeAll}). The endpoint is chosen once per test run
 * by {@link AwsEndpointSelector} and shared by all test classes; emulator quirks are in
 * {@link EmulatorDifferences}.
 */
public final class AwsEmulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives for the whole run, so the choice (and a LocalStack container) is made once.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(AwsEndpoint.class,
                key -> new AwsEndpointSelector(System.getenv(), new TestcontainersDockerProbe(),
                        new TestcontainersLocalStack()).select(), AwsEndpoint.class);
    }
}
