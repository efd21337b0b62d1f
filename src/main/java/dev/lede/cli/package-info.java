/**
 * The {@code lede} command line ({@link dev.lede.cli.LedeCommand}): {@code index}, {@code search}
 * and {@code stats}, on the public API only. Needs picocli, which the runnable jar bundles and
 * the library does not bring to embedders. Not exported.
 */
package dev.lede.cli;
