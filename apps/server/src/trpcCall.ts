/**
 * One API call (`/trpc/<procedure>`, not a batch) answered without the Fetch API objects that tRPC's
 * fetch adapter builds around it (Headers, a Request with a body stream, a Response): about 1.5 ms
 * of the server's 7 ms per autosave. The procedure, its input validation, the error shape and the
 * status are tRPC's own, through what tRPC exports for adapters (`callTRPCProcedure`,
 * `getTRPCErrorShape`, `transformTRPCResponse`, `getHTTPStatusCodeFromError`); `trpcCall.test.ts`
 * checks that the answers are the fetch adapter's, byte for byte. Everything else (a batch, a GET
 * with other parameters, a body that is not JSON, a procedure of the other kind) is left to the
 * fetch adapter, which answers it as before.
 */
import type { AppRouter, Context } from '@nianbao/api';
import {
  type AnyProcedure,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

export interface DirectCall {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

export interface DirectAnswer {
  status: number;
  /** The headers tRPC's fetch adapter gives the same answer. */
  headers: Record<string, string>;
  body: string;
}

const decoder = new TextDecoder();

/** The call when this path can answer it; undefined: leave it to the fetch adapter. */
export function directCall(
  router: AppRouter,
  method: string | undefined,
  url: URL,
  body: Uint8Array | undefined,
): DirectCall | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice('/trpc/'.length));
  } catch {
    return undefined; // Malformed percent-encoding: the fetch adapter's answer.
  }
  // The flat map of every procedure by its dotted path (the router has no lazy parts).
  const procedure = (router._def.procedures as unknown as Record<string, AnyProcedure | undefined>)[path];
  if (!procedure) return undefined;
  const type = procedure._def.type;
  try {
    if (method === 'POST' && type === 'mutation' && url.search === '' && body && body.length > 0) {
      return { type, path, input: JSON.parse(decoder.decode(body)) };
    }
    if (method === 'GET' && type === 'query' && [...url.searchParams.keys()].every((k) => k === 'input')) {
      const input = url.searchParams.getAll('input');
      if (input.length > 1) return undefined;
      return { type, path, input: input[0] === undefined ? undefined : JSON.parse(input[0]) };
    }
  } catch {
    // Not JSON: the fetch adapter's PARSE_ERROR, as always.
  }
  return undefined;
}

/** Runs the call as tRPC's fetch adapter would, and gives its answer. */
export async function answerDirectCall(
  router: AppRouter,
  call: DirectCall,
  createContext: () => Promise<Context>,
  onError: (error: TRPCError, path: string) => void,
): Promise<DirectAnswer> {
  const config = router._def._config;
  const headers = { vary: 'trpc-accept, accept', 'content-type': 'application/json' };
  let ctx: Context | undefined;
  try {
    ctx = await createContext();
    const data = await callTRPCProcedure({
      router,
      path: call.path,
      type: call.type,
      ctx,
      getRawInput: async () => call.input,
      signal: undefined,
      batchIndex: 0,
    });
    return {
      status: 200,
      headers,
      body: JSON.stringify(transformTRPCResponse(config, { result: { data } })),
    };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError(error, call.path);
    const shape = getTRPCErrorShape({
      config,
      ctx,
      error,
      input: call.input,
      path: call.path,
      type: call.type,
    });
    return {
      status: getHTTPStatusCodeFromError(error),
      headers,
      body: JSON.stringify(transformTRPCResponse(config, { error: shape })),
    };
  }
}
