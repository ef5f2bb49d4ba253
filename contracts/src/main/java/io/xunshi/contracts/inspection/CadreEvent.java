package io.xunshi.contracts.inspection;

/**
 * What happens to one person in a jurisdiction's cadre pool (巡视巡察干部人才库); published on
 * {@code xunshi.inspection.events}, keyed by the cadre id.
 */
public sealed interface CadreEvent permits CadreRegistered, CadrePostChanged, CloseRelationDeclared, CadreVetted {

    String cadreId();
}
