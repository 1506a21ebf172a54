// server.mjs
//
// Copyright 2026 The MedSpa Consult authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Loopback HTTPS FHIR R4 server for the sync tests: Medplum's FhirRouter
// over an in-memory repository, a bearer token, validation, and faults.
//
//   node server.mjs --certs DIR [--token TOKEN]   (or $CONSULT_FHIR_TEST_TOKEN)
//
// DIR is what `make-certs DIR` writes. The server is driven over stdin and
// stdout, one JSON object per line (see docs/fhir.md, "Test server"); it
// exits when stdin closes. Stdout carries only those lines; diagnostics go
// to stderr and never include a request or resource body.

import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { timingSafeEqual } from 'node:crypto';
import { parseArgs } from 'node:util';
import { allOk, getStatus, parseSearchRequest } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import { capabilityStatement } from './capability.mjs';
import { FaultQueue, faultName } from './faults.mjs';
import { SerialQueue, TransactionalMemoryRepository } from './repository.mjs';
import { loadDefinitions, validateIncoming } from './validation.mjs';

const BASE_PATH = '/fhir/R4/';
const MEDPLUM_VERSION = '4.5.2';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

// Issue codes for injected and refused answers, by status.
const ISSUE_CODES = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 409: 'conflict',
  412: 'conflict', 422: 'processing', 429: 'throttled', 501: 'not-supported' };

// Medplum code must not print on stdout: the control protocol owns it.
console.log = console.info = console.debug = console.error;

function outcome(status, text) {
  const code = ISSUE_CODES[status] ?? (status >= 500 ? 'transient' : 'processing');
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text, details: { text } }] };
}

