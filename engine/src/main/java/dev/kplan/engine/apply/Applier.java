package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.engine.planner.SensitivePaths;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.DeposedObject;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a plan. Each change becomes one or two steps (a replacement is a create and a
 * delete, ordered by its action); creates and updates wait for those of the resources they depend
 * on, deletes wait for the deletes of their dependents (reverse order), and the delete half of a
 * create_before_destroy waits for its dependents' creates and updates too. Steps run on
 * {@code parallelism} workers; a failed step skips only what waits on it. Every finished step is
 * recorded through the lock at once.
 *
 * <p>An instance whose configuration had unknowns at plan time is planned again through the
 * {@link Replanner} once what it depends on is applied, and the new plan must keep every value the
 * saved plan knew; a wholly known configuration plans the same again, so it is not re-planned.
 * The provider's new state must keep every known planned value too; otherwise it is a provider
 * bug, reported as such, and the object is still recorded (it exists). Under create_before_destroy
 * the old object is deposed (kept in the state under a deposed key) before the new one is created,
 * and removed once destroyed; if it cannot be destroyed it stays, and the next plan destroys it.
 * Deposed objects left by earlier applies are destroyed first, waiting for nothing. After each
 * create or update the instance's postconditions are checked against the new object; a failure
 * skips what depends on it, as any failure does.
 */
public final class Applier {
  private Applier() {}

  /**
   * What to apply: the plan, its providers (configured), the state it was made against, each
   * resource's dependencies (configuration addresses: module and instance keys dropped, from configuration and state), the
   * open lock ({@code begin} already called), and how to re-plan instances whose plan had unknowns.
   */
  public record Input(
      Plan plan,
      Map<ProviderAddress, Provider> providers,
      StateSnapshot prior,
      Map<ResourceAddress, Set<ResourceAddress>> dependencies,
      StateStore.Lock lock,
      Replanner replanner,
      int parallelism,
      ApplyListener listener,
      Duration stillInterval,
      PostconditionCheck postconditions) {
    /** Without postconditions to check after apply. */
    public Input(Plan plan, Map<ProviderAddress, Provider> providers, StateSnapshot prior,
        Map<ResourceAddress, Set<ResourceAddress>> dependencies, StateStore.Lock lock, Replanner replanner,
        int parallelism, ApplyListener listener, Duration stillInterval) {
      this(plan, providers, prior, dependencies, lock, replanner, parallelism, listener, stillInterval,
          PostconditionCheck.NONE);
    }

    public Input {
      Objects.requireNonNull(plan, "plan is null");
      providers = Map.copyOf(providers);
      Objects.requireNonNull(prior, "prior is null");
      dependencies = Map.copyOf(dependencies);
      Objects.requireNonNull(lock, "lock is null");
      Objects.requireNonNull(replanner, "replanner is null");
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      Objects.requireNonNull(listener, "listener is null");
      Objects.requireNonNull(stillInterval, "stillInterval is null");
      Objects.requireNonNull(postconditions, "postconditions is null");
    }
  }

  /** The state as applied (serial and lineage of the prior state) and what went wrong. */
  public record Result(StateSnapshot state, Diagnostics diagnostics, Set<ResourceAddress> failed) {}

  public static Result apply(Input input) {
    return new Run(input).run();
  }

  private enum Half { CREATE, DELETE }

  /** One step; {@code deposedKey} is set for the destruction of a deposed object. */
  private record Step(ResourceAddress address, Half half, String deposedKey) {
    Step(ResourceAddress address, Half half) {
      this(address, half, null);
    }
  }

  private static final class Run {
    private final Input in;
    private final Map<ResourceAddress, ResourceChange> changes = new TreeMap<>();
    private final Map<Step, Set<Step>> waitsFor = new LinkedHashMap<>();
    private final Map<Step, CompletableFuture<Boolean>> futures = new HashMap<>();
    private final Map<String, ResourceInstance> current;
    /** Deposed objects as they stand, by {@link DeposedObject#id()}. */
    private final Map<String, DeposedObject> deposed;
    /** The destructions of deposed objects left by earlier applies: they wait for nothing. */
    private final Map<Step, ResourceChange> deposedDeletes = new LinkedHashMap<>();
    /** The key under which a create_before_destroy deposed the old object of an address. */
    private final Map<ResourceAddress, String> deposedBy = new ConcurrentHashMap<>();
    /** Each resource's dependencies: the caller's, and those each change carries. */
    private final Map<ResourceAddress, Set<ResourceAddress>> dependencies = new HashMap<>();
    private final List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
    private final Set<ResourceAddress> failed = ConcurrentHashMap.newKeySet();
    private final Map<ProviderAddress, Map<String, ResourceSchema>> schemas = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService ticker;

