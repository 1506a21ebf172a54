// capability.mjs
//
// Copyright 2026 The MedSpa Consult authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The CapabilityStatement served at /metadata. FhirRouter has no metadata
// route; this one states what the router and the repository really do, so
// that the app's "does the server support transactions?" check is tested
// against an honest answer.

import { getResourceTypes } from '@medplum/core';

const TYPE_INTERACTIONS = ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'];

function resourceEntry(type) {
  return {
    type,
    interaction: TYPE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: true,
    conditionalDelete: 'single',
  };
}

export function capabilityStatement({ baseUrl, transactions, version }) {
  const systemInteractions = transactions ? ['transaction', 'batch', 'search-system'] : ['batch', 'search-system'];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'MedSpa Consult test server (Medplum fhir-router)', version },
    implementation: { description: 'Loopback test server', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: { description: 'Every request needs Authorization: Bearer TOKEN.' },
        resource: getResourceTypes().map(resourceEntry),
        interaction: systemInteractions.map((code) => ({ code })),
      },
    ],
  };
}
