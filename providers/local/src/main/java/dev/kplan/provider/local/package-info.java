/**
 * Offline resources, useful on their own and to prove the engine: {@code local_file},
 * {@code local_sensitive_file} and the data sources of the same names (hashicorp/local),
 * {@code random_id}, {@code random_string}, {@code random_password} (hashicorp/random v3), and
 * {@code kplan_data} (Terraform's built-in {@code terraform_data}).
 *
 * <p><b>For the engine.</b> One implementation ({@link dev.kplan.provider.local.LocalProvider})
 * is registered as three {@link dev.kplan.provider.ProviderFactory} services named {@code local},
 * {@code random} and {@code kplan}, so that the engine's rule "a resource type's provider is the
 * prefix before its first {@code _}" finds each type; each provider's schema lists only its own
 * types. A cleaner alternative for later: let {@code ProviderFactory} list the type prefixes it
 * serves, so one factory could serve all three.
 *
 * <ul>
 *   <li>{@code provider "local" { base_dir = "…" }}: relative {@code filename}s and {@code source}s
 *       start there. A JVM cannot change its working directory, so when the configuration leaves
 *       {@code base_dir} null the engine should pass the module folder (the CLI's {@code -chdir})
 *       as {@code base_dir} in the {@code ConfigureRequest}; a relative {@code base_dir} is taken
 *       from the JVM's working directory, which is also the default before {@code configure}.
 *       {@code random} and {@code kplan} have no configuration.</li>
 *   <li>Plans: a replace plan is already a create plan (computed attributes unknown), so the
 *       engine need not plan again with a null prior. {@code local_file} digests and {@code id}
 *       are known at plan time (from content, content_base64, or the source file if it exists).
 *       Every {@code local_file}/{@code random_*} argument forces replacement; a
 *       {@code kplan_data.input} change is an update with {@code output} unknown.</li>
 *   <li>Reads: a missing file is a null live state (gone); a file whose bytes changed comes back
 *       with the new {@code content} (or {@code content_base64}) and digests, which the engine shows
 *       as drift; hashicorp/local instead forgets such a file. File modes are created under the
 *       umask, as upstream, and not read back. {@code random_*} and {@code kplan_data} read back
 *       their stored state.</li>
 *   <li>Apply writes {@code .NAME.kplan-tmp} beside the target, flushes it and renames it over
 *       the target; a temporary file left by a killed process is taken over by the next write of
 *       that file, so a crash leaves no stray file once the engine re-creates what was not
 *       recorded. An apply whose planned arguments are still unknown throws
 *       {@code ProviderException(PROVIDER_BUG)}: the engine must plan again with known values
 *       (computed attributes may stay unknown).</li>
 *   <li>Sensitive attributes ({@code random_password.result}, {@code local_sensitive_file.content}
 *       and {@code content_base64}) are flagged in the schema; values go in and out unmarked, and
 *       marks on inputs are stripped.</li>
 *   <li>Import ids: {@code local_file} by filename, {@code random_id} by {@code B64URL} or
 *       {@code PREFIX,B64URL}, {@code random_string}/{@code random_password} by the value itself,
 *       {@code kplan_data} by its id.</li>
 *   <li>Left out: {@code random_password.bcrypt_hash} (no bcrypt library in the project), the
 *       deprecated {@code random_*.number} and {@code local_file.sensitive_content}.</li>
 * </ul>
 *
 * <p>Depends on the provider SPI (and the lang values it uses) only; never on the engine or state.
 */
package dev.kplan.provider.local;
