// Validates rendered Kubernetes manifests (the output of `kubectl kustomize deploy/kubernetes`) object by object:
//
// - Kubernetes kinds: the types and required fields of the API's OpenAPI schema (kubernetes-models'
//   validate()), and strictly unknown fields, as the API server's strict field validation does, against the
//   field lists of the official Kubernetes client's models (@kubernetes/client-node);
// - the operators' kinds (Strimzi Kafka, KafkaNodePool, KafkaTopic, KafkaUser; CloudNativePG Cluster and
//   ScheduledBackup; the Barman Cloud plugin's ObjectStore): the
//   openAPIV3Schema of the operator's own CustomResourceDefinition under crds/, with Ajv, unknown fields
//   refused wherever the schema lists the fields (the API server prunes them silently, and the operator then
//   never sees a misspelled setting);
// - prometheus-operator's PodMonitor and PrometheusRule likewise against their CRDs, and every alerting or
//   recording rule's expr parsed as PromQL (Prometheus' own Lezer grammar, @prometheus-io/lezer-promql): a
//   rule that does not parse is loaded by no Prometheus, and the alert it stands for never fires;
// - any other kind fails: every object must be checked by some schema.
//
// Usage: node check-manifests.mjs FILE.yaml...              validates, exits 1 on any error
//        node check-manifests.mjs --self-test RENDERED.yaml  breaks copies of the rendered objects in known
//                                                            ways and fails unless every broken copy is refused
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv from "ajv";
import { parser as promql } from "@prometheus-io/lezer-promql";
import { parseAllDocuments, parse } from "yaml";
// Only the generated models: the client itself needs a newer Node.js than the models do.
import * as client from "@kubernetes/client-node/dist/gen/models/all.js";

const here = dirname(fileURLToPath(import.meta.url));

// --- Operators' kinds: one Ajv validator per apiVersion and kind, from the CRDs under crds/ ---

/** Refuses unknown fields wherever a schema lists its fields and does not ask to keep unknown ones. */
function strict(schema) {
  if (schema === null || typeof schema !== "object") {
    return schema;
  }
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === "enum" || key === "required" || key === "default" || key === "example" ? value : strict(value);
  }
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  return copy;
}

/**
 * The API server matches a CRD's patterns with Go's regexp, whose inline flags JavaScript lacks: a leading
 * (?i), after the ^ or not (prometheus-operator's CRDs use it), becomes the i flag.
 */
function goRegExp(pattern, flags) {
  const anchored = pattern.startsWith("^(?i)") ? `^${pattern.slice(5)}` : null;
  if (anchored !== null || pattern.startsWith("(?i)")) {
    return new RegExp(anchored ?? pattern.slice(4), `${flags ?? ""}i`);
  }
  return new RegExp(pattern, flags);
}

function loadCrdValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
  const validators = new Map();
  const dir = join(here, "crds");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const crd = parse(readFileSync(join(dir, file), "utf8"));
    if (crd?.kind !== "CustomResourceDefinition") {
      throw new Error(`${file} is not a CustomResourceDefinition`);
    }
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const schema = strict(version.schema.openAPIV3Schema);
      // Metadata is checked against the Kubernetes ObjectMeta below, as for every kind.
      schema.properties = { ...schema.properties, metadata: { type: "object" } };
      validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, {
        validate: ajv.compile(schema),
        source: file,
      });
    }
  }
  return validators;
}

// --- Kubernetes kinds ---

/** kubernetes-models' class for an apiVersion and kind, or null when it has none. */
async function kubernetesModel(apiVersion, kind) {
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch (e) {
    if (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return null;
    }
    throw e;
  }
}

/** The official client's model name of a kind, e.g. V1Deployment, V2HorizontalPodAutoscaler. */
function clientModel(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  const model = client[`V${version.slice(1)}${kind}`];
  return typeof model?.getAttributeTypeMap === "function" ? model : null;
}

const SCALARS = new Set(["string", "number", "boolean", "Date", "any", "object", "IntOrString"]);

