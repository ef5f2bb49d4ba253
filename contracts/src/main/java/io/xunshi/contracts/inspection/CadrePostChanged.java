package io.xunshi.contracts.inspection;

/**
 * A cadre took up a new post; the previous one ended the day before it began and stays in their history.
 *
 * @param cadreId the cadre
 * @param post the new post
 */
public record CadrePostChanged(String cadreId, Post post) implements CadreEvent {

    public static final String TYPE = "xunshi.inspection.CadrePostChanged";
    public static final int VERSION = 1;
}
