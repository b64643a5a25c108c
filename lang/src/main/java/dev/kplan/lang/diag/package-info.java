/** Diagnostics: source ranges, errors and warnings, and their rendering. Imports nothing else of kplan. */
package dev.kplan.lang.diag;
