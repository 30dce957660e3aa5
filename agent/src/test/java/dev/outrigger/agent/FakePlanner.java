package dev.outrigger.agent;

/** Stands in for a library in {@link WeaverTest}: a route planner that always answers "no proxy", and a request. */
public class FakePlanner {
    public String determineProxy(String target) {
        return null;
    }

    public boolean requiresTunnel(String target) {
        return target.startsWith("https:");
    }

    public String send(String request, int attempt) {
        return "sent " + request;
    }

    /** A wide argument before the ones an entry hook is passed, so they sit two slots further. */
    public String exchange(String request, long attempt, String route, String context) {
        return "sent " + request;
    }

    /** Starts with a loop: the method's first instruction is a jump target, with a stack map frame of its own. */
    public String pad(String text) {
        do {
            text = text + ".";
        } while (text.length() < 4);
        return text;
    }
}
