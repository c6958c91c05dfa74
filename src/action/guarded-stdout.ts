// Everything the action prints — logs, annotations, workflow commands — goes through process.stdout, so
// the outgoing-text rules apply there, once, whatever printed it. `::add-mask::` commands pass untouched:
// the runner must see the exact secret to hide it.
import { outgoing } from '../core/outgoing-text.ts';

export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string' && !chunk.startsWith('::add-mask::') ? outgoing(chunk) : chunk,
      ...rest,
    )) as typeof stream.write;
}
