package dev.outrigger.agent;

/** How much the agent writes to standard error. */
enum LogLevel {
    /** Nothing, not even warnings. */
    OFF,
    /** The startup line and warnings. */
    INFO,
    /** Also sidecar reachability changes. */
    DEBUG
}