/** Walks a value along the client model's field lists and reports every field the model does not have. */
function unknownFields(value, type, path, errors) {
  if (value === null || value === undefined || SCALARS.has(type)) {
    return;
  }
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => unknownFields(item, array[1], `${path}/${i}`, errors));
    }
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        unknownFields(item, map[1], `${path}/${key}`, errors);
      }
    }
    return;
  }
  const model = client[type];
  if (typeof model?.getAttributeTypeMap !== "function" || typeof value !== "object" || Array.isArray(value)) {
    return;
  }
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      errors.push(`${path}/${key}: unknown field (not in ${type})`);
    } else {
      unknownFields(item, fields.get(key), `${path}/${key}`, errors);
    }
  }
}

function ajvMessages(errors) {
  return (errors ?? []).map((e) =>
    e.keyword === "additionalProperties"
      ? `${e.instancePath || "/"}/${e.params.additionalProperty}: unknown field`
      : `${e.instancePath || "/"}: ${e.message}`);
}

// --- PromQL in PrometheusRules ---

/** Where an expression stops being PromQL, or null when all of it parses. */
function promqlError(expr) {
  if (typeof expr !== "string" || expr.trim() === "") {
    return "empty expression";
  }
  let at = null;
  promql.parse(expr).iterate({
    enter: (node) => {
      if (at === null && node.type.isError) {
        at = node.from;
      }
    },
  });
  return at === null ? null : `not PromQL at character ${at}: ${JSON.stringify(expr.slice(Math.max(0, at - 20), at + 20))}`;
}

function ruleErrors(object) {
  const errors = [];
  (object.spec?.groups ?? []).forEach((group, g) => {
    (group.rules ?? []).forEach((rule, r) => {
      const error = promqlError(typeof rule.expr === "string" ? rule.expr : String(rule.expr ?? ""));
      if (error) {
        errors.push(`/spec/groups/${g}/rules/${r}/expr (${rule.alert ?? rule.record}): ${error}`);
      }
    });
  });
  return errors;
}

/** The errors of one object; empty when it is valid. */
async function check(object, crds) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["not an object"];
  }
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["has no apiVersion or kind"];
  }
  const errors = [];
  unknownFields(object.metadata, "V1ObjectMeta", "/metadata", errors);
  if (typeof object.metadata?.name !== "string" || object.metadata.name === "") {
    errors.push("/metadata/name: required");
  }
  const crd = crds.get(`${apiVersion}/${kind}`);
  if (crd) {
    if (!crd.validate(object)) {
      errors.push(...ajvMessages(crd.validate.errors).map((m) => `${m} (schema ${crd.source})`));
    }
    if (kind === "PrometheusRule") {
      errors.push(...ruleErrors(object));
    }
    return errors;
  }
  const Model = await kubernetesModel(apiVersion, kind);
  const fields = clientModel(apiVersion, kind);
  if (!Model || !fields) {
    return [`unknown kind ${apiVersion} ${kind}: no Kubernetes or operator schema validates it`];
  }
  try {
    new Model(object).validate();
  } catch (e) {
    errors.push(...(e.errors ? ajvMessages(e.errors) : [e.message]));
  }
  for (const [key, item] of Object.entries(object)) {
    if (key === "metadata") {
      continue;
    }
    const type = fields.getAttributeTypeMap().find((a) => a.baseName === key)?.type;
    if (type === undefined) {
      errors.push(`/${key}: unknown field (not in ${fields.name})`);
    } else {
      unknownFields(item, type, `/${key}`, errors);
    }
  }
  return errors;
}

function describe(object) {
  return `${object?.kind ?? "?"} ${object?.metadata?.namespace ? object.metadata.namespace + "/" : ""}${object?.metadata?.name ?? "?"}`;
}

async function validateAll(objects, crds) {
  const failures = [];
  for (const object of objects) {
    const errors = await check(object, crds);
    if (errors.length > 0) {
      failures.push({ object: describe(object), errors });
    }
  }
  return failures;
}

function readObjects(file) {
  const objects = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    }
    const object = doc.toJS();
    if (object !== null) {
      objects.push(object);
    }
  }
  return objects;
}

// --- Self-test: each of these breaks one copy of a rendered object; every copy must be refused ---

