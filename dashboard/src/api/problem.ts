/** An RFC 9457 problem detail, as every service and the gateway answer errors. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[];

  constructor(status: number, title: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
}

/** Reads a failed response into an ApiError; a body that is not a problem detail still gives a readable message. */
export async function problemFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's HTML page, an empty body): the status line is all there is
  }
  if (body && typeof body === 'object') {
    const problem = body as { title?: unknown; detail?: unknown; errors?: unknown };
    const errors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (e): e is FieldError => !!e && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : [];
    const title = typeof problem.title === 'string' ? problem.title : response.statusText || 'Error';
    const detail = typeof problem.detail === 'string' ? problem.detail : title;
    return new ApiError(response.status, title, detail, errors);
  }
  const title = response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, title, `The server answered ${response.status} ${title}.`);
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    // a single-field refusal often repeats its message as the detail: say it once
    const fields = error.errors
      .filter((e) => e.message !== error.message)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  if (error instanceof TypeError) {
    return 'The platform could not be reached. Check your connection and try again.';
  }
  return error instanceof Error ? error.message : String(error);
}
