package dev.kplan.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link KplanSandbox}: decides run/skip/fail from {@code .kplan-sandbox/} and the
 * {@code CI} variable, and resolves {@link Sandbox} and {@link KubernetesClient} parameters.
 */
public final class SandboxExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> why = SandboxLocation.find().whyUnavailable(needed(context));
        return switch (SandboxDecision.decide(why, SandboxDecision.inCi(System.getenv("CI")))) {
            case RUN -> ConditionEvaluationResult.enabled("the sandbox runs");
            case SKIP -> ConditionEvaluationResult.disabled(why.orElseThrow());
            // enabled, so that beforeAll reports the failure instead of a silent skip
            case FAIL -> ConditionEvaluationResult.enabled("CI is set: a missing sandbox fails the tests");
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Set<SandboxService> needed = needed(context);
        SandboxLocation location = SandboxLocation.find();
        Optional<String> why = location.whyUnavailable(needed);
        if (why.isPresent()) {
            throw new IllegalStateException(why.get());
        }
        Sandbox sandbox = sandbox(context);
        if (settings(context).map(KplanSandbox::resetAws).orElse(false)) {
            sandbox.resetAws();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Sandbox.class || type == KubernetesClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Sandbox sandbox = sandbox(context);
        if (type == Sandbox.class) {
            return sandbox;
        }
        if (type == KubernetesClient.class) {
            return sandbox.kubernetesClient();
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    /** One Sandbox per test class, kept in the class-level store, which closes it after the class. */
    private static Sandbox sandbox(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).computeIfAbsent(Sandbox.class, k -> {
            SandboxLocation location = SandboxLocation.find();
            return new Sandbox(location, location.env());
        }, Sandbox.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Optional<KplanSandbox> settings(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, KplanSandbox.class));
    }

    private static Set<SandboxService> needed(ExtensionContext context) {
        return settings(context)
                .map(s -> s.value().length == 0 ? EnumSet.noneOf(SandboxService.class) : EnumSet.copyOf(List.of(s.value())))
                .orElse(EnumSet.of(SandboxService.KUBERNETES, SandboxService.AWS));
    }
}