    Run(Input in) {
      this.in = in;
      this.current = new ConcurrentHashMap<>(in.prior().resources());
      this.deposed = new ConcurrentHashMap<>(in.prior().deposed());
      in.dependencies().forEach((k, v) -> dependencies.put(k, new HashSet<>(v)));
    }

    Result run() {
      for (ResourceChange c : in.plan().changes()) {
        if (c.deposedKey() != null) {
          deposedDeletes.put(new Step(c.address(), Half.DELETE, c.deposedKey()), c);
          continue;
        }
        Set<ResourceAddress> deps = dependencies.computeIfAbsent(c.address().config(), k -> new HashSet<>());
        for (ResourceAddress d : c.dependencies()) {
          deps.add(d.config());
        }
        if (c.previousAddress() != null) {
          move(c);
        }
        if (c.action() == Action.FORGET) {
          forget(c);
        } else if (c.action() == Action.NO_OP && c.importing() != null) {
          adopt(c);
        } else if (c.action() != Action.NO_OP && c.action() != Action.READ) {
          changes.put(c.address(), c);
        }
      }
      buildSteps();
      addImplicitOrder();
      deposedDeletes.keySet().forEach(s -> waitsFor.put(s, new HashSet<>()));
      workers = Executors.newFixedThreadPool(in.parallelism(), r -> {
        Thread t = new Thread(r, "kplan-apply");
        t.setDaemon(true);
        return t;
      });
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kplan-apply-progress");
        t.setDaemon(true);
        return t;
      });
      try {
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (Step s : order()) {
          all.add(future(s));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
      } finally {
        workers.shutdownNow();
        ticker.shutdownNow();
      }
      return new Result(snapshot(), Diagnostics.of(diags), Set.copyOf(failed));
    }

    /**
     * Re-keys a stored object that moved (a {@code moved} block, or an implicit {@code a} ↔
     * {@code a[0]} move), before anything runs: the change, if any, then applies to it at its new
     * address. One recorded move, so the history shows a move rather than a removal and an addition.
     */
    private void move(ResourceChange c) {
      ResourceInstance stored = current.get(c.previousAddress().toString());
      if (stored == null) {
        return;
      }
      ResourceInstance moved = new ResourceInstance(c.address().toString(), stored.providerAddress(),
          stored.schemaVersion(), stored.attributesJson(), stored.sensitivePathsJson(), stored.dependencies(),
          stored.tainted(), stored.privateData());
      record(new StateChange.Move(c.previousAddress().toString(), moved), c.address());
      current.remove(c.previousAddress().toString());
      current.put(c.address().toString(), moved);
    }

    /** A {@code removed} object kept as it is: dropped from the state, the provider not asked. */
    private void forget(ResourceChange c) {
      record(new StateChange.Remove(c.address().toString()), c.address());
      current.remove(c.address().toString());
    }

    /**
     * An imported object that needs no change: recorded as read at plan time. (An imported object
     * that needs an update or a replacement is recorded by that step, from the imported object.)
     */
    private void adopt(ResourceChange c) {
      in.listener().onEvent(new ApplyEvent.Started(c.address(), ApplyEvent.Kind.IMPORT, idOf(c.before())));
      ResourceInstance ri = instance(c, c.before(), c.plannedPrivate(), false);
      record(new StateChange.Put(ri), c.address());
      current.put(c.address().toString(), ri);
      in.listener().onEvent(new ApplyEvent.Completed(c.address(), ApplyEvent.Kind.IMPORT, idOf(c.before()),
          Duration.ZERO));
    }

