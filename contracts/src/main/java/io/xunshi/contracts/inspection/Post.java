package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * A post a cadre holds or held: the unit (an organisation id of the registry), the unit's superior unit where it
 * has one, the title, and the day it began.
 *
 * @param unitId the organisation the post is in
 * @param unitName its name when the post began
 * @param superiorUnitId the unit's superior (上级单位), or null when it has none or it is not known
 * @param title the post's title, e.g. 副处长
 * @param since the first day in the post
 */
public record Post(String unitId, String unitName, String superiorUnitId, String title, LocalDate since) {
}
