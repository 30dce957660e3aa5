package dev.outrigger.agent;

/** Stands in for a library's route planner in {@link WeaverTest}: it always answers "no proxy". */
public class FakePlanner {
    public String determineProxy(String target) {
        return null;
    }
}
