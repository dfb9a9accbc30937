package dev.rollgate.aws.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every integration test reaches AWS through {@link AwsEmulatorExtension}, so it runs on moto and LocalStack. */
class IntegrationTestConventionTest {
    @Test
    void everyIntegrationTestUsesTheEmulatorExtension() throws Exception {
        List<Class<?>> integrationTests = integrationTestClasses();

        assertThat(integrationTests).as("integration tests found in this module")
                .extracting(Class::getSimpleName).contains("DynamoDbStateStoreIT");
        assertThat(integrationTests).as("ITs must get endpoint, region and credentials from AwsEmulatorExtension")
                .allMatch(IntegrationTestConventionTest::usesTheExtension);
    }

    private static boolean usesTheExtension(Class<?> type) {
        ExtendWith extendWith = type.getAnnotation(ExtendWith.class);
        return extendWith != null && Arrays.asList(extendWith.value()).contains(AwsEmulatorExtension.class);
    }

    /** Top-level classes named *IT among this module's compiled tests. */
    private static List<Class<?>> integrationTestClasses() throws IOException, URISyntaxException {
        Path root = Path.of(IntegrationTestConventionTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(name -> name.endsWith("IT.class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(IntegrationTestConventionTest::load).toList();
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, IntegrationTestConventionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class cannot be loaded: " + className, e);
        }
    }
}
