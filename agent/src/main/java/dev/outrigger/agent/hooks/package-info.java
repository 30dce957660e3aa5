/**
 * Hooks linked into client libraries. The agent never loads these classes itself: it hands each one's class file,
 * renamed, to {@link dev.outrigger.bootstrap.Hooks}, which defines it in the package and class loader of the library
 * class it serves, so a hook may name the library's types freely. Each has one static method {@code exit(returned[,
 * self[, firstArgument]])} returning what the library's method should return. Each only replaces a "no proxy" answer
 * with the sidecar and asks {@link dev.outrigger.bootstrap.SidecarRoutes} whether to; if it throws,
 * {@code Hooks} keeps the library's own answer, so the call goes as it would without the agent.
 */
package dev.outrigger.agent.hooks;