    private StateSnapshot snapshot() {
      return new StateSnapshot(in.prior().serial(), in.prior().lineage(), current, in.prior().outputs(), deposed);
    }

    // ---- ordering ----

    private Set<ResourceAddress> depsOf(ResourceAddress instance) {
      return dependencies.getOrDefault(instance.config(), Set.of());
    }

    /** Indexed by resource so that ordering stays linear in the number of dependency edges. */
    private void buildSteps() {
      Map<ResourceAddress, List<Step>> creates = new HashMap<>();
      Map<ResourceAddress, List<Step>> dependents = new HashMap<>();
      for (ResourceChange c : changes.values()) {
        List<Step> own = new ArrayList<>();
        if (c.action() != Action.DELETE) {
          Step s = new Step(c.address(), Half.CREATE);
          own.add(s);
          creates.computeIfAbsent(c.address().config(), k -> new ArrayList<>()).add(s);
        }
        if (c.action().destroys()) {
          own.add(new Step(c.address(), Half.DELETE));
        }
        for (Step s : own) {
          waitsFor.put(s, new HashSet<>());
          for (ResourceAddress d : depsOf(c.address())) {
            dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
          }
        }
      }
      for (Map.Entry<Step, Set<Step>> e : waitsFor.entrySet()) {
        Step s = e.getKey();
        ResourceChange c = changes.get(s.address());
        if (s.half() == Half.CREATE) {
          for (ResourceAddress d : depsOf(s.address())) {
            for (Step o : creates.getOrDefault(d, List.of())) {
              if (!o.address().equals(s.address())) {
                e.getValue().add(o);
              }
            }
          }
          if (c.action() == Action.DELETE_THEN_CREATE) {
            e.getValue().add(new Step(s.address(), Half.DELETE));
          }
        } else {
          for (Step o : dependents.getOrDefault(s.address().config(), List.of())) {
            // dependents go first; under create_before_destroy their new versions must exist first too
            if (!o.address().equals(s.address())
                && (o.half() == Half.DELETE || c.action() == Action.CREATE_THEN_DELETE)) {
              e.getValue().add(o);
            }
          }
          if (c.action() == Action.CREATE_THEN_DELETE) {
            e.getValue().add(new Step(s.address(), Half.CREATE));
          }
        }
      }
    }

    /**
     * Orderings that providers need beyond references ({@link ImplicitOrder}): a dependent's
     * create waits for its dependency's create, and the dependency's delete for the dependent's.
     */
    private void addImplicitOrder() {
      ImplicitOrder.of(changes.values(), in.providers()).forEach((dependent, deps) -> {
        for (ResourceAddress d : deps) {
          Set<Step> create = waitsFor.get(new Step(dependent, Half.CREATE));
          if (create != null && waitsFor.containsKey(new Step(d, Half.CREATE))) {
            create.add(new Step(d, Half.CREATE));
          }
          Set<Step> delete = waitsFor.get(new Step(d, Half.DELETE));
          if (delete != null && waitsFor.containsKey(new Step(dependent, Half.DELETE))) {
            delete.add(new Step(dependent, Half.DELETE));
          }
        }
      });
    }

    /**
     * The steps in an order where each comes after what it waits for (Kahn's algorithm: no
     * recursion, so long dependency chains cannot overflow the stack); steps in a cycle are
     * reported and left out, and so is everything waiting on them.
     */
    private List<Step> order() {
      Map<Step, Integer> pending = new HashMap<>();
      Map<Step, List<Step>> waiters = new HashMap<>();
      java.util.ArrayDeque<Step> ready = new java.util.ArrayDeque<>();
      for (Map.Entry<Step, Set<Step>> e : waitsFor.entrySet()) {
        pending.put(e.getKey(), e.getValue().size());
        for (Step d : e.getValue()) {
          waiters.computeIfAbsent(d, k -> new ArrayList<>()).add(e.getKey());
        }
        if (e.getValue().isEmpty()) {
          ready.add(e.getKey());
        }
      }
      List<Step> out = new ArrayList<>();
      while (!ready.isEmpty()) {
        Step s = ready.poll();
        out.add(s);
        for (Step w : waiters.getOrDefault(s, List.of())) {
          if (pending.merge(w, -1, Integer::sum) == 0) {
            ready.add(w);
          }
        }
      }
      if (out.size() < waitsFor.size()) {
        Set<ResourceAddress> stuck = new java.util.TreeSet<>();
        for (Step s : waitsFor.keySet()) {
          if (pending.get(s) > 0) {
            stuck.add(s.address());
          }
        }
        failed.addAll(stuck);
        diags.add(Diagnostic.error("Cycle in apply order",
            "The changes to " + stuck.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "))
                + " wait on each other in a cycle and cannot be applied.", null));
      }
      return out;
    }

