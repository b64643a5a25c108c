package dev.kplan.state;

/** The state is locked by someone else and the wait ran out; names the holder. */
public final class StateLockedException extends StateException {
  private static final long serialVersionUID = 1L;
  private final transient LockInfo holder;

  public StateLockedException(LockInfo holder) {
    super("The state is locked by " + holder.owner() + " (" + holder.operation() + ", since " + holder.created()
        + ", lock ID " + holder.id() + ").");
    this.holder = holder;
  }

  public LockInfo holder() {
    return holder;
  }
}
