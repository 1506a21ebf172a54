// faults.mjs
//
// Copyright 2026 The MedSpa Consult authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The faults the next FHIR requests meet, in order. Each fault is used for
// `times` requests (default 1) before the next one applies:
//
//   {"status": 503, "retryAfter": 2}   answer 503 with Retry-After: 2
//   {"status": 422, "text": "..."}     answer any status, OperationOutcome text
//   {"delayMs": 500}                   wait, then serve normally (or add a
//                                      status to wait and then fail)
//   {"stall": true}                    read the request, never answer
//   {"drop": true}                     read the request, destroy the socket

function checkInteger(fault, name, min, max) {
  const value = fault[name];
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    throw new Error(`fault.${name} must be an integer from ${min} to ${max}`);
  }
}

function checkFault(fault) {
  if (typeof fault !== 'object' || fault === null) {
    throw new Error('each fault must be an object');
  }
  checkInteger(fault, 'status', 100, 599);
  checkInteger(fault, 'retryAfter', 0, 86400);
  checkInteger(fault, 'delayMs', 0, 600000);
  checkInteger(fault, 'times', 1, 1000000);
  const kinds = ['stall', 'drop'].filter((kind) => fault[kind] === true).length + (fault.status ? 1 : 0);
  if (kinds > 1) {
    throw new Error('a fault is one of status, stall or drop');
  }
  if (kinds === 0 && fault.delayMs === undefined) {
    throw new Error('a fault needs status, delayMs, stall or drop');
  }
  if (fault.retryAfter !== undefined && !fault.status) {
    throw new Error('retryAfter goes with a status');
  }
  if (fault.text !== undefined && typeof fault.text !== 'string') {
    throw new Error('fault.text must be a string');
  }
  return { ...fault, times: fault.times ?? 1 };
}

export class FaultQueue {
  #pending = [];

  // Replaces what is pending; an empty list clears it.
  set(faults) {
    if (!Array.isArray(faults)) {
      throw new Error('faults must be a list');
    }
    this.#pending = faults.map(checkFault);
  }

  clear() {
    this.#pending = [];
  }

  get pending() {
    return this.#pending.reduce((sum, fault) => sum + fault.times, 0);
  }

  // The fault for the request being served, or null.
  take() {
    const fault = this.#pending[0];
    if (!fault) {
      return null;
    }
    fault.times -= 1;
    if (fault.times === 0) {
      this.#pending.shift();
    }
    return fault;
  }
}

// A short name for the request log.
export function faultName(fault) {
  if (fault.stall) {
    return 'stall';
  }
  if (fault.drop) {
    return 'drop';
  }
  return fault.status ? `status ${fault.status}` : 'delay';
}
