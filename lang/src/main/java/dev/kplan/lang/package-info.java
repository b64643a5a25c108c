/** The kplan configuration language. */
package dev.kplan.lang;