const clone = (o) => JSON.parse(JSON.stringify(o));
const BREAKAGES = [
  ["Deployment", "replicas given as text", (o) => { o.spec.replicas = "two"; }],
  ["Deployment", "misspelled container field", (o) => { o.spec.template.spec.containers[0].imagePullPolicyy = "Always"; }],
  ["Deployment", "no selector", (o) => { delete o.spec.selector; }],
  ["Service", "unknown top-level field", (o) => { o.specs = o.spec; }],
  ["HorizontalPodAutoscaler", "maxReplicas missing", (o) => { delete o.spec.maxReplicas; }],
  ["PodDisruptionBudget", "misspelled metadata field", (o) => { o.metadata.label = { a: "b" }; }],
  ["Kafka", "misspelled Kafka setting", (o) => { o.spec.kafka.listener = o.spec.kafka.listeners; }],
  ["KafkaNodePool", "replicas given as text", (o) => { o.spec.replicas = "three"; }],
  ["KafkaTopic", "partitions given as text", (o) => { o.spec.partitions = "six"; }],
  ["KafkaUser", "an ACL operation Strimzi does not know", (o) => { o.spec.authorization.acls[0].operations = ["Steal"]; }],
  ["NetworkPolicy", "misspelled policy field", (o) => { o.spec.ingresss = o.spec.ingress; }],
  ["Cluster", "misspelled instances", (o) => { o.spec.instancess = o.spec.instances; }],
  ["ObjectStore", "a retention policy Barman cannot read", (o) => { o.spec.retentionPolicy = "thirty days"; }],
  ["ScheduledBackup", "misspelled cluster reference", (o) => { o.spec.clusters = o.spec.cluster; }],
  ["PodMonitor", "misspelled endpoint list", (o) => { o.spec.podMetricEndpoints = o.spec.podMetricsEndpoints; }],
  ["PrometheusRule", "an alert whose expression is not PromQL", (o) => { o.spec.groups[0].rules[0].expr = "max by (service (xunshi_outbox_lag_seconds) > 60"; }],
  ["PrometheusRule", "an alert with no expression", (o) => { delete o.spec.groups[0].rules[0].expr; }],
  ["ConfigMap", "unknown kind", (o) => { o.apiVersion = "example.com/v1"; o.kind = "Widget"; }],
];

async function selfTest(objects, crds) {
  const problems = [];
  for (const [kind, what, breakIt] of BREAKAGES) {
    const original = objects.find((o) => o.kind === kind);
    if (!original) {
      problems.push(`no ${kind} among the rendered objects to break (${what})`);
      continue;
    }
    const broken = clone(original);
    breakIt(broken);
    const errors = await check(broken, crds);
    if (errors.length === 0) {
      problems.push(`${describe(original)} with ${what} was NOT refused`);
    } else {
      console.log(`  refused as expected: ${describe(original)} with ${what}: ${errors[0]}`);
    }
  }
  return problems;
}

async function main(args) {
  const test = args[0] === "--self-test";
  const files = test ? args.slice(1) : args;
  if (files.length === 0) {
    console.error("usage: check-manifests.mjs [--self-test] FILE.yaml...");
    return 2;
  }
  const crds = loadCrdValidators();
  const objects = [];
  for (const file of files) {
    const found = readObjects(file);
    if (found.length === 0) {
      console.error(`${file} holds no object`);
      return 1;
    }
    objects.push(...found);
  }
  if (test) {
    const problems = await selfTest(objects, crds);
    for (const p of problems) {
      console.error(`  SELF-TEST FAILED: ${p}`);
    }
    console.log(`Self-test: ${BREAKAGES.length - problems.length} of ${BREAKAGES.length} broken objects refused`);
    return problems.length === 0 ? 0 : 1;
  }
  const failures = await validateAll(objects, crds);
  for (const { object, errors } of failures) {
    console.error(`INVALID ${object}:`);
    for (const e of errors) {
      console.error(`  ${e}`);
    }
  }
  const kinds = [...new Set(objects.map((o) => `${o.apiVersion} ${o.kind}`))].sort();
  console.log(`Checked ${objects.length} object(s) of ${kinds.length} kind(s): ${kinds.join(", ")}`);
  console.log(`${objects.length - failures.length} valid, ${failures.length} invalid`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
