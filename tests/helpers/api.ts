import { expect } from 'vitest';
import { ApiError } from '../../shared/api/envelope';

/** The error a call answered with (failing the test if it succeeded or threw anything but an ApiError). */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
