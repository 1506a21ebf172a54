// repository.mjs
//
// Copyright 2026 The MedSpa Consult authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Medplum's MemoryRepository, made to behave like a real server's
// database for the sync tests.

import { deepClone } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';

function copyNested(maps, copyLeaf) {
  return new Map([...maps].map(([type, byId]) => [type, new Map([...byId].map(([id, v]) => [id, copyLeaf(v)]))]));
}

// MemoryRepository.withTransaction() just runs the callback, so a failed
// transaction Bundle would leave its first entries behind. This one
// restores the stored resources and their history when the callback
// throws. Stored resources are replaced, never changed in place, so
// copying the maps (and the history arrays) is a complete snapshot.
export class TransactionalMemoryRepository extends MemoryRepository {
  async withTransaction(callback) {
    const resources = copyNested(this.resources, (resource) => resource);
    const history = copyNested(this.history, (versions) => [...versions]);
    try {
      return await callback(undefined);
    } catch (error) {
      this.resources = resources;
      this.history = history;
      throw error;
    }
  }

  // MemoryRepository.readHistory() reverses the stored versions in place,
  // so every second read would list them oldest first. Newest first, as
  // FHIR's history interaction has it, every time.
  async readHistory(resourceType, id) {
    await this.readResource(resourceType, id);
    const versions = [...(this.history.get(resourceType)?.get(id) ?? [])].reverse();
    return {
      resourceType: 'Bundle',
      type: 'history',
      ...(versions.length ? { entry: versions.map((resource) => ({ resource: deepClone(resource) })) } : {}),
    };
  }

  // The number of current resources of a type.
  count(resourceType) {
    return this.resources.get(resourceType)?.size ?? 0;
  }
}

// Runs tasks one at a time, in order. The repository has no isolation
// between concurrent requests (a transaction's snapshot would include
// another request's half-done writes), so every request and every control
// command that reads or writes it goes through one queue.
export class SerialQueue {
  #tail = Promise.resolve();

  run(task) {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