function readCertificates(dir) {
  const pair = (name) => ({ key: readFileSync(`${dir}/${name}.key`), cert: readFileSync(`${dir}/${name}.crt`) });
  return { trusted: pair('server'), untrusted: pair('untrusted-server') };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function hasBearer(req) {
  return /^Bearer\s+\S/i.test(req.headers.authorization ?? '');
}

function tokenMatches(req, token) {
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseJson(body) {
  try {
    return { value: body.length ? JSON.parse(body.toString('utf8')) : undefined };
  } catch {
    return { error: 'The body is not valid JSON' };
  }
}

// POST and PUT bodies are resources (or Bundles of them), except for
// operations ($graphql) and POST _search.
function carriesResource(method, path) {
  return (method === 'POST' || method === 'PUT') && !path.includes('$') && !path.endsWith('_search');
}

function isTransactionBundle(method, path, body) {
  return method === 'POST' && path === '' && body?.resourceType === 'Bundle' && body.type === 'transaction';
}

function resourceHeaders(baseUrl, status, resource) {
  const headers = {};
  const version = resource?.meta?.versionId;
  if (resource?.id && version) {
    headers.ETag = `W/"${version}"`;
    if (status === 201) {
      headers.Location = `${baseUrl}${resource.resourceType}/${resource.id}/_history/${version}`;
    }
  }
  return headers;
}

class TestServer {
  constructor({ token, certificates }) {
    this.token = token;
    this.certificates = certificates;
    this.repo = new TransactionalMemoryRepository();
    this.queue = new SerialQueue();
    this.router = new FhirRouter();
    this.router.add('GET', 'metadata', async () => [allOk,
      capabilityStatement({ baseUrl: this.baseUrl, transactions: this.transactions, version: MEDPLUM_VERSION })]);
    this.faults = new FaultQueue();
    this.sockets = new Set();
    this.requests = [];
    this.transactions = true;
    this.port = 0;
    this.https = https.createServer(certificates.trusted, (req, res) => this.onRequest(req, res));
    // Tracks raw sockets too: "down" must also cut connections that are
    // mid-handshake or stalled, which closeAllConnections() does not see.
    this.https.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get baseUrl() {
    return `https://127.0.0.1:${this.port}${BASE_PATH}`;
  }

  listen() {
    return new Promise((resolve, reject) => {
      this.https.once('error', reject);
      this.https.listen(this.port, '127.0.0.1', () => {
        this.https.off('error', reject);
        this.port = this.https.address().port;
        resolve();
      });
    });
  }

  close() {
    const closed = new Promise((resolve) => this.https.close(() => resolve()));
    for (const socket of this.sockets) {
      socket.destroy();
    }
    return closed;
  }

  // New connections present the other certificate; open ones are cut so
  // that the next request handshakes again.
  useCertificate(which) {
    this.https.setSecureContext(this.certificates[which]);
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  send(res, entry, status, body, headers = {}) {
    entry.status = status;
    if (res.destroyed) {
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': FHIR_JSON, 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  async onRequest(req, res) {
    const url = new URL(req.url, 'https://127.0.0.1');
    // The base without its final slash is the base too, as on real servers.
    if (url.pathname === BASE_PATH.slice(0, -1)) {
      url.pathname = BASE_PATH;
    }
    const entry = { timeMs: Date.now(), method: req.method, path: url.pathname, status: null,
      bearer: hasBearer(req), fault: null };
    this.requests.push(entry);
    try {
      const body = await readBody(req);
      if (!url.pathname.startsWith(BASE_PATH)) {
        this.send(res, entry, 404, outcome(404, `Not a FHIR path; the base is ${BASE_PATH}`));
        return;
      }
      const fault = this.faults.take();
      if (fault && !(await this.applyFault(fault, req, res, entry))) {
        return;
      }
      await this.serveFhir(req, res, entry, url, body);
    } catch (error) {
      process.stderr.write(`fhir-server: ${req.method} ${url.pathname} failed: ${error.message}\n`);
      this.send(res, entry, 500, outcome(500, 'Internal test server error'));
    }
  }

  // Returns true when the request should still be served normally.
  async applyFault(fault, req, res, entry) {
    entry.fault = faultName(fault);
    if (fault.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (fault.stall) {
      return false;
    }
    if (fault.drop) {
      req.socket.destroy();
      return false;
    }
    if (fault.status) {
      const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      this.send(res, entry, fault.status, outcome(fault.status, fault.text ?? `Injected status ${fault.status}`),
        headers);
      return false;
    }
    return true;
  }

  async serveFhir(req, res, entry, url, body) {
    if (!tokenMatches(req, this.token)) {
      this.send(res, entry, 401, outcome(401, entry.bearer ? 'Invalid bearer token' : 'Missing bearer token'),
        { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    if (body === null) {
      this.send(res, entry, 413, outcome(413, 'Request body too large'));
      return;
    }
    const json = parseJson(body);
    if (json.error) {
      this.send(res, entry, 400, outcome(400, json.error));
      return;
    }
    const path = url.pathname.slice(BASE_PATH.length);
    if (carriesResource(req.method, path) && json.value !== undefined) {
      const invalid = validateIncoming(json.value);
      if (invalid) {
        this.send(res, entry, 422, invalid);
        return;
      }
    }
    if (!this.transactions && isTransactionBundle(req.method, path, json.value)) {
      // What a server without the transaction interaction answers: the
      // operation exists in FHIR but is not implemented here.
      this.send(res, entry, 501, outcome(501, 'This server does not support transaction Bundles'));
      return;
    }
    const [result, resource] = await this.queue.run(() => this.router.handleRequest({
      method: req.method, url: path + url.search, pathname: '', body: json.value, params: {}, query: {},
      headers: req.headers, config: { transactions: true },
    }, this.repo));
    const status = getStatus(result);
    this.send(res, entry, status, resource ?? result, resourceHeaders(this.baseUrl, status, resource));
  }

  async command(message) {
    switch (message.cmd) {
      case 'fault':
        this.faults.set(message.faults);
        return { pending: this.faults.pending };
      case 'down':
        await this.close();
        return {};
      case 'up':
        if (!this.https.listening) {
          await this.listen();
        }
        return { port: this.port };
      case 'transactions':
        if (typeof message.enabled !== 'boolean') {
          throw new Error('enabled must be true or false');
        }
        this.transactions = message.enabled;
        return {};
      case 'certificate':
        if (!(message.which in this.certificates)) {
          throw new Error('which must be "trusted" or "untrusted"');
        }
        this.useCertificate(message.which);
        return {};
      case 'count':
        return this.queue.run(() => ({ count: this.repo.count(requireType(message.type)) }));
      case 'search':
        return this.queue.run(() => this.search(requireType(message.type), message.query ?? ''));
      case 'requests':
        return { requests: this.requests };
      case 'reset':
        return this.queue.run(() => this.reset());
      default:
        throw new Error(`unknown command ${JSON.stringify(message.cmd)}`);
    }
  }

  async search(type, query) {
    const resources = await this.repo.searchResources(parseSearchRequest(query ? `${type}?${query}` : type));
    return { total: resources.length, resources };
  }

  async reset() {
    this.repo.clear();
    this.faults.clear();
    this.requests = [];
    this.transactions = true;
    this.useCertificate('trusted');
    if (!this.https.listening) {
      await this.listen();
    }
    return {};
  }
}

function requireType(type) {
  if (typeof type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(type)) {
    throw new Error('type must be a resource type');
  }
  return type;
}

function reply(answer) {
  process.stdout.write(JSON.stringify(answer) + '\n');
}

// Answers commands one at a time, in the order they arrive.
function serveControl(server) {
  let previous = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    previous = previous.then(async () => {
      try {
        reply({ ok: true, ...(await server.command(JSON.parse(line))) });
      } catch (error) {
        reply({ ok: false, error: error.message });
      }
    });
  });
  lines.on('close', () => previous.then(() => server.close()).finally(() => process.exit(0)));
}

async function main() {
  const { values } = parseArgs({ options: { certs: { type: 'string' }, token: { type: 'string' } } });
  const token = values.token ?? process.env.CONSULT_FHIR_TEST_TOKEN;
  if (!values.certs || !token) {
    process.stderr.write('usage: server.mjs --certs DIR [--token TOKEN] (or CONSULT_FHIR_TEST_TOKEN)\n');
    process.exit(2);
  }
  loadDefinitions();
  const server = new TestServer({ token, certificates: readCertificates(values.certs) });
  await server.listen();
  reply({ ready: true, port: server.port, baseUrl: server.baseUrl });
  serveControl(server);
}

main().catch((error) => {
  process.stderr.write(`fhir-server: ${error.message}\n`);
  process.exit(1);
});
