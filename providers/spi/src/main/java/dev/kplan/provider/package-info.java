/** The provider SPI: schemas, configure, validate, read, plan, apply. Depends on lang values only. */
package dev.kplan.provider;