    /** The step's run, after everything it waits for (already built: {@link #order} puts those first). */
    private CompletableFuture<Boolean> future(Step s) {
      List<CompletableFuture<Boolean>> before = new ArrayList<>();
      for (Step d : waitsFor.get(s)) {
        before.add(futures.get(d));
      }
      CompletableFuture<Boolean> f = CompletableFuture.allOf(before.toArray(new CompletableFuture[0]))
          .thenApplyAsync(v -> {
            for (CompletableFuture<Boolean> b : before) {
              if (!b.join()) {
                return false; // something this waits on failed: skip it, as Terraform does
              }
            }
            return execute(s);
          }, workers);
      futures.put(s, f);
      return f;
    }

    // ---- one step ----

    private boolean execute(Step s) {
      ResourceChange c = s.deposedKey() != null ? deposedDeletes.get(s) : changes.get(s.address());
      try {
        return s.deposedKey() != null ? deleteDeposed(c) : s.half() == Half.CREATE ? createOrUpdate(c) : delete(c);
      } catch (RuntimeException e) {
        fail(c.address(), s.half() == Half.CREATE ? kindOf(c) : ApplyEvent.Kind.DELETE,
            Diagnostic.error("Error applying " + c.address(), "The provider failed: " + e.getMessage(), null));
        return false;
      }
    }

    private static ApplyEvent.Kind kindOf(ResourceChange c) {
      return c.action() == Action.UPDATE ? ApplyEvent.Kind.UPDATE : ApplyEvent.Kind.CREATE;
    }

