package dev.rollgate.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core stays portable and deterministic: no cloud, web framework or wall clock inside it. */
class CoreArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rollgate.core");
    }

    @Test
    void coreHasNoAwsSpringOrVaadinDependency() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.springframework..", "com.vaadin..")
                .because("the core must run without AWS, Spring or Vaadin (DESIGN.md section 8)")
                .check(core);
    }

    @Test
    void coreNeverReadsTheWallClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("time is passed in, so transitions and verdicts are replayable")
                .check(core);
    }

    @Test
    void coreClassesWereImported() {
        // Guards the two rules above against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(core.contain("dev.rollgate.core.policy.RolloutPolicy")).isTrue();
    }
}
