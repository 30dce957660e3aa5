/**
 * Classes the agent appends to the bootstrap class path, so that every class loader (and any advice woven into
 * JDK classes) sees one copy of them. JDK types only, no dependencies. These classes must never be loaded by any
 * other class loader: the agent jar carries them as a nested jar, not as top-level entries.
 */
package dev.outrigger.bootstrap;