    private boolean createOrUpdate(ResourceChange saved) {
      ResourceAddress addr = saved.address();
      ApplyEvent.Kind kind = kindOf(saved);
      ResourceChange c = saved;
      // a wholly known configuration plans the same again: only unknown arguments need the values learned so far
      if (!saved.config().isWhollyKnown()) {
        Replanner.Result r = in.replanner().replan(addr, Collections.unmodifiableMap(current));
        diags.addAll(r.diagnostics().items());
        if (r.change() == null || r.diagnostics().hasErrors()) {
          failed.add(addr);
          in.listener().onEvent(new ApplyEvent.Failed(addr, kind, "Error planning at apply time"));
          return false;
        }
        List<String> problems = Compatibility.problems(saved.after(), r.change().after());
        if (!problems.isEmpty()) {
          fail(addr, kind, Diagnostic.error("Provider produced inconsistent final plan",
              "When expanding the plan for " + addr + " to include new values learned so far during apply, provider \""
                  + saved.provider() + "\" produced an invalid new value for " + String.join(", ", problems)
                  + ".\n\nThis is a bug in the provider, which should be reported in the provider's own issue tracker.",
              null));
          return false;
        }
        c = new ResourceChange(addr, saved.action(), saved.before(), r.change().after(), saved.replacePaths(),
            saved.reason(), saved.provider(), r.change().config(), r.change().plannedPrivate(), saved.dependencies(),
            saved.previousAddress());
      }
      Provider provider = in.providers().get(c.provider());
      boolean replacing = c.action().isReplace();
      Value prior = replacing ? Value.nullOf(c.after().type()) : ValueMarks.unmarkDeep(c.before());
      // a create is journaled first, so that a crash before its result is stored leaves a trace to follow
      IntentJournal.Opened journal = null;
      if (prior.isNull()) {
        try {
          journal = IntentJournal.open(in.lock(), provider, c.provider(), addr, ValueMarks.unmarkDeep(c.after()),
              ValueMarks.unmarkDeep(c.config()));
        } catch (StateException e) {
          fail(addr, kind, Diagnostic.error("Failed to save state", "kplan did not create " + addr
              + ", because the intent to create it could not be recorded first: " + e.getMessage(), null));
          return false;
        }
        diags.addAll(journal.diagnostics().items());
        if (journal.diagnostics().hasErrors()) {
          failed.add(addr);
          in.listener().onEvent(new ApplyEvent.Failed(addr, kind, firstSummary(journal.diagnostics())));
          return false;
        }
      }
      dev.kplan.state.Intent intent = journal == null ? null : journal.intent();
      String deposedKey = null;
      if (c.action() == Action.CREATE_THEN_DELETE && current.containsKey(addr.toString())) {
        // the old object stays in the state, deposed, until it is destroyed: a failure in between keeps both
        deposedKey = DeposedKeys.next(k -> deposed.containsKey(DeposedObject.id(addr.toString(), k)));
        ResourceInstance old = current.get(addr.toString());
        if (!recorded(new StateChange.Depose(addr.toString(), deposedKey), addr)) {
          in.listener().onEvent(new ApplyEvent.Failed(addr, kind, "Failed to save state"));
          return false;
        }
        current.remove(addr.toString());
        DeposedObject d = new DeposedObject(deposedKey, old);
        deposed.put(d.id(), d);
        deposedBy.put(addr, deposedKey);
      }
      String startId = replacing ? null : idOf(c.before());
      in.listener().onEvent(new ApplyEvent.Started(addr, kind, startId));
      long t0 = System.nanoTime();
      ScheduledFuture<?> still = still(addr, kind, startId, t0);
      ApplyResult ar;
      try {
        ar = provider.apply(new ApplyRequest(addr.type(), prior, ValueMarks.unmarkDeep(c.after()),
            ValueMarks.unmarkDeep(c.config()), c.plannedPrivate(), SensitivePaths.of(c.after()), addr.toString(),
            journal == null ? Map.of() : journal.identity()));
      } finally {
        still.cancel(false);
      }
      if (prior.isNull() && !ar.newState().isNull()) {
        CrashAfterCreate.created(addr);
      }
      diags.addAll(ar.diagnostics().items());
      Value newState = ar.newState();
      boolean stored = true;
      if (!newState.isNull()) {
        Value marked = SensitivePaths.afterApply(c.after(), newState, ar.sensitivePaths());
        boolean tainted = ar.diagnostics().hasErrors() && kind == ApplyEvent.Kind.CREATE;
        ResourceInstance ri = instance(c, marked, ar.privateData(), tainted);
        stored = intent == null ? recorded(new StateChange.Put(ri), addr)
            : recordedResult(intent.id(), new StateChange.Put(ri), addr);
        current.put(addr.toString(), ri);
      } else if (kind == ApplyEvent.Kind.UPDATE) {
        stored = recorded(new StateChange.Remove(addr.toString()), addr);
        current.remove(addr.toString());
      } else if (deposedKey != null) {
        // nothing replaced the old object: it is the current one again
        DeposedObject d = deposed.remove(DeposedObject.id(addr.toString(), deposedKey));
        record(new StateChange.Restore(addr.toString(), deposedKey), addr);
        current.put(addr.toString(), d.instance());
        deposedBy.remove(addr);
      }
      if (intent != null && stored) {
        // the answer is stored (or there was nothing to store): nothing is left to follow up
        closeIntent(intent.id());
      }
      if (ar.diagnostics().hasErrors()) {
        failed.add(addr);
        in.listener().onEvent(new ApplyEvent.Failed(addr, kind, firstSummary(ar.diagnostics())));
        return false;
      }
      if (!stored) {
        // nothing is to build on an object the state does not hold
        in.listener().onEvent(new ApplyEvent.Failed(addr, kind, "Failed to save state"));
        return false;
      }
      List<String> problems = newState.isNull() ? List.of("the object is gone") : Compatibility.problems(c.after(), newState);
      if (!problems.isEmpty()) {
        fail(addr, kind, Diagnostic.error("Provider produced inconsistent result after apply",
            "When applying changes to " + addr + ", provider \"" + c.provider() + "\" produced an unexpected new value: "
                + String.join(", ", problems) + " differ from the plan."
                + "\n\nThis is a bug in the provider, which should be reported in the provider's own issue tracker.",
            null));
        return false;
      }
      in.listener().onEvent(new ApplyEvent.Completed(addr, kind, idOf(newState), elapsed(t0)));
      // a postcondition that could only be decided now stops what depends on the object (which stays recorded)
      Diagnostics checked = in.postconditions().check(addr, Collections.unmodifiableMap(current));
      diags.addAll(checked.items());
      if (checked.hasErrors()) {
        failed.add(addr);
        return false;
      }
      return true;
    }

