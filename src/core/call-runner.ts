// Every live read goes through one CallRunner: each resource is read once per run (a cache by key),
// at most `concurrency` calls are in flight, throttling and 5xx are retried with exponential backoff
// and full jitter, each attempt has a timeout, and access errors become an answer, never a crash.

export type CallOutcome<T> =
  | { readonly ok: true; readonly value: T }
  /** denied: the caller may not (AccessDenied, 403); missing: the resource does not exist (404). */
  | { readonly ok: false; readonly kind: 'denied' | 'missing' | 'failed'; readonly message: string };

export interface CallRunnerOptions {
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface Call {
  /** One key per resource read: the same key is fetched once. */
  readonly key: string;
  /** The permission the call needs, named in `unknown` reasons (e.g. `ecr:GetRepositoryPolicy`). */
  readonly permission: string;
  /** The resource, named in `unknown` reasons (an ARN, a resource name). */
  readonly resource: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CallRunner {
  /** Calls actually sent (attempts included), for tests and benchmarks. */
  sent = 0;

  /** Distinct resources read. */
  get reads(): number {
    return this.cache.size;
  }

  /** At most this many calls are in flight at once. */
  get concurrency(): number {
    return this.options.concurrency;
  }

  /** How long one attempt may take. */
  get timeoutMs(): number {
    return this.options.timeoutMs;
  }
  private readonly cache = new Map<string, Promise<CallOutcome<unknown>>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly options: Required<CallRunnerOptions>;

  constructor(options: CallRunnerOptions = {}) {
    this.options = {
      concurrency: options.concurrency ?? 8,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 3,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
    };
  }

  /** Runs `send` once per key; `send` gets an AbortSignal to pass to the SDK or fetch. */
  run<T>(call: Call, send: (signal: AbortSignal) => Promise<T>): Promise<CallOutcome<T>> {
    let outcome = this.cache.get(call.key) as Promise<CallOutcome<T>> | undefined;
    if (!outcome) {
      outcome = this.withRetries(call, send);
      this.cache.set(call.key, outcome);
    }
    return outcome;
  }

  private async withRetries<T>(
    call: Call,
    send: (signal: AbortSignal) => Promise<T>,
  ): Promise<CallOutcome<T>> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.limited(() => this.attempt(send));
      if (result.ok) return result;
      const kind = classify(result.error);
      if (kind !== 'retry' || attempt >= this.options.retries) {
        return {
          ok: false,
          kind: kind === 'retry' ? 'failed' : kind,
          message: describe(call, result.error, kind),
        };
      }
      // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter").
      await this.options.sleep(this.options.random() * 200 * 2 ** attempt);
    }
  }

  private async attempt<T>(
    send: (signal: AbortSignal) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    this.sent++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutError()), this.options.timeoutMs);
    try {
      // The timeout holds whether or not `send` heeds the signal: an SDK whose own timeout stops at the
      // response headers would otherwise wait for ever on a body that never ends.
      const timedOut = new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
      );
      return { ok: true, value: await Promise.race([send(controller.signal), timedOut]) };
    } catch (error) {
      return { ok: false, error: controller.signal.aborted ? new TimeoutError() : error };
    } finally {
      clearTimeout(timer);
    }
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor() {
    super('timed out');
  }
}

type Classification = 'denied' | 'missing' | 'retry' | 'failed';

/** Classifies SDK and HTTP errors by name and status: only throttling, timeouts and 5xx are retried. */
export function classify(error: unknown): Classification {
  const name = String((error as { name?: unknown }).name ?? '');
  const code = String((error as { code?: unknown }).code ?? '');
  const status = Number(
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ??
      (error as { status?: number }).status ??
      (error as { code?: unknown }).code ??
      0,
  );
  if (
    /AccessDenied|Unauthorized|Forbidden|NotAuthorized|PERMISSION_DENIED/i.test(`${name} ${code}`) ||
    status === 403 ||
    status === 401
  ) {
    return 'denied';
  }
  if (/NotFound|NoSuchEntity|DoesNotExist/i.test(name) || status === 404) return 'missing';
  if (
    /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|Timeout|ECONNRESET|ECONNREFUSED|EAI_AGAIN/i.test(
      `${name} ${code}`,
    )
  ) {
    return 'retry';
  }
  if (status === 429 || status >= 500 || (error as { $fault?: string }).$fault === 'server') return 'retry';
  return 'failed';
}

function describe(call: Call, error: unknown, kind: Classification): string {
  const name = String((error as { name?: unknown }).name ?? 'Error');
  if (kind === 'denied')
    return `${call.permission} on ${call.resource} was denied (${name}): grant it to the identity pullcheck reads with`;
  if (kind === 'missing') return `${call.resource} does not exist (${name})`;
  return `${call.permission} on ${call.resource} failed (${name}${kind === 'retry' ? ', after retries' : ''})`;
}
