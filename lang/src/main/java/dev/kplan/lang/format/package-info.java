/**
 * {@code kplan fmt}: rewrites configuration text in the canonical style of {@code terraform fmt}
 * (hclwrite's rules), changing only whitespace plus Terraform's few normalisations. Imports
 * lang.syntax, lang.ast and lang.diag.
 */
package dev.kplan.lang.format;
