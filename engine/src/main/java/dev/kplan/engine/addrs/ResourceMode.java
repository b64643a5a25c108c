package dev.kplan.engine.addrs;

/** Whether an address names a managed resource ({@code resource} block) or a data source ({@code data} block). */
public enum ResourceMode {
  MANAGED,
  DATA
}
