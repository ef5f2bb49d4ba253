package io.xunshi.contracts.inspection;

import java.util.List;

/**
 * A person joined a jurisdiction's cadre pool, with their present post. Officials named in their official role:
 * not personal data (docs/adr/0020-personal-data.md).
 *
 * @param cadreId stable id of the cadre
 * @param jurisdiction the jurisdiction whose pool holds them
 * @param name their name
 * @param account the identity provider's subject they sign in with
 * @param rank their rank, e.g. 正处级
 * @param expertise what they know, as tags (e.g. 财务, 审计, 组织人事)
 * @param post their present post
 */
public record CadreRegistered(String cadreId, String jurisdiction, String name, String account, String rank,
        List<String> expertise, Post post) implements CadreEvent {

    public static final String TYPE = "xunshi.inspection.CadreRegistered";
    public static final int VERSION = 1;
}
