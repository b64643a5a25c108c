/** Offline resources (files, kplan_data, random values). Depends on the provider SPI only. */
package dev.kplan.provider.local;
