/** Every task stream the panel shows, in one place: busy, the status line's phase, Stop and closing reach them all. */
import { computed, signal } from '@preact/signals';
import type { TaskPhase } from '../protocol/messages';
import { TaskStream, type TaskStreamDeps } from './task-stream';

export class StreamRegistry {
  /** Ordered by when each last started: the newest run is last. */
  private readonly streams = signal<readonly TaskStream[]>([]);
  readonly busy = computed(() => this.streams.value.some((stream) => stream.running.value));
  /** What the run started last is doing (queued, loading, reading), for the status line. */
  readonly phase = computed((): TaskPhase | null => {
    const streams = this.streams.value;
    for (let index = streams.length - 1; index >= 0; index--) {
      const phase = streams[index]!.phase.value;
      if (phase) return phase;
    }
    return null;
  });

  constructor(
    private readonly deps: TaskStreamDeps,
    private readonly onSettled: () => void = () => undefined,
    private readonly onStarted: () => void = () => undefined,
  ) {}

  /** A new stream, listed until it is closed. */
  open(): TaskStream {
    const stream: TaskStream = new TaskStream(this.deps, {
      onStart: () => {
        this.streams.value = [...this.without(stream), stream];
        this.onStarted();
      },
      onSettled: this.onSettled,
    });
    this.streams.value = [...this.streams.value, stream];
    return stream;
  }

  /** Lets go of a stream the panel no longer shows (its port closes, so the background ends its task). */
  close(stream: TaskStream): void {
    stream.dispose();
    this.streams.value = this.without(stream);
  }

  stopAll(): void {
    this.streams.peek().forEach((stream) => stream.stop());
  }

  dispose(): void {
    this.streams.peek().forEach((stream) => stream.dispose());
    this.streams.value = [];
  }

  private without(stream: TaskStream): TaskStream[] {
    return this.streams.peek().filter((listed) => listed !== stream);
  }
}
