package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * A cadre declared a close relation to an organisation (a relative works there): they never inspect it. Only
 * the kind of relation is recorded, never the relative.
 *
 * @param cadreId the cadre
 * @param organisationId the organisation the relation ties them to
 * @param relation the kind of relation
 * @param declaredOn the day of the declaration
 */
public record CloseRelationDeclared(String cadreId, String organisationId, CloseRelation relation,
        LocalDate declaredOn) implements CadreEvent {

    public static final String TYPE = "xunshi.inspection.CloseRelationDeclared";
    public static final int VERSION = 1;
}
