package dev.kplan.engine.apply;

/** Receives progress while a plan is applied; called from worker threads, so it must be thread-safe. */
@FunctionalInterface
public interface ApplyListener {
  ApplyListener NONE = e -> {};

  void onEvent(ApplyEvent event);
}
