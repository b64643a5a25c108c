package dev.kplan.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class ({@code *IT}) that talks to the sandbox. Its tests may take a {@link Sandbox} or
 * a fabric8 {@code KubernetesClient} parameter. Without the services it needs, the class fails when the {@code CI}
 * environment variable is set and is skipped otherwise.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("sandbox")
@ExtendWith(SandboxExtension.class)
public @interface KplanSandbox {

    /** The services this class needs. */
    SandboxService[] value() default {SandboxService.KUBERNETES, SandboxService.AWS};

    /** Empty moto's account before the class runs. */
    boolean resetAws() default false;
}
