package io.qbank.common.openapi;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names each operation and states who may call it. SmallRye names an operation by its Java method
 * ({@code quarkus.smallrye-openapi.operation-id-strategy=package-class-method}); from that method this reads the roles of its
 * {@code @RolesAllowed} (or its class's) into the extension {@code x-roles}, and renames the operation after its resource
 * and method ({@code TopicResource.create} → {@code topicCreate}), which is unique in a service and stable for clients.
 */
final class OperationRoles {

    static final String EXTENSION = "x-roles";

    private OperationRoles() {
    }

    static void describe(Operation operation) {
        String id = operation.getOperationId();
        int separator = id == null ? -1 : id.lastIndexOf('_');
        if (separator < 0) {
            return;
        }
        String className = id.substring(0, separator), methodName = id.substring(separator + 1);
        Class<?> resource;
        try {
            resource = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        operation.addExtension(EXTENSION, List.copyOf(roles(resource, methodName)));
        String simple = resource.getSimpleName().replaceFirst("Resource$", "");
        String noun = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        operation.setOperationId(methodName.equals(noun) ? noun
                : noun + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1));
    }

    /** The roles of the method's {@code @RolesAllowed}, else its class's; none for {@code @PermitAll}. */
    static Set<String> roles(Class<?> resource, String methodName) {
        Set<String> roles = new LinkedHashSet<>();
        boolean annotated = false;
        for (Method method : resource.getDeclaredMethods()) {
            if (!method.getName().equals(methodName)) {
                continue;
            }
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                roles.addAll(Arrays.asList(allowed.value()));
                annotated = true;
            } else if (method.isAnnotationPresent(PermitAll.class)) {
                annotated = true;
            }
        }
        RolesAllowed onClass = resource.getAnnotation(RolesAllowed.class);
        if (!annotated && onClass != null) {
            roles.addAll(Arrays.asList(onClass.value()));
        }
        return roles;
    }
}
