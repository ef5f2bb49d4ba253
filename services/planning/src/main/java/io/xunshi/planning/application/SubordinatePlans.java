package io.xunshi.planning.application;

import java.util.List;

/**
 * Which jurisdictions directly below a plan's have filed a plan naming it as parent.
 *
 * @param children one entry per child jurisdiction the jurisdictions view knows, by code
 */
public record SubordinatePlans(String planId, String jurisdiction, int filed, int notFiled, List<Child> children) {

    /** A child jurisdiction and, when it has filed one, its plan naming this one as parent. */
    public record Child(String jurisdiction, String name, String level, boolean filed, String planId, String title,
            Integer termStart, Integer termEnd) {
    }
}
