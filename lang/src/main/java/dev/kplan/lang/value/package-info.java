/**
 * The value model (go-cty's): typed values, nulls, unknowns and marks, and their JSON and YAML
 * text ({@link dev.kplan.lang.value.JsonCodec}, {@link dev.kplan.lang.value.YamlCodec}). Imports
 * only lang.types, plus SnakeYAML's low-level event parser inside YamlCodec.
 */
package dev.kplan.lang.value;
