package io.xunshi.testing.architecture;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Use of the reactive SQL client ({@code io.vertx.*.sqlclient}, {@code io.vertx.pgclient}): a dependency on
 * one of its types, and also a call whose parameters or result are of such a type. The second catches what a
 * plain dependency rule misses: {@code conn -> service.handle(conn, ...)} holds a connection in a lambda
 * parameter, which the class file does not record as a dependency of the class.
 */
final class SqlUse {

    private SqlUse() {
    }

    static boolean isSql(JavaClass type) {
        String name = type.getPackageName();
        return name.startsWith("io.vertx.") && (name.contains(".sqlclient") || name.startsWith("io.vertx.pgclient"));
    }

    /** Calls and method references count alike. */
    static ArchCondition<JavaClass> touchSql() {
        return new ArchCondition<>("touch the SQL client") {

            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                for (Dependency dependency : owner.getDirectDependenciesFromSelf()) {
                    if (isSql(dependency.getTargetClass())) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                }
                for (JavaCodeUnitAccess<?> call : owner.getCodeUnitAccessesFromSelf()) {
                    Stream.concat(call.getTarget().getRawParameterTypes().stream(),
                            Stream.of(call.getTarget().getRawReturnType()))
                            .filter(SqlUse::isSql).findFirst()
                            .ifPresent(sql -> events.add(SimpleConditionEvent.satisfied(call,
                                    call.getDescription() + " passing or receiving <" + sql.getName() + ">")));
                }
            }
        };
    }
}
