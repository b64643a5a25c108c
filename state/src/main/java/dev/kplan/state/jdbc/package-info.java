/**
 * The JDBC state store: {@link dev.kplan.state.jdbc.JdbcStateStore} on an H2 file by default
 * ({@code .kplan/state.mv.db}) or on any database by URL (PostgreSQL), with the same SQL and the
 * same Flyway migrations ({@code db/migration}) on both.
 *
 * <h2>Layout</h2>
 * Every version is kept. {@code state_version} has one row per apply (serial, lineage, who,
 * command, counts, sealed). Rows of {@code resource_instance} and {@code output_value} carry the
 * range of versions they belong to, {@code [since_serial, until_serial)}: the latest state is the
 * rows with no {@code until_serial} (one indexed scan, however long the history), {@code begin} is
 * one insert, and {@code record} touches at most two rows in its own transaction, so every finished
 * change survives a crash. A version never sealed (its process died) is still the latest truth:
 * {@code read} returns it and the next {@code begin} continues from it; its counts are derived from
 * its rows. Deposed objects (create_before_destroy's old objects not destroyed yet) are rows of
 * {@code resource_deposed}, keyed by address and deposed key, versioned the same way; deposing and
 * restoring move one row between the two tables in one transaction. A move ({@code moved} block,
 * {@code state mv}) ends the object's row at its old address, starts one at the new address and
 * writes a {@code state_move} row (version, from, to) in one transaction ({@code MoveRows}), so
 * history shows it as a move; {@code state_version.moved} counts them (NULL: written before moves
 * were recorded).
 *
 * <p>The intent journal ({@code intent_journal}, {@code IntentRows}) is outside the versions: a row
 * is written before each create, marked with the serial that holds the provider's answer in the
 * same transaction as the object's row, and deleted afterwards. A row that is left is a create a
 * crash interrupted, which the engine follows up on the next plan.
 *
 * <h2>Several processes, one H2 file</h2>
 * Embedded H2 locks its file per process, so a second kplan could not even open the state to see
 * who holds the lock. The file is opened in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}):
 * the first process opens it and serves it to the others over loopback (the server binds
 * 127.0.0.1 only, through {@code h2.bindAddress}, and needs the random key H2 writes to the
 * {@code .lock.db} file beside the state); when that process exits
 * (or is killed) the next connection opens the file itself. With one database shared by all, the
 * state lock is a row of {@code state_lock} (ID, owner, operation, time, holder host and pid) on H2
 * and PostgreSQL alike, so a second process waits (polling with backoff) up to its timeout and then
 * fails naming the holder. On H2 a row whose holder was a process on this host that no longer
 * exists is stale and cleared; a holder on another host can only be removed by {@code force-unlock}.
 * On PostgreSQL the holder keeps a session-level advisory lock keyed by its lock ID for the whole
 * operation ({@code SessionLock}); a row whose advisory lock nobody holds is stale, whatever host
 * it names, because PostgreSQL ends the session of a holder that died.
 *
 * <h2>Integrity</h2>
 * Each version's SHA-256 over its canonical content ({@code Checksum}) is stored when it is sealed
 * and checked on every read and by {@code verify()}; {@code copyTo} ({@code state migrate}) copies
 * every table in foreign-key order and proves the copy by those checksums. A
 * separate OS lock file was the alternative: it frees itself when a process dies, but only the
 * holder could then open the database, so nobody else could read the state or the holder's name
 * from it during an apply, and PostgreSQL would need a second mechanism anyway.
 * {@code WRITE_DELAY=0} makes each commit reach the file before it returns.
 *
 * <p>H2 opens a truncated file by falling back to the newest whole chunk, an older state, and
 * writes on from there; so a file nobody has open that is visibly cut short is refused before H2
 * touches it ({@code H2FileCheck}). After a crash (a {@code .lock.db} is left) the fall-back is
 * right: only the chunk of a commit that never returned can be incomplete.
 *
 * <h2>Workspaces and encryption</h2>
 * A workspace is a schema beside the connection's own ({@code Workspaces}), so every query above is
 * the same for each. Sensitive values are sealed with AES-256-GCM under a passphrase-derived key
 * on their way in and opened on their way out ({@code SensitiveCipher}, {@code Encryption});
 * checksums cover the sealed text.
 *
 * <p>Errors a user can cause (a damaged file, an unreachable database, a schema from a newer kplan)
 * become {@link dev.kplan.state.StateException}s naming the file or URL; nothing is ever repaired
 * by recreating. Must not import lang, the engine, providers or the CLI.
 */
package dev.kplan.state.jdbc;