    private boolean delete(ResourceChange c) {
      ResourceAddress addr = c.address();
      Provider provider = in.providers().get(c.provider());
      String id = idOf(c.before());
      // under create_before_destroy the old object was deposed first: the lines name it so, as Terraform's
      String key = c.action() == Action.CREATE_THEN_DELETE ? deposedBy.get(addr) : null;
      in.listener().onEvent(new ApplyEvent.Started(addr, ApplyEvent.Kind.DELETE, id, key));
      long t0 = System.nanoTime();
      ScheduledFuture<?> still = still(addr, ApplyEvent.Kind.DELETE, id, t0, key);
      Value before = ValueMarks.unmarkDeep(c.before());
      ApplyResult ar;
      try {
        ar = provider.apply(new ApplyRequest(addr.type(), before, Value.nullOf(before.type()),
            Value.nullOf(before.type()), null));
      } finally {
        still.cancel(false);
      }
      diags.addAll(ar.diagnostics().items());
      if (ar.diagnostics().hasErrors()) {
        failed.add(addr);
        if (c.action() == Action.CREATE_THEN_DELETE && deposedBy.containsKey(addr)) {
          diags.add(Diagnostic.error("Old object left behind",
              "The replacement of " + addr + " was created, but its old object" + (id == null ? "" : " (id=" + id + ")")
                  + " could not be destroyed. It is kept in the state as deposed object " + deposedBy.get(addr)
                  + ", and the next plan destroys it.", null));
        }
        in.listener().onEvent(new ApplyEvent.Failed(addr, ApplyEvent.Kind.DELETE, firstSummary(ar.diagnostics()),
            key));
        return false;
      }
      // the delete half of create_before_destroy removes the deposed old object: the address holds the new one
      if (c.action() != Action.CREATE_THEN_DELETE) {
        if (!recorded(new StateChange.Remove(addr.toString()), addr)) {
          // the state still holds the object: what waits on this delete (a replacement's create) must not run
          in.listener().onEvent(new ApplyEvent.Failed(addr, ApplyEvent.Kind.DELETE, "Failed to save state"));
          return false;
        }
        current.remove(addr.toString());
      } else if (deposedBy.containsKey(addr)) {
        deposedBy.remove(addr);
        record(new StateChange.RemoveDeposed(addr.toString(), key), addr);
        deposed.remove(DeposedObject.id(addr.toString(), key));
      }
      in.listener().onEvent(new ApplyEvent.Completed(addr, ApplyEvent.Kind.DELETE, id, elapsed(t0), key));
      return true;
    }

    /** Destroys a deposed object left by an earlier apply. */
    private boolean deleteDeposed(ResourceChange c) {
      ResourceAddress addr = c.address();
      String key = c.deposedKey();
      Provider provider = in.providers().get(c.provider());
      String id = idOf(c.before());
      in.listener().onEvent(new ApplyEvent.Started(addr, ApplyEvent.Kind.DELETE, id, key));
      long t0 = System.nanoTime();
      ScheduledFuture<?> still = still(addr, ApplyEvent.Kind.DELETE, id, t0, key);
      Value before = ValueMarks.unmarkDeep(c.before());
      ApplyResult ar;
      try {
        ar = provider.apply(new ApplyRequest(addr.type(), before, Value.nullOf(before.type()),
            Value.nullOf(before.type()), c.plannedPrivate()));
      } finally {
        still.cancel(false);
      }
      diags.addAll(ar.diagnostics().items());
      if (ar.diagnostics().hasErrors()) {
        failed.add(addr);
        in.listener().onEvent(new ApplyEvent.Failed(addr, ApplyEvent.Kind.DELETE, firstSummary(ar.diagnostics()),
            key));
        return false;
      }
      record(new StateChange.RemoveDeposed(addr.toString(), key), addr);
      deposed.remove(DeposedObject.id(addr.toString(), key));
      in.listener().onEvent(new ApplyEvent.Completed(addr, ApplyEvent.Kind.DELETE, id, elapsed(t0), key));
      return true;
    }

