import type { z } from 'zod';
import { contract, isMethodName, type ContractHandlers, type MethodName } from '../../shared/contract';
import type { ApiError, ApiResult } from '../../shared/result';
import { AppError } from '../errors';
import type { FileDestination } from './file-destination';
import { logger } from '../logging/logger';

function describeInvalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'INVALID_INPUT', message: 'The request was not understood.' };
  if (issue.code === 'unrecognized_keys') {
    return {
      code: 'INVALID_INPUT',
      message: `Unexpected field: ${issue.keys.join(', ')}.`,
      field: issue.keys[0] ?? '',
    };
  }
  const field = issue.path.map(String).join('.');
  return field
    ? { code: 'INVALID_INPUT', message: issue.message, field }
    : { code: 'INVALID_INPUT', message: issue.message };
}

/**
 * The one entry point both transports (Electron IPC and the web harness) and the CLI call:
 * parse the input against the contract, run the handler, check the output, and turn every
 * failure into a value. Input that fails its schema never reaches a handler. A method that writes a
 * file as it makes it (shared/save-to-file.ts, `streamedSaveMethods`) gets the transport's
 * `destination` too.
 */
export async function dispatch(
  handlers: ContractHandlers,
  method: string,
  rawInput: unknown,
  destination?: FileDestination,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no method named "${method.slice(0, 80)}".` },
    };
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) };
  try {
    const handler = handlers[method] as (input: unknown, destination?: FileDestination) => Promise<unknown>;
    // The output schema is an allow-list: a field a handler should not have sent is dropped here.
    return { ok: true, value: spec.output.parse(await handler(parsed.data, destination)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    logger.error('api.unexpected_error', {
      method: method satisfies MethodName,
      errorName: (error as Error).name ?? 'unknown',
    });
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong. What was saved before is unchanged; try again.',
      },
    };
  }
}
