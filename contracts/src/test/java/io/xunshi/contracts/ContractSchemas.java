package io.xunshi.contracts;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;

/**
 * The JSON Schema validator as the contracts' tests use it: draft 2020-12, with the platform's one custom keyword,
 * {@value SealedValue#PERSONAL_KEYWORD}, declared as an annotation — it marks a property, it does not validate
 * anything; the sealed shape of the property's own schema does — and every other unknown keyword refused when a
 * schema is loaded. Left to itself, networknt's validator would log a warning for an unknown keyword and treat it
 * as an annotation, so a misspelt mark ({@code x-xunshi-persnal}) would pass unseen.
 */
final class ContractSchemas {

    static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new AnnotationKeyword(SealedValue.PERSONAL_KEYWORD))
            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
            .build();

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT);

    private ContractSchemas() {
    }
}
