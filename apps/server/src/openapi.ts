/**
 * The server's HTTP interface as an OpenAPI 3.1 document (`GET /openapi.json`), for callers that
 * are not TypeScript (a portal in Java or Python). It is built from the tRPC router itself: every
 * procedure, its method (query → GET with the input as JSON in `?input=`, mutation → POST with the
 * input as the JSON body) and its input's JSON Schema (zod's own `toJSONSchema`), so it cannot drift
 * from what the server accepts. Results are not described field by field (they have TypeScript
 * types, not schemas): their types are in @nianbao/api-types.
 */
import { appRouter, SESSION_COOKIE } from '@nianbao/api';
import { REPORT_LANGS } from '@nianbao/schema';
import * as z from 'zod';

type JsonSchema = Record<string, unknown>;

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.ZodType[];
}

/** tRPC's flat record of procedures by their dotted path (`reports.get`). */
const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> })
  .procedures;

/** Procedures a caller may use before signing in; every other one needs the session cookie. */
const PUBLIC = new Set(['auth.login', 'auth.logout', 'auth.me']);

const bilingual = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } };

const errorBody: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message', 'code', 'data'],
      properties: {
        message: { type: 'string', description: 'Chinese｜English' },
        code: { type: 'integer', description: 'JSON-RPC error code' },
        data: {
          type: 'object',
          required: ['code', 'httpStatus'],
          properties: {
            code: { type: 'string', examples: ['BAD_REQUEST', 'UNAUTHORIZED', 'CONFLICT'] },
            httpStatus: { type: 'integer' },
            path: { type: 'string' },
            issues: {
              type: 'array',
              description: 'BAD_REQUEST: each field that failed, with its path and a bilingual message',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'array', items: { type: ['string', 'integer'] } },
                  message: bilingual,
                },
              },
            },
          },
        },
      },
    },
  },
};

const resultBody = (procedure: string): JsonSchema => ({
  type: 'object',
  required: ['result'],
  properties: {
    result: {
      type: 'object',
      required: ['data'],
      properties: {
        data: {
          description: `What ${procedure} returns; its TypeScript type: inferRouterOutputs<AppRouter> from @nianbao/api-types.`,
        },
      },
    },
  },
});

const errors = {
  '400': { $ref: '#/components/responses/Error' },
  '401': { $ref: '#/components/responses/Error' },
  '403': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
  '409': { $ref: '#/components/responses/Error' },
  '429': { $ref: '#/components/responses/Error' },
};

/** The input's JSON Schema as a caller writes it (before defaults and transforms). */
function inputSchema(def: ProcedureDef): JsonSchema | undefined {
  const input = def.inputs[0];
  if (!input) return undefined;
  const { $schema: _dialect, ...schema } = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' });
  return schema;
}

function operation(path: string, def: ProcedureDef): Record<string, unknown> {
  const schema = inputSchema(def);
  // An input the procedure accepts absent (e.g. reports.list's filters) may be left out.
  const required = def.inputs[0]?.safeParse(undefined).success === false;
  const [tag] = path.split('.');
  const op: Record<string, unknown> = {
    operationId: path,
    tags: [tag],
    summary: `${def.type} ${path}`,
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: resultBody(path) } } },
      ...errors,
    },
  };
  if (PUBLIC.has(path)) op.security = [];
  if (schema && def.type === 'query') {
    op.parameters = [
      {
        name: 'input',
        in: 'query',
        required,
        description: 'The input as JSON (URL-encoded)',
        content: { 'application/json': { schema } },
      },
    ];
  } else if (schema) {
    op.requestBody = { required, content: { 'application/json': { schema } } };
  }
  return op;
}

function downloads(): Record<string, unknown> {
  const kinds = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    html: 'text/html',
  };
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, type]) => [
      `/reports/{id}.${kind}`,
      {
        get: {
          operationId: `download.${kind}`,
          tags: ['downloads'],
          summary: `The report as ${kind.toUpperCase()} (its latest version)`,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
            {
              name: 'lang',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: [...REPORT_LANGS], default: 'zh' },
            },
          ],
          responses: {
            '200': {
              description: 'The file',
              content: { [type]: { schema: { type: 'string', format: 'binary' } } },
            },
            '304': { description: 'The version named by If-None-Match (ETag) is still current' },
            '400': { $ref: '#/components/responses/Error' },
            '401': { $ref: '#/components/responses/Error' },
            '404': { $ref: '#/components/responses/Error' },
          },
        },
      },
    ]),
  );
}

let built: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'nianbao 年报 API',
      version: '0.1.0',
      description:
        'tRPC over HTTP: a query is GET /trpc/{procedure}?input={JSON}, a mutation is POST /trpc/{procedure} with the input as the JSON body. Sign in with auth.login: the answer sets the session cookie, which every other call sends back. Errors carry a bilingual message (Chinese｜English) and, for bad input, the fields that failed.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths: {
      ...Object.fromEntries(
        Object.entries(procedures).map(([path, procedure]) => {
          const method = procedure._def.type === 'query' ? 'get' : 'post';
          return [`/trpc/${path}`, { [method]: operation(path, procedure._def) }];
        }),
      ),
      ...downloads(),
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      responses: {
        Error: {
          description: 'Refused, with the reason',
          content: { 'application/json': { schema: errorBody } },
        },
      },
    },
  };
  return built;
}
