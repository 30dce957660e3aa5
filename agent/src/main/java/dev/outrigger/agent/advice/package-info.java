/**
 * Advice woven into client libraries. These classes are never loaded: Byte Buddy reads them as class files and
 * copies their code into the library's method, so they may name the library's types freely. Each one only replaces
 * a "no proxy" answer with the sidecar, asks {@link dev.outrigger.bootstrap.SidecarRoutes} whether to, and swallows
 * its own faults ({@code suppress = Throwable.class}) so the call then goes as it would without the agent. Advice
 * woven into the JDK's own clients adds the call's signals for the sidecar instead, and names JDK types only.
 */
package dev.outrigger.agent.advice;
