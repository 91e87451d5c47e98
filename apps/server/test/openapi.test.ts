import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let doc: OpenAPIV3_1.Document;
beforeAll(async () => {
  server = await testServer();
  const response = await fetch(new URL('/openapi.json', server.url));
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  doc = (await response.json()) as OpenAPIV3_1.Document;
});
afterAll(() => server.stop());

/** The path, method and operation the document gives for an operationId. */
function find(operationId: string) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'post'] as const) {
      const op = item?.[method];
      if (op?.operationId === operationId) return { path, method, op };
    }
  }
  throw new Error(`no operation ${operationId} in the document`);
}

/** A call built from the document alone: where the input goes and how it is encoded. */
async function call(operationId: string, input: unknown, cookie = '') {
  const { path, method, op } = find(operationId);
  const url = new URL(path, server.url);
  const init: RequestInit = { method: method.toUpperCase(), headers: { cookie } };
  const param = (op.parameters as OpenAPIV3_1.ParameterObject[] | undefined)?.find((p) => p.in === 'query');
  const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content['application/json'];
  if (param?.content?.['application/json']) url.searchParams.set(param.name, JSON.stringify(input));
  else if (body) {
    init.body = JSON.stringify(input);
    init.headers = { cookie, 'content-type': 'application/json' };
  }
  const response = await fetch(url, init);
  // biome-ignore lint/suspicious/noExplicitAny: the answers are JSON the tests look into freely.
  return { status: response.status, response, json: (await response.json()) as Record<string, any> };
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with every procedure and the downloads', async () => {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(doc) as never);
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).map((op) => (op as OpenAPIV3_1.OperationObject).operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining(['auth.login', 'reports.list', 'reports.get', 'reports.save']),
    );
    expect(ids).toContain('download.pdf');
    expect(find('reports.list').method).toBe('get');
    expect(find('reports.save').method).toBe('post');
  });

  it('describes inputs as the server checks them', async () => {
    const login = find('auth.login').op.requestBody as OpenAPIV3_1.RequestBodyObject;
    const schema = login.content['application/json']!.schema as OpenAPIV3_1.SchemaObject;
    expect(schema.required).toEqual(['login', 'password']);
    // A body the document calls invalid (no password) is refused, naming the field.
    const refused = await call('auth.login', { login: 'tiantan' });
    expect(refused.status).toBe(400);
    expect(refused.json.error.data.issues[0].path).toEqual(['password']);
  });

  it('is enough to sign in and list reports with plain fetch', async () => {
    const login = await call('auth.login', { login: 'tiantan', password: 'tiantan-demo' });
    expect(login.status).toBe(200);
    expect(login.json.result.data.login).toBe('tiantan');
    const scheme = doc.components?.securitySchemes?.session as OpenAPIV3_1.ApiKeySecurityScheme;
    const cookie = login.response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith(`${scheme.name}=`));
    expect(cookie).toBeDefined();

    const list = await call('reports.list', {}, cookie);
    expect(list.status).toBe(200);
    expect(list.json.result.data.rows.map((r: { year: number }) => r.year).sort()).toEqual([2019, 2021]);
    // Without the session cookie the document's security requirement is not met: 401.
    expect((await call('reports.list', {})).status).toBe(401);
  });
});
