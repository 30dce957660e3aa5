/**
 * Hooks linked into client libraries. The agent never loads these classes itself: it hands each one's class file,
 * renamed, to {@link dev.outrigger.bootstrap.Hooks}, which defines it in the package and class loader of the library
 * class it serves, so a hook may name the library's types freely. Each is an {@link dev.outrigger.bootstrap.OnExit}
 * (it answers what the library's method returns) or an {@link dev.outrigger.bootstrap.OnEntry} (it answers the
 * method's first argument). Each only changes the library's answer where it would go direct and
 * {@link dev.outrigger.bootstrap.SidecarRoutes} says the call is the sidecar's; if it throws, {@code Hooks} keeps
 * the library's own value, so the call goes as it would without the agent.
 */
package dev.outrigger.agent.hooks;
