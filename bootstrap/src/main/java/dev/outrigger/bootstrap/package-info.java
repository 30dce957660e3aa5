/**
 * The redirect decision and the {@link java.net.ProxySelector} that applies it. JDK types only and no dependencies,
 * so these classes can be appended to the boot class path as they are, the day advice woven into JDK classes has to
 * call them. Today nothing needs that: the agent installs the selector with
 * {@link java.net.ProxySelector#setDefault}, and the classes load from the agent jar.
 */
package dev.outrigger.bootstrap;
