/**
 * The published language of Xunshi: the events each service puts on the shared log, as Java records. Each
 * record names its logical CloudEvents type and version ({@code TYPE}, {@code VERSION}); its JSON Schema
 * lives beside it under {@code src/main/resources/schemas/}, and the AsyncAPI document
 * ({@code contracts/asyncapi.yaml}) describes the topics, keys, headers and payloads.
 */
package io.xunshi.contracts;