    private ScheduledFuture<?> still(ResourceAddress addr, ApplyEvent.Kind kind, String id, long t0) {
      return still(addr, kind, id, t0, null);
    }

    private ScheduledFuture<?> still(ResourceAddress addr, ApplyEvent.Kind kind, String id, long t0, String key) {
      long every = in.stillInterval().toMillis();
      return ticker.scheduleAtFixedRate(
          () -> in.listener().onEvent(new ApplyEvent.StillRunning(addr, kind, id, elapsed(t0), key)),
          every, every, TimeUnit.MILLISECONDS);
    }

    private ResourceInstance instance(ResourceChange c, Value marked, String privateData, boolean tainted) {
      Map<String, ResourceSchema> types = schemas.computeIfAbsent(c.provider(),
          p -> in.providers().get(p).schema().resources());
      ResourceSchema schema = types.get(c.address().type());
      List<String> deps = new ArrayList<>();
      for (ResourceAddress d : new java.util.TreeSet<>(depsOf(c.address()))) {
        deps.add(d.toString());
      }
      // typed, so that values under an attribute of type any come back with their exact type
      dev.kplan.lang.types.Type type = schema == null ? marked.type() : schema.block().impliedType();
      return new ResourceInstance(c.address().toString(), c.provider().toString(), schema == null ? 0 : schema.version(),
          JsonCodec.encode(ValueMarks.unmarkDeep(marked), type), SensitivePaths.encode(marked), deps, tainted,
          privateData);
    }

    private void record(StateChange change, ResourceAddress addr) {
      recorded(change, addr);
    }

    /** Records a finished change; false (with a diagnostic) when the state could not take it. */
    private boolean recorded(StateChange change, ResourceAddress addr) {
      try {
        in.lock().record(change);
        return true;
      } catch (StateException e) {
        failed.add(addr);
        diags.add(Diagnostic.error("Failed to save state",
            "The change to " + addr + " was made but could not be recorded: " + e.getMessage(), null));
        return false;
      }
    }

    /** Records the object a journaled create made, marking its intent answered in the same transaction. */
    private boolean recordedResult(String intentId, StateChange change, ResourceAddress addr) {
      try {
        in.lock().recordResult(intentId, change);
        return true;
      } catch (StateException e) {
        failed.add(addr);
        diags.add(Diagnostic.error("Failed to save state",
            "The change to " + addr + " was made but could not be recorded: " + e.getMessage()
                + "\n\nIts intent stays in the state's journal: the next plan looks the object up and adopts it.", null));
        return false;
      }
    }

    /** An intent whose answer is stored; left open on failure, the next plan finds it answered and closes it. */
    private void closeIntent(String intentId) {
      try {
        in.lock().closeIntent(intentId);
      } catch (StateException e) {
        diags.add(Diagnostic.warning("Intent not closed", "An entry of the state's intent journal (" + intentId
            + ") could not be removed: " + e.getMessage() + " The next plan removes it.", null));
      }
    }

    private void fail(ResourceAddress addr, ApplyEvent.Kind kind, Diagnostic d) {
      failed.add(addr);
      diags.add(d);
      in.listener().onEvent(new ApplyEvent.Failed(addr, kind, d.summary()));
    }

    private static String firstSummary(Diagnostics d) {
      for (Diagnostic x : d.items()) {
        if (x.isError()) {
          return x.summary();
        }
      }
      return "failed";
    }

    private static Duration elapsed(long t0) {
      return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String idOf(Value v) {
      if (v instanceof ObjectValue o && o.get("id") instanceof StringValue s) {
        return s.value();
      }
      return null;
    }
  }
}
